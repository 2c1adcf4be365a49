import { rule } from '../../../server/src/rules/DJ607-db-connection-pooling-off';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const password = 'Pa55wordPa55word';
const ENVIRON = 'import environ\nenv = environ.Env()\n';
const POSTGRES = '"ENGINE": "django.db.backends.postgresql", "NAME": "app"';
const COMPOSE = { 'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    env_file: .envs/.production/.django\n' };
const SELECTS = 'DJANGO_SETTINGS_MODULE=config.settings.production\n';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="postgres://app@db.example.com/app", conn_max_age=600)}\n', name: 'settings: dj-database-url with conn_max_age' },
    { text: 'CONN_MAX_AGE=60\n' },
    { text: 'DJANGO_CONN_MAX_AGE=\n', name: 'empty is not an integer' },
    { text: 'DB_CONN_MAX_AGE=0\n', name: 'not the setting' },
    { text: `DATABASE_URL=postgres://app:${password}@postgres:5432/app?conn_max_age=600\n` },
    { text: 'DATABASE_URL=postgres://app:pw@postgres:5432/app?conn_max_age=&conn_max_age=60\n', name: 'parse_qs skips a blank value' },
    { text: 'DATABASE_URL=postgres://app:pw@postgres:5432/app\n', name: 'unset: only the settings can tell' },
    { text: 'CONN_MAX_AGE=0\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { path: PRODUCTION, text: `DATABASES = {"default": {${POSTGRES}, "CONN_MAX_AGE": 60}}\n`, name: 'settings: persistent connections' },
    { path: PRODUCTION, text: `DATABASES = {"default": {${POSTGRES}, "CONN_MAX_AGE": None}}\n`, name: 'settings: None keeps connections open for good' },
    {
      path: PRODUCTION,
      name: 'settings: cookiecutter, env.db() in base and CONN_MAX_AGE from env.int in production',
      text: 'from .base import *\nDATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)\n',
      files: { [BASE]: `${ENVIRON}DATABASES = {"default": env.db("DATABASE_URL", default="postgres:///app")}\nDATABASES["default"]["ATOMIC_REQUESTS"] = True\n` },
    },
    { path: PRODUCTION, text: 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}\n', name: 'settings: SQLite, no connection to keep (DJ601 flags it)' },
    { path: PRODUCTION, text: 'from somewhere import database\nDATABASES = {"default": database()}\n', name: 'settings: unknown configuration: silent' },
    { path: PRODUCTION, text: `import os\nDATABASES = {"default": {${POSTGRES}, "CONN_MAX_AGE": int(os.environ["CONN_MAX_AGE"])}}\n`, name: 'settings: a required variable without an environment: unknown' },
    {
      path: PRODUCTION,
      name: 'settings: conn_max_age in the production DATABASE_URL',
      text: `${ENVIRON}DATABASES = {"default": env.db()}\n`,
      files: { ...COMPOSE, '.envs/.production/.django': `${SELECTS}DATABASE_URL=postgres://app:${password}@postgres:5432/app?conn_max_age=600\n` },
    },
    { path: PRODUCTION, text: `DATABASES = {"default": {${POSTGRES}, "OPTIONS": {"pool": True}}}\n`, name: 'settings: Django 5.1\'s pool, which requires CONN_MAX_AGE 0' },
    { path: PRODUCTION, text: 'DATABASES = {"default": {"ENGINE": "dj_db_conn_pool.backends.postgresql", "NAME": "app"}}\n', name: 'settings: a pooling engine' },
    { path: PRODUCTION, text: `DATABASES = {"default": {${POSTGRES}, "HOST": "pgbouncer", "CONN_MAX_AGE": 0}}\n`, name: 'settings: PgBouncer in front' },
    { path: PRODUCTION, text: `DATABASES = {"default": {${POSTGRES}, "OPTIONS": OPTIONS}}\n`, name: 'settings: unknown OPTIONS might pool' },
    { path: 'config/settings/local.py', text: `DATABASES = {"default": {${POSTGRES}}}\n`, name: 'settings: development module' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'settings: dj-database-url leaves CONN_MAX_AGE at 0',
      text: 'import dj_database_url\nDATABASES = {"default": dj_database_url.parse("postgres://app@db.example.com/app")}\n',
      errors: [{ line: 2, column: 25, message: 'CONN_MAX_AGE"] is 0' }],
    },
    {
      text: 'DJANGO_CONN_MAX_AGE=0\n',
      errors: [{ line: 1, column: 21, severity: 'info', message: 'DJANGO_CONN_MAX_AGE=0' }],
      output: 'DJANGO_CONN_MAX_AGE=60\n',
    },
    { text: "CONN_MAX_AGE='00'\n", errors: [{ line: 1, column: 14 }], output: 'CONN_MAX_AGE=60\n' },
    {
      name: 'in the URL, by upper- or lower-case name',
      text: `DATABASE_URL=postgres://app:${password}@postgres:5432/app?CONN_MAX_AGE=0\n`,
      errors: [{ line: 1, column: 77, endColumn: 78, message: 'conn_max_age=0' }],
      output: `DATABASE_URL=postgres://app:${password}@postgres:5432/app?CONN_MAX_AGE=60\n`,
      secret: password,
    },
    { path: '.env', text: 'CONN_MAX_AGE=0\n', name: 'unknown context keeps info', errors: [{ line: 1, column: 14, severity: 'info' }] },
    {
      path: PRODUCTION,
      name: 'settings: a dict without CONN_MAX_AGE: the fix adds the cookiecutter line',
      text: `DATABASES = {"default": {${POSTGRES}}}\n`,
      errors: [{ line: 1, column: 25, severity: 'info', message: 'does not set CONN_MAX_AGE (Django\'s default is 0)' }],
      output: `DATABASES = {"default": {${POSTGRES}}}\nDATABASES["default"]["CONN_MAX_AGE"] = 60\n`,
    },
    {
      path: PRODUCTION,
      name: 'settings: CONN_MAX_AGE 0 written in the dict',
      text: `DATABASES = {"default": {${POSTGRES}, "CONN_MAX_AGE": 0}}\n`,
      errors: [{ line: 1, column: 100, message: 'DATABASES["default"]["CONN_MAX_AGE"] is 0' }],
      output: `DATABASES = {"default": {${POSTGRES}, "CONN_MAX_AGE": 60}}\n`,
    },
    {
      path: PRODUCTION,
      name: 'settings: env.db() with its default URL',
      text: `${ENVIRON}DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres/app")}\n`,
      errors: [{ line: 3, column: 25 }],
      output: `${ENVIRON}DATABASES = {"default": env.db("DATABASE_URL", default="postgres://postgres/app")}\nDATABASES["default"]["CONN_MAX_AGE"] = 60\n`,
    },
    {
      path: PRODUCTION,
      name: 'settings: an env.int default of 0',
      text: `${ENVIRON}DATABASES = {"default": {${POSTGRES}}}\nDATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)\n`,
      errors: [{ line: 4, column: 40 }],
      output: `${ENVIRON}DATABASES = {"default": {${POSTGRES}}}\nDATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)\n`,
    },
    {
      path: BASE,
      name: 'settings: unset in the base module: reported there, the fix goes in the production module',
      text: `DATABASES = {"default": {${POSTGRES}}}\n`,
      files: { [PRODUCTION]: 'from .base import *\n' },
      errors: [{ line: 1, column: 25 }],
      output: `DATABASES = {"default": {${POSTGRES}}}\n`,
      outputFiles: { [PRODUCTION]: 'from .base import *\nDATABASES["default"]["CONN_MAX_AGE"] = 60\n' },
    },
    {
      name: 'settings: CONN_MAX_AGE=0 read by the settings is reported once, on the env line',
      text: `${SELECTS}CONN_MAX_AGE=0\n`,
      files: { ...COMPOSE, [PRODUCTION]: `${ENVIRON}DATABASES = {"default": {${POSTGRES}, "CONN_MAX_AGE": env.int("CONN_MAX_AGE", default=60)}}\n` },
      errors: [{ line: 2, column: 14 }],
      output: `${SELECTS}CONN_MAX_AGE=60\n`,
    },
    {
      name: 'settings: conn_max_age=0 in the DATABASE_URL env.db() reads is reported once, on the parameter',
      text: `${SELECTS}DATABASE_URL=postgres://app:${password}@postgres:5432/app?conn_max_age=0\n`,
      files: { ...COMPOSE, [PRODUCTION]: `${ENVIRON}DATABASES = {"default": env.db()}\n` },
      errors: [{ line: 2, column: 77 }],
      secret: password,
    },
  ],
});
