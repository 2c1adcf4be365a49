import { rule } from '../../../server/src/rules/DJ605-required-env-missing';
import { rule as secretKeyMissing } from '../../../server/src/rules/DJ105-secret-key-missing';
import { ruleTester } from '../rule-tester';
import { AFTER_REQUIRE, PRODUCTION, REQUIRE_HELPER } from './settings-cases';

// One root cause, one diagnostic: a variable production lacks is reported at the read that
// requires it, the compose service and the env file related; never again on the service.

const ENV = '.envs/.production/.django';

// A production service built from a Dockerfile whose ENTRYPOINT script exports DATABASE_URL.
const COMPOSE = 'docker-compose.production.yml';
const compose = (dockerfile: string) => `services:\n  django:\n    build:\n      context: .\n      dockerfile: ${dockerfile}\n    command: /start\n    env_file: [${ENV}]\n`;
const entrypoint = '#!/bin/bash\nset -o errexit\nif [ -z "${POSTGRES_USER:-}" ]; then\n  export POSTGRES_USER=postgres\nfi\nexport DATABASE_URL="postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@${POSTGRES_HOST}:${POSTGRES_PORT}/${POSTGRES_DB}"\nexec "$@"\n';
const container = {
  [COMPOSE]: compose('./compose/production/django/Dockerfile'),
  [ENV]: 'DJANGO_SETTINGS_MODULE=config.settings.production\nPOSTGRES_PASSWORD=x\n',
  'compose/production/django/Dockerfile': 'FROM python:3.12\nARG APP_HOME=/app\nWORKDIR ${APP_HOME}\nCOPY --chown=django:django ./compose/production/django/entrypoint /entrypoint\nCOPY ./compose/production/django/start /start\nCOPY . ${APP_HOME}\nENTRYPOINT ["/entrypoint"]\n',
  'compose/production/django/entrypoint': entrypoint,
  'compose/production/django/start': '#!/bin/bash\nexport CELERY_BROKER_URL="${REDIS_URL}"\nexec gunicorn config.wsgi\n',
};
const readsDatabase = 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL")}\n';

// A plain production service and settings reading the key without a default.
const service = 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    env_file: [.envs/.production/.django]\n';
const readsKey = 'import environ\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY")\nSTRIPE_KEY = env("STRIPE_KEY")\n';
const withService = (env: string) => ({ [COMPOSE]: service, [ENV]: env });

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config()}\n', files: { [ENV]: 'A=1\n' }, name: 'dj_database_url.config() without DATABASE_URL is {}: it does not raise' },
    { path: PRODUCTION, text: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\n', files: { [ENV]: 'SECRET_KEY=abc\n' }, name: 'decouple: set by production' },
    { path: PRODUCTION, text: `${REQUIRE_HELPER}SECRET_KEY = require("DJANGO_SECRET_KEY")\n`, files: { [ENV]: 'DJANGO_SECRET_KEY=abc\n' }, name: 'a helper that raises when unset: production sets it' },
    { path: PRODUCTION, text: `${REQUIRE_HELPER}SECRET_KEY = require("DJANGO_SECRET_KEY")\n`, name: 'a helper that raises when unset: no production environment known' },
    {
      path: PRODUCTION,
      text: `${REQUIRE_HELPER}try:\n    SECRET_KEY = require("DJANGO_SECRET_KEY")\nexcept ImproperlyConfigured:\n    SECRET_KEY = None\n`,
      files: { [ENV]: 'A=1\n' },
      name: 'a helper that raises, caught at the call',
    },
    { path: PRODUCTION, text: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n', files: { [ENV]: 'DJANGO_SECRET_KEY=abc\n' } },
    { path: PRODUCTION, text: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n', name: 'no production environment known: nothing to compare with' },
    { path: PRODUCTION, text: 'import os\nDEBUG = os.getenv("DJANGO_DEBUG")\n', files: { [ENV]: 'A=1\n' }, name: 'os.getenv returns None: not required' },
    { path: PRODUCTION, text: 'import environ\nenv = environ.Env()\nX = env("X", default="")\n', files: { [ENV]: 'A=1\n' }, name: 'a default' },
    { path: PRODUCTION, text: readsDatabase, files: container, name: "exported by the image's ENTRYPOINT script (cookiecutter-django)" },
    { path: PRODUCTION, text: `${readsDatabase}CELERY_BROKER_URL = env("CELERY_BROKER_URL")\n`, files: container, name: 'exported by the CMD script the compose command names' },
    { path: COMPOSE, text: service, files: { [ENV]: 'DJANGO_SETTINGS_MODULE=config.settings.production\n', [PRODUCTION]: readsKey }, name: 'the compose service: the read reports it, not the service' },
    { path: PRODUCTION, text: readsKey, files: { ...withService('DJANGO_SETTINGS_MODULE=config.settings.production\nSTRIPE_KEY=x\n') }, alsoRun: [secretKeyMissing], name: 'the secret key: DJ105 reports it (the same root cause, the more specific rule)' },
    {
      path: PRODUCTION,
      text: 'import os\nKEY = os.environ["DJANGO_SECRET_KEY"]\n',
      files: { [COMPOSE]: `${service}    environment:\n      DJANGO_SECRET_KEY: \${DJANGO_SECRET_KEY}\n`, [ENV]: 'A=1\n' },
      name: 'set from the shell through compose: present',
    },
    {
      path: PRODUCTION,
      text: 'import os\nKEY = os.environ["DJANGO_SECRET_KEY"]\n',
      files: {
        [COMPOSE]: `${service}    entrypoint: /srv/boot.sh\n    volumes: ["./deploy/boot.sh:/srv/boot.sh:ro"]\n`,
        [ENV]: 'A=1\n',
        'deploy/boot.sh': 'DJANGO_SECRET_KEY=$(cat /run/secrets/key)\nexport DJANGO_SECRET_KEY\nexec "$@"\n',
      },
      name: 'exported by the compose entrypoint:, a script bind-mounted into the container',
    },
    {
      path: PRODUCTION,
      text: 'import os\nHOME = os.environ["APP_HOME_URL"]\n',
      files: { ...container, 'compose/production/django/Dockerfile': 'FROM python:3.12\nENV APP_HOME_URL=/srv\n' },
      name: "set by the image's ENV",
    },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'decouple config() without a default raises UndefinedValueError',
      text: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\n',
      files: { [ENV]: 'A=1\n' },
      errors: [{ line: 2, column: 14, message: 'config("SECRET_KEY") has no default' }],
    },
    {
      path: PRODUCTION,
      name: 'a helper that raises when the variable is unset (issue 13): at the call, the raise as related information',
      text: `${REQUIRE_HELPER}SECRET_KEY = require("DJANGO_SECRET_KEY")\n`,
      files: { [ENV]: 'A=1\n' },
      errors: [{ line: AFTER_REQUIRE, column: 14, message: 'This call raises ImproperlyConfigured when DJANGO_SECRET_KEY is unset', related: { message: 'the helper raises ImproperlyConfigured here', line: 8 } }],
      output: `${REQUIRE_HELPER}SECRET_KEY = require("DJANGO_SECRET_KEY")\n`,
      outputFiles: { [ENV]: 'A=1\nDJANGO_SECRET_KEY=\n' },
    },
    {
      path: PRODUCTION,
      text: 'import environ\nenv = environ.Env()\nADMIN_URL = env("DJANGO_ADMIN_URL")\n',
      files: { [ENV]: 'DJANGO_DEBUG=False\n' },
      errors: [{ line: 3, column: 13, severity: 'error', message: 'no env source of production sets DJANGO_ADMIN_URL' }],
      output: 'import environ\nenv = environ.Env()\nADMIN_URL = env("DJANGO_ADMIN_URL")\n',
      outputFiles: { [ENV]: 'DJANGO_DEBUG=False\nDJANGO_ADMIN_URL=\n' },
    },
    { path: PRODUCTION, name: 'os.environ[...]', text: 'import os\nKEY = os.environ["API_KEY"]\n', files: { [ENV]: 'A=1\n' }, errors: [{ line: 2, column: 7 }] },
    {
      path: PRODUCTION,
      name: 'a Dockerfile the compose file does not build from: its scripts are not known to run (as before)',
      text: readsDatabase,
      files: { ...container, [COMPOSE]: compose('./docker/Dockerfile') },
      errors: [{ line: 3, column: 25, message: 'no env source of production sets DATABASE_URL' }],
    },
    {
      path: PRODUCTION,
      name: 'the script exports other names',
      text: `${readsDatabase}KEY = env("API_KEY")\n`,
      files: container,
      errors: [{ line: 4, column: 7, message: 'no env source of production sets API_KEY' }],
    },
    {
      path: PRODUCTION,
      name: 'a production compose service: one finding at the read, the service and the env file related',
      text: readsKey,
      files: withService('DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_SECRET_KEY=x\n'),
      errors: [
        {
          line: 4,
          column: 14,
          message: 'no env source of production sets STRIPE_KEY: the settings raise at startup (production reads .envs/.production/.django)',
          related: [
            { path: COMPOSE, line: 2, message: 'service `django` gets no STRIPE_KEY from .envs/.production/.django or its environment:' },
            { path: ENV, line: 1, message: "production's env file, where the fix adds STRIPE_KEY" },
          ],
        },
      ],
      output: readsKey,
      outputFiles: { [ENV]: 'DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_SECRET_KEY=x\nSTRIPE_KEY=\n' },
    },
    {
      path: PRODUCTION,
      name: "compose's entrypoint: replaces the image's, so the script's export does not run",
      text: 'import os\nKEY = os.environ["DJANGO_SECRET_KEY"]\n',
      files: { ...container, [COMPOSE]: `${compose('./compose/production/django/Dockerfile')}    entrypoint: gunicorn config.wsgi\n`, 'compose/production/django/entrypoint': entrypoint.replace('export DATABASE_URL', 'export DJANGO_SECRET_KEY') },
      errors: [{ line: 2, column: 7, message: 'no env source of production sets DJANGO_SECRET_KEY' }],
    },
  ],
});
