/**
 * Compose `include:` per the compose spec (docker-compose v1, the differential's reference, has no
 * `include:`, so these are unit tests): the short and long forms, paths and `env_file` relative to
 * the including file's project directory, an included file's interpolation (the including
 * application's values first, then the include's env_file or the included folder's `.env`),
 * nested includes, and the production model through included files.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseCompose } from '../../../server/src/parse/compose';
import { composeApplications, composeLookup, interpolateString } from '../../../server/src/project/compose-application';
import { loadProject } from '../../../server/src/project/load';
import { createProjectModel } from '../../../server/src/project/model';
import { productionLinks } from '../../../server/src/project/production';
import { writeFiles } from '../../temp-project';

const ROOT = '/project';

function model(files: Record<string, string>) {
  return createProjectModel(ROOT, Object.entries(files).map(([relative, text]) => ({ path: `${ROOT}/${relative}`, text, skipped: null, notice: null })));
}

describe('compose include: reading', () => {
  it('reads the short form, and the long form with path (one or a list), env_file (one or a list) and project_directory', () => {
    const compose = parseCompose(
      [
        'include:',
        '  - ./db.yml',
        '  - path: ../shared/cache.yml',
        '    env_file: ./cache.env',
        '  - path: [./a.yml, ./a.override.yml]',
        '    env_file: [one.env, two.env]',
        '    project_directory: ./a',
        '  - {}',
        '  - path: 12',
        'services: {}',
      ].join('\n'),
    );
    assert.deepEqual(
      compose.include.map((include) => ({
        paths: include.paths.map((value) => value.text),
        envFiles: include.envFiles.map((value) => value.text),
        projectDirectory: include.projectDirectory?.text ?? null,
      })),
      [
        { paths: ['./db.yml'], envFiles: [], projectDirectory: null },
        { paths: ['../shared/cache.yml'], envFiles: ['./cache.env'], projectDirectory: null },
        { paths: ['./a.yml', './a.override.yml'], envFiles: ['one.env', 'two.env'], projectDirectory: './a' },
        { paths: ['12'], envFiles: [], projectDirectory: null },
      ],
    );
    assert.equal(compose.include[0].paths[0].range.start.line, 1);
  });
});

describe('compose include: the application', () => {
  const project = model({
    'docker-compose.production.yml': [
      'include:',
      '  - deploy/db.yml',
      '  - path: ./deploy/cache.yml',
      '    env_file: ./deploy/cache.env',
      'services:',
      '  django:',
      '    build: .',
      '    command: gunicorn config.wsgi',
      '    env_file: .envs/.production/.django',
      '',
    ].join('\n'),
    '.env': 'PG_VERSION=16\nREDIS_TAG=from-parent\n',
    '.envs/.production/.django': 'DJANGO_SETTINGS_MODULE=config.settings.production\n',
    'config/settings/production.py': 'DEBUG = False\n',
    // env_file of a service in an included file: relative to that file's folder.
    'deploy/db.yml': 'include:\n  - ./nested/monitor.yml\nservices:\n  postgres:\n    image: postgres:${PG_VERSION}\n    env_file: ./db.env\n',
    'deploy/db.env': 'POSTGRES_PASSWORD=x\n',
    'deploy/.env': 'MONITOR_TAG=1.2\nPG_VERSION=ignored\n',
    'deploy/nested/monitor.yml': 'services:\n  monitor:\n    image: monitor:${MONITOR_TAG}\n',
    'deploy/cache.yml': 'services:\n  redis:\n    image: redis:${REDIS_TAG}\n    command: redis-server --requirepass ${REDIS_PASSWORD:?set it}\n',
    'deploy/cache.env': 'REDIS_TAG=ignored\nREDIS_PASSWORD=s3cret\n',
  });
  const application = composeApplications(project).find((candidate) => candidate.file.relativePath === 'docker-compose.production.yml')!;
  const service = (name: string) => application.services.find((candidate) => candidate.name === name)!;
  const file = (relative: string) => project.get(`${ROOT}/${relative}`)!;

  it('takes in the services of included files, nested includes resolved from the included file', () => {
    assert.deepEqual(application.services.map((candidate) => candidate.name).sort(), ['django', 'monitor', 'postgres', 'redis']);
    assert.deepEqual(application.files.map((candidate) => candidate.relativePath).sort(), [
      'deploy/cache.yml',
      'deploy/db.yml',
      'deploy/nested/monitor.yml',
      'docker-compose.production.yml',
    ]);
    assert.equal(service('postgres').envFiles[0].file?.relativePath, 'deploy/db.env');
  });

  it("interpolates an included file with the application's values first, then its env_file or its folder's .env", () => {
    const image = (name: string) => interpolateString(service(name).image!, composeLookup(project, service(name).primary.file)).value;
    assert.equal(image('postgres'), 'postgres:16');
    assert.equal(image('redis'), 'redis:from-parent');
    // deploy/db.yml has no env_file: deploy/.env fills what the parent lacks (not PG_VERSION), and
    // what deploy/db.yml sees reaches the file it includes in turn (compose-go passes it down).
    assert.equal(composeLookup(project, file('deploy/db.yml'))('MONITOR_TAG'), '1.2');
    assert.equal(image('monitor'), 'monitor:1.2');
    assert.equal(composeLookup(project, file('deploy/cache.yml'))('REDIS_PASSWORD'), 's3cret');
    assert.equal(typeof composeLookup(project, file('docker-compose.production.yml'))('REDIS_PASSWORD'), 'symbol');
  });

  it('links the env files of included services as production, with the reason', () => {
    const links = productionLinks(project);
    assert.equal(links.webService?.name, 'django');
    assert.equal(project.contextOf(file('deploy/db.env')).context, 'production');
    assert.match(project.contextOf(file('deploy/db.env')).reason, /used by service `postgres` in deploy\/db\.yml/);
    assert.match(project.contextOf(file('deploy/cache.yml')).reason, /cache\.yml is part of docker-compose\.production\.yml/);
  });

  it('survives include cycles and missing targets', () => {
    const cyclic = model({
      'compose.yaml': 'include: [a.yml, missing.yml]\nservices:\n  web:\n    image: web\n',
      'a.yml': 'include: [b.yml]\nservices:\n  a:\n    image: a\n',
      'b.yml': 'include: [a.yml, compose.yaml]\nservices:\n  b:\n    image: b\n',
    });
    const main = composeApplications(cyclic).find((candidate) => candidate.file.relativePath === 'compose.yaml')!;
    assert.deepEqual(main.services.map((candidate) => candidate.name).sort(), ['a', 'b', 'web']);
  });
});

describe('compose include: loading from disk', () => {
  it('reads an included file and its env_file that the walk does not reach', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-include-'));
    try {
      const files: Record<string, string> = {
        'compose.yaml': 'include:\n  - path: deploy/stack/services.yaml\n    env_file: deploy/stack/vars.conf\nservices:\n  web:\n    image: web\n',
        'deploy/stack/services.yaml': 'services:\n  db:\n    image: postgres:${PG}\n',
        'deploy/stack/vars.conf': 'PG=16\n',
      };
      writeFiles(root, files);
      const project = loadProject(root);
      const included = project.get(path.join(root, 'deploy/stack/services.yaml'));
      assert.equal(included?.kind, 'compose');
      const db = composeApplications(project).find((candidate) => candidate.file === project.get(path.join(root, 'compose.yaml')))!.services.find((candidate) => candidate.name === 'db')!;
      assert.equal(interpolateString(db.image!, composeLookup(project, included!)).value, 'postgres:16');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
