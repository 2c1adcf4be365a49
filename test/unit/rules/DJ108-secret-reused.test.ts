import { rule } from '../../../server/src/rules/DJ108-secret-reused';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const LOCAL = 'config/settings/local.py';
const ENV = 'import environ\nenv = environ.Env()\n';

const key = 'ULKc4aj0OO7zTHA3gvfWCsi34HusUMVU1to4IEwOP6y3gDWasilzNoaWC4AeLoCl';
const otherKey = 'Opz56uRJCPFQwlzTrJll3p494fo91QpRDzytC4vqMp8WzjsSsfYHitaRfjhOpV77';
const dbPassword = 'kP3vX9qLm2RzT7wB';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: `SECRET_KEY = "${key}"\n`, files: { [LOCAL]: `SECRET_KEY = "${otherKey}"\n` }, name: 'settings: a different development key' },
    { path: PRODUCTION, text: `from .base import *\n`, files: { [BASE]: `SECRET_KEY = "${key}"\n`, [LOCAL]: 'from .base import *\nDEBUG = True\n' }, name: 'settings: one key in the shared base is not a copy (DJ101 flags it in source)' },
    {
      text: `DJANGO_SECRET_KEY=${key}\n`,
      files: { [PRODUCTION]: `${ENV}SECRET_KEY = env("DJANGO_SECRET_KEY")\n`, [LOCAL]: `${ENV}SECRET_KEY = env("DJANGO_SECRET_KEY", default="${otherKey}")\n` },
      name: 'settings: the local module reads the same variable with another default',
    },
    { path: PRODUCTION, text: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n', files: { [LOCAL]: `SECRET_KEY = "${key}"\n` }, name: 'settings: production\'s key is unknown' },
    { path: 'config/settings.py', text: `INSTALLED_APPS = []\nSECRET_KEY = "${key}"\n`, files: { '.env': `DJANGO_SECRET_KEY=${key}\n` }, name: 'settings: no production module is known' },
    { text: `DJANGO_SECRET_KEY=${key}\n`, files: { '.envs/.local/.django': `DJANGO_SECRET_KEY=${otherKey}\n` } },
    { text: `DJANGO_SECRET_KEY=${key}\n`, name: 'no other env file' },
    {
      text: `POSTGRES_PASSWORD=${dbPassword}\n`,
      path: '.envs/.production/.postgres',
      files: { '.envs/.production/.django': `DATABASE_URL=postgres://app:${dbPassword}@postgres:5432/app\n` },
      name: 'shared between production files',
    },
    {
      text: 'DJANGO_SECRET_KEY=!!!SET DJANGO_SECRET_KEY!!!\nPOSTGRES_PASSWORD=\n',
      files: { '.envs/.local/.django': 'DJANGO_SECRET_KEY=!!!SET DJANGO_SECRET_KEY!!!\nPOSTGRES_PASSWORD=\n' },
      name: 'placeholders and empty values are not secrets',
    },
    {
      text: 'POSTGRES_PASSWORD=${DB_PASSWORD}\n',
      files: { '.env.local': 'POSTGRES_PASSWORD=${DB_PASSWORD}\n' },
      name: 'the same reference is not the same secret',
    },
    {
      text: 'DJANGO_ALLOWED_HOSTS=example.com\nDJANGO_ADMIN_URL=x7Kq9/\n',
      files: { '.envs/.local/.django': 'DJANGO_ALLOWED_HOSTS=example.com\nDJANGO_ADMIN_URL=x7Kq9/\n' },
      name: 'settings that are not secrets',
    },
    {
      text: `DJANGO_SECRET_KEY=${key}\n`,
      path: '.env',
      files: { '.env.local': `DJANGO_SECRET_KEY=${key}\n` },
      name: 'only a production file is judged',
    },
    {
      text: `DJANGO_SECRET_KEY=${key}\n`,
      path: '.envs/.local/.django',
      files: { '.envs/.production/.django': `DJANGO_SECRET_KEY=${key}\n` },
      name: 'development context reports nothing',
    },
  ],
  invalid: [
    {
      text: `DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=${key}\n`,
      files: { '.envs/.local/.django': `DJANGO_SECRET_KEY=${key}\n` },
      errors: [{ line: 2, column: 19, endColumn: 83, severity: 'warning', message: 'DJANGO_SECRET_KEY has the same value as DJANGO_SECRET_KEY in .envs/.local/.django' }],
      secret: key,
      output: /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/,
      outputFiles: { '.envs/.local/.django': `DJANGO_SECRET_KEY=${key}\n` },
    },
    {
      text: `POSTGRES_USER=app\nPOSTGRES_PASSWORD="${dbPassword}"\n`,
      path: '.envs/.production/.postgres',
      files: { '.envs/.local/.postgres': `POSTGRES_PASSWORD=${dbPassword}\n`, '.env.example': `DATABASE_URL=postgres://app:${dbPassword}@localhost/app\n` },
      name: 'named in two development files',
      errors: [{ line: 2, column: 19, message: "as DATABASE_URL's password in .env.example, POSTGRES_PASSWORD in .envs/.local/.postgres: everyone who has those files" }],
      secret: dbPassword,
    },
    {
      text: `DATABASE_URL=postgres://app:${dbPassword}@postgres:5432/app\n`,
      files: { '.env': `DB_PASSWORD=${dbPassword}\n` },
      name: 'a URL password, reused in an unclassified .env',
      errors: [{ line: 1, column: 29, endColumn: 45, message: "DATABASE_URL's password has the same value as DB_PASSWORD in .env" }],
      secret: dbPassword,
      output: /^DATABASE_URL=postgres:\/\/app:[A-Za-z0-9]{32}@postgres:5432\/app\n$/,
    },
    {
      text: `DATABASE_URL=postgres://app:${dbPassword}@postgres:5432/app\n`,
      files: { '.envs/.production/.postgres': `POSTGRES_USER=app\nPOSTGRES_PASSWORD=${dbPassword}\n`, '.env': `DB_PASSWORD=${dbPassword}\n` },
      name: 'the regenerated password reaches every production copy, across files',
      errors: [{ line: 1, column: 29, message: "DATABASE_URL's password has the same value as DB_PASSWORD in .env" }],
      output: /^DATABASE_URL=postgres:\/\/app:([A-Za-z0-9]{32})@postgres:5432\/app\n$/,
      outputFiles: { '.envs/.production/.postgres': /^POSTGRES_USER=app\nPOSTGRES_PASSWORD=[A-Za-z0-9]{32}\n$/, '.env': `DB_PASSWORD=${dbPassword}\n` },
    },
    {
      text: `SENTRY_AUTH_TOKEN=${otherKey}\nMAILGUN_API_KEY=${key}\n`,
      files: { '.envs/.local/.django': `DJANGO_SECRET_KEY=${key}\nGITHUB_TOKEN=${otherKey}\n` },
      name: 'tokens and API keys, under other names',
      errors: [
        { line: 1, column: 19, message: 'SENTRY_AUTH_TOKEN has the same value as GITHUB_TOKEN' },
        { line: 2, column: 17, message: 'MAILGUN_API_KEY has the same value as DJANGO_SECRET_KEY' },
      ],
    },
      {
      path: PRODUCTION,
      name: 'settings: the production literal is the local module\'s key',
      text: `SECRET_KEY = "${key}"\n`,
      files: { [LOCAL]: `SECRET_KEY = "${key}"\nDEBUG = True\n` },
      errors: [{ line: 1, column: 14, severity: 'warning', message: 'has the same value as SECRET_KEY in config/settings/local.py' }],
      output: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
      secret: key,
    },
    {
      name: 'settings: production\'s env value is the local module\'s default, reported at the env line',
      text: `DJANGO_SECRET_KEY=${key}\n`,
      files: { [PRODUCTION]: `${ENV}SECRET_KEY = env("DJANGO_SECRET_KEY")\n`, [LOCAL]: `${ENV}SECRET_KEY = env("DJANGO_SECRET_KEY", default="${key}")\n` },
      errors: [{ line: 1, column: 19, message: 'SECRET_KEY (DJANGO_SECRET_KEY in .envs/.production/.django line 1' }],
      output: /^DJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/,
      secret: key,
    },
    {
      path: BASE,
      name: 'settings: a key in the base, loaded by production, equal to a local env file\'s',
      text: `SECRET_KEY = "${key}"\n`,
      files: { [PRODUCTION]: 'from .base import *  # noqa\n', '.envs/.local/.django': `DJANGO_SECRET_KEY=${key}\n` },
      errors: [{ line: 1, column: 14, message: 'has the same value as DJANGO_SECRET_KEY in .envs/.local/.django' }],
      secret: key,
    },
  ],
});
