/**
 * Checklist safety (issue 8, robustness 4): ticks from the tree are computed against the view as
 * it was drawn, the file changes underneath, and the tick is written anyway only if it can be
 * recomputed against the text now; otherwise it is refused. This drives the client's own path
 * without VS Code: server status -> tree-model nodes/targets -> planTicks against the document
 * text (the bytes on disk decoded as VS Code does, BOM stripped) -> the edits written back as
 * bytes. What only VS Code can show (its refusal of an edit to a document that changed between
 * getText() and applyEdit, save conflicts) is the e2e layer's.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ChecklistNode, FolderChecklist, TickTarget, buildTree, resetTargets, tickBasis, walk } from '../../../client/src/checklist/tree-model';
import { TextEdit, planTicks } from '../../../server/src/checklist/checklist-edits';
import { applyEdits } from '../../../server/src/engine/fix-all';
import { parseChecklist } from '../../../server/src/checklist/checklist-file';
import { ChecklistStatus, projectChecklistStatus } from '../../../server/src/checklist/status';
import { checklistTemplate } from '../../../server/src/checklist/template';
import { lintProject } from '../../../server/src/engine/runner';
import { contentFromBytes } from '../../../server/src/project/file-content';
import { createProjectModel } from '../../../server/src/project/model';
import { rules } from '../../../server/src/rules';
import { seededRandom } from '../seeded-random';

const ROOT = '/p';
const CHECKLIST_PATH = `${ROOT}/DEPLOYMENT_CHECKLIST.md`;
const BOM = '\uFEFF';

/** The file as lines that keep an identity through edits, so the test knows which line is which. */
interface Line {
  id: number;
  text: string;
  eol: '\n' | '\r\n';
}

interface Doc {
  bom: boolean;
  lines: Line[];
  /** Whether the last line's break is written. */
  finalEol: boolean;
}

function render(doc: Doc): string {
  return (doc.bom ? BOM : '') + doc.lines.map((line, index) => line.text + (index < doc.lines.length - 1 || doc.finalEol ? line.eol : '')).join('');
}

function bytesOf(doc: Doc): Buffer {
  return Buffer.from(render(doc), 'utf8');
}

/** What the server and VS Code read from those bytes. */
function decoded(bytes: Buffer): string {
  const content = contentFromBytes(bytes);
  assert.ok(content.text !== null);
  return content.text;
}

interface View {
  status: ChecklistStatus;
  nodes: ChecklistNode[];
  /** The id of each line when the view was drawn. */
  ids: number[];
}

function drawView(doc: Doc): View {
  const text = decoded(bytesOf(doc));
  const project = createProjectModel(ROOT, [{ path: CHECKLIST_PATH, text, skipped: null, notice: null }]);
  const status = projectChecklistStatus(project, lintProject(project), rules);
  assert.ok(status, 'the checklist is read');
  const folder: FolderChecklist = { folderUri: `file://${ROOT}`, checklistUri: `file://${CHECKLIST_PATH}`, status };
  return { status, nodes: buildTree([folder]), ids: doc.lines.map((line) => line.id) };
}

const ITEM_WORDS = ['Backups tested', 'DEBUG off', 'Hosts', 'ünïcode ✓', '😀 emoji', '`code`', '[link](x)', 'x', ''];

function generator(random: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  let nextId = 0;
  const itemLine = () => {
    const marker = random() < 0.25 ? ` <!-- preflight: DJ${pick(['201', '302', '405', '999'])} -->` : '';
    return `${pick(['', '', '  ', '    ', '\t'])}${pick(['-', '*', '+', '1.', '2)'])} [${pick([' ', ' ', 'x', 'X'])}] ${pick(ITEM_WORDS)}${marker}${pick(['', ' ', '\t'])}`;
  };
  const anyLine = (doc: Doc | null) => {
    const kind = random();
    if (kind < 0.5) return itemLine();
    if (kind < 0.6 && doc && doc.lines.length > 0) return pick(doc.lines).text; // an identical twin
    if (kind < 0.7) return `${'#'.repeat(1 + Math.floor(random() * 3))} ${pick(['Critical', 'Important', 'Optional', 'Notes'])}`;
    if (kind < 0.75) return pick(['```', '~~~']);
    if (kind < 0.78) return pick(['<!--', '-->']);
    if (kind < 0.88) return '';
    return pick(['Plain text.', '- plain bullet', '> quote - [ ] x', 'foo bar baz', '   [ ] not a task']);
  };
  const line = (text: string, eol: Line['eol']): Line => ({ id: nextId++, text, eol });
  const newDoc = (): Doc => {
    const eol = pick(['\n', '\r\n'] as const);
    const template = random() < 0.1;
    const texts = template ? checklistTemplate().split(/\r?\n/) : Array.from({ length: 5 + Math.floor(random() * 30) }, () => anyLine(null));
    const finalEol = template ? texts.at(-1) === '' : random() < 0.7;
    if (template && finalEol) texts.pop();
    return { bom: random() < 0.2, finalEol, lines: texts.map((text) => line(text, eol)) };
  };
  return { pick, anyLine, line, newDoc };
}

/** Code points, so an edit never splits a surrogate pair (the user's editor would not either). */
const codePoints = (text: string) => [...text];
const BYTE_ALPHABET = [' ', '\t', 'x', 'X', '[', ']', '-', '*', 'a', 'é', '✓', '😀', '<!--', '-->', '`'];

type ExternalEdit = (doc: Doc, view: View | null) => string;

/** Edits by someone else (another editor, git, a script), each returning what it did. */
function externalEdits(random: () => number, gen: ReturnType<typeof generator>): ExternalEdit[] {
  const index = (doc: Doc) => Math.floor(random() * doc.lines.length);
  return [
    (doc) => {
      const at = Math.floor(random() * (doc.lines.length + 1));
      doc.lines.splice(at, 0, gen.line(gen.anyLine(doc), doc.lines[0]?.eol ?? '\n'));
      return `insert line ${at}`;
    },
    (doc) => {
      if (doc.lines.length <= 1) return 'nothing';
      const at = index(doc);
      doc.lines.splice(at, 1);
      return `delete line ${at}`;
    },
    (doc, view) => {
      // Delete an item the view shows: the classic stale tick.
      const targets = view ? walk(view.nodes).filter((node) => node.tick) : [];
      if (targets.length === 0 || doc.lines.length <= 1) return 'nothing';
      const id = view!.ids[gen.pick(targets).tick!.range.start.line];
      const at = doc.lines.findIndex((line) => line.id === id);
      if (at < 0) return 'nothing';
      doc.lines.splice(at, 1);
      return `delete item line ${at}`;
    },
    (doc) => {
      if (doc.lines.length === 0) return 'nothing';
      const line = doc.lines[index(doc)];
      const points = codePoints(line.text);
      const at = Math.floor(random() * (points.length + 1));
      if (random() < 0.5) points.splice(at, 0, gen.pick(BYTE_ALPHABET));
      else points.splice(at, 1 + Math.floor(random() * 3));
      line.text = points.join('');
      return `edit bytes of line ${line.id}`;
    },
    (doc) => {
      if (doc.lines.length === 0) return 'nothing';
      const at = index(doc);
      const points = codePoints(doc.lines[at].text);
      const cut = Math.floor(random() * (points.length + 1));
      doc.lines[at].text = points.slice(0, cut).join('');
      doc.lines.splice(at + 1, 0, gen.line(points.slice(cut).join(''), doc.lines[at].eol));
      return `split line ${at}`;
    },
    (doc) => {
      if (doc.lines.length < 2) return 'nothing';
      const at = Math.floor(random() * (doc.lines.length - 1));
      doc.lines[at].text += doc.lines[at + 1].text;
      doc.lines.splice(at + 1, 1);
      return `join line ${at}`;
    },
    (doc) => {
      // Someone else ticks or unticks a box.
      const items = doc.lines.filter((line) => /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]/.test(line.text));
      if (items.length === 0) return 'nothing';
      const line = gen.pick(items);
      line.text = line.text.replace(/\[([ xX])\]/, (_, char: string) => (char === ' ' ? '[x]' : '[ ]'));
      return `external toggle of line ${line.id}`;
    },
    (doc) => {
      // Reorder: swap two lines (items, headings, fences alike).
      if (doc.lines.length < 2) return 'nothing';
      const a = index(doc);
      const b = index(doc);
      [doc.lines[a], doc.lines[b]] = [doc.lines[b], doc.lines[a]];
      return `swap lines ${a} and ${b}`;
    },
    (doc) => {
      if (doc.lines.length === 0) return 'nothing';
      if (random() < 0.5) {
        const line = doc.lines[index(doc)];
        line.eol = line.eol === '\n' ? '\r\n' : '\n';
        return `line break of line ${line.id}`;
      }
      const eol = gen.pick(['\n', '\r\n'] as const);
      for (const line of doc.lines) line.eol = eol;
      return `all line breaks ${JSON.stringify(eol)}`;
    },
    (doc) => {
      doc.bom = !doc.bom;
      return doc.bom ? 'add BOM' : 'remove BOM';
    },
    (doc) => {
      doc.finalEol = !doc.finalEol;
      return 'toggle final line break';
    },
  ];
}

const itemState = (text: string) =>
  parseChecklist(text).items.map(({ text: label, checked, checkChar, range, checkRange, section, parent, codes }) => ({ label, checked, checkChar, range, checkRange, section, parent, codes: codes.map((code) => code.id) }));

/** The tick nodes of a view and the line id each one was drawn from. */
function tickNodes(view: View): ChecklistNode[] {
  return walk(view.nodes).filter((node) => node.tick !== null);
}

interface Outcome {
  inPlace: number;
  moved: number;
  refused: number;
  unchanged: number;
  resets: number;
}

describe('checklist safety, property', () => {
  it('tree ticks interleaved with external edits: only toggled boxes change, stale ticks are followed or refused, never misplaced', () => {
    const random = seededRandom(8_04);
    const gen = generator(random);
    const edits = externalEdits(random, gen);
    const outcome: Outcome = { inPlace: 0, moved: 0, refused: 0, unchanged: 0, resets: 0 };
    const RUNS = 40;
    const STEPS = 150;

    for (let run = 0; run < RUNS; run++) {
      const doc = gen.newDoc();
      let view = drawView(doc);
      const history: string[] = [];
      for (let step = 0; step < STEPS; step++) {
        const where = () => `run ${run} step ${step}; history:\n  ${history.slice(-12).join('\n  ')}`;
        const roll = random();
        if (roll < 0.4) {
          history.push(edits[Math.floor(random() * edits.length)](doc, view));
        } else if (roll < 0.55) {
          view = drawView(doc); // the server's refresh
          history.push('refresh view');
        } else {
          // A tick (or a reset of several) from the view as drawn, maybe many edits ago.
          let targets: { target: TickTarget; checked: boolean }[];
          if (roll < 0.6) {
            targets = resetTargets(view.status).map((target) => ({ target, checked: false }));
            if (targets.length === 0) continue;
            outcome.resets++;
          } else {
            const nodes = tickNodes(view);
            if (nodes.length === 0) continue;
            const node = gen.pick(nodes);
            targets = [{ target: node.tick!, checked: node.checkbox !== 'checked' }];
          }
          history.push(`tick ${targets.map(({ target, checked }) => `${JSON.stringify(target.lineText)}@${target.range.start.line}->${checked}`).join(', ')}`);

          const before = bytesOf(doc);
          const text = decoded(before);
          // What each target must do, from the lines' identities: the line it was drawn from, if that is
          // still an item reading exactly the same, is where the tick belongs.
          const current = parseChecklist(text);
          const itemLines = new Map(current.items.map((item) => [item.range.start.line, item]));
          const expectations = targets.map(({ target }) => {
            const originalId = view.ids[target.range.start.line];
            const same = doc.lines.flatMap((line, index) => (line.text === target.lineText && itemLines.has(index) ? [index] : []));
            const original = doc.lines.findIndex((line) => line.id === originalId);
            const originalIntact = original >= 0 && same.includes(original);
            // Determinable: on its own line still, or the only item with that line.
            const mustLand = originalIntact && (original === target.range.start.line || same.length === 1) ? original : null;
            return { same, mustLand };
          });

          const plan = planTicks(text, targets.map(({ target, checked }) => ({ basis: tickBasis(target), checked })));
          if (!plan.ok) {
            outcome.refused++;
            assert.match(plan.message, /changed since the view was drawn.*Nothing was edited/, where());
            // Refused only when some target really cannot be placed: gone, edited, or ambiguous.
            const placeable = targets.every(({ target }, index) => {
              const { same } = expectations[index];
              return same.includes(target.range.start.line) || same.length === 1;
            });
            const distinct = new Set(targets.map(({ target }, index) => (expectations[index].same.includes(target.range.start.line) ? target.range.start.line : expectations[index].same[0])));
            assert.ok(!placeable || distinct.size < targets.length, `refused a tick that could be placed: ${plan.message}\n${where()}`);
            continue; // nothing written: the bytes stay as they are
          }

          // Every edit: one box, on a line that reads exactly what the view showed, and where the line's identity says.
          const lines = new Set<number>();
          for (const [index, { target, checked }] of targets.entries()) {
            const { same, mustLand } = expectations[index];
            const landing = same.includes(target.range.start.line) ? target.range.start.line : same.length === 1 ? same[0] : null;
            assert.ok(landing !== null, `a tick was written although its item is gone or ambiguous\n${where()}`);
            if (mustLand !== null) assert.equal(landing, mustLand, `the tick followed the wrong line\n${where()}`);
            lines.add(landing);
            const wrote: TextEdit | undefined = plan.edits.find((edit) => edit.range.start.line === landing);
            const wantsChange = (target.expected === ' ') === checked;
            assert.equal(Boolean(wrote), wantsChange, `an edit exactly when the box must change\n${where()}`);
            if (wrote) {
              assert.equal(wrote.newText, checked ? 'x' : ' ');
              assert.deepEqual(wrote.range, current.items.find((item) => item.range.start.line === landing)!.checkRange);
            }
            if (landing === target.range.start.line) outcome.inPlace++;
            else outcome.moved++;
          }
          assert.equal(lines.size, targets.length, `two ticks on one line\n${where()}`);
          assert.ok(plan.edits.every((edit) => lines.has(edit.range.start.line)), `an edit off the targets' lines\n${where()}`);
          if (plan.edits.length === 0) {
            outcome.unchanged++;
            continue;
          }

          // Written back as VS Code saves: the document's text, the BOM kept as the file had it.
          const nextText = applyEdits(plan.checklist.source.text, plan.edits);
          for (const edit of plan.edits) {
            const line = doc.lines[edit.range.start.line];
            const points = line.text.split('');
            points[edit.range.start.character] = edit.newText;
            line.text = points.join('');
          }
          const after = bytesOf(doc);
          assert.equal(decoded(after), nextText, `the model and the written text agree\n${where()}`);

          // Every byte of user text kept: same length, differences only at the toggled boxes.
          assert.equal(after.length, before.length, `length kept\n${where()}`);
          const differing: number[] = [];
          for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) differing.push(i);
          const boxOffsets = plan.edits.map((edit) => Buffer.byteLength((doc.bom ? BOM : '') + text.slice(0, plan.checklist.source.offsetAt(edit.range.start)))).sort((a, b) => a - b);
          assert.deepEqual(differing, boxOffsets.filter((offset) => before[offset] !== after[offset]), `only box bytes differ\n${where()}`);
          assert.ok(differing.every((offset) => ' xX'.includes(String.fromCharCode(before[offset])) && ' x'.includes(String.fromCharCode(after[offset]))));

          // The state after the step is the re-parse: the toggled items flipped, everything else as before.
          const expected = itemState(text);
          for (const edit of plan.edits) {
            const item = expected.find((candidate) => candidate.checkRange.start.line === edit.range.start.line)!;
            item.checked = edit.newText === 'x';
            item.checkChar = edit.newText;
          }
          assert.deepEqual(itemState(nextText), expected, `re-parse after the tick\n${where()}`);
          const redrawn = walk(drawView(doc).nodes).filter((node) => node.kind === 'item');
          for (const edit of plan.edits) {
            const node = redrawn.find((candidate) => candidate.location?.range.start.line === edit.range.start.line);
            if (node?.checkbox) assert.equal(node.checkbox, edit.newText === 'x' ? 'checked' : 'unchecked', `the redrawn tree shows the tick\n${where()}`);
          }
        }
      }
    }
    // The property is only as good as the paths it took: each outcome must have happened often.
    console.log(`checklist safety: ${JSON.stringify(outcome)}`);
    assert.ok(outcome.inPlace > 200, `ticks in place: ${outcome.inPlace}`);
    assert.ok(outcome.moved > 50, `ticks followed to a moved item: ${outcome.moved}`);
    assert.ok(outcome.refused > 50, `stale ticks refused: ${outcome.refused}`);
    assert.ok(outcome.resets > 20, `resets: ${outcome.resets}`);
  });

  it('the old check (one character at the old range) would have clobbered user text; planTicks refuses', () => {
    const drawn = '# List\n\n- [ ] Backups tested\n- [ ] Hosts\n';
    const view = drawView({ bom: false, finalEol: true, lines: drawn.split('\n').slice(0, -1).map((text, id) => ({ id, text, eol: '\n' })) });
    const hosts = tickNodes(view).find((node) => node.label === 'Hosts')!;
    // Someone replaces the list; line 3 now has a space at the box's column.
    const now = '# List\n\n- [ ] Backups tested\nfoo bar\n';
    assert.equal(now.split('\n')[3][hosts.tick!.range.start.character], hosts.tick!.expected, 'the one-character check would pass');
    const plan = planTicks(now, [{ basis: tickBasis(hosts.tick!), checked: true }]);
    assert.equal(plan.ok, false);
    assert.match(!plan.ok ? plan.message : '', /"Hosts" is no longer in it/);
    // Moved down by an inserted line: followed to its new line.
    const moved = planTicks('# List\n\nIntro.\n- [ ] Backups tested\n- [ ] Hosts\n', [{ basis: tickBasis(hosts.tick!), checked: true }]);
    assert.ok(moved.ok);
    assert.equal(applyEdits(moved.checklist.source.text, moved.edits), '# List\n\nIntro.\n- [ ] Backups tested\n- [x] Hosts\n');
    // Two identical lines and the original's line gone: ambiguous, refused.
    const twice = planTicks('# List\n- [ ] Hosts\n\n\n- [ ] Hosts\n', [{ basis: tickBasis(hosts.tick!), checked: true }]);
    assert.equal(twice.ok, false);
    assert.match(!twice.ok ? twice.message : '', /appears 2 times/);
  });
});
