import { rule } from '../../../server/src/rules/DJ103-secret-key-insecure-value';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/fix-all';
import { lintCase, ruleTester } from '../rule-tester';
import { BASE, PRODUCTION, WITH_SECURITY } from './settings-cases';

const strongKey = 'ULKc4aj0OO7zTHA3gvfWCsi34HusUMVU1to4IEwOP6y3gDWasilzNoaWC4AeLoCl';
const insecureKey = 'django-insecure-7xk2m9!q4w@p8z&v3n6b1c5r0t=y^u*i(o)p_l-j+h%g0a';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'SECRET_KEY = "a8Fk2LqP0zXv9NwR4tYb7HcJ1mUe5GsD3oIa6ZrQ8xWn2VkLp0"\n', name: 'settings: a random literal' },
    { text: `DJANGO_SECRET_KEY=${strongKey}\n` },
    { text: 'DJANGO_SECRET_KEY=\n', name: 'empty is DJ105' },
    { text: 'DJANGO_SECRET_KEY=short\n', name: 'short but not a placeholder is DJ102' },
    { text: `DJANGO_SECRET_KEY=${strongKey}-django-insecure-\n`, name: 'the prefix only counts at the start' },
    { text: 'POSTGRES_PASSWORD=changeme\n', name: 'not a secret key variable (DJ111)' },
    { text: `DJANGO_SECRET_KEY=${insecureKey}\n`, path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: 'DJANGO_SECRET_KEY=changeme\n', path: '.env.example', name: 'an example file reports nothing' },
    { text: 'STRIPE_SECRET_KEY=changeme\n', path: '.env', name: 'a variable the settings do not read into SECRET_KEY is not Django\'s key' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'settings: django-insecure- literal, fixed to an env read',
      text: 'SECRET_KEY = "django-insecure-a8Fk2LqP0zXv9NwR4tYb7HcJ1mUe5GsD3oIa6ZrQ8xWn2VkLp0"\n',
      errors: [{ line: 1, column: 14, message: 'starts with "django-insecure-"' }],
      output: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
    },
    { path: BASE, name: 'settings: placeholder in the base module', text: 'SECRET_KEY = "changeme"\n', files: { [PRODUCTION]: 'from .base import *\n' }, errors: [{ line: 1, column: 14, message: 'placeholder' }] },
    {
      text: `DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=${insecureKey}\n`,
      errors: [{ line: 2, column: 19, endColumn: 19 + insecureKey.length, severity: 'error', message: 'django-insecure-' }],
      secret: insecureKey.slice(16),
      output: /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/,
    },
    {
      text: 'DJANGO_SECRET_KEY=!!!SET DJANGO_SECRET_KEY!!!\n',
      name: 'cookiecutter template placeholder',
      errors: [{ line: 1, column: 19, message: '!!!SET ...!!!' }],
    },
    {
      text: 'SECRET_KEY="<generated-key-here>"\n',
      name: 'the seed checklist placeholder, quoted',
      errors: [{ line: 1, column: 12, endColumn: 34, message: '<placeholder>' }],
    },
    { text: 'SECRET_KEY=your-secret-key\n', errors: [{ line: 1, column: 12, message: 'your secret key' }] },
    {
      text: 'DJANGO_SECRET_KEY=please-change-me-before-deploying-to-production-now\n',
      name: 'a long placeholder passes W009 but is still flagged',
      errors: [{ line: 1, column: 19, message: 'change me' }],
    },
    { text: "export DJANGO_SECRET_KEY='changeme' # TODO\r\n", errors: [{ line: 1, column: 26, endColumn: 36 }] },
    {
      text: 'DJANGO_SECRET_KEY=changeme\n',
      path: '.env',
      name: 'unknown context softens to warning',
      errors: [{ line: 1, column: 19, severity: 'warning' }],
    },
    {
      text: 'PAPERLESS_SECRET_KEY=change-me\n',
      path: 'docker/compose/docker-compose.env',
      files: { 'src/paperless/settings.py': 'import os\nINSTALLED_APPS = []\nSECRET_KEY = os.getenv("PAPERLESS_SECRET_KEY")\n' },
      name: 'the variable a settings module reads into SECRET_KEY, with no production module known (paperless-ngx, ecosystem check)',
      errors: [{ line: 1, column: 22, message: 'PAPERLESS_SECRET_KEY' }],
    },
  ],
});

// The fix writes a fresh random key, so its output is checked by shape rather than in the table.
it('DJ103 fix replaces the value with 64 generated letters and digits, keeping quotes out and the comment', () => {
  const text = `DJANGO_SECRET_KEY=${insecureKey} # from startproject\n`;
  const [finding] = lintCase(rule, { text });
  const [fix] = finding.fixes;
  assert.equal(fix.safe, false);
  assert.match(applyEdits(text, fix.edits), /^DJANGO_SECRET_KEY=[A-Za-z0-9]{64} # from startproject\n$/);
});
