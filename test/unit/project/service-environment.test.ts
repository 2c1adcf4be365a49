/**
 * A service's container environment is computed once per model and shared env-file variables are
 * built once per env file object: the values must still be compose's (env files in order, the
 * later winning, `environment:` over them) and follow every edit.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeApplications, serviceEnvironment } from '../../../server/src/project/compose-application';
import { createProjectModel, ProjectModel } from '../../../server/src/project/model';

const ROOT = '/project';

function model(files: Record<string, string>, previous: ProjectModel | null = null): ProjectModel {
  const sources = Object.entries(files).map(([relative, text]) => ({ path: `${ROOT}/${relative}`, text, skipped: null, notice: null }));
  return createProjectModel(ROOT, sources, {}, null, previous);
}

const COMPOSE = `services:
  web:
    image: app
    env_file: [./.envs/.production/.django, ./.envs/.production/.extra]
    environment:
      OVERRIDDEN: from-compose
  worker:
    image: app
    env_file: ./.envs/.production/.django
`;

function environmentOf(project: ProjectModel, name: string) {
  const service = composeApplications(project)[0].services.find((candidate) => candidate.name === name)!;
  return { service, variables: serviceEnvironment(project, service) };
}

const values = (variables: ReadonlyMap<string, { value: string | null; origin: string }>) => [...variables].map(([key, variable]) => [key, variable.value, variable.origin]);

describe('service environment', () => {
  const files = {
    'docker-compose.production.yml': COMPOSE,
    '.envs/.production/.django': 'A=1\nSHARED=django\nA=2\nOVERRIDDEN=from-env\n',
    '.envs/.production/.extra': 'SHARED=extra\nB=3\n',
  };

  it('reads env files in order (the later winning, first-seen order kept), then environment: over them', () => {
    const project = model(files);
    assert.deepEqual(values(environmentOf(project, 'web').variables), [
      ['A', '2', '.envs/.production/.django line 3'],
      ['SHARED', 'extra', '.envs/.production/.extra line 1'],
      ['OVERRIDDEN', 'from-compose', 'docker-compose.production.yml line 6'],
      ['B', '3', '.envs/.production/.extra line 2'],
    ]);
    assert.deepEqual(values(environmentOf(project, 'worker').variables), [
      ['A', '2', '.envs/.production/.django line 3'],
      ['SHARED', 'django', '.envs/.production/.django line 2'],
      ['OVERRIDDEN', 'from-env', '.envs/.production/.django line 4'],
    ]);
  });

  it('is computed once per service of a model, and a rebuilt model sees an edited env file', () => {
    const project = model(files);
    const first = environmentOf(project, 'worker');
    assert.equal(serviceEnvironment(project, first.service), first.variables);
    const edited = model({ ...files, '.envs/.production/.django': 'A=1\nSHARED=django\nA=5\nOVERRIDDEN=from-env\n' }, project);
    assert.equal(environmentOf(edited, 'worker').variables.get('A')?.value, '5');
    assert.equal(environmentOf(edited, 'web').variables.get('A')?.value, '5');
    // The model before the edit keeps its values.
    assert.equal(environmentOf(project, 'worker').variables.get('A')?.value, '2');
  });
});

describe('an env file selecting the production settings module', () => {
  const SETTINGS = { 'config/settings/production.py': 'SECRET_KEY = "x"\n', 'config/settings/local.py': 'SECRET_KEY = "x"\n', 'config/__init__.py': '', 'config/settings/__init__.py': '' };
  const contextOf = (project: ProjectModel, relative: string) => project.contextOf(project.get(`${ROOT}/${relative}`)!);

  it('is production, with the line that selects it (safe-relay-service\'s .env, ecosystem check)', () => {
    const project = model({ ...SETTINGS, '.env': 'DEBUG=0\nDJANGO_SETTINGS_MODULE=config.settings.production\n' });
    assert.equal(contextOf(project, '.env').context, 'production');
    assert.match(contextOf(project, '.env').reason, /selects the production settings module config\.settings\.production \(line 2\)/);
  });

  it('is not when the module it selects is not production, or its path says development', () => {
    const project = model({ ...SETTINGS, '.env': 'DJANGO_SETTINGS_MODULE=config.settings.local\n', '.env.local': 'DJANGO_SETTINGS_MODULE=config.settings.production\n', 'other.env': 'DJANGO_SETTINGS_MODULE=config.settings.missing\n' });
    assert.equal(contextOf(project, '.env').context, 'unknown');
    assert.equal(contextOf(project, '.env.local').context, 'development');
    assert.equal(contextOf(project, 'other.env').context, 'unknown');
  });
});
