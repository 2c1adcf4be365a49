/** The bundled CLI, run as a user or a CI job runs it. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { CLI, preflight, projectPart, writeProject } from './bundled-cli';


const FIELDS = ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'name', 'message', 'djangoCheck', 'checklistItem', 'fixable', 'related'];

describe('preflight CLI', () => {
  it('is bundled', () => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('--format json examples: valid JSON with every field, exit 1', () => {
    const { status, stdout } = preflight(['--format', 'json', 'examples']);
    assert.equal(status, 1);
    const findings = JSON.parse(stdout);
    assert.ok(Array.isArray(findings) && findings.length > 0);
    for (const finding of findings) {
      for (const field of FIELDS) assert.ok(field in finding, `missing ${field}`);
      assert.ok(finding.file.startsWith('examples/'), finding.file);
      assert.ok(finding.line >= 1 && finding.column >= 1);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity));
      assert.match(finding.code, /^DJ\d{3}$/);
      assert.ok(finding.djangoCheck === null || /^[\w.]+\.[EW]\d{3}$/.test(finding.djangoCheck), finding.djangoCheck);
    }
    // One root cause, one finding: DJANGO_DEBUG=True read by the settings is DJ201 on the env line (DJ202 merged into it).
    const atDebugLine = findings.filter((f: { file: string; line: number }) => f.file === 'examples/.envs/.production/.django' && f.line === 4 && /DEBUG/.test(JSON.stringify(f)));
    assert.deepEqual(atDebugLine.map((f: { code: string }) => f.code), ['DJ201']);
    const [debug] = atDebugLine;
    assert.deepEqual([debug.line, debug.column, debug.severity, debug.djangoCheck], [4, 14, 'error', 'security.W018']);
    assert.deepEqual(debug.related[0], { file: 'examples/config/settings/base.py', line: 13, column: 9, endLine: 13, endColumn: 39, message: 'read here by env.bool("DJANGO_DEBUG")' });
  });

  it('never prints a secret from the examples in full', () => {
    const secrets = ['django-insecure-8v#k2!m@p9^zq7w$e4r&t6y*u1i', ':password@'];
    for (const format of ['text', 'json', 'sarif', 'github', 'gitlab', 'junit']) {
      const { stdout } = preflight(['--format', format, 'examples']);
      for (const secret of secrets) assert.ok(!projectPart(format, stdout).includes(secret), `${format} output shows ${secret}`);
    }
  });

  it('text output is grouped by file with a summary', () => {
    const { status, stdout } = preflight(['examples']);
    assert.equal(status, 1);
    assert.match(stdout, /^examples\/\.envs\/\.production\/\.django$/m);
    assert.match(stdout, /^ {2}4:14 +error +DEBUG is True \(DJANGO_DEBUG=True in \.envs\/\.production\/\.django line 4\).* DJ201 debug-enabled$/m);
    // Its other places, indented under it.
    assert.match(stdout, /DJ201 debug-enabled\n {18}↳ examples\/config\/settings\/base\.py:13:9 {2}read here by env\.bool\("DJANGO_DEBUG"\)\n/);
    assert.doesNotMatch(stdout, /^ {2}4:14 .*DJ202/m);
    assert.match(stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ info\)/);
  });

  it('--format sarif writes SARIF 2.1.0 with the same findings', () => {
    const json = JSON.parse(preflight(['--format', 'json', 'examples']).stdout);
    const sarif = JSON.parse(preflight(['--format', 'sarif', 'examples']).stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results.length, json.length);
    const first = sarif.runs[0].results[0];
    assert.equal(first.ruleId, json[0].code);
    assert.equal(first.locations[0].physicalLocation.region.startLine, json[0].line);
    assert.equal(sarif.runs[0].tool.driver.rules[first.ruleIndex].id, first.ruleId);
  });

  it('exits 0 on a clean project', () => {
    const root = writeProject({
      '.envs/.production/.django': [
        'DJANGO_SETTINGS_MODULE=config.settings.production',
        'DJANGO_DEBUG=False',
        'DJANGO_SECRET_KEY=Vh3kQ9zR7mWx2LpT5nBc8YdF4jGs6AuE1oKi0qZw3XrN7bMv9CtH2yJe5PaD8fUg',
        'DJANGO_ALLOWED_HOSTS=example.com,www.example.com',
        'DJANGO_SECURE_HSTS_SECONDS=31536000',
        'SENTRY_DSN=https://key@o1.ingest.sentry.io/1',
        'DATABASE_URL=postgres://app:Zq8Rt5Wm2Kx9Lp4Vn7Bc@postgres:5432/app',
        '',
      ].join('\n'),
    });
    const { status, stdout } = preflight(['--format', 'json', '.'], root);
    assert.equal(status, 0, stdout);
  });

  it('--context production turns unknown-context warnings into errors', () => {
    const root = writeProject({ '.env': 'DEBUG=True\n' });
    assert.equal(preflight(['.'], root).status, 0);
    const forced = preflight(['--context', 'production', '--format', 'json', '.'], root);
    assert.equal(forced.status, 1);
    assert.equal(JSON.parse(forced.stdout).find((f: { code: string }) => f.code === 'DJ202').severity, 'error');
  });

  it('--max-warnings fails a run with too many warnings', () => {
    const root = writeProject({ '.env': 'DEBUG=True\n' });
    assert.equal(preflight(['--max-warnings', '0', '.'], root).status, 1);
    assert.equal(preflight(['--max-warnings', '100', '.'], root).status, 0);
  });

  it('checks a file named on its own', () => {
    const { stdout } = preflight(['--format', 'json', 'examples/.env']);
    const files = new Set(JSON.parse(stdout).map((f: { file: string }) => f.file));
    assert.deepEqual([...files], ['examples/.env']);
  });

  it('checks a file named both directly and through its folder once', () => {
    const alone = JSON.parse(preflight(['--format', 'json', 'examples']).stdout);
    const both = JSON.parse(preflight(['--format', 'json', 'examples/.env', 'examples']).stdout);
    assert.equal(both.length, alone.length);
  });

  it('exits 2 on bad usage', () => {
    for (const args of [['--format', 'xml'], ['--context', 'staging'], ['--max-warnings', 'many'], ['--nope'], ['no/such/dir'], ['--settings', 'not a module'], ['--django-version', '2.2'], ['--django-version', '5.x'], ['--fix', '--fix-dry-run', '.']]) {
      const { status, stderr } = preflight(args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /Usage: preflight/);
    }
  });

  it('takes --django-version of a series it knows, a series or a release', () => {
    for (const version of ['3.2', '5.2', '5.2.8', '6.1']) assert.equal(preflight(['--django-version', version, '--format', 'json', 'examples']).status, 1, version);
  });

  it('prints help and version', () => {
    assert.match(preflight(['--help']).stdout, /--format FORMAT +text \(default\), json, sarif .*\n.*github .*gitlab .*junit/);
    assert.match(preflight(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
