import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule } from '../../../server/src/rules/DJ402-hsts-missing';
import { lintCase, ruleTester } from '../rule-tester';
import { BASE, PRODUCTION, WITH_SECURITY } from './settings-cases';

ruleTester(rule, {
  valid: [
    { text: 'DJANGO_DEBUG=False\n', files: { 'config/settings/production.py': 'SECURE_HSTS_SECONDS = 31536000\n' }, name: 'absent, but the production settings set HSTS without the variable' },
    { path: PRODUCTION, text: WITH_SECURITY + 'SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365\n', name: 'settings: one year, arithmetic' },
    { path: PRODUCTION, text: 'SECURE_HSTS_SECONDS = 0\n', name: 'settings: without SecurityMiddleware Django does not judge HSTS (DJ401 reports the middleware)' },
    { text: 'DJANGO_DEBUG=False\nDJANGO_SECURE_HSTS_SECONDS=31536000\n' },
    { text: 'DJANGO_SECURE_HSTS_SECONDS=31536000  # 1 year\n', name: 'the seed\'s line, inline comment' },
    { text: 'SECURE_HSTS_SECONDS="63072000"\n', name: 'bare name, quoted, two years' },
    { text: 'DJANGO_SECURE_HSTS_SECONDS=31_536_000\n', name: 'underscores, as Python\'s int() accepts' },
    { text: 'DJANGO_DEBUG=False\nDJANGO_SECURE_HSTS_SECONDS=$HSTS_SECONDS\n', name: 'a $reference is another variable: unknown here' },
    { text: 'POSTGRES_HOST=postgres\nPOSTGRES_DB=app\n', path: '.envs/.production/.postgres', name: 'not a Django env file: absence is not reported' },
    {
      text: 'DJANGO_DEBUG=False\n',
      files: { [PRODUCTION]: `import environ\nenv = environ.Env()\n${WITH_SECURITY}SECURE_HSTS_SECONDS = env.int("HSTS_SECONDS", default=0)\n` },
      name: 'absent, the settings read another variable: their finding is at the read (where the default is), none here',
    },
    {
      text: 'DJANGO_DEBUG=False\n',
      files: { [PRODUCTION]: `import environ\nenv = environ.Env()\n${WITH_SECURITY}SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0)\n` },
      name: 'absent, the settings read it with a default: one finding, at the default',
    },
    {
      text: 'DJANGO_DEBUG=False\nDJANGO_SECURE_HSTS_SECONDS=0\n',
      files: { [PRODUCTION]: `${WITH_SECURITY}SECURE_HSTS_SECONDS = 31536000\n` },
      name: 'set but not read (the settings hard-code one year): DJ803 says it is unused, the env side says nothing',
    },
    { text: '', name: 'an empty file is not a Django env file' },
    { text: 'DJANGO_DEBUG=False\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: 'DJANGO_SECURE_HSTS_SECONDS=0\n', path: '.env.example', name: 'example file is development' },
    { text: '# preflight: disable-next-line DJ402\nDJANGO_SECURE_HSTS_SECONDS=0\n', name: 'suppressed' },
  ],
  invalid: [

    {
      path: PRODUCTION,
      name: 'settings: unset, with SecurityMiddleware',
      text: WITH_SECURITY,
      errors: [{ line: 1, column: 1, message: 'SECURE_HSTS_SECONDS is not set' }],
      output: WITH_SECURITY + 'SECURE_HSTS_SECONDS = 31536000\n',
    },
    {
      path: PRODUCTION,
      name: 'settings: unset, SecurityMiddleware in MIDDLEWARE_CLASSES (Django < 2.0, MIDDLEWARE unset)',
      text: 'MIDDLEWARE_CLASSES = ("django.middleware.security.SecurityMiddleware",)\n',
      errors: [{ line: 1, column: 1, message: 'SECURE_HSTS_SECONDS is not set' }],
      output: 'MIDDLEWARE_CLASSES = ("django.middleware.security.SecurityMiddleware",)\nSECURE_HSTS_SECONDS = 31536000\n',
    },
    { path: PRODUCTION, name: 'settings: zero', text: WITH_SECURITY + 'SECURE_HSTS_SECONDS = 0\n', errors: [{ line: 2, column: 23 }], output: WITH_SECURITY + 'SECURE_HSTS_SECONDS = 31536000\n' },
    { path: PRODUCTION, name: 'settings: one hour, info', text: WITH_SECURITY + 'SECURE_HSTS_SECONDS = int("3600")\n', errors: [{ line: 2, column: 23, severity: 'info', message: '(1 hour)' }] },
    {
      text: 'DJANGO_DEBUG=True\nDJANGO_SECRET_KEY=short\nDATABASE_URL=sqlite:///db.sqlite3\n',
      path: '.env',
      name: 'acceptance: absent in a single .env',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 18, severity: 'warning', message: '31536000 (one year)' }],
      output: 'DJANGO_DEBUG=True\nDJANGO_SECRET_KEY=short\nDATABASE_URL=sqlite:///db.sqlite3\nDJANGO_SECURE_HSTS_SECONDS=31536000\nDJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS=True\n',
      secret: 'short',
    },
    {
      text: 'DJANGO_DEBUG=False\nDJANGO_ALLOWED_HOSTS=example.com',
      name: 'absent, no final newline',
      errors: [{ line: 1, column: 1, severity: 'warning', message: /^DJANGO_SECURE_HSTS_SECONDS \(or SECURE_HSTS_SECONDS\) is not set/ }],
      output: 'DJANGO_DEBUG=False\nDJANGO_ALLOWED_HOSTS=example.com\nDJANGO_SECURE_HSTS_SECONDS=31536000\nDJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS=True\n',
    },
    {
      text: 'DJANGO_DEBUG=False\r\n',
      name: 'absent, CRLF file',
      errors: [{ line: 1, column: 1 }],
      output: 'DJANGO_DEBUG=False\r\nDJANGO_SECURE_HSTS_SECONDS=31536000\r\nDJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS=True\r\n',
    },
    {
      text: 'DJANGO_DEBUG=False\n',
      name: 'absent, no production settings known: said so',
      errors: [{ line: 1, column: 1, message: 'No production settings module is known' }],
    },
    {
      text: 'DJANGO_DEBUG=False\nHSTS_SECONDS=0\n',
      files: { [PRODUCTION]: `import environ\nenv = environ.Env()\n${WITH_SECURITY}SECURE_HSTS_SECONDS = env.int("HSTS_SECONDS", default=31536000)\n` },
      name: 'the settings read another variable, set to 0 here: one finding at its line, naming it, the read related',
      errors: [
        {
          line: 2,
          column: 14,
          message: 'SECURE_HSTS_SECONDS is 0 (HSTS_SECONDS=0 in .envs/.production/.django line 2)',
          related: [{ path: PRODUCTION, line: 4, message: 'read here by env.int("HSTS_SECONDS")' }, { path: PRODUCTION, line: 1, message: 'loads this value' }],
        },
      ],
      output: 'DJANGO_DEBUG=False\nHSTS_SECONDS=31536000\n',
    },
    {
      text: 'DJANGO_SECURE_HSTS_SECONDS=0\n',
      errors: [{ line: 1, column: 28, endColumn: 29, severity: 'warning', message: 'turns HSTS off' }],
      output: 'DJANGO_SECURE_HSTS_SECONDS=31536000\n',
    },
    {
      text: 'DJANGO_DEBUG=False\nSECURE_HSTS_SECONDS="0" # off for now\n',
      name: 'bare name, quoted zero, comment kept',
      errors: [{ line: 2, column: 21, endColumn: 24 }],
      output: 'DJANGO_DEBUG=False\nSECURE_HSTS_SECONDS=31536000 # off for now\n',
    },
    {
      text: 'DJANGO_SECURE_HSTS_SECONDS=\n',
      name: 'empty',
      errors: [{ line: 1, column: 28, message: 'DJANGO_SECURE_HSTS_SECONDS is empty, not a whole number of seconds' }],
      output: 'DJANGO_SECURE_HSTS_SECONDS=31536000\n',
    },
    { text: 'DJANGO_SECURE_HSTS_SECONDS=1y\n', name: 'not an integer', errors: [{ line: 1, column: 28, message: 'env.int rejects it' }] },
    { text: 'DJANGO_SECURE_HSTS_SECONDS=31536000.0\n', name: 'a float: int() rejects it', errors: [{ line: 1, column: 28, message: 'not a whole number' }] },
    { text: 'DJANGO_SECURE_HSTS_SECONDS=-1\n', name: 'negative', errors: [{ line: 1, column: 28, severity: 'warning', message: 'negative' }] },
    {
      text: 'DJANGO_SECURE_HSTS_SECONDS=60\n',
      name: 'cookiecutter\'s first step: info',
      errors: [{ line: 1, column: 28, severity: 'info', message: 'DJANGO_SECURE_HSTS_SECONDS=60 (1 minute) is shorter than the one year (31536000)' }],
      output: 'DJANGO_SECURE_HSTS_SECONDS=31536000\n',
    },
    { text: 'DJANGO_SECURE_HSTS_SECONDS=518400\n', name: 'six days', errors: [{ line: 1, column: 28, severity: 'info', message: '(6 days)' }] },
    { text: 'DJANGO_SECURE_HSTS_SECONDS=31535999\n', name: 'one second short', errors: [{ line: 1, column: 28, severity: 'info', message: '(about 364 days)' }] },
    {
      text: 'DJANGO_SECURE_HSTS_SECONDS=0\nSECURE_HSTS_SECONDS=3600\n',
      name: 'both names judged',
      errors: [{ line: 1, column: 28, severity: 'warning' }, { line: 2, column: 21, severity: 'info', message: '(1 hour)' }],
    },
    { text: 'DJANGO_SECURE_HSTS_SECONDS=0\n', path: '.env', name: 'unknown context keeps warning', errors: [{ line: 1, column: 28, severity: 'warning' }] },
  ],
});

it('DJ402 fixes are never safe: HSTS is remembered by browsers', () => {
  for (const text of ['DJANGO_DEBUG=False\n', 'DJANGO_SECURE_HSTS_SECONDS=0\n', 'DJANGO_SECURE_HSTS_SECONDS=60\n']) {
    const [finding] = lintCase(rule, { text });
    assert.ok(finding.fixes.length >= 1);
    for (const fix of finding.fixes) {
      assert.equal(fix.safe, false);
      assert.match(fix.title, /hard to undo/);
    }
  }
});

describe('DJ402 HSTS block fixes', () => {
  it('offers the block, and the block with preload as a second, labelled action; keeps variables the file sets', () => {
    const [finding] = lintCase(rule, { text: 'DJANGO_DEBUG=False\nDJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS=False\n' });
    assert.deepEqual(finding.fixes.map((fix) => [fix.safe, fix.preferred]), [[false, true], [false, false]]);
    assert.match(finding.fixes[1].title, /preload.*hard to undo/);
    assert.equal(finding.fixes[0].edits[0].newText, 'DJANGO_SECURE_HSTS_SECONDS=31536000\n');
    assert.equal(finding.fixes[1].edits[0].newText, 'DJANGO_SECURE_HSTS_SECONDS=31536000\nDJANGO_SECURE_HSTS_PRELOAD=True\n');
  });
});
