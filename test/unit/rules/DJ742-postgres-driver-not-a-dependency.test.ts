import { rule } from '../../../server/src/rules/DJ742-postgres-driver-not-a-dependency';
import { ruleTester } from '../rule-tester';

const POSTGRES = 'DATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "NAME": "site",\n    }\n}\n';
const PRODUCTION = { 'config/settings/production.py': POSTGRES };
const DJ_DATABASE_URL = 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="postgres://site@db:5432/site")}\n';

ruleTester(rule, {
  valid: [
    { path: 'requirements.txt', text: 'Django==5.2.8\npsycopg[binary]==3.2.3\n', files: PRODUCTION },
    { path: 'requirements.txt', text: 'Django==5.2.8\npsycopg2-binary==2.9.10\n', files: PRODUCTION, name: 'psycopg2' },
    { path: 'requirements.txt', text: 'Django==4.1.13\npsycopg2==2.9.10\n', files: PRODUCTION, name: 'psycopg2 on Django 4.1' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n', files: { 'config/settings/production.py': 'DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "NAME": "site"}}\n' }, name: 'another engine' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n', files: { 'config/settings/production.py': 'import os\nDATABASES = {"default": {"ENGINE": os.environ["DB_ENGINE"], "NAME": "site"}}\n' }, name: 'the engine is unknown' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n', files: { 'config/settings/local.py': POSTGRES }, name: 'the development settings only' },
    { path: 'setup.py', text: 'from setuptools import setup\nsetup(name="site", install_requires=read_requirements())\n', files: PRODUCTION, name: 'a computed install_requires: unknown' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n', files: { ...PRODUCTION, 'uv.lock': 'version = 1\n\n[[package]]\nname = "psycopg"\nversion = "3.2.3"\n' }, name: 'the lock file installs it' },
  ],
  invalid: [
    {
      path: 'requirements.txt',
      text: 'Django==5.2.8\ngunicorn==23.0.0\n',
      files: PRODUCTION,
      errors: [{ line: 2, column: 1, message: 'DATABASES["default"] uses django.db.backends.postgresql, but requirements.txt', related: [{ path: 'config/settings/production.py', line: 3, message: 'DATABASES["default"] uses django.db.backends.postgresql' }] }],
      output: 'Django==5.2.8\ngunicorn==23.0.0\npsycopg[binary]\n',
    },
    {
      path: 'requirements/production.txt',
      name: 'dj-database-url with a postgres:// default',
      text: '-r base.txt\n',
      files: { 'requirements/base.txt': 'Django==5.2.8\ndj-database-url==2.3.0\n', 'config/settings/production.py': DJ_DATABASE_URL },
      errors: [{ line: 1, column: 1, severity: 'error', message: 'uses django.db.backends.postgresql', related: [{ path: 'config/settings/production.py', line: 2 }] }],
      output: '-r base.txt\npsycopg[binary]\n',
    },
    {
      path: 'requirements.txt',
      name: 'psycopg 3 on Django 4.1, which loads psycopg2 only',
      text: 'Django==4.1.13\npsycopg==3.2.3\n',
      files: PRODUCTION,
      errors: [{ line: 2, column: 1, message: 'only psycopg 3, which Django 4.1 does not load' }],
      output: 'Django==4.1.13\npsycopg==3.2.3\npsycopg2-binary\n',
    },
  ],
});
