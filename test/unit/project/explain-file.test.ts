/**
 * What a hover says of a file: its context and why, the production processes that use it, the
 * settings module production loads and the Django version, and where on the file that answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainFile, explanationTopicAt } from '../../../server/src/project/explain-file';
import { createProjectModel, ProjectModel } from '../../../server/src/project/model';

const ROOT = '/project';

function model(files: Record<string, string>): ProjectModel {
  const sources = Object.entries(files).map(([relative, text]) => ({ path: `${ROOT}/${relative}`, text, skipped: null, notice: null }));
  return createProjectModel(ROOT, sources, {});
}

const COMPOSE_PROJECT = {
  'docker-compose.production.yml': 'services:\n  django:\n    build:\n      context: .\n      dockerfile: compose/production/django/Dockerfile\n    command: gunicorn config.wsgi\n    env_file: [.envs/.production/.django]\n  postgres:\n    image: postgres:16\n    env_file: [.envs/.production/.postgres]\n',
  'compose/production/django/Dockerfile': 'FROM python:3.12\nCMD ["gunicorn", "config.wsgi"]\n',
  '.envs/.production/.django': 'DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_SECRET_KEY=s3cr3t-value-never-shown\n',
  '.envs/.production/.postgres': 'POSTGRES_PASSWORD=hunter2-never-shown\n',
  'config/settings/base.py': 'INSTALLED_APPS = []\nDEBUG = False\n',
  'config/settings/production.py': 'from .base import *  # noqa\nSECRET_KEY = "x"\n',
  'config/settings/local.py': 'from .base import *  # noqa\nDEBUG = True\n',
  'requirements/base.txt': 'Django==5.2.8\nwhitenoise==6.7.0\n',
  'requirements/production.txt': '-r base.txt\ngunicorn==23.0.0\n',
};

const file = (project: ProjectModel, relative: string) => project.get(`${ROOT}/${relative}`)!;

describe('explainFile', () => {
  const project = model(COMPOSE_PROJECT);

  it('names the compose service that reads an env file, and why the file is production', () => {
    const facts = explainFile(project, file(project, '.envs/.production/.django'));
    assert.equal(facts.context, 'production');
    assert.match(facts.contextReason, /used by service `django` in docker-compose\.production\.yml/);
    assert.deepEqual(facts.processes, [
      { process: 'service `django` of docker-compose.production.yml (the web process), built from compose/production/django/Dockerfile', use: 'reads it as an env_file' },
    ]);
    assert.deepEqual(facts.settings, { module: 'config.settings.production', origin: 'set in .envs/.production/.django line 1' });
    assert.equal(facts.djangoVersion, 'Django 5.2.8: pinned in requirements/base.txt line 1 (included by requirements/production.txt)');
  });

  it('never carries a value of a variable or setting', () => {
    for (const relative of Object.keys(COMPOSE_PROJECT)) {
      const projectFile = project.get(`${ROOT}/${relative}`);
      if (!projectFile) continue;
      const text = JSON.stringify(explainFile(project, projectFile));
      assert.doesNotMatch(text, /never-shown/, relative);
    }
  });

  it('a service that does not run Django is no process of the file it reads', () => {
    assert.deepEqual(explainFile(project, file(project, '.envs/.production/.postgres')).processes, []);
  });

  it('says which service defines itself in the compose file, and why it runs Django', () => {
    const facts = explainFile(project, file(project, 'docker-compose.production.yml'));
    assert.deepEqual(facts.processes.map((use) => use.use), ['is defined here; it runs Django because it sets DJANGO_SETTINGS_MODULE']);
  });

  it('a settings module is loaded directly or through the production module that imports it; a local one by nothing', () => {
    const production = explainFile(project, file(project, 'config/settings/production.py'));
    assert.equal(production.processes.length, 1);
    assert.match(production.processes[0].use, /^loads it as its settings module \(DJANGO_SETTINGS_MODULE=config\.settings\.production/);
    const base = explainFile(project, file(project, 'config/settings/base.py'));
    assert.deepEqual(base.processes.map((use) => use.use), ['loads it through config/settings/production.py, the production settings module, which imports it']);
    const local = explainFile(project, file(project, 'config/settings/local.py'));
    assert.equal(local.context, 'development');
    assert.deepEqual(local.processes, []);
  });

  it('a Procfile lists its processes, and its web process loads the settings module it names', () => {
    const paas = model({
      Procfile: 'release: python manage.py migrate\nweb: gunicorn mysite.wsgi --env DJANGO_SETTINGS_MODULE=mysite.settings\n',
      'mysite/settings.py': 'INSTALLED_APPS = []\n',
    });
    const procfile = explainFile(paas, file(paas, 'Procfile'));
    assert.equal(procfile.context, 'production');
    assert.deepEqual(procfile.processes, [
      { process: 'process `release` of Procfile line 1', use: 'is defined here; it runs migrate' },
      { process: 'process `web` of Procfile line 2', use: 'is defined here; it runs gunicorn' },
    ]);
    assert.deepEqual(procfile.settings, { module: 'mysite.settings', origin: 'set in the web process of Procfile line 2' });
    const settings = explainFile(paas, file(paas, 'mysite/settings.py'));
    assert.equal(settings.processes[0].process, 'the web process of Procfile line 2');
    assert.equal(settings.djangoVersion, 'Django 5.2: nothing in the project says which Django it runs: assuming the newest LTS, 5.2');
  });

  it('says what a dependency file is to production, or why what production installs is unknown', () => {
    assert.equal(explainFile(project, file(project, 'requirements/production.txt')).dependencies, "Production's dependencies: requirements/production.txt, where a missing one is added");
    assert.equal(explainFile(project, file(project, 'requirements/base.txt')).dependencies, "Production's dependencies: included by requirements/production.txt");
    assert.equal(explainFile(project, file(project, '.envs/.production/.django')).dependencies, null);
    const unknown = model({ 'requirements.txt': 'Django==5.2.8\n-r vendor/extra.txt\n' });
    assert.equal(
      explainFile(unknown, file(unknown, 'requirements.txt')).dependencies,
      'What production installs is unknown, so the requirements rules say nothing: requirements.txt line 2 includes vendor/extra.txt, which is not in the project, so what it installs is unknown',
    );
  });

  it('says so when no process says which settings module production loads', () => {
    const bare = model({ '.env': 'DEBUG=1\n' });
    const facts = explainFile(bare, file(bare, '.env'));
    assert.equal(facts.context, 'unknown');
    assert.deepEqual(facts.settings, { module: null, origin: 'no production process says which settings module it loads' });
  });
});

describe('explanationTopicAt', () => {
  const project = model(COMPOSE_PROJECT);
  const at = (relative: string, line: number, character: number) => explanationTopicAt(file(project, relative), { line, character });

  it('answers on the first line, on DJANGO_SETTINGS_MODULE and on a Django requirement, and nowhere else', () => {
    assert.deepEqual(at('.envs/.production/.django', 0, 30), { topic: 'file', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 49 } } });
    assert.deepEqual(at('.envs/.production/.django', 0, 5), { topic: 'settings-module', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 22 } } });
    assert.equal(at('.envs/.production/.django', 1, 3), null);
    assert.deepEqual(at('requirements/base.txt', 0, 2), { topic: 'django-version', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } } });
    assert.equal(at('requirements/base.txt', 1, 2), null);
    assert.equal(at('requirements/production.txt', 1, 2), null);
    assert.equal(at('requirements/production.txt', 0, 2)!.topic, 'file');
    assert.equal(at('docker-compose.production.yml', 5, 10), null);
    assert.equal(at('docker-compose.production.yml', 99, 0), null);
  });

  it('answers on the Django entry of pyproject.toml and of a lock file', () => {
    const locked = model({
      'pyproject.toml': '[project]\nname = "site"\ndependencies = [\n  "django>=5.2,<6",\n  "gunicorn",\n]\n',
      'uv.lock': 'version = 1\n\n[[package]]\nname = "django"\nversion = "5.2.8"\n',
    });
    assert.equal(explanationTopicAt(file(locked, 'pyproject.toml'), { line: 3, character: 5 })!.topic, 'django-version');
    assert.equal(explanationTopicAt(file(locked, 'pyproject.toml'), { line: 4, character: 5 }), null);
    assert.equal(explanationTopicAt(file(locked, 'uv.lock'), { line: 4, character: 2 })!.topic, 'django-version');
    assert.equal(explainFile(locked, file(locked, 'uv.lock')).djangoVersion, 'Django 5.2.8: locked in uv.lock line 5');
  });
});
