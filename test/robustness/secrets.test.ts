/**
 * No secret value appears in full in anything Preflight says: the engine's findings (messages,
 * fix titles, related notes), and the CLI's text, JSON and SARIF output and its stderr, on a
 * project full of secrets in every place they are written.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintProject } from '../../server/src/engine/runner';
import { loadProject } from '../../server/src/project/load';
import { writeTempProject } from '../temp-project';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

/** Each long enough that a masked form (a few characters and a length) cannot contain it. */
const SECRETS = {
  secretKey: 'k9Qz2Lr7Vx4Pw8Nt3Hs6Jd1Fg5Bm0CyTe',
  weakKey: 'changeme-please-1234',
  dbPassword: 'Pg7hT3xQ9vLr2mWs',
  redisPassword: 'Rd4kN8pZ2wQ6tY1u',
  emailPassword: 'Em5jH2kL9qW3zX7c',
  awsSecret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  stripe: 'sk_live_51HxQ2eLkZ8vR4tY7uI9oP3aS6dF1gH',
  github: 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
  sentryDsn: 'https://f3a9c1e7b5d24a6c8e0f2b4d6a8c0e1f@o123456.ingest.sentry.io/7654321',
  composePassword: 'Cp8mV2nB6xZ4qW9e',
  settingsPassword: 'St3rK7mQ1wE5rT9y',
  fallbackKey: 'Fb6yU2iO8pA4sD0fG3hJ7kL1zX5cV9bN',
};

const FILES: Record<string, string> = {
  '.envs/.production/.django': [
    `DJANGO_SECRET_KEY=${SECRETS.secretKey}`,
    `DJANGO_SECRET_KEY=${SECRETS.weakKey}`,
    'DJANGO_DEBUG=True',
    `DATABASE_URL=postgres://app:${SECRETS.dbPassword}@localhost:5432/app`,
    `REDIS_URL=redis://:${SECRETS.redisPassword}@redis:6379/0`,
    `DJANGO_EMAIL_HOST_PASSWORD=${SECRETS.emailPassword}`,
    `DJANGO_AWS_SECRET_ACCESS_KEY=${SECRETS.awsSecret}`,
    `STRIPE_SECRET_KEY=${SECRETS.stripe}`,
    `GITHUB_TOKEN="${SECRETS.github}"`,
    `SENTRY_DSN=${SECRETS.sentryDsn}`,
    `UNTERMINATED="${SECRETS.dbPassword}`,
    `POSTGRES_PASSWORD=${SECRETS.dbPassword}`,
    '',
  ].join('\n'),
  '.env': `DJANGO_SECRET_KEY=${SECRETS.weakKey}\nDB_PASSWORD=${SECRETS.dbPassword}\n`,
  'config/settings/base.py': [
    'import environ',
    'env = environ.Env()',
    `SECRET_KEY = env("DJANGO_SECRET_KEY", default="${SECRETS.secretKey}")`,
    `SECRET_KEY_FALLBACKS = ["${SECRETS.fallbackKey}", "${SECRETS.weakKey}"]`,
    'INSTALLED_APPS = []',
    'MIDDLEWARE = []',
    '',
  ].join('\n'),
  'config/settings/production.py': [
    'from .base import *',
    `SECRET_KEY = "${SECRETS.weakKey}"`,
    `DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "PASSWORD": "${SECRETS.settingsPassword}", "HOST": "localhost"}}`,
    `EMAIL_HOST_PASSWORD = "${SECRETS.emailPassword}"`,
    `CACHES = {"default": {"LOCATION": "redis://:${SECRETS.redisPassword}@redis:6379/0"}}`,
    `AWS_SECRET_ACCESS_KEY = "${SECRETS.awsSecret}"`,
    `STRIPE_KEY = "${SECRETS.stripe}"`,
    `SENTRY_DSN = "${SECRETS.sentryDsn}"`,
    'DEBUG = True',
    '',
  ].join('\n'),
  'docker-compose.production.yml': [
    'services:',
    '  django:',
    '    build: .',
    '    env_file: [./.envs/.production/.django]',
    '    environment:',
    `      DJANGO_SECRET_KEY: "${SECRETS.weakKey}"`,
    `      DATABASE_URL: postgres://app:${SECRETS.composePassword}@postgres:5432/app`,
    `      GITHUB_TOKEN: ${SECRETS.github}`,
    '    ports: ["0.0.0.0:8000:8000"]',
    '  postgres:',
    '    image: postgres:16',
    '    environment:',
    `      - POSTGRES_PASSWORD=${SECRETS.composePassword}`,
    '    ports: ["5432:5432"]',
    '',
  ].join('\n'),
  'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")\n',
};

function leaks(label: string, output: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, secret]) => output.includes(secret))
    .map(([name]) => `${label} shows ${name} in full`);
}

describe('secrets never shown in full', { timeout: 60_000 }, () => {
  let root: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing: run npm run build first`);
    root = writeTempProject(FILES, 'preflight-secrets-');
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('the engine: messages, fix titles and related notes of every finding', () => {
    const logged: string[] = [];
    const findings = lintProject(loadProject(root), { onRuleError: (message) => logged.push(message) });
    assert.deepEqual(logged, []);
    // The fixture really triggers the secret rules, so the scan below has something to scan.
    const codes = new Set(findings.map((finding) => finding.code));
    for (const code of ['DJ101', 'DJ103', 'DJ108', 'DJ110', 'DJ113', 'DJ801']) assert.ok(codes.has(code), `no ${code} in ${[...codes].sort().join(' ')}`);
    const said = findings.flatMap((finding) => [finding.message, finding.contextReason, ...finding.fixes.map((fix) => fix.title), ...(finding.related ?? []).map((related) => related.message)]);
    assert.deepEqual(leaks('a finding', said.join('\n')), []);
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`the CLI's ${format} output and its stderr`, () => {
      const run = spawnSync(process.execPath, [CLI, '--format', format, '--context', 'production', root], { encoding: 'utf8' });
      assert.equal(run.status, 1, run.stderr);
      assert.ok(run.stdout.length > 1000, 'the CLI reported findings');
      // Fix edits in JSON may carry a value being moved (it is the user's own text, not shown); everything shown is scanned.
      const shown = format === 'text' ? run.stdout : JSON.stringify(withoutEditTexts(JSON.parse(run.stdout)));
      assert.deepEqual([...leaks(`${format} output`, shown), ...leaks('stderr', run.stderr)], []);
    });
  }

  it('the checklist status and verify output', () => {
    for (const args of [['checklist', 'init', root], ['checklist', 'status', root], ['checklist', 'verify', root]]) {
      const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
      assert.deepEqual([...leaks(args.join(' '), run.stdout), ...leaks(`${args.join(' ')} stderr`, run.stderr)], []);
    }
  });
});

/** The output with the replacement text of fix edits left out: what a reader of the report sees. */
function withoutEditTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEditTexts);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'newText' && key !== 'insertedContent').map(([key, item]) => [key, withoutEditTexts(item)]));
  }
  return value;
}
