import { rule } from '../../../server/src/rules/DJ606-db-ssl-not-required';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const ENV = 'import environ\nenv = environ.Env()\n';
const REMOTE = 'DATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "HOST": "db.example.com",\n        "NAME": "app",\n    }\n}\n';

const password = 'Sup3rS3cretPw';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="postgres://app@db.example.com/app", ssl_require=True)}\n', name: 'settings: dj-database-url with ssl_require=True' },
    { path: PRODUCTION, text: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db.example.com", "OPTIONS": {"sslmode": "require"}}}\n', name: 'settings: OPTIONS require SSL' },
    { path: PRODUCTION, text: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "postgres"}}\n', name: 'settings: a compose service is local' },
    { path: PRODUCTION, text: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app"}}\n', name: 'settings: no HOST is a unix socket' },
    { path: PRODUCTION, text: 'DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "HOST": "db.example.com"}}\n', name: 'settings: not PostgreSQL' },
    { path: PRODUCTION, text: 'import os\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": os.environ["DB_HOST"]}}\n', name: 'settings: an unknown host' },
    { path: PRODUCTION, text: 'import os\nDATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db.example.com", "OPTIONS": {"sslmode": os.environ["SSLMODE"]}}}\n', name: 'settings: an unknown mode' },
    { path: PRODUCTION, text: `${ENV}DATABASES = {"default": env.db("DATABASE_URL", default="postgres://app@db.example.com/app?sslmode=verify-full")}\n`, name: 'settings: an env.db default requiring SSL' },
    { path: 'config/settings/local.py', text: REMOTE, name: 'settings: development module' },
    { text: 'PGSSLMODE=require\n', files: { [PRODUCTION]: REMOTE }, name: 'settings: production\'s environment sets PGSSLMODE=require' },
    {
      name: 'settings: a DATABASE_URL line is the env side\'s (one finding, not two)',
      text: 'DATABASE_URL=postgres://app:pw@db.example.com/app?sslmode=require\n',
      files: { [PRODUCTION]: `${ENV}DATABASES = {"default": env.db("DATABASE_URL")}\n` },
    },
    { text: `DATABASE_URL=postgres://app:${password}@postgres:5432/app\n`, name: 'a compose service name is local' },
    { text: 'DATABASE_URL=postgres://app:pw@db.example.com:5432/app?sslmode=require\n' },
    { text: 'DATABASE_URL=postgresql://app:pw@db.example.com/app?connect_timeout=5&sslmode=verify-full\n' },
    { text: 'DATABASE_URL=postgres://app:pw@10.0.0.5:5432/app\nREPLICA_DATABASE_URL=postgres://app:pw@192.168.1.20/app\n', name: 'private addresses' },
    { text: 'DATABASE_URL=postgres://app:pw@localhost/app\nOTHER_DATABASE_URL=postgres:///app\n', name: 'loopback and a unix socket' },
    { text: 'DATABASE_URL=mysql://app:pw@db.example.com/app\n', name: 'not PostgreSQL' },
    { text: 'PGSSLMODE=require\nDATABASE_URL=postgres://app:pw@db.example.com/app\n', name: 'libpq reads PGSSLMODE when the URL names no sslmode' },
    { text: 'DATABASE_URL=postgres://app:pw@db1.example.com:5432,db2.example.com:5432/app\n', name: 'multi-host URLs are not judged' },
    { text: 'DATABASE_URL=postgres://app:pw@db.example.com/app\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'settings: dj-database-url default without sslmode: the fix appends it to the URL',
      text: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="postgres://app@db.example.com/app", conn_max_age=600)}\n',
      errors: [{ line: 2, column: 25, message: 'the default of dj_database_url.config("DATABASE_URL")' }],
      output: 'import dj_database_url\nDATABASES = {"default": dj_database_url.config(default="postgres://app@db.example.com/app?sslmode=require", conn_max_age=600)}\n',
    },
    {
      text: `DATABASE_URL=postgres://app:${password}@db.example.com:5432/app\n`,
      errors: [{ line: 1, column: 14, severity: 'warning', message: 'db.example.com without sslmode=require' }],
      output: `DATABASE_URL=postgres://app:${password}@db.example.com:5432/app?sslmode=require\n`,
      secret: password,
    },
    {
      name: 'an existing query gets &sslmode=require',
      text: `DATABASE_URL=postgres://app:${password}@db.example.com:5432/app?connect_timeout=10\n`,
      errors: [{ line: 1, column: 14 }],
      output: `DATABASE_URL=postgres://app:${password}@db.example.com:5432/app?connect_timeout=10&sslmode=require\n`,
      secret: password,
    },
    {
      name: 'a trailing ? needs no separator',
      text: 'DATABASE_URL=postgres://app:pw@db.example.com/app?\n',
      errors: [{ line: 1, column: 14 }],
      output: 'DATABASE_URL=postgres://app:pw@db.example.com/app?sslmode=require\n',
    },
    {
      name: 'the parameter goes inside the quotes',
      text: `DATABASE_URL="postgres://app:${password}@db.example.com/app" # managed\n`,
      errors: [{ line: 1, column: 14 }],
      output: `DATABASE_URL="postgres://app:${password}@db.example.com/app?sslmode=require" # managed\n`,
      secret: password,
    },
    {
      name: 'sslmode=disable on a public IP lands on the mode',
      text: 'DATABASE_URL=postgis://app:pw12345678@203.0.113.7/app?sslmode=disable\n',
      errors: [{ line: 1, column: 63, endColumn: 70, message: 'sslmode=disable' }],
      output: 'DATABASE_URL=postgis://app:pw12345678@203.0.113.7/app?sslmode=require\n',
      secret: 'pw12345678',
    },
    {
      text: 'DATABASE_URL=postgres://app:pw@db.example.com/app?sslmode=prefer&connect_timeout=5\n',
      errors: [{ line: 1, column: 59, message: 'never checks the server certificate' }],
      output: 'DATABASE_URL=postgres://app:pw@db.example.com/app?sslmode=require&connect_timeout=5\n',
    },
    {
      name: 'a weak PGSSLMODE is named',
      text: 'PGSSLMODE=disable\nDATABASE_URL=postgres://app:pw@db.example.com/app\n',
      errors: [{ line: 2, column: 14, message: 'PGSSLMODE=disable' }],
      output: 'PGSSLMODE=disable\nDATABASE_URL=postgres://app:pw@db.example.com/app?sslmode=require\n',
    },
    { name: 'a public IPv6 address', path: '.env', text: 'DATABASE_URL=postgres://app:pw@[2001:db8::1]:5432/app\n', errors: [{ line: 1, column: 14, severity: 'warning' }] },
      {
      path: PRODUCTION,
      name: 'settings: a remote host without OPTIONS, in a multi-line display',
      text: REMOTE,
      errors: [{ line: 2, column: 5, endColumn: 14, severity: 'warning', message: 'DATABASES["default"] connects to db.example.com without sslmode=require; libpq\'s default sslmode=prefer' }],
      output: REMOTE.replace('"NAME": "app",', '"NAME": "app",\n        "OPTIONS": {"sslmode": "require"},'),
    },
    {
      path: PRODUCTION,
      name: 'settings: one line, OPTIONS without sslmode',
      text: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "203.0.113.7", "OPTIONS": {"connect_timeout": 5}}}\n',
      errors: [{ line: 1, column: 14 }],
      output: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "203.0.113.7", "OPTIONS": {"connect_timeout": 5, "sslmode": "require"}}}\n',
    },
    {
      path: PRODUCTION,
      name: 'settings: a weak sslmode in OPTIONS',
      text: 'DATABASES = {"default": {"ENGINE": "django.contrib.gis.db.backends.postgis", "HOST": "db.example.com", "OPTIONS": {"sslmode": "disable"}}}\n',
      errors: [{ line: 1, column: 127, message: 'with sslmode=disable, which never encrypts' }],
      output: 'DATABASES = {"default": {"ENGINE": "django.contrib.gis.db.backends.postgis", "HOST": "db.example.com", "OPTIONS": {"sslmode": "require"}}}\n',
    },
    {
      path: PRODUCTION,
      name: 'settings: env.db default in effect',
      text: `${ENV}DATABASES = {"default": env.db("DATABASE_URL", default="postgres://app@db.example.com:5432/app")}\n`,
      errors: [{ line: 3, column: 25, message: 'DATABASES["default"] (the default of env.db("DATABASE_URL")' }],
      output: `${ENV}DATABASES = {"default": env.db("DATABASE_URL", default="postgres://app@db.example.com:5432/app?sslmode=require")}\n`,
    },
    {
      path: BASE,
      name: 'settings: in the base module, loaded by production',
      text: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db.example.com"}}\n',
      files: { [PRODUCTION]: 'from .base import *  # noqa\n' },
      errors: [{ line: 1, column: 14 }],
      output: 'DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db.example.com", "OPTIONS": {"sslmode": "require"}}}\n',
    },
    {
      name: 'settings: env.db of a variable the env side does not read, reported at its env line',
      text: `PRIMARY_DB=postgres://app:${password}@db.example.com/app\n`,
      files: { [PRODUCTION]: `${ENV}DATABASES = {"default": env.db("PRIMARY_DB")}\n` },
      errors: [{ line: 1, column: 12, message: 'DATABASES["default"] (PRIMARY_DB in .envs/.production/.django line 1)' }],
      output: `PRIMARY_DB=postgres://app:${password}@db.example.com/app?sslmode=require\n`,
      secret: password,
    },
  ],
});
