import { rule as fullRule } from '../../../server/src/rules/DJ601-sqlite-in-production';
import { withoutCompose } from './compose/compose-side';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const STARTPROJECT_DATABASES = 'DATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.sqlite3",\n        "NAME": BASE_DIR / "db.sqlite3",\n    }\n}\n';
const ENV = 'import environ\nenv = environ.Env()\n';

// The env (and settings) side; the compose side has its table in compose/.
const rule = withoutCompose(fullRule);

ruleTester(rule, {
  valid: [
    { text: 'DATABASE_URL=postgres://app:pw@postgres:5432/app\n' },
    { text: 'DATABASE_URL=\n', name: 'empty is not a URL' },
    { text: 'DB_ENGINE=django.db.backends.postgresql\n' },
    { text: 'SQLITE_PATH=/data/db.sqlite3\nDATABASE_URL_SQLITE=sqlite:///db.sqlite3\n', name: 'variables that are not database URLs' },
    { text: 'DATABASE_URL=$SQLITE_URL\n', name: 'a django-environ proxy is not a URL' },
    { text: 'DATABASE_URL=sqlite:///db.sqlite3\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: 'DATABASE_URL=sqlite:///db.sqlite3\n', path: '.env.example', name: 'an example file reports nothing' },
    { text: '# preflight: disable-next-line DJ601\nDATABASE_URL=sqlite:///db.sqlite3\n', name: 'suppressed' },
    { path: PRODUCTION, text: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "postgres"}}\n', name: 'settings: PostgreSQL' },
    { path: PRODUCTION, text: 'DEBUG = False\n', name: 'settings: unset (Django\'s default has no database)' },
    { path: PRODUCTION, text: `${ENV}DATABASES = {"default": env.db("DATABASE_URL")}\n`, name: 'settings: env.db without default, no environment value: unknown' },
    { path: PRODUCTION, text: 'import os\nDATABASES = {"default": {"ENGINE": os.environ["DB_ENGINE"]}}\n', name: 'settings: an unknown engine' },
    { path: PRODUCTION, text: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="postgres://app@db/app")}\n', name: 'settings: dj-database-url, a PostgreSQL default' },
    { path: PRODUCTION, text: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3")}\n', files: { '.envs/.production/.django': 'DATABASE_URL=postgres://app:pw@db/app\n', 'docker-compose.production.yml': 'services:\n  django:\n    command: gunicorn config.wsgi\n    env_file: .envs/.production/.django\n' }, name: 'settings: dj-database-url, production sets a PostgreSQL URL' },
    { path: 'config/settings/local.py', text: `from pathlib import Path\nBASE_DIR = Path(__file__).parent\n${STARTPROJECT_DATABASES}`, name: 'settings: development module' },
    {
      path: BASE,
      text: `BASE_DIR = "/app"\n${STARTPROJECT_DATABASES}`,
      files: { [PRODUCTION]: `from .base import *\n${ENV}DATABASES = {"default": env.db("DATABASE_URL", default="postgres://app@postgres/app")}\n` },
      name: 'settings: production replaces the base\'s SQLite',
    },
    {
      name: 'settings: a *DATABASE_URL line is the env side\'s (one finding, not two)',
      text: 'DJANGO_DATABASE_URL=postgres://app:pw@postgres:5432/app\n',
      files: { [PRODUCTION]: `${ENV}DATABASES = {"default": env.db("DJANGO_DATABASE_URL")}\n` },
    },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'settings: dj-database-url with a SQLite default in effect',
      text: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3", conn_max_age=600)}\n',
      errors: [{ line: 2, column: 25, severity: 'error', message: 'the default of dj_database_url.config("DATABASE_URL")' }],
    },
    {
      path: PRODUCTION,
      name: 'settings: environs env.dj_db_url: the fix drops the SQLite default',
      text: 'from environs import Env\nenv = Env()\nDATABASES = {"default": env.dj_db_url("DATABASE_URL", default="sqlite:///db.sqlite3")}\n',
      errors: [{ line: 3, column: 25, message: 'the default of env.dj_db_url("DATABASE_URL")' }],
      output: 'from environs import Env\nenv = Env()\nDATABASES = {"default": env.dj_db_url("DATABASE_URL")}\n',
    },
    {
      name: 'unknown context softens to warning',
      path: '.env',
      text: 'DJANGO_DEBUG=True\nDJANGO_SECRET_KEY=short\nDATABASE_URL=sqlite:///db.sqlite3\n',
      errors: [{ line: 3, column: 14, severity: 'warning', message: 'DATABASE_URL=sqlite:///db.sqlite3' }],
      output: 'DJANGO_DEBUG=True\nDJANGO_SECRET_KEY=short\nDATABASE_URL=postgres://USER:PASSWORD@HOST:5432/NAME\n',
    },
    {
      text: 'DATABASE_URL=sqlite:///db.sqlite3\n',
      errors: [{ line: 1, column: 14, endColumn: 34, severity: 'error' }],
      output: 'DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/NAME\n',
    },
    {
      name: 'SpatiaLite gets a PostGIS template; quotes go with the old value',
      text: 'DJANGO_DATABASE_URL="spatialite:////data/geo.db"\n',
      errors: [{ line: 1, column: 21 }],
      output: 'DJANGO_DATABASE_URL=postgis://USER:PASSWORD@HOST:5432/NAME\n',
    },
    { name: 'in-memory SQLite', text: 'DATABASE_URL=sqlite://:memory:\n', errors: [{ line: 1, column: 14 }] },
    {
      name: 'a password in the URL is not shown',
      text: 'REPLICA_DATABASE_URL=sqlite://reader:Hunter2Secret99@/replica.sqlite3\n',
      errors: [{ line: 1, column: 22, message: 'REPLICA_DATABASE_URL (sqlite://…)' }],
      secret: 'Hunter2Secret99',
    },
    { text: 'DB_ENGINE=django.db.backends.sqlite3\n', errors: [{ line: 1, column: 11, message: 'selects SQLite' }] },
    {
      text: 'DATABASE_URL=sqlite:///db.sqlite3\nDJANGO_DB_ENGINE=django.contrib.gis.db.backends.spatialite\n',
      errors: [{ line: 1, column: 14 }, { line: 2, column: 18 }],
    },
      {
      path: PRODUCTION,
      name: 'settings: startproject\'s SQLite, in a module with a django-environ Env',
      text: `from pathlib import Path\n${ENV}BASE_DIR = Path(__file__).parent\n${STARTPROJECT_DATABASES}`,
      errors: [{ line: 7, column: 19, endColumn: 47, severity: 'error', message: 'DATABASES["default"]["ENGINE"] = "django.db.backends.sqlite3" puts the database in a local SQLite file' }],
      output: `from pathlib import Path\n${ENV}BASE_DIR = Path(__file__).parent\nDATABASES = {\n    "default": env.db("DATABASE_URL")\n}\n`,
    },
    {
      path: PRODUCTION,
      name: 'settings: SQLite with other keys, no Env: reported, no fix',
      text: 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3", "ATOMIC_REQUESTS": True}}\n',
      errors: [{ line: 1, column: 36 }],
    },
    {
      path: PRODUCTION,
      name: 'settings: env.db default in effect',
      text: `${ENV}DATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///db.sqlite3")}\nDATABASES["default"]["ATOMIC_REQUESTS"] = True\n`,
      errors: [{ line: 3, column: 25, message: 'DATABASES["default"] (the default of env.db("DATABASE_URL")' }],
      output: `${ENV}DATABASES = {"default": env.db("DATABASE_URL")}\nDATABASES["default"]["ATOMIC_REQUESTS"] = True\n`,
    },
    {
      path: PRODUCTION,
      name: 'settings: SpatiaLite engine',
      text: 'DATABASES = {"default": {"ENGINE": "django.contrib.gis.db.backends.spatialite", "NAME": "geo.db"}}\n',
      errors: [{ line: 1, column: 36, message: 'local SpatiaLite file' }],
    },
    {
      path: BASE,
      name: 'settings: in the base module, loaded by production',
      text: 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}\n',
      files: { [PRODUCTION]: 'from .base import *  # noqa\n' },
      errors: [{ line: 1, column: 36, severity: 'error' }],
    },
    {
      path: PRODUCTION,
      name: 'settings: an engine variable\'s default in effect',
      text: 'import os\nDATABASES = {"default": {"ENGINE": os.environ.get("DB_BACKEND", "django.db.backends.sqlite3"), "NAME": "db.sqlite3"}}\n',
      errors: [{ line: 2, column: 36, message: 'the default of os.environ.get("DB_BACKEND")' }],
    },
    {
      name: 'settings: env.db of a variable the env side does not read, reported at its env line',
      text: 'DB_URL=sqlite:////data/app.sqlite3\n',
      files: { [PRODUCTION]: `${ENV}DATABASES = {"default": env.db("DB_URL")}\n` },
      errors: [{ line: 1, column: 8, message: 'DATABASES["default"] (DB_URL in .envs/.production/.django line 1, a sqlite URL)' }],
      output: 'DB_URL=postgres://USER:PASSWORD@HOST:5432/NAME\n',
    },
  ],
});
