/** Dev container configurations: JSON with comments read tolerantly, and the files they name. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { devcontainerReferences, isDevcontainerConfig, parseJsonc } from '../../../server/src/project/devcontainer';
import { createProjectModel } from '../../../server/src/project/model';

describe('parseJsonc', () => {
  const table: [string, unknown][] = [
    ['{"a": 1}', { a: 1 }],
    ['// comment\n{"a": [1, 2,],}', { a: [1, 2] }],
    ['{"a": /* inline */ "x", // trailing\n}', { a: 'x' }],
    ['{"url": "http://host/x", "glob": "a/*b*/c", "comma": ", }"}', { url: 'http://host/x', glob: 'a/*b*/c', comma: ', }' }],
    ['{"escaped": "a\\"//b"}', { escaped: 'a"//b' }],
    ['{"a": 1, // a comment then the end\n /* and another */ }', { a: 1 }],
    ['{"a": ', null],
    ['', null],
    ['/* never closed', null],
  ];
  for (const [text, expected] of table) it(JSON.stringify(text), () => assert.deepEqual(parseJsonc(text), expected));
});

describe('devcontainer references', () => {
  const root = path.resolve('/p');
  const config = (relative: string, text: string) => devcontainerReferences({ path: path.join(root, relative), text, skipped: null, notice: null }, relative).map((reference) => path.relative(root, reference.path).split(path.sep).join('/'));

  it('recognises configuration files by place', () => {
    assert.equal(isDevcontainerConfig('.devcontainer/devcontainer.json'), true);
    assert.equal(isDevcontainerConfig('.devcontainer/python/devcontainer.json'), true);
    assert.equal(isDevcontainerConfig('.devcontainer.json'), true);
    assert.equal(isDevcontainerConfig('devcontainer.json'), false);
    assert.equal(isDevcontainerConfig('.devcontainer/settings.json'), false);
  });

  it('dockerComposeFile, a string or a list, relative to the configuration', () => {
    assert.deepEqual(config('.devcontainer/devcontainer.json', '{"dockerComposeFile": "../docker-compose.yml"}'), ['docker-compose.yml']);
    assert.deepEqual(config('.devcontainer/devcontainer.json', '{"dockerComposeFile": ["../a.yml", "b.yml", 3]}'), ['a.yml', '.devcontainer/b.yml']);
    assert.deepEqual(config('.devcontainer.json', '{"dockerComposeFile": "compose.yaml"}'), ['compose.yaml']);
  });

  it('runArgs --env-file, both spellings, with ${localWorkspaceFolder}', () => {
    assert.deepEqual(config('.devcontainer/devcontainer.json', '{"runArgs": ["--env-file", "${localWorkspaceFolder}/dev.vars"]}'), ['dev.vars']);
    assert.deepEqual(config('.devcontainer/devcontainer.json', '{"runArgs": ["--env-file=.devcontainer/x.env"]}'), ['.devcontainer/x.env', '.devcontainer/.devcontainer/x.env']);
    assert.deepEqual(config('.devcontainer/devcontainer.json', '{"runArgs": ["--env-file", "${localEnv:HOME}/x.env", "--init"]}'), [], 'the host\'s variables are unknown');
  });

  it('names nothing when it does not parse or holds no object', () => {
    assert.deepEqual(config('.devcontainer/devcontainer.json', '{"dockerComposeFile": '), []);
    assert.deepEqual(config('.devcontainer/devcontainer.json', '["../docker-compose.yml"]'), []);
  });

  it('makes what it names development in the model, but not a file whose path says production', () => {
    const source = (relative: string, text: string) => ({ path: path.join(root, relative), text, skipped: null, notice: null });
    const compose = 'services:\n  web:\n    image: app:1.0\n    env_file: .env\n';
    const model = createProjectModel(root, [
      source('.devcontainer/devcontainer.json', '{"dockerComposeFile": ["../docker-compose.yml", "../docker-compose.prod.yml"]}'),
      source('docker-compose.yml', compose),
      source('docker-compose.prod.yml', 'services:\n  web:\n    image: app:1.0\n'),
      source('.env', 'DJANGO_DEBUG=True\n'),
    ]);
    const context = (relative: string) => model.contextOf(model.get(path.join(root, relative))!).context;
    assert.equal(context('docker-compose.yml'), 'development');
    assert.equal(context('.env'), 'development');
    assert.equal(context('docker-compose.prod.yml'), 'production');
  });

  it('leaves an env file unknown when a compose file outside development places names it too', () => {
    const source = (relative: string, text: string) => ({ path: path.join(root, relative), text, skipped: null, notice: null });
    const model = createProjectModel(root, [
      source('.devcontainer/compose.yaml', 'services:\n  web:\n    env_file: ../.env\n'),
      source('docker-compose.yml', 'services:\n  web:\n    env_file: .env\n'),
      source('.env', 'DJANGO_DEBUG=True\n'),
    ]);
    assert.equal(model.contextOf(model.get(path.join(root, '.env'))!).context, 'unknown');
  });

  it('makes development a compose file built from the dev container\'s Dockerfile or reading its env files, wherever it is', () => {
    const source = (relative: string, text: string) => ({ path: path.join(root, relative), text, skipped: null, notice: null });
    const model = createProjectModel(root, [
      // saleor's per-worktree copy of its dev stack (ecosystem check): ports "5432" there are no deployment's.
      source('.worktree-container/docker-compose.yml', 'services:\n  app:\n    build:\n      context: ..\n      dockerfile: .devcontainer/Dockerfile\n  db:\n    image: postgres:15\n    ports: ["5432"]\n'),
      source('stack/compose.yaml', 'services:\n  app:\n    image: app:1.0\n    env_file: ../.devcontainer/common.env\n'),
      source('.devcontainer/common.env', 'DEBUG=1\n'),
      source('docker-compose.yml', 'services:\n  app:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n    env_file: .env\n'),
      source('deploy/production/compose.yaml', 'services:\n  app:\n    build:\n      context: ../..\n      dockerfile: .devcontainer/Dockerfile\n'),
    ]);
    const file = (relative: string) => model.contextOf(model.get(path.join(root, relative))!);
    assert.equal(file('.worktree-container/docker-compose.yml').context, 'development');
    assert.match(file('.worktree-container/docker-compose.yml').reason, /service `app` is built from \.devcontainer\/Dockerfile/);
    assert.equal(file('stack/compose.yaml').context, 'development');
    assert.match(file('stack/compose.yaml').reason, /reads \.devcontainer\/common\.env/);
    assert.equal(file('docker-compose.yml').context, 'unknown', 'a Dockerfile outside development places says nothing');
    assert.equal(file('deploy/production/compose.yaml').context, 'production', 'its path says production: that wins');
  });
});
