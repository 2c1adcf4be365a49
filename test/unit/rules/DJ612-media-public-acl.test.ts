import { rule } from '../../../server/src/rules/DJ612-media-public-acl';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const ENVIRON = 'import environ\nenv = environ.Env()\n';
const COMPOSE = { 'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    env_file: .envs/.production/.django\n' };
const SELECTS = 'DJANGO_SETTINGS_MODULE=config.settings.production\n';
const S3 = 'storages.backends.s3.S3Storage';

ruleTester(rule, {
  valid: [
    { text: 'DJANGO_AWS_DEFAULT_ACL=private\n' },
    { text: 'AWS_DEFAULT_ACL=bucket-owner-full-control\nAWS_QUERYSTRING_AUTH=True\n' },
    { text: 'AWS_DEFAULT_ACL=\nAWS_QUERYSTRING_AUTH=\n', name: 'empty values are not explicit' },
    { text: 'DJANGO_AWS_QUERYSTRING_AUTH=1\n' },
    { text: 'AWS_DEFAULT_ACL_STATIC=public-read\n', name: 'not the setting' },
    { text: 'AWS_DEFAULT_ACL=public-read\nAWS_QUERYSTRING_AUTH=False\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: 'GS_DEFAULT_ACL=projectPrivate\n', name: 'Google Cloud: a private predefined ACL' },
    { path: PRODUCTION, text: 'AWS_DEFAULT_ACL = None\nAWS_QUERYSTRING_AUTH = True\n', name: 'settings: the bucket decides, URLs signed' },
    { path: PRODUCTION, text: 'DEBUG = False\n', name: 'settings: unset (django-storages signs URLs and names no ACL by default)' },
    { path: PRODUCTION, text: 'from elsewhere import ACL\nAWS_DEFAULT_ACL = ACL\n', name: 'settings: unknown: silent' },
    { path: PRODUCTION, text: `STORAGES = {"staticfiles": {"BACKEND": "${S3}", "OPTIONS": {"default_acl": "public-read", "querystring_auth": False}}}\n`, name: 'settings: public static files are meant to be public' },
    {
      path: PRODUCTION,
      name: 'settings: an empty env value is not judged',
      text: `${ENVIRON}AWS_QUERYSTRING_AUTH = env.bool("AWS_QUERYSTRING_AUTH", default=True)\n`,
      files: { ...COMPOSE, '.envs/.production/.django': `${SELECTS}AWS_QUERYSTRING_AUTH=\n` },
    },
    { path: 'config/settings/local.py', text: 'AWS_DEFAULT_ACL = "public-read"\n', name: 'settings: development module' },
  ],
  invalid: [
    {
      text: 'DJANGO_AWS_DEFAULT_ACL=public-read\n',
      errors: [{ line: 1, column: 24, endColumn: 35, severity: 'warning', message: 'public ACL' }],
      output: 'DJANGO_AWS_DEFAULT_ACL=private\n',
    },
    { text: 'AWS_DEFAULT_ACL="public-read-write"\n', errors: [{ line: 1, column: 17 }], output: 'AWS_DEFAULT_ACL=private\n' },
    { text: 'AWS_QUERYSTRING_AUTH=False\n', errors: [{ line: 1, column: 22, message: 'unsigned URLs' }] },
    {
      path: '.env',
      text: 'DJANGO_AWS_QUERYSTRING_AUTH=0\nAWS_DEFAULT_ACL=public-read\n',
      name: 'unknown context keeps warning',
      errors: [{ line: 1, column: 29, severity: 'warning' }, { line: 2, column: 17, severity: 'warning' }],
    },
    { text: 'GS_DEFAULT_ACL=publicRead\n', name: 'Google Cloud: publicRead', errors: [{ line: 1, column: 16, message: 'public ACL' }], output: 'GS_DEFAULT_ACL=private\n' },
    { text: 'AWS_DEFAULT_ACL=authenticated-read\n', errors: [{ line: 1, column: 17, message: 'any cloud account' }], output: 'AWS_DEFAULT_ACL=private\n' },
    {
      path: PRODUCTION,
      name: 'settings: a public default ACL',
      text: 'AWS_DEFAULT_ACL = "public-read"\n',
      errors: [{ line: 1, column: 19, severity: 'warning', message: 'AWS_DEFAULT_ACL is "public-read"' }],
      output: 'AWS_DEFAULT_ACL = None\n',
    },
    { path: PRODUCTION, name: 'settings: Google Cloud', text: 'GS_DEFAULT_ACL = "publicRead"\n', errors: [{ line: 1, column: 18 }], output: 'GS_DEFAULT_ACL = None\n' },
    { path: PRODUCTION, name: 'settings: cookiecutter\'s unsigned URLs', text: 'AWS_QUERYSTRING_AUTH = False\n', errors: [{ line: 1, column: 24, message: 'unsigned URLs' }] },
    {
      path: PRODUCTION,
      name: 'settings: an env default',
      text: `${ENVIRON}AWS_DEFAULT_ACL = env("DJANGO_AWS_DEFAULT_ACL", default="public-read")\n`,
      errors: [{ line: 3, column: 19 }],
      output: `${ENVIRON}AWS_DEFAULT_ACL = env("DJANGO_AWS_DEFAULT_ACL", default=None)\n`,
    },
    {
      path: BASE,
      name: 'settings: in the base module',
      text: 'AWS_DEFAULT_ACL = "public-read-write"\n',
      files: { [PRODUCTION]: 'from .base import *\n' },
      errors: [{ line: 1, column: 19, message: 'overwrite' }],
      output: 'AWS_DEFAULT_ACL = None\n',
    },
    {
      path: PRODUCTION,
      name: 'settings: Django 4.2 STORAGES, the media storage',
      text: `STORAGES = {"default": {"BACKEND": "${S3}", "OPTIONS": {"default_acl": "public-read", "querystring_auth": False}}}\n`,
      errors: [{ line: 1, column: 97, message: 'default_acl' }, { line: 1, column: 132, message: 'querystring_auth' }],
      output: `STORAGES = {"default": {"BACKEND": "${S3}", "OPTIONS": {"default_acl": None, "querystring_auth": False}}}\n`,
    },
    {
      name: 'settings: a public ACL read from the env file is reported once, on the env line',
      text: `${SELECTS}AWS_ACL=public-read\nAWS_DEFAULT_ACL=public-read\n`,
      files: { ...COMPOSE, [PRODUCTION]: `${ENVIRON}AWS_DEFAULT_ACL = env("AWS_DEFAULT_ACL")\nGS_DEFAULT_ACL = env("AWS_ACL")\n` },
      errors: [{ line: 2, column: 9, message: 'GS_DEFAULT_ACL is "public-read" (AWS_ACL=public-read in' }, { line: 3, column: 17, message: 'AWS_DEFAULT_ACL=public-read uploads' }],
      output: `${SELECTS}AWS_ACL=private\nAWS_DEFAULT_ACL=public-read\n`,
    },
  ],
});
