import assert from 'node:assert/strict';
import { it } from 'node:test';
import { rule } from '../../../server/src/rules/DJ604-admin-url-default';
import { applyEdits } from '../../../server/src/engine/fix-all';
import { lintCase, ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const ENVIRON = 'import environ\nenv = environ.Env()\n';
const COMPOSE = { 'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    env_file: .envs/.production/.django\n' };
const SELECTS = 'DJANGO_SETTINGS_MODULE=config.settings.production\n';
const APPS = 'INSTALLED_APPS = ["django.contrib.admin"]\n';
const GENERATED = /"[a-z0-9]{24}\/"/.source;

ruleTester(rule, {
  valid: [
    { text: 'DJANGO_ADMIN_URL=k3j4h5g6f7d8s9a0q1w2e3r4/\n' },
    { text: 'DJANGO_ADMIN_URL=django-admin/\n', name: 'not the default path' },
    { text: 'ADMIN_URL=administration/\n', name: 'near miss' },
    { text: 'DJANGO_ADMIN_URL=\n', name: 'empty is not judged here' },
    { text: 'DJANGO_ADMIN_EMAIL=admin@example.com\n', name: 'another variable' },
    { text: 'DJANGO_ADMIN_URL=admin/\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: 'DJANGO_ADMIN_URL=admin/\n', path: '.env.example', name: 'example file reports nothing' },
    { path: PRODUCTION, text: 'INSTALLED_APPS = ["django.contrib.admin"]\nADMIN_URL = "k3j4h5g6f7d8s9a0q1w2e3r4/"\n', name: 'settings: a path of its own' },
    {
      path: PRODUCTION,
      name: 'settings: cookiecutter, admin/ in base overridden by a required env read in production',
      text: `from .base import *\nADMIN_URL = env("DJANGO_ADMIN_URL")\n`,
      files: { [BASE]: `${ENVIRON}${APPS}ADMIN_URL = "admin/"\n` },
    },
    { path: PRODUCTION, text: 'INSTALLED_APPS = ["django.contrib.auth"]\nADMIN_URL = "admin/"\n', name: 'settings: no admin app, nothing mounted' },
    { path: PRODUCTION, text: 'from elsewhere import ADMIN_URL\n', name: 'settings: unknown: silent' },
    { path: 'config/settings/local.py', text: 'DEBUG = True\nADMIN_URL = "admin/"\n', name: 'settings: development module' },
  ],
  invalid: [
    { text: 'DJANGO_ADMIN_URL=admin/\n', errors: [{ line: 1, column: 18, endColumn: 24, severity: 'warning', message: 'DJANGO_ADMIN_URL=admin/ serves the admin at the default path' }] },
    { text: 'A=1\nADMIN_URL=/admin/\n', errors: [{ line: 2, column: 11 }], output: /^A=1\nADMIN_URL=[a-z0-9]{24}\/\n$/ },
    { text: 'ADMIN_URL="Admin"\n', name: 'quoted, any case, no slash', errors: [{ line: 1, column: 11, endColumn: 18 }] },
    { text: 'DJANGO_ADMIN_URL=!!!SET DJANGO_ADMIN_URL!!!\n', errors: [{ line: 1, column: 18, message: '"!!!SET ...!!!" template placeholder' }] },
    { text: 'DJANGO_ADMIN_URL=changeme/\n', errors: [{ line: 1, column: 18, message: '"change me" placeholder' }] },
    { text: 'DJANGO_ADMIN_URL=admin/\n', path: '.env', name: 'unknown context keeps the warning', errors: [{ line: 1, column: 18, severity: 'warning' }] },
    {
      path: PRODUCTION,
      name: 'settings: the default path',
      text: 'INSTALLED_APPS = ["django.contrib.admin"]\nADMIN_URL = "admin/"\n',
      errors: [{ line: 2, column: 13, severity: 'warning', message: "ADMIN_URL is 'admin/', which serves the admin at the default path" }],
      output: new RegExp(`^INSTALLED_APPS = \\["django.contrib.admin"\\]\nADMIN_URL = ${GENERATED}\n$`),
    },
    { path: PRODUCTION, name: 'settings: an old url() regex', text: 'INSTALLED_APPS = ["django.contrib.admin"]\nADMIN_URL = r"^admin/"\n', errors: [{ line: 2, column: 13 }] },
    { path: PRODUCTION, name: 'settings: a placeholder', text: 'INSTALLED_APPS = ["django.contrib.admin"]\nADMIN_URL = "!!!SET DJANGO_ADMIN_URL!!!"\n', errors: [{ line: 2, column: 13, message: 'template placeholder that was never filled in' }] },
    {
      path: PRODUCTION,
      name: 'settings: an env default',
      text: `${ENVIRON}INSTALLED_APPS = ["django.contrib.admin"]\nADMIN_URL = env("DJANGO_ADMIN_URL", default="admin/")\n`,
      errors: [{ line: 4, column: 13 }],
      output: new RegExp(`^import environ\nenv = environ.Env\\(\\)\nINSTALLED_APPS = \\["django.contrib.admin"\\]\nADMIN_URL = env\\("DJANGO_ADMIN_URL", default=${GENERATED}\\)\n$`),
    },
    { path: BASE, name: 'settings: in the base module, not overridden', text: 'INSTALLED_APPS = ["django.contrib.admin"]\nADMIN_URL = "admin/"\n', files: { [PRODUCTION]: 'from .base import *\n' }, errors: [{ line: 2, column: 13 }] },
    {
      name: 'settings: read from the env file, reported once on the env line',
      text: `${SELECTS}DJANGO_ADMIN_URL=admin/\n`,
      files: { ...COMPOSE, [PRODUCTION]: `${ENVIRON}${APPS}ADMIN_URL = env("DJANGO_ADMIN_URL")\n` },
      errors: [{ line: 2, column: 18, message: 'DJANGO_ADMIN_URL=admin/ serves' }],
    },
  ],
});

it('DJ604 generates a fresh 24-character path, offered for review only', () => {
  const text = 'DJANGO_ADMIN_URL=admin/ # keep\n';
  const [first] = lintCase(rule, { text });
  const [second] = lintCase(rule, { text });
  const fix = first.fixes[0];
  assert.equal(fix.safe, false);
  const output = applyEdits(text, fix.edits);
  assert.match(output, /^DJANGO_ADMIN_URL=[a-z0-9]{24}\/ # keep\n$/);
  assert.notEqual(output, applyEdits(text, second.fixes[0].edits));
});
