import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule } from '../../../server/src/rules/DJ803-env-var-unused';
import { envConsumerOf } from '../../../server/src/rules/shared/env-consumers';
import { ruleTester } from '../rule-tester';

const SETTINGS = 'config/settings/production.py';
const settings = (body: string) => ({ [SETTINGS]: `import os\nimport environ\n\nenv = environ.Env()\n${body}` });
const COMPOSE = [
  'services:',
  '  django:',
  '    build: .',
  '    env_file: [.envs/.production/.django]',
  '    environment:',
  '      - SENTRY_RELEASE',
  '    command: gunicorn config.wsgi --workers ${GUNICORN_WORKERS:-3} --timeout $$TIMEOUT',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    { text: 'SENTRY_DSN=https://k@o1.ingest.sentry.io/1\n', files: settings('SENTRY_DSN = env("SENTRY_DSN", default="")\n'), name: 'read by the production settings' },
    { text: 'DJANGO_DEBUG=False\n', files: settings('DEBUG = env.bool("DJANGO_DEBUG", default=False)\n'), name: 'read through a cast' },
    {
      text: 'DJANGO_SETTINGS_MODULE=config.settings.production\nPYTHONUNBUFFERED=1\nWEB_CONCURRENCY=4\nPOSTGRES_USER=app\nCELERY_FLOWER_USER=flower\n',
      files: settings('DEBUG = False\n'),
      name: 'well-known consumers: Django, the interpreter, gunicorn, the postgres image, Flower',
    },
    { text: 'OLD_FLAG=1\n', name: 'no production settings module: what is read cannot be told' },
    { text: 'OLD_FLAG=1\n', files: { 'config/settings/local.py': 'DEBUG = True\n' }, name: 'only a development settings module' },
    { text: 'OLD_FLAG=1\n', path: '.envs/.local/.django', files: settings('DEBUG = False\n'), name: 'development env files are not judged' },
    {
      text: 'GUNICORN_WORKERS=4\nSENTRY_RELEASE=1.2\n',
      files: { ...settings('DEBUG = False\n'), 'docker-compose.production.yml': COMPOSE },
      name: 'read by compose: interpolation and a pass-through entry',
    },
    { text: 'OLD_FLAG=1\n', files: settings('NAME = open("x").read()\nVALUE = os.getenv(NAME)\n'), name: 'a read whose name cannot be known: silent' },
    { text: 'OLD_FLAG=1\n', files: settings('from somewhere.unknown import *\n'), name: 'settings whose names cannot be known: silent' },
    { text: 'STRIPE_KEY=x\n', files: settings('FLAGS = ["STRIPE_KEY"]\n'), name: 'the name is a string literal of the settings: read somewhere the evaluator does not follow' },
    {
      text: 'DATABASE_URL=$HEROKU_POSTGRESQL_URL\nHEROKU_POSTGRESQL_URL=postgres://app@db/app\n',
      files: settings('DATABASES = {"default": env.db("DATABASE_URL")}\n'),
      name: 'read through a django-environ $NAME proxy',
    },
  ],
  invalid: [
    {
      text: 'DJANGO_DEBUG=False\nSENTRY_DSN=https://k@o1.ingest.sentry.io/1\n',
      files: settings('DEBUG = env.bool("DJANGO_DEBUG", default=False)\nSENTRY_DSN = env("SENTRY_DNS", default="")\n'),
      name: 'a typo: SENTRY_DSN set, SENTRY_DNS read into the setting of that name',
      errors: [{ line: 2, column: 1, endColumn: 11, severity: 'info', message: 'SENTRY_DSN is set but never read: the production settings (config/settings/production.py) set SENTRY_DSN from SENTRY_DNS, which nothing sets.' }],
      output: 'DJANGO_DEBUG=False\nSENTRY_DNS=https://k@o1.ingest.sentry.io/1\n',
    },
    {
      text: 'DJANGO_ALLOWED_HOSTS=example.com\n',
      files: settings('ALLOWED_HOSTS = ["*"]\n'),
      name: 'the setting is hard-coded, so the variable has no effect',
      errors: [{ line: 1, column: 1, endColumn: 21, message: 'hard-code ALLOWED_HOSTS without reading the environment' }],
    },
    {
      text: 'DJANGO_ALLOWED_HOSTS=example.com\n',
      files: settings('ALLOWED_HOSTS = env.list("HOSTS", default=[])\n'),
      name: 'the setting is read from another variable: rename to it',
      errors: [{ line: 1, column: 1, message: 'set ALLOWED_HOSTS from HOSTS, which nothing sets' }],
      output: 'HOSTS=example.com\n',
    },
    {
      text: 'DJANGO_DEBUG=False\nSENTRY_DSN=https://k@o1.ingest.sentry.io/1\n',
      files: settings('import sentry_sdk\nsentry_sdk.init(dsn=os.environ.get("SENTRY_DNS"))\n'),
      name: 'a typo, read by edit distance (transposition counts one)',
      errors: [{ line: 1, column: 1, message: 'DJANGO_DEBUG is set but nothing' }, { line: 2, column: 1, message: 'the production settings (config/settings/production.py) read SENTRY_DNS, which nothing sets' }],
    },
    {
      text: 'ADMIN_URL=staff-only/\n',
      files: settings('ADMIN_PATH = env("DJANGO_ADMIN_URL", default="admin/")\n'),
      name: "cookiecutter's DJANGO_ prefix missing",
      errors: [{ line: 1, column: 1, message: 'read DJANGO_ADMIN_URL' }],
      output: 'DJANGO_ADMIN_URL=staff-only/\n',
    },
    {
      text: 'DJANGO_DEBUG=False\nFEATURE_X_ENABLED=1\nexport OLD_FLAG=1\n',
      files: settings('DEBUG = env.bool("DJANGO_DEBUG", default=False)\n'),
      name: 'leftovers with no close name',
      errors: [
        { line: 2, column: 1, message: 'FEATURE_X_ENABLED is set but nothing in production reads it' },
        { line: 3, column: 8, endColumn: 16, message: 'no compose interpolation, no well-known tool' },
      ],
    },
    {
      text: 'REDIS_URI=redis://redis:6379/0\nREDIS_URL=redis://redis:6379/1\n',
      files: settings('CACHE = env("REDIS_URL", default="")\n'),
      name: 'a close name this file already sets is not suggested',
      errors: [{ line: 1, column: 1, message: 'REDIS_URI is set but nothing in production reads it' }],
    },
  ],
});

describe('well-known consumers (env-consumers.ts)', () => {
  const cases: [string, boolean][] = [
    ['DJANGO_SETTINGS_MODULE', true],
    ['POSTGRES_PASSWORD', true],
    ['PGSSLMODE', true],
    ['PYTHONDONTWRITEBYTECODE', true],
    ['WEB_CONCURRENCY', true],
    ['SENTRY_DSN', false],
    ['DJANGO_SECRET_KEY', false],
    ['POSTGRESQL_URL', false],
  ];
  for (const [variable, known] of cases) {
    it(`${variable}: ${known ? 'read by a tool' : 'not on the list'}`, () => assert.equal(envConsumerOf(variable) !== null, known));
  }
});
