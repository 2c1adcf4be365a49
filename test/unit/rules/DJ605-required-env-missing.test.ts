import { rule as fullRule } from '../../../server/src/rules/DJ605-required-env-missing';
import { withoutCompose } from './compose/compose-side';
import { ruleTester } from '../rule-tester';
import { AFTER_REQUIRE, PRODUCTION, REQUIRE_HELPER } from './settings-cases';

// The settings side; the compose side has its table in compose/.
const rule = withoutCompose(fullRule);

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

ruleTester(rule, {
  valid: [
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
  ],
});
