/**
 * Differential: parseSystemdUnit's syntax problems against Debian's `systemd-analyze verify`
 * (package systemd, installed by .ci/run), on generated units. systemd prints `file:LINE: message`
 * for each line its config parser rejects; our problems must be on the same lines (the last line of
 * a continued one). Fails, never skips, without the oracle.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseSystemdUnit } from '../../../server/src/parse/systemd-unit';

const SYNTAX = /:(\d+): (Assignment outside of section|Missing '='|Invalid section header)/;

function systemdLines(directory: string, name: string, text: string): number[] {
  const file = path.join(directory, name);
  fs.writeFileSync(file, text);
  const run = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8', timeout: 30000 });
  assert.ok(!run.error, `systemd-analyze is required (apt-get install systemd): ${run.error?.message}`);
  return `${run.stdout}\n${run.stderr}`
    .split('\n')
    .filter((line) => line.startsWith(file))
    .map((line) => SYNTAX.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]));
}

const BODY = '[Service]\nExecStart=/bin/true\n';
const CASES: Record<string, string> = {
  valid: `[Unit]\nDescription=ok\n${BODY}[Install]\nWantedBy=multi-user.target\n`,
  continuation: `[Unit]\nDescription=one \\\n  two \\\n# skipped\n  three\n${BODY}`,
  comments: `# a\n; b\n[Unit]\n  # indented\nDescription=x\n${BODY}`,
  'missing =': `[Unit]\nDescription=x\nnoequals\n${BODY}`,
  'missing = on a continued line': `[Unit]\nnoequals \\\n  more\n${BODY}`,
  'before any section': `Description=x\nstray\n${BODY}`,
  'bad section header': `[Unit]\nDescription=x\n[Service\nExecStart=/bin/true\n`,
  'header with a bracket inside': `[Unit]\nDescription=x\n[X-A]B]\nY=1\n${BODY}`,
  crlf: `[Unit]\r\nDescription=x\r\nnoequals\r\n${BODY.replace(/\n/g, '\r\n')}`,
  everything: `Foo=1\n[Unit]\nDescription=a \\\n b\nbad\n;c\n${BODY}noeq\n[Broken\nA=1\n`,
};

describe('parseSystemdUnit against systemd-analyze verify', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-systemd-'));
  for (const [name, text] of Object.entries(CASES)) {
    it(`reports the lines systemd rejects: ${name}`, () => {
      const expected = systemdLines(directory, 'case.service', text);
      const actual = parseSystemdUnit(text).problems.map((problem) => problem.range.end.line + 1);
      assert.deepEqual(actual, expected);
    });
  }
  it('the oracle reports something (a broken unit is not silently accepted)', () => {
    assert.deepEqual(systemdLines(directory, 'broken.service', 'x\n[Service]\ny\n'), [1, 3]);
  });
});
