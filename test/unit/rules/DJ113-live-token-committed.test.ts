import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule } from '../../../server/src/rules/DJ113-live-token-committed';
import { findTokens } from '../../../server/src/rules/shared/token-patterns';
import { ruleTester } from '../rule-tester';

// Real formats, fake values, assembled at run time so this file holds no token a scanner would flag.
const alnum = (length: number, seed = 7) => Array.from({ length }, (_, i) => 'aB3dE5gH7jK9mN1pQ2sT4vW6xY8z0C'[(i * seed) % 30]).join('');
const TOKENS: Record<string, string> = {
  github: 'ghp_' + alnum(36),
  githubApp: 'ghs_' + alnum(36, 11),
  githubFineGrained: 'github_pat_' + alnum(22) + '_' + alnum(59),
  gitlab: 'glpat-' + alnum(20),
  slack: 'xoxb-' + '1234567890123' + '-' + alnum(24),
  slackWebhook: 'https://hooks.slack.com/services/' + 'T0ABCDEFG1' + '/' + 'B0ABCDEFG2' + '/' + alnum(24),
  aws: 'AKIA' + 'IOSFODNN7EXAMPLE'.replace('EXAMPLE', 'ABCDEFG'),
  stripe: 'sk_' + 'live_' + alnum(24),
  sendgrid: 'SG.' + alnum(22) + '.' + alnum(43),
  mailgun: 'key-' + '0123456789abcdef'.repeat(2),
  sentry: 'sntrys_' + alnum(48),
  pem: '-----BEGIN ' + 'RSA PRIVATE KEY-----',
};

const tracked = (path = '.envs/.production/.django') => ({ tracked: [path], ignored: [] });

ruleTester(rule, {
  valid: [
    { text: `GITHUB_TOKEN=${TOKENS.github}\n`, git: { tracked: [], ignored: ['.envs/.production/.django'] }, name: 'ignored, not committed' },
    { text: `GITHUB_TOKEN=${TOKENS.github}\n`, git: { tracked: [], ignored: [] }, name: 'untracked' },
    { text: `GITHUB_TOKEN=ghp_${alnum(35)}\n`, git: tracked(), name: 'one character short' },
    { text: `ID=xghp_${alnum(36)}\n`, git: tracked(), name: 'a prefix inside a longer word' },
    { text: `STRIPE_KEY=sk_test_${alnum(24)}\n`, git: tracked(), name: 'a Stripe test key' },
    { text: `AWS_ACCESS_KEY_ID=akia${'A'.repeat(16)}\n`, git: tracked(), name: 'lower-case prefix' },
    { text: `KEY=${TOKENS.aws}X\n`, git: tracked(), name: 'too long for an access key id' },
    { text: 'KEY=-----BEGIN PUBLIC KEY-----\n', git: tracked(), name: 'a public key' },
  ],
  invalid: [
    {
      text: `DJANGO_DEBUG=False\nGITHUB_TOKEN=${TOKENS.github}\n`,
      git: tracked(),
      errors: [{ line: 2, column: 14, severity: 'error', message: 'GitHub personal access token "ghp•••"' }],
      secret: TOKENS.github,
    },
    {
      name: 'development files too: a committed token is live anywhere',
      path: '.envs/.local/.django',
      text: `SLACK_BOT_TOKEN=${TOKENS.slack}\n`,
      git: tracked('.envs/.local/.django'),
      errors: [{ line: 1, column: 17, severity: 'error' }],
      secret: TOKENS.slack,
    },
    {
      name: 'no git: reported, saying git could not be asked',
      path: '.env',
      text: `AWS_ACCESS_KEY_ID=${TOKENS.aws}\n`,
      errors: [{ line: 1, column: 19, message: 'could not ask git' }],
      secret: TOKENS.aws,
    },
    {
      name: 'outside a repository, .gitignore cannot say what was committed: reported as not asked',
      path: '.env',
      text: `GITHUB_TOKEN=${TOKENS.github}\n`,
      git: { source: 'gitignore', ignored: ['.env'] },
      errors: [{ line: 1, column: 14, message: 'could not ask git' }],
      secret: TOKENS.github,
    },
    {
      name: 'several in one file',
      text: `A=${TOKENS.stripe}\nB="${TOKENS.sendgrid}"\nC=${TOKENS.pem}\n`,
      git: tracked(),
      errors: [{ line: 1, column: 3 }, { line: 2, column: 4 }, { line: 3, column: 3 }],
      secret: TOKENS.sendgrid,
    },
  ],
});

describe('token formats', () => {
  for (const [name, token] of Object.entries(TOKENS)) {
    it(`finds a ${name} token in a line of config`, () => {
      const found = findTokens(`  VALUE: "${token}" # comment`);
      assert.equal(found.length, 1, `${name}: ${JSON.stringify(found)}`);
      assert.equal(found[0].text, token);
    });
  }
});
