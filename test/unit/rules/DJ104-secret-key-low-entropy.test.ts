import assert from 'node:assert/strict';
import { it } from 'node:test';
import { rule } from '../../../server/src/rules/DJ104-secret-key-low-entropy';
import { applyEdits } from '../../../server/src/engine/fix-all';
import { lintCase, ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const strongKey = 'ULKc4aj0OO7zTHA3gvfWCsi34HusUMVU1to4IEwOP6y3gDWasilzNoaWC4AeLoCl';
const repetitiveKey = 'abcdeedcba'.repeat(6);
const patternKey = 'aB3dE5gH7jK9'.repeat(5);
const wordKey = 'ULKc4aj0OO7zTHA3gvfWCsi34HusUMVU1to4IEw-Production-Key';
const runKey = 'ULKc4aj0OO7zTHA3gvfWCsi34HusUMVU1to4IEwOP6y3gDWasil123456';

ruleTester(rule, {
  valid: [
    { text: `DJANGO_SECRET_KEY=${strongKey}\n` },
    { text: `SECRET_KEY='${strongKey}'\n` },
    { text: 'DJANGO_SECRET_KEY=\n', name: 'empty is DJ105' },
    { text: 'DJANGO_SECRET_KEY=aaaaabbbbb\n', name: 'failing W009 is DJ102' },
    { text: `DJANGO_SECRET_KEY=django-insecure-${'x1y2z3'.repeat(8)}\n`, name: 'the insecure prefix is DJ103' },
    { text: 'DJANGO_SECRET_KEY=please-change-me-before-deploying-to-production-now\n', name: 'placeholders are DJ103' },
    { text: `POSTGRES_PASSWORD=${repetitiveKey}\n`, name: 'not a secret key variable' },
    { text: `DJANGO_SECRET_KEY=${repetitiveKey}\n`, path: '.envs/.local/.django', name: 'development context reports nothing' },
    { path: PRODUCTION, text: `SECRET_KEY = "${strongKey}"\n`, name: 'settings: a random literal (DJ101 says it should not be in source)' },
    { path: PRODUCTION, text: 'SECRET_KEY = "aaaaabbbbb"\n', name: 'settings: failing W009 is DJ102' },
    { path: PRODUCTION, text: 'SECRET_KEY = "please-change-me-before-deploying-to-production-now"\n', name: 'settings: placeholders are DJ103' },
    { path: PRODUCTION, text: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n', name: 'settings: required env read, no environment known: unknown' },
    { path: PRODUCTION, text: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"] + "x"\n', name: 'settings: unknown operand' },
    { path: PRODUCTION, text: 'DEBUG = False\n', name: 'settings: unset is DJ102' },
    { path: 'config/settings/local.py', text: `SECRET_KEY = "${repetitiveKey}"\n`, name: 'settings: development module' },
    { path: BASE, text: `SECRET_KEY = "${repetitiveKey}"\n`, files: { [PRODUCTION]: `from .base import *\nSECRET_KEY = "${strongKey}"\n` }, name: 'settings: production overrides the base' },
  ],
  invalid: [
    {
      text: `DJANGO_SECRET_KEY=${repetitiveKey}\n`,
      errors: [{ line: 1, column: 19, endColumn: 79, severity: 'warning', message: 'repeat too much' }],
      secret: repetitiveKey,
      output: /^DJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/,
    },
    { text: `SECRET_KEY=${patternKey}\n`, errors: [{ line: 1, column: 12, message: 'short pattern repeated' }], secret: patternKey },
    {
      text: `DJANGO_DEBUG=False\nDJANGO_SECRET_KEY="${wordKey}"\n`,
      errors: [{ line: 2, column: 19, message: 'the word "production"' }],
      secret: wordKey,
    },
    { text: `DJANGO_SECRET_KEY=${runKey}\n`, errors: [{ line: 1, column: 19, message: 'run of repeated or consecutive' }], secret: runKey },
    {
      text: `DJANGO_SECRET_KEY=${runKey}\n`,
      path: '.env',
      name: 'unknown context keeps the warning',
      errors: [{ line: 1, column: 19, severity: 'warning' }],
      secret: runKey,
    },
    {
      path: PRODUCTION,
      name: 'settings: a repetitive literal',
      text: `SECRET_KEY = "${repetitiveKey}"\n`,
      errors: [{ line: 1, column: 14, endColumn: 76, severity: 'warning', message: 'SECRET_KEY ("abc•••" (60 characters)) is long enough for Django but not random: its characters repeat' }],
      output: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
      secret: repetitiveKey,
    },
    {
      path: PRODUCTION,
      name: 'settings: concatenated from known parts',
      text: `PART = "aB3dE5gH7jK9"\nSECRET_KEY = PART * 5\n`,
      errors: [{ line: 2, column: 14, message: 'short pattern repeated' }],
    },
    {
      path: PRODUCTION,
      name: 'settings: env default in effect (DJ106 drops the default)',
      text: `import environ\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY", default="${wordKey}")\n`,
      errors: [{ line: 3, column: 14, message: 'the default of env("DJANGO_SECRET_KEY")' }],
      secret: wordKey,
    },
    {
      path: BASE,
      name: 'settings: set in the base module, loaded by production',
      text: `SECRET_KEY = "${runKey}"\n`,
      files: { [PRODUCTION]: 'from .base import *  # noqa\n' },
      errors: [{ line: 1, column: 14, message: 'run of repeated or consecutive' }],
      secret: runKey,
    },
    {
      name: 'settings: env-driven through a variable the env side does not read, reported at the env line',
      text: `APP_KEY=${patternKey}\n`,
      files: { [PRODUCTION]: 'import environ\nenv = environ.Env()\nSECRET_KEY = env("APP_KEY")\n' },
      errors: [{ line: 1, column: 9, message: 'SECRET_KEY (APP_KEY in .envs/.production/.django line 1' }],
      output: /^APP_KEY=[A-Za-z0-9]{64}\n$/,
      secret: patternKey,
    },
    {
      path: 'config/settings.py',
      name: 'settings: a lone settings.py (unknown context)',
      text: `INSTALLED_APPS = []\nSECRET_KEY = "${runKey}"\n`,
      errors: [{ line: 2, column: 14, severity: 'warning' }],
      secret: runKey,
    },
  ],
});

// The fix writes a fresh random key, so its output is checked by shape rather than in the table.
it('DJ104 fix replaces the key with 64 generated letters and digits', () => {
  const text = `DJANGO_SECRET_KEY=${runKey}\nDJANGO_DEBUG=False\n`;
  const [finding] = lintCase(rule, { text });
  const [fix] = finding.fixes;
  assert.equal(fix.safe, false);
  assert.match(applyEdits(text, fix.edits), /^DJANGO_SECRET_KEY=[A-Za-z0-9]{64}\nDJANGO_DEBUG=False\n$/);
});
