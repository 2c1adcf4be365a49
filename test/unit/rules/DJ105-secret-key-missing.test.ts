import assert from 'node:assert/strict';
import { it } from 'node:test';
import { rule } from '../../../server/src/rules/DJ105-secret-key-missing';
import { applyEdits } from '../../../server/src/engine/fix-all';
import { lintCase, ruleTester } from '../rule-tester';
import { REQUIRE_HELPER } from './settings-cases';

const strongKey = 'ULKc4aj0OO7zTHA3gvfWCsi34HusUMVU1to4IEwOP6y3gDWasilzNoaWC4AeLoCl';

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
  ],
  invalid: [
    {
      text: 'DJANGO_DEBUG=False\n',
      files: { 'config/settings/production.py': `${REQUIRE_HELPER}SECRET_KEY = require("DJANGO_SECRET_KEY")\n` },
      name: 'absent, and a helper of the settings raises without it (issue 13)',
      errors: [{ line: 1, column: 1, message: 'DJANGO_SECRET_KEY is not set' }],
      output: /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/,
    },

    {
      // The compose side (more cases in compose/DJ105-secret-key-missing.test.ts): the key goes into the service's env file.
      path: 'docker-compose.production.yml',
      text: 'services:\n  django:\n    command: gunicorn config.wsgi\n    env_file: .envs/.production/.django\n',
      files: { '.envs/.production/.django': 'DJANGO_DEBUG=False\n' },
      errors: [{ line: 2, column: 3, message: 'gets no DJANGO_SECRET_KEY' }],
      output: 'services:\n  django:\n    command: gunicorn config.wsgi\n    env_file: .envs/.production/.django\n',
      outputFiles: { '.envs/.production/.django': /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/ },
    },
    {
      text: 'DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=\n',
      errors: [{ line: 2, column: 1, endColumn: 18, severity: 'error', message: 'is empty' }],
      output: /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/,
    },
    { text: 'SECRET_KEY=""\n', name: 'empty quotes', errors: [{ line: 1, column: 1, message: 'SECRET_KEY is empty' }] },
    { text: 'DJANGO_SECRET_KEY=   # set me\n', name: 'only a comment', errors: [{ line: 1, column: 1 }] },
    { text: 'DJANGO_SECRET_KEY=\n', path: '.env', name: 'empty in an unknown context: warning', errors: [{ line: 1, column: 1, severity: 'warning' }] },
    {
      text: 'DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_DEBUG=False\n',
      name: 'absent from a production Django env file',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 50, severity: 'error', message: 'DJANGO_SECRET_KEY is not set' }],
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
