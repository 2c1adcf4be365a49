/**
 * Issue 9's acceptance from the outside: `preflight --format json` on the example project and the
 * cookiecutter fixture reports committed env files (DJ112), live tokens (DJ113) and variables
 * nothing reads (DJ803), and no output format shows a secret in full.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { JsonFinding, preflight, projectPart } from './bundled-cli';



function json(target: string): JsonFinding[] {
  const { status, stdout } = preflight(['--format', 'json', target]);
  assert.equal(status, 1, `preflight ${target} finds errors`);
  return JSON.parse(stdout) as JsonFinding[];
}

/** Values that must never appear in full in any output. */
const SECRETS = [
  'AKIAIOSFODNN7EXAMPLE',
  'django-insecure-8v#k2!m@p9^zq7w$e4r&t6y*u1i',
  'django-insecure-0b9x!r2v@n5k#m8q1w4e7t0y3u6i9o2p5a8s1d4f7g0h3j6',
  ':password@',
];

describe('repository hygiene through the CLI', () => {
  it('examples: the committed production env files, the AWS key in one, and the variables no setting reads', () => {
    const findings = json('examples');
    const of = (code: string) => findings.filter((finding) => finding.code === code).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity}`);
    assert.deepEqual(of('DJ112'), ['examples/.envs/.production/.django:1:1 error', 'examples/.envs/.production/.postgres:1:1 error']);
    assert.deepEqual(of('DJ113'), ['examples/.envs/.production/.django:37:19 error']);
    const token = findings.find((finding) => finding.code === 'DJ113')!;
    assert.match(token.message, /^An AWS access key ID "AKI•••" \(20 characters\) is committed to git/);
    const django112 = findings.find((finding) => finding.code === 'DJ112' && finding.file.endsWith('.django'))!;
    assert.match(django112.message, /secrets it holds \(DATABASE_URL, AWS_ACCESS_KEY_ID\).*`git rm --cached \.envs\/\.production\/\.django`/);
    assert.equal(django112.fixable, true);
    const unused = findings.filter((finding) => finding.code === 'DJ803');
    assert.ok(unused.every((finding) => finding.file === 'examples/.envs/.production/.django' && finding.severity === 'info'));
    const unusedNames = unused.map((finding) => finding.message.split(' ')[0]);
    for (const name of ['DJANGO_SECURE_BROWSER_XSS_FILTER', 'X_FRAME_OPTIONS', 'REDIS_URL']) assert.ok(unusedNames.includes(name), `${name}: ${unusedNames.join(' ')}`);
    // Read by the settings, or by a tool by itself: never reported. (production.py reads
    // DJANGO_CSRF_TRUSTED_ORIGINS, so its DJ303 problems show: env sides judge only what is read.)
    for (const name of ['DJANGO_CSRF_TRUSTED_ORIGINS', 'DJANGO_DEBUG', 'DJANGO_SECRET_KEY', 'DATABASE_URL', 'DJANGO_SETTINGS_MODULE', 'AWS_ACCESS_KEY_ID', 'POSTGRES_PASSWORD']) {
      assert.ok(!unusedNames.includes(name), `${name} is read`);
    }
    assert.match(unused.find((finding) => finding.message.startsWith('X_FRAME_OPTIONS'))!.message, /hard-code X_FRAME_OPTIONS/);
  });

  it('the cookiecutter fixture: the same three rules, production files only', () => {
    const findings = json('test/fixtures/cookiecutter').filter((finding) => ['DJ112', 'DJ113', 'DJ803'].includes(finding.code));
    assert.deepEqual(
      findings.map((finding) => `${finding.code} ${finding.file}:${finding.line}`),
      [
        'DJ112 test/fixtures/cookiecutter/.envs/.production/.django:1',
        'DJ803 test/fixtures/cookiecutter/.envs/.production/.django:5',
        'DJ113 test/fixtures/cookiecutter/.envs/.production/.django:19',
        'DJ112 test/fixtures/cookiecutter/.envs/.production/.postgres:1',
      ],
    );
    assert.match(findings[1].message, /^DJANGO_ADMIN_URL is set but nothing in production reads it/);
  });

  it('no output format or report prints a secret of the examples or the fixture in full', () => {
    for (const target of ['examples', 'test/fixtures/cookiecutter']) {
      for (const format of ['text', 'json', 'sarif', 'github', 'gitlab', 'junit']) {
        const { stdout } = preflight(['--format', format, target]);
        for (const secret of SECRETS) assert.ok(!projectPart(format, stdout).includes(secret), `${format} output of ${target} shows ${secret}`);
      }
      for (const format of ['html', 'markdown']) {
        const { stdout } = preflight(['report', target, '--format', format]);
        for (const secret of SECRETS) assert.ok(!stdout.includes(secret), `the ${format} report of ${target} shows ${secret}`);
      }
    }
  });
});
