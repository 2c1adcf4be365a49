import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { loadProject, loadProjects } from '../../../server/src/project/load';
import { ProjectModel } from '../../../server/src/project/model';
import { settingsAnalysis } from '../../../server/src/settings/project-settings';
import { writeFiles } from '../../temp-project';

function makeTree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-partition-')));
  writeFiles(root, files);
  return root;
}

/** A cookiecutter-style project under `folder`, its production module `module` importing base absolutely. */
function djangoProject(folder: string, module: string, hosts: string): Record<string, string> {
  return {
    [`${folder}/manage.py`]: 'import os\n',
    [`${folder}/config/settings/base.py`]: `DEBUG = False\nALLOWED_HOSTS = ${hosts}\nINSTALLED_APPS = []\n`,
    [`${folder}/config/settings/${module}.py`]: 'from config.settings.base import *  # noqa\nSECRET_KEY = "x"\n',
    [`${folder}/config/settings/local.py`]: 'from .base import *  # noqa\n',
    [`${folder}/.envs/.production/.django`]: `DJANGO_SETTINGS_MODULE=config.settings.${module}\n`,
    [`${folder}/docker-compose.production.yml`]: 'services:\n  django:\n    image: app\n    command: gunicorn config.wsgi\n    env_file:\n      - ./.envs/.production/.django\n',
  };
}

const summary = (model: ProjectModel) => ({
  root: model.root,
  files: model.files.map((file) => `${file.relativePath} ${file.kind} ${model.contextOf(file).context}`),
});

describe('a folder holding several Django projects', () => {
  it('is analysed as one model per project, the folder own files last', () => {
    const root = makeTree({
      ...djangoProject('shop', 'production', '["*"]'),
      ...djangoProject('blog', 'live', '["blog.example.com"]'),
      'DEPLOYMENT_CHECKLIST.md': '# Checklist\n',
      'node_modules/x/manage.py': '',
      'node_modules/x/.env': 'A=1\n',
    });
    const models = [...loadProjects(root)];
    assert.deepEqual(models.map((model) => path.relative(root, model.root)), ['blog', 'shop', '']);
    assert.deepEqual(summary(models[2]).files, ['DEPLOYMENT_CHECKLIST.md checklist unknown']);
    assert.deepEqual(summary(models[0]).files, [
      '.envs/.production/.django env production',
      'config/settings/base.py settings production',
      'config/settings/live.py settings production',
      'config/settings/local.py settings development',
      'docker-compose.production.yml compose production',
    ]);
    for (const [model, module] of [[models[0], 'live'], [models[1], 'production']] as const) {
      const analysis = settingsAnalysis(model);
      // Each project's DJANGO_SETTINGS_MODULE selects its own module, whose absolute import of
      // config.settings.base resolves within the same project.
      assert.equal(analysis.production?.file.path, path.join(model.root, 'config/settings', `${module}.py`));
      assert.deepEqual(analysis.namespaces.get(analysis.production!.file.path)!.files, [
        path.join(model.root, 'config/settings', `${module}.py`),
        path.join(model.root, 'config/settings/base.py'),
      ]);
    }
  });

  it('keeps one model when a compose file outside the projects deploys them (a monorepo)', () => {
    const root = makeTree({
      'backend/manage.py': '',
      'backend/config/settings/production.py': 'DEBUG = False\nINSTALLED_APPS = []\n',
      'backend/.envs/.production/.django': 'DJANGO_SETTINGS_MODULE=config.settings.production\n',
      'worker/manage.py': '',
      'worker/worker/settings.py': 'INSTALLED_APPS = []\n',
      'docker-compose.production.yml': 'services:\n  django:\n    build: ./backend\n    command: gunicorn config.wsgi\n    env_file:\n      - ./backend/.envs/.production/.django\n',
    });
    const models = [...loadProjects(root)];
    assert.equal(models.length, 1);
    assert.equal(models[0].root, root);
    const env = models[0].get(path.join(root, 'backend/.envs/.production/.django'))!;
    // The compose file's env_file: still reaches the backend's env file, and through it the settings module.
    assert.match(models[0].contextOf(env).reason, /docker-compose\.production\.yml/);
    assert.equal(settingsAnalysis(models[0]).production?.file.relativePath, 'backend/config/settings/production.py');
  });

  it('keeps one model for a single Django project below the folder, as loadProject does', () => {
    const root = makeTree({ ...djangoProject('backend', 'production', '[]'), 'DEPLOYMENT_CHECKLIST.md': '# Checklist\n' });
    const models = [...loadProjects(root)];
    assert.deepEqual(models.map(summary), [summary(loadProject(root))]);
  });

  it('judges kinds, contexts and globs on paths relative to the folder walked', () => {
    const root = makeTree({
      ...djangoProject('shop', 'production', '[]'),
      ...djangoProject('blog', 'production', '[]'),
      'shop/deploy/values.env': 'A=1\n',
      'blog/deploy/values.env': 'A=1\n',
    });
    const [blog, shop] = [...loadProjects(root, { productionGlobs: ['shop/deploy/*.env'] })];
    assert.equal(shop.get(path.join(root, 'shop/deploy/values.env'))!.context, 'production');
    assert.equal(shop.get(path.join(root, 'shop/deploy/values.env'))!.relativePath, 'deploy/values.env');
    assert.equal(blog.get(path.join(root, 'blog/deploy/values.env'))!.context, 'unknown');
  });

  it('gives each project its share of what git says', () => {
    const root = makeTree({ ...djangoProject('shop', 'production', '[]'), ...djangoProject('blog', 'production', '[]'), '.gitignore': 'blog/.envs/\n' });
    const [blog, shop] = [...loadProjects(root)];
    assert.deepEqual([...blog.git!.ignored], ['.envs/.production/.django']);
    assert.deepEqual([...shop.git!.ignored], []);
  });
});
