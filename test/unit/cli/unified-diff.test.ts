import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unifiedDiff } from '../../../server/src/cli/unified-diff';
import { seededRandom } from '../seeded-random';

/** Applies a unified diff to `before`, checking every context and removed line and each hunk's counts. */
function applyDiff(before: string, diff: string): string {
  const lines = before.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const patch = diff.split('\n');
  assert.ok(patch[0].startsWith('--- a/') && patch[1].startsWith('+++ b/'), diff);
  const output: string[] = [];
  let cursor = 0;
  let index = 2;
  const take = (): string => {
    const text = patch[index++].slice(1);
    // A marker after the line: it has no newline.
    if (patch[index] === '\\ No newline at end of file') {
      index++;
      return text;
    }
    return text + '\n';
  };
  while (index < patch.length && patch[index] !== '') {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(patch[index++]);
    assert.ok(header, `hunk header at line ${index}: ${patch[index - 1]}`);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const newCount = header[4] === undefined ? 1 : Number(header[4]);
    const oldStart = oldCount === 0 ? Number(header[1]) : Number(header[1]) - 1;
    while (cursor < oldStart) output.push(lines[cursor++]);
    let seenOld = 0;
    let seenNew = 0;
    while (index < patch.length && /^[ +-]/.test(patch[index])) {
      const kind = patch[index][0];
      const line = take();
      if (kind !== '+') {
        assert.equal(line, lines[cursor++], 'context and removed lines match the text');
        seenOld++;
      }
      if (kind !== '-') {
        output.push(line);
        seenNew++;
      }
    }
    assert.deepEqual([seenOld, seenNew], [oldCount, newCount], 'hunk counts');
  }
  while (cursor < lines.length) output.push(lines[cursor++]);
  return output.join('');
}

describe('unifiedDiff', () => {
  it('equal texts: no diff', () => assert.equal(unifiedDiff('a.env', 'X=1\n', 'X=1\n'), ''));

  it('one changed line with three lines of context, as diff -u writes it', () => {
    const before = 'A=1\nB=2\nC=3\nDEBUG=True\nD=4\nE=5\nF=6\nG=7\n';
    const after = before.replace('DEBUG=True', 'DEBUG=False');
    assert.equal(unifiedDiff('.env', before, after), '--- a/.env\n+++ b/.env\n@@ -1,7 +1,7 @@\n A=1\n B=2\n C=3\n-DEBUG=True\n+DEBUG=False\n D=4\n E=5\n F=6\n');
  });

  it('a deleted line, a missing final newline, and changes far apart in two hunks', () => {
    assert.equal(unifiedDiff('x', 'A=1\nA=2\n', 'A=2\n'), '--- a/x\n+++ b/x\n@@ -1,2 +1 @@\n-A=1\n A=2\n');
    assert.equal(unifiedDiff('x', 'A=1', 'A=2'), '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-A=1\n\\ No newline at end of file\n+A=2\n\\ No newline at end of file\n');
    assert.equal(unifiedDiff('x', '', 'A=1\n'), '--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+A=1\n');
    const before = Array.from({ length: 20 }, (_, i) => `L${i}\n`).join('');
    const after = before.replace('L1\n', 'l1\n').replace('L18\n', 'l18\n');
    assert.equal((unifiedDiff('x', before, after).match(/^@@/gm) ?? []).length, 2);
  });

  it('a CRLF line that becomes LF shows as changed', () => {
    assert.equal(unifiedDiff('x', 'A=1\r\n', 'A=1\n'), '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-A=1\r\n+A=1\n');
  });

  it('random edits: the diff applied to the old text gives the new one', () => {
    const random = seededRandom(15);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
    for (let round = 0; round < 300; round++) {
      const before = Array.from({ length: Math.floor(random() * 25) }, () => pick(['A=1', 'B=2', 'C=3', 'DEBUG=True', '', '# x']));
      const after = before.flatMap((line) => (random() < 0.15 ? [] : random() < 0.15 ? [line, pick(['N=1', 'A=1', ''])] : random() < 0.1 ? [pick(['Z=9', 'B=2'])] : [line]));
      const join = (lines: string[]) => lines.join('\n') + (random() < 0.8 && lines.length > 0 ? '\n' : '');
      const [old, updated] = [join(before), join(after)];
      const diff = unifiedDiff('f', old, updated);
      if (old === updated) assert.equal(diff, '');
      else assert.equal(applyDiff(old, diff), updated, `${JSON.stringify(old)} -> ${JSON.stringify(updated)}\n${diff}`);
    }
  });
});
