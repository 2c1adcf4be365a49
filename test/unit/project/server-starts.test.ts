/**
 * Where the project starts Gunicorn, and which config file each start loads: the model's side of
 * DJ730-DJ733. A compose service's `-c` path is a container path, matched to the project's config
 * files by its tail; a Procfile runs in its folder; a config file depends on the starts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProjectModel } from '../../../server/src/project/model';
import { configUsers, procfileStarts } from '../../../server/src/project/server-starts';
import { composeStarts } from '../../../server/src/rules/shared/server-starts';

const ROOT = '/project';

function model(files: Record<string, string>) {
  return createProjectModel(ROOT, Object.entries(files).map(([relative, text]) => ({ path: `${ROOT}/${relative}`, text, skipped: null, notice: null })));
}

function composeStartsOf(files: Record<string, string>, composePath = 'docker-compose.production.yml') {
  const project = model(files);
  const file = project.get(`${ROOT}/${composePath}`)!;
  const compose = project.compose(file);
  return { project, starts: composeStarts(project, file, compose) };
}

describe('gunicorn starts and their config files', () => {
  it('matches a container path to the project config file by its tail', () => {
    const project = model({
      'docker-compose.production.yml': 'services:\n  web:\n    build: .\n    command: gunicorn -c /app/deploy/gunicorn.conf.py config.wsgi\n',
      'deploy/gunicorn.conf.py': 'workers = 5\n',
      'gunicorn.conf.py': 'workers = 2\n',
    });
    const config = project.get(`${ROOT}/deploy/gunicorn.conf.py`)!;
    const users = configUsers(project, config);
    assert.equal(users.length, 1);
    assert.equal(users[0].role, 'the command of service `web`');
    const workers = users[0].gunicorn!.settings.get('workers')!;
    assert.ok(workers.state === 'known' && workers.origin === 'config' && workers.value === 5);
    assert.deepEqual(configUsers(project, project.get(`${ROOT}/gunicorn.conf.py`)!), []);
  });

  it('leaves the default config file of a container unknown when the project has a gunicorn.conf.py', () => {
    const { starts } = composeStartsOf({
      'docker-compose.production.yml': 'services:\n  web:\n    build: .\n    command: gunicorn config.wsgi\n',
      'gunicorn.conf.py': 'workers = 2\n',
    });
    assert.equal(starts[0].gunicorn!.config.state, 'unknown');
    assert.match(starts[0].gunicorn!.notes.join('\n'), /working directory/);
  });

  it('knows there is no config file when the project has none, and ambiguity stays unknown', () => {
    const none = composeStartsOf({ 'docker-compose.production.yml': 'services:\n  web:\n    build: .\n    command: gunicorn config.wsgi\n' });
    assert.equal(none.starts[0].gunicorn!.config.state, 'none');
    const two = composeStartsOf({
      'docker-compose.production.yml': 'services:\n  web:\n    build: .\n    command: gunicorn -c gunicorn.py config.wsgi\n',
      'a/gunicorn.py': 'workers = 2\n',
      'b/gunicorn.py': 'workers = 3\n',
    });
    const lookup = two.starts[0].gunicorn!.config;
    assert.ok(lookup.state === 'unknown' && /may be any of a\/gunicorn\.py, b\/gunicorn\.py/.test(lookup.reason));
  });

  it('a Procfile process loads the gunicorn.conf.py beside it; the platform environment is unknown', () => {
    const project = model({ Procfile: 'web: gunicorn -c gunicorn.conf.py config.wsgi -w 3\n', 'gunicorn.conf.py': 'reload = True\n' });
    const file = project.get(`${ROOT}/Procfile`)!;
    const procfile = project.procfile(file);
    const [start] = procfileStarts(project, file, procfile, procfile.processes[0]);
    assert.equal(start.gunicorn!.config.state, 'found');
    const workers = start.gunicorn!.settings.get('workers')!;
    assert.ok(workers.state === 'known' && workers.origin === 'command');
    // GUNICORN_CMD_ARGS, set on the platform, outranks the config file.
    assert.equal(start.gunicorn!.settings.get('reload')!.state, 'unknown');
  });

  it('GUNICORN_CMD_ARGS from the service environment outranks the config file', () => {
    const { starts } = composeStartsOf({
      'docker-compose.production.yml': 'services:\n  web:\n    build: .\n    command: gunicorn -c gunicorn.conf.py config.wsgi\n    environment:\n      GUNICORN_CMD_ARGS: "--workers 7"\n',
      'gunicorn.conf.py': 'workers = 2\n',
    });
    const workers = starts[0].gunicorn!.settings.get('workers')!;
    assert.ok(workers.state === 'known' && workers.origin === 'environment' && workers.value === 7);
  });

  it('a gunicorn config file and the files that start gunicorn re-diagnose each other', () => {
    const project = model({
      'docker-compose.production.yml': 'services:\n  web:\n    build: .\n    command: gunicorn config.wsgi\n',
      Procfile: 'web: gunicorn config.wsgi\n',
      'gunicorn.conf.py': 'workers = 2\n',
    });
    assert.deepEqual(project.dependentsOf(`${ROOT}/gunicorn.conf.py`).map((file) => file.slice(ROOT.length + 1)).sort(), ['Procfile', 'docker-compose.production.yml']);
    assert.ok(project.dependentsOf(`${ROOT}/Procfile`).includes(`${ROOT}/gunicorn.conf.py`));
  });
});
