import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { djangoProcess, environmentFiles, environmentVariables, parseSystemdUnit, unitValue, unitValues } from '../../../server/src/parse/systemd-unit';

const GUNICORN = [
  '# deploy/systemd/app.service',
  '[Unit]',
  'Description=gunicorn daemon',
  '',
  '[Service]',
  '; a comment',
  'User=www-data',
  'EnvironmentFile=-/srv/app/.env',
  'Environment="DJANGO_SETTINGS_MODULE=config.settings.production" LANG=C.UTF-8',
  'ExecStart=/srv/app/venv/bin/gunicorn \\',
  '    --workers 3 \\',
  '    config.wsgi:application',
  '',
  '[Install]',
  'WantedBy=multi-user.target',
  '',
].join('\n');

describe('parseSystemdUnit', () => {
  it('reads sections and entries with ranges, joining continued lines as systemd does', () => {
    const unit = parseSystemdUnit(GUNICORN);
    assert.deepEqual(unit.problems, []);
    assert.deepEqual(unit.sections.map((s) => [s.name, s.range.start.line, s.entries.map((e) => e.key)]), [
      ['Unit', 1, ['Description']],
      ['Service', 4, ['User', 'EnvironmentFile', 'Environment', 'ExecStart']],
      ['Install', 13, ['WantedBy']],
    ]);
    const start = unitValue(unit, 'Service', 'ExecStart');
    assert.ok(start);
    assert.equal(start.value, '/srv/app/venv/bin/gunicorn  --workers 3  config.wsgi:application');
    assert.deepEqual([start.line, start.endLine, start.keyRange.end.character], [9, 11, 9]);
    assert.deepEqual(start.valueRange, { start: { line: 9, character: 10 }, end: { line: 11, character: 27 } });
    assert.equal(djangoProcess(unit), start);
  });

  it('follows EnvironmentFile= with its `-` (optional) prefix, and quoted Environment= words', () => {
    const unit = parseSystemdUnit(GUNICORN);
    assert.deepEqual(environmentFiles(unit).map((f) => [f.path, f.optional]), [['/srv/app/.env', true]]);
    const variables = environmentVariables(unit);
    assert.equal(variables.get('DJANGO_SETTINGS_MODULE')?.value, 'config.settings.production');
    assert.equal(variables.get('LANG')?.value, 'C.UTF-8');
    const quoted = environmentVariables(parseSystemdUnit("[Service]\nEnvironment='A=a b' B=\"c d\" C=e\\ f\nEnvironment=A=later\n"));
    assert.deepEqual([...quoted].map(([name, { value }]) => [name, value]), [['A', 'later'], ['B', 'c d'], ['C', 'e f']]);
  });

  it('keeps repeated keys in order and resets a list at an empty assignment', () => {
    const unit = parseSystemdUnit('[Service]\nEnvironmentFile=/a\nEnvironment=X=1\nEnvironment=\nEnvironmentFile=/b\nEnvironment=Y=2\n[Service]\nEnvironment=Z=3\nUser=a\nUser=b\n');
    assert.deepEqual(unitValues(unit, 'Service', 'Environment').map((e) => e.value), ['Y=2', 'Z=3']);
    assert.deepEqual(environmentFiles(unit).map((f) => f.path), ['/a', '/b']);
    assert.equal(unitValue(unit, 'Service', 'User')?.value, 'b');
  });

  it('skips comment lines inside a continuation and drops a backslash on the last line', () => {
    const unit = parseSystemdUnit('[Service]\nExecStart=/bin/gunicorn \\\n# a comment\n; another\n  app.wsgi\nExecStop=/bin/kill \\');
    assert.deepEqual(unit.problems, []);
    assert.equal(unitValue(unit, 'Service', 'ExecStart')?.value, '/bin/gunicorn  app.wsgi');
    assert.equal(unitValue(unit, 'Service', 'ExecStop')?.value, '/bin/kill');
  });

  it('reports an assignment outside a section, a missing =, and an invalid header, with ranges', () => {
    const unit = parseSystemdUnit('Foo=bar\n[Unit]\nDescription=x\n  gunicorn app \\\n  more\n[Service\nExecStart=/bin/true\n');
    assert.deepEqual(unit.problems.map((p) => [p.range.start.line, p.range.end.line, p.range.start.character, p.fatal, p.message.slice(0, 18)]), [
      [0, 0, 0, false, 'an assignment outs'],
      [3, 4, 2, false, "missing '=': syste"],
      [5, 5, 0, true, 'invalid section he'],
    ]);
    // systemd stops at the invalid header: nothing after it is loaded.
    assert.deepEqual(unit.sections.map((s) => s.name), ['Unit']);
    // A stray word before any section is "outside of section", as systemd checks that first.
    assert.equal(parseSystemdUnit('noeq\n').problems[0].message, 'an assignment outside of any section: systemd ignores it');
    // systemd only asks a header to end with ']'.
    assert.deepEqual(parseSystemdUnit('[A]B]\nX=1\n').sections.map((s) => s.name), ['A]B']);
  });

  it('keeps columns on CRLF lines and after a BOM', () => {
    const crlf = parseSystemdUnit('[Service]\r\nUser=root\r\nExecStart=/bin/a \\\r\n  b\r\n');
    assert.deepEqual(crlf.problems, []);
    assert.equal(unitValue(crlf, 'Service', 'ExecStart')?.value, '/bin/a  b');
    assert.equal(unitValue(crlf, 'Service', 'User')?.valueRange.end.character, 9);
    const bom = parseSystemdUnit('\uFEFF[Service]\nUser=a\n');
    assert.deepEqual(bom.sections[0].range.start, { line: 0, character: 1 });
    assert.deepEqual(parseSystemdUnit('\uFEFFUser=a\n').problems[0].range.start, { line: 0, character: 1 });
  });

  it('never throws on binary or odd input', () => {
    for (const text of ['', '\u0000\u0001[', '[', ']', '=', '[Service]\n=\n', '\\', '[Service]\nA\\', '[]\n']) parseSystemdUnit(text);
  });
});
