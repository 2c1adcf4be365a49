/** The checklist parser and its minimal-edit serialiser: exact ranges, nothing else moves. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signOffEdit, tickEdit } from '../../../server/src/checklist/checklist-edits';
import { applyEdits } from '../../../server/src/engine/fix-all';
import { parseChecklist, sectionPath } from '../../../server/src/checklist/checklist-file';
import { seededRandom } from '../seeded-random';

const SAMPLE = [
  '# Deployment Checklist',
  '',
  'Intro text with - [ ] a task-like phrase inside it.',
  '',
  '## Critical: before going live',
  '',
  '### Debug',
  '- [ ] `DEBUG = False` in production <!-- preflight: DJ201 DJ202 -->',
  '* [X] Secret key is generated   ',
  '  - [x] nested under the secret key',
  '    1. [ ] deeper, numbered',
  '- [ ] after the nest',
  '',
  '```md',
  '- [ ] not an item: inside a fence',
  '```',
  '<!--',
  '- [ ] not an item: inside a comment',
  '-->',
  '## Optional',
  '+ [ ] CDN <!-- preflight: dj999, DJ404 -->',
  '- [] not a task',
  '- [ ]no space is not a task',
  '-   [ ]   spaced out   ',
  '',
].join('\r\n');

describe('parseChecklist', () => {
  const checklist = parseChecklist(SAMPLE);

  it('finds sections with levels, parents and priorities', () => {
    assert.deepEqual(
      checklist.sections.map((s) => [s.level, s.title, s.parent, s.priority]),
      [
        [1, 'Deployment Checklist', null, null],
        [2, 'Critical: before going live', 0, 'critical'],
        [3, 'Debug', 1, 'critical'],
        [2, 'Optional', 0, 'optional'],
      ],
    );
  });

  it('finds task items, not fenced, commented or malformed ones', () => {
    assert.deepEqual(
      checklist.items.map((item) => [item.text, item.checked, item.parent, item.priority]),
      [
        ['`DEBUG = False` in production', false, null, 'critical'],
        ['Secret key is generated', true, null, 'critical'],
        ['nested under the secret key', true, 1, 'critical'],
        ['deeper, numbered', false, 2, 'critical'],
        ['after the nest', false, null, 'critical'],
        ['CDN', false, null, 'optional'],
        ['spaced out', false, null, 'optional'],
      ],
    );
    assert.deepEqual(checklist.items[1].children, [2]);
    assert.deepEqual(checklist.sections[2].items, [0, 1, 4]);
    assert.deepEqual(sectionPath(checklist, checklist.items[3]), ['Deployment Checklist', 'Critical: before going live', 'Debug']);
  });

  it('gives the exact range of the character between the brackets', () => {
    const { source } = checklist;
    for (const item of checklist.items) {
      const offset = source.offsetAt(item.checkRange.start);
      assert.equal(source.text[offset - 1], '[');
      assert.equal(source.text[offset + 1], ']');
      assert.equal(source.text[offset], item.checkChar);
    }
    assert.deepEqual(checklist.items[1].checkRange, { start: { line: 8, character: 3 }, end: { line: 8, character: 4 } });
  });

  it('reads marker codes with their ranges', () => {
    const [debug] = checklist.items;
    assert.deepEqual(debug.codes.map((c) => c.id), ['DJ201', 'DJ202']);
    const line = SAMPLE.split('\r\n')[7];
    assert.equal(line.slice(debug.codes[1].range.start.character, debug.codes[1].range.end.character), 'DJ202');
    assert.deepEqual(checklist.items[5].codes.map((c) => c.id), ['dj999', 'DJ404']);
    assert.equal(checklist.items[1].codes.length, 0);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n', '```', '<!--', '- [', '#', '- [x]', '\r\r\n\t- [ ]\t', '#'.repeat(10)]) parseChecklist(text);
    assert.equal(parseChecklist('- [x]').items[0].text, '');
  });
});

describe('tickEdit', () => {
  it('rewrites exactly the one character, keeping CRLF and trailing spaces', () => {
    const checklist = parseChecklist(SAMPLE);
    const edit = tickEdit(checklist.items[0], true)!;
    const after = applyEdits(checklist.source.text, [edit]);
    assert.equal(after, SAMPLE.replace('- [ ] `DEBUG', '- [x] `DEBUG'));
    assert.equal(tickEdit(checklist.items[1], true), null, 'already ticked');
    assert.equal(applyEdits(checklist.source.text, [tickEdit(checklist.items[1], false)!]), SAMPLE.replace('* [X]', '* [ ]'));
  });
});

describe('signOffEdit', () => {
  const record = { date: '2025-01-31', name: 'Ada Lovelace', version: 'v1.4.0 (abc1234)', openCritical: 0 };

  it('appends a Sign-off section when there is none', () => {
    const checklist = parseChecklist('# List\n\n- [ ] a\n');
    assert.equal(applyEdits(checklist.source.text, [signOffEdit(checklist, record)]), '# List\n\n- [ ] a\n\n## Sign-off\n\n- 2025-01-31: v1.4.0 (abc1234) signed off by Ada Lovelace\n');
  });

  it('adds a record after the last one, before the next section, in the file\'s line endings', () => {
    const text = '## Sign-off\r\n\r\nNotes.\r\n- 2025-01-01: v1 signed off by Bob\r\n\r\n## After\r\n- [ ] x\r\n';
    const checklist = parseChecklist(text);
    const after = applyEdits(checklist.source.text, [signOffEdit(checklist, { ...record, openCritical: 2 })]);
    assert.equal(
      after,
      '## Sign-off\r\n\r\nNotes.\r\n- 2025-01-01: v1 signed off by Bob\r\n- 2025-01-31: v1.4.0 (abc1234) signed off by Ada Lovelace (2 critical items open)\r\n\r\n## After\r\n- [ ] x\r\n',
    );
  });
});

/** Random checklists with the constructs that must survive: fences, comments, CRLF, trailing spaces. */
function generateChecklist(random: () => number): string {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const lines: string[] = [];
  const count = 5 + Math.floor(random() * 40);
  for (let i = 0; i < count; i++) {
    const kind = random();
    if (kind < 0.1) lines.push(`${'#'.repeat(1 + Math.floor(random() * 4))} Section ${i}${pick(['', ' ', ' critical', ' ##'])}`);
    else if (kind < 0.6) {
      const indent = pick(['', '', '  ', '    ', '\t']);
      const marker = random() < 0.3 ? ` <!-- preflight: DJ${100 + Math.floor(random() * 800)} -->` : '';
      lines.push(`${indent}${pick(['-', '*', '+', '1.', '2)'])} [${pick([' ', 'x', 'X'])}] Item ${i} ${pick(['', 'ünïcode ✓', '`code`', '[link](x)'])}${marker}${pick(['', ' ', '\t'])}`);
    } else if (kind < 0.7) lines.push('```', `- [ ] fenced ${i}`, '```');
    else if (kind < 0.75) lines.push('<!--', `- [x] commented ${i}`, '-->');
    else if (kind < 0.85) lines.push('');
    else lines.push(pick(['Plain text.', '<details><summary>HTML</summary>', '</details>', '- plain bullet', '> quote - [ ] x']));
  }
  const eol = pick(['\n', '\r\n']);
  return lines.join(eol) + pick(['', eol]);
}

function differingBytes(a: string, b: string): number[] {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  assert.equal(x.length, y.length, 'a tick never changes the length');
  const diff: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff.push(i);
  return diff;
}

const state = (text: string) => parseChecklist(text).items.map((item) => `${item.checked ? 'x' : ' '} ${item.text}`);

describe('parser and serialiser, property', () => {
  it('1,000 random toggles and unrelated edits: only the toggled byte changes, and the parse round-trips', () => {
    const random = seededRandom(20250131);
    let text = generateChecklist(random);
    for (let step = 0; step < 1000; step++) {
      if (step % 100 === 0) text = generateChecklist(random);
      const checklist = parseChecklist(text);
      assert.equal(checklist.source.text, text, 'parsing keeps the text');
      if (checklist.items.length > 0 && random() < 0.7) {
        const item = checklist.items[Math.floor(random() * checklist.items.length)];
        const edit = tickEdit(item, !item.checked)!;
        const next = applyEdits(checklist.source.text, [edit]);
        const diff = differingBytes(text, next);
        assert.equal(diff.length, 1, `step ${step}: one byte changes`);
        assert.equal(diff[0], Buffer.byteLength(text.slice(0, checklist.source.offsetAt(item.checkRange.start))));
        const expected = state(text);
        expected[item.index] = `${item.checked ? ' ' : 'x'} ${item.text}`;
        assert.deepEqual(state(next), expected, `step ${step}: only the toggled item changes state`);
        // Toggling back restores the file (an X comes back as x).
        const reparsed = parseChecklist(next);
        const back = applyEdits(reparsed.source.text, [tickEdit(reparsed.items[item.index], item.checked)!]);
        assert.equal(back, applyEdits(checklist.source.text, [{ range: item.checkRange, newText: item.checked ? 'x' : ' ' }]));
        if (item.checkChar !== 'X') assert.equal(back, text);
        text = next;
      } else {
        // An unrelated edit: a blank line, a paragraph or inline HTML anywhere; a whole fenced block at the top.
        const lines = text.split(/(?<=\n)/);
        const boundaries = lines.map((_, i) => i + 1).filter((i) => lines[i - 1].endsWith('\n'));
        const fenced = random() < 0.2;
        const at = fenced ? 0 : [0, ...boundaries][Math.floor(random() * (boundaries.length + 1))];
        const insert = fenced ? '```\n- [ ] fenced\n```\n' : ['\n', 'More notes.\n', '<b>inline HTML</b>\n', '\r\n'][Math.floor(random() * 4)];
        const next = [...lines.slice(0, at), insert, ...lines.slice(at)].join('');
        const before = state(text);
        assert.deepEqual(state(next), before, `step ${step}: unrelated edit keeps every item`);
        text = next;
      }
    }
  });
});
