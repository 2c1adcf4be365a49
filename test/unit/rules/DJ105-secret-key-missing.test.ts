import assert from 'node:assert/strict';
import { it } from 'node:test';
import { rule } from '../../../server/src/rules/DJ105-secret-key-missing';
import { rule as requiredEnvMissing } from '../../../server/src/rules/DJ605-required-env-missing';
import { rule as secretKeyWeak } from '../../../server/src/rules/DJ102-secret-key-weak';
import { applyEdits } from '../../../server/src/engine/fix-all';
import { lintCase, ruleTester } from '../rule-tester';
import { AFTER_REQUIRE, REQUIRE_HELPER } from './settings-cases';

const strongKey = 'ULKc4aj0OO7zTHA3gvfWCsi34HusUMVU1to4IEwOP6y3gDWasilzNoaWC4AeLoCl';
const COMPOSE = 'docker-compose.production.yml';
const PRODUCTION = 'config/settings/production.py';
const ENV = '.envs/.production/.django';
const service = 'services:\n  django:\n    command: gunicorn config.wsgi\n    env_file: .envs/.production/.django\n';
const readsKey = 'import environ\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY")\n';

ruleTester(rule, {
  valid: [
    { text: 'DJANGO_DEBUG=False\n', files: { 'config/settings/production.py': `${REQUIRE_HELPER}SECRET_KEY = require("APP_KEY")\n` }, name: 'absent, but a helper of the settings requires another variable' },
    { text: 'DJANGO_DEBUG=False\n', files: { 'config/settings/production.py': 'import os\nSECRET_KEY = os.environ["APP_KEY"]\n' }, name: 'absent, but the production settings read the key from another variable' },
    { text: `DJANGO_SECRET_KEY=${strongKey}\nDJANGO_DEBUG=False\n` },
    { text: `DJANGO_DEBUG=False\nSECRET_KEY=${strongKey}\n`, name: 'the bare setting name counts' },
    { text: 'DJANGO_SECRET_KEY=short\n', name: 'short is DJ102' },
    { text: 'POSTGRES_HOST=postgres\nPOSTGRES_PASSWORD=x\n', path: '.envs/.production/.postgres', name: 'not a Django env file' },
    { text: 'DJANGO_DEBUG=False\n', path: '.env', name: 'absence counts only in production' },
    { text: 'DJANGO_DEBUG=False\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: 'DJANGO_SECRET_KEY=\n', path: '.env.example', name: 'an empty key in an example file' },
    { text: '', name: 'an empty file is not a Django env file' },
    { path: COMPOSE, text: service, files: { [ENV]: 'DJANGO_DEBUG=False\n' }, name: 'the compose side: the service\'s env file reports the absence, where the fix goes' },
    { text: 'DJANGO_DEBUG=False\n', files: { [PRODUCTION]: readsKey }, name: 'absent, and the production settings read it: reported at the read' },
    { text: 'DJANGO_DEBUG=False\n', files: { [PRODUCTION]: readsKey, [COMPOSE]: `${service}  worker:\n    command: celery worker\n    env_file: [.envs/.production/.django, .envs/.production/.secrets]\n`, '.envs/.production/.secrets': `DJANGO_SECRET_KEY=${strongKey}\n` }, name: 'only the worker gets the key: its env file does not speak for the web service' },
    { path: PRODUCTION, text: 'import environ\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY", default="x")\n', files: { [ENV]: 'DJANGO_DEBUG=False\n' }, name: 'settings: a default is DJ106\'s' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      text: `${REQUIRE_HELPER}SECRET_KEY = require("DJANGO_SECRET_KEY")\n`,
      files: { [ENV]: 'DJANGO_DEBUG=False\n' },
      name: 'absent, and a helper of the settings raises without it (issue 13): at the call, the raise related',
      errors: [{ line: AFTER_REQUIRE, column: 14, message: 'SECRET_KEY comes from a call that raises ImproperlyConfigured when DJANGO_SECRET_KEY is unset', related: { message: 'the helper raises ImproperlyConfigured here', line: 8 } }],
      output: `${REQUIRE_HELPER}SECRET_KEY = require("DJANGO_SECRET_KEY")\n`,
      outputFiles: { [ENV]: /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/ },
    },

    {
      // The compose side (more cases in compose/DJ105-secret-key-missing.test.ts): an env file that is not production's does not report absence, so the service does.
      path: 'docker-compose.yml',
      text: 'services:\n  django:\n    command: gunicorn config.wsgi\n    env_file: .env\n',
      files: { '.env': 'DJANGO_DEBUG=False\n' },
      errors: [{ line: 2, column: 3, severity: 'warning', message: 'gets no DJANGO_SECRET_KEY from .env' }],
      output: 'services:\n  django:\n    command: gunicorn config.wsgi\n    env_file: .env\n',
      outputFiles: { '.env': /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/ },
    },
    {
      path: PRODUCTION,
      name: 'settings: read without a default, production lacks it: one finding at the read (DJ605 merged), a generated key as the fix',
      text: readsKey,
      files: { [COMPOSE]: service, [ENV]: 'DJANGO_DEBUG=False\n' },
      alsoRun: [requiredEnvMissing],
      errors: [
        {
          line: 3,
          column: 14,
          message: 'SECRET_KEY comes from env("DJANGO_SECRET_KEY"), which has no default',
          related: [{ path: COMPOSE, line: 2, message: 'gets no DJANGO_SECRET_KEY' }, { path: ENV, line: 1 }],
        },
      ],
      output: readsKey,
      outputFiles: { [ENV]: /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/ },
    },
    {
      text: 'DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=\n',
      errors: [{ line: 2, column: 1, endColumn: 18, severity: 'error', message: 'is empty' }],
      output: /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/,
    },
    {
      text: 'DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=\n',
      files: { [PRODUCTION]: readsKey },
      alsoRun: [secretKeyWeak],
      name: 'empty, and the settings read it: one finding (DJ102 does not call it weak as well)',
      errors: [{ line: 2, column: 1, message: 'is empty', related: [] }],
    },
    { text: 'SECRET_KEY=""\n', name: 'empty quotes', errors: [{ line: 1, column: 1, message: 'SECRET_KEY is empty' }] },
    { text: 'DJANGO_SECRET_KEY=   # set me\n', name: 'only a comment', errors: [{ line: 1, column: 1 }] },
    { text: 'DJANGO_SECRET_KEY=\n', path: '.env', name: 'empty in an unknown context: warning', errors: [{ line: 1, column: 1, severity: 'warning' }] },
    {
      text: 'DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_DEBUG=False\n',
      name: 'absent from a production Django env file',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 50, severity: 'error', message: /DJANGO_SECRET_KEY is not set.*No production settings module is known/ }],
      output: /^DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/,
    },
  ],
});

// The fixes write a fresh random key, so their output is checked by shape rather than in the table.
it('DJ105 fix appends a generated DJANGO_SECRET_KEY when it is absent, adding the missing line break', () => {
  const text = 'DJANGO_DEBUG=False';
  const [finding] = lintCase(rule, { text });
  const [fix] = finding.fixes;
  assert.equal(fix.safe, false);
  assert.match(applyEdits(text, fix.edits), /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/);
});

it('DJ105 fix fills an empty key in place, keeping its comment', () => {
  const text = 'DJANGO_SECRET_KEY= # set me\r\nDJANGO_DEBUG=False\r\n';
  const [finding] = lintCase(rule, { text });
  assert.match(applyEdits(text, finding.fixes[0].edits), /^DJANGO_SECRET_KEY=[A-Za-z0-9]{64} # set me\r\nDJANGO_DEBUG=False\r\n$/);
});

it('DJ105 fix replaces empty quotes with the key', () => {
  const text = 'SECRET_KEY=""\n';
  const [finding] = lintCase(rule, { text });
  assert.match(applyEdits(text, finding.fixes[0].edits), /^SECRET_KEY=[A-Za-z0-9]{64}\n$/);
});
