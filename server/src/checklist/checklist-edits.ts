import type { Range } from '../parse/source-text';
import { ChecklistFile, ChecklistItem, parseChecklist } from './checklist-file';

/** A replacement in the checklist file; zero-based like LSP's. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Ticks or unticks one item by rewriting the one character between its brackets; null when nothing changes. */
export function tickEdit(item: ChecklistItem, checked: boolean): TextEdit | null {
  if (item.checked === checked) return null;
  return { range: item.checkRange, newText: checked ? 'x' : ' ' };
}

/**
 * What a tick was computed against: the item's line as the view saw it. The whole line, box
 * included, is the item's identity, so a tick never lands on a line that merely has a space at
 * the same column.
 */
export interface TickBasis {
  /** Zero-based line of the item when the view was drawn. */
  line: number;
  /** That line without its line break. */
  lineText: string;
}

export type TickPlan = { ok: true; edits: TextEdit[]; checklist: ChecklistFile } | { ok: false; message: string };

/**
 * Ticks computed against an earlier state of the checklist, recomputed against its text now:
 * an item still on its line, or moved but unmistakable (the one item with that exact line), gets
 * its box rewritten; an item that was edited, removed or is now ambiguous refuses the whole plan
 * with a message, so nothing is written on a guess.
 */
export function planTicks(text: string, ticks: { basis: TickBasis; checked: boolean }[]): TickPlan {
  const checklist = parseChecklist(text);
  const byLine = new Map<string, ChecklistItem[]>();
  for (const item of checklist.items) {
    const line = checklist.source.lineText(item.range.start.line);
    byLine.set(line, [...(byLine.get(line) ?? []), item]);
  }
  const edits: TextEdit[] = [];
  const taken = new Set<number>();
  for (const { basis, checked } of ticks) {
    const candidates = byLine.get(basis.lineText) ?? [];
    const item = candidates.find((candidate) => candidate.range.start.line === basis.line) ?? (candidates.length === 1 ? candidates[0] : undefined);
    const label = parseChecklist(basis.lineText).items[0]?.text || basis.lineText.trim();
    if (!item) {
      const why = candidates.length === 0 ? 'is no longer in it as it was (edited, ticked elsewhere or removed)' : `now appears ${candidates.length} times`;
      return { ok: false, message: `The checklist changed since the view was drawn: "${label}" ${why}. Nothing was edited.` };
    }
    if (taken.has(item.index)) return { ok: false, message: `The checklist changed since the view was drawn: two ticks now point at "${label}". Nothing was edited.` };
    taken.add(item.index);
    const edit = tickEdit(item, checked);
    if (edit) edits.push(edit);
  }
  return { ok: true, edits, checklist };
}

export const SIGN_OFF_TITLE = 'Sign-off';

export interface SignOffRecord {
  /** `YYYY-MM-DD`, the signer's local date. */
  date: string;
  /** Who signs: git's user.name, else the OS user. */
  name: string;
  /** The version or commit deployed. */
  version: string;
  /** Critical items still open when signing, said in the record rather than hidden. */
  openCritical: number;
}

/** One line of the sign-off section; a plain list item, so it is never mistaken for a task. */
export function signOffLine(record: SignOffRecord): string {
  const clean = (text: string) => text.replace(/[\r\n]+/g, ' ').trim();
  const open = record.openCritical > 0 ? ` (${record.openCritical} critical item${record.openCritical === 1 ? '' : 's'} open)` : '';
  return `- ${clean(record.date)}: ${clean(record.version) || 'unversioned'} signed off by ${clean(record.name) || 'unknown'}${open}`;
}

/**
 * Appends a record to the `## Sign-off` section: after its last non-blank line, so records stay
 * in order and the text after the section does not move; a new section at the end of the file
 * when there is none.
 */
export function signOffEdit(checklist: ChecklistFile, record: SignOffRecord): TextEdit {
  const { source, sections } = checklist;
  const eol = source.eol;
  const line = signOffLine(record);
  const section = sections.find((candidate) => candidate.title.toLowerCase().replace(/[\s-]+/g, '') === 'signoff');
  if (!section) {
    const end = source.positionAt(source.text.length);
    const text = source.text;
    const separator = text === '' ? '' : text.endsWith('\n') || text.endsWith('\r') ? eol : eol + eol;
    return { range: { start: end, end }, newText: `${separator}## ${SIGN_OFF_TITLE}${eol}${eol}${line}${eol}` };
  }
  const next = sections.find((candidate) => candidate.index > section.index && candidate.level <= section.level);
  const lastLine = next ? next.range.start.line - 1 : source.lineCount - 1;
  let last = lastLine;
  while (last > section.range.start.line && source.lineText(last).trim() === '') last--;
  const end = { line: last, character: source.lineText(last).length };
  // Directly under the heading a blank line keeps the Markdown tidy.
  const lead = last === section.range.start.line ? eol + eol : eol;
  return { range: { start: end, end }, newText: `${lead}${line}` };
}
