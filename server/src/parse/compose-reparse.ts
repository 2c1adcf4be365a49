/**
 * Re-reading a compose file after an edit inside one service: `yaml` has no incremental parse and
 * reads ~12 µs a line, so a 3,600-line file costs tens of milliseconds per keystroke. When the
 * previous parse had no alias or merge key (each service read from its own lines only), the edit
 * stays inside one service's block and keeps the number of lines, only that block is parsed again;
 * the other services are kept (those after the edit with their offsets moved). Anything else is a
 * full parse, so the result is always what parseCompose(text) returns (a differential test checks).
 */
import { ComposeFile, ComposeService, ComposeString, isPlainCompose, parseCompose, plainCompose, readServiceBlock } from './compose';
import { SourceText } from './source-text';

export function reparseCompose(previous: ComposeFile | null, text: string): ComposeFile {
  return (previous && spliced(previous, text)) ?? parseCompose(text);
}

function spliced(previous: ComposeFile, text: string): ComposeFile | null {
  const old = previous.source.text;
  if (old === text) return previous;
  if (!isPlainCompose(previous) || previous.include.length > 0 || previous.services.length === 0 || text.includes('\r')) return null;
  const source = new SourceText(text);
  if (source.lineCount !== previous.source.lineCount) return null;
  // The edit: text[start, text.length - suffix) replaced old[start, old.length - suffix).
  let start = 0;
  const shorter = Math.min(old.length, text.length);
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
  const delta = text.length - old.length;

  // The service whose name line is the last one before the edit's line.
  const editLine = previous.source.positionAt(start).line;
  const services = previous.services;
  let low = 0;
  let high = services.length - 1;
  if (services[0].nameRange.start.line >= editLine) return null;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (services[mid].nameRange.start.line < editLine) low = mid;
    else high = mid - 1;
  }
  const index = low;
  const service = services[index];
  const nameLine = service.nameRange.start.line;
  const indent = service.nameRange.start.character;
  const blockStart = previous.source.lineStarts[nameLine];
  // A block-style entry: only spaces before the name.
  if (!/^ *$/.test(old.slice(blockStart, blockStart + indent))) return null;
  // The block ends at the first line, after the name line, that is not blank or a comment and is not
  // indented deeper than the name; before and after the edit it must end at the same line, after the edit.
  const oldEnd = blockEnd(previous.source, nameLine, indent);
  const newEnd = blockEnd(source, nameLine, indent);
  if (newEnd - delta !== oldEnd || text.length - suffix > newEnd) return null;
  // The next service (if any) starts where the block ends: services are in order of their lines.
  const next = services[index + 1];
  if (next && source.lineStarts[next.nameRange.start.line] < newEnd) return null;

  // yaml ends a mapping's range at the next token, after the next line's indentation: read that too.
  let readEnd = newEnd;
  while (text.charCodeAt(readEnd) === 32) readEnd++;
  const reread = readServiceBlock(source, blockStart, readEnd);
  if (!reread || reread.name !== service.name || reread.nameRange.start.line !== nameLine || reread.nameRange.start.character !== indent) return null;
  const after = services.slice(index + 1);
  return plainCompose(source, [...services.slice(0, index), reread, ...(delta === 0 ? after : after.map((moved) => shifted(moved, delta)))]);
}

/** Offset of the first line after `nameLine` that is neither blank nor a comment and is indented at most `indent` spaces; else the end. */
function blockEnd(source: SourceText, nameLine: number, indent: number): number {
  const { text, lineStarts } = source;
  for (let line = nameLine + 1; line < lineStarts.length; line++) {
    const lineStart = lineStarts[line];
    let column = 0;
    while (text.charCodeAt(lineStart + column) === 32) column++;
    const first = text.charCodeAt(lineStart + column);
    // End of text, a line break or a comment: the block goes on.
    if (Number.isNaN(first) || first === 10 || first === 35) continue;
    if (column <= indent) return lineStart;
  }
  return text.length;
}

/** A service after the edit: the same lines and characters, offsets moved by `delta`. */
function shifted(service: ComposeService, delta: number): ComposeService {
  const move = (value: ComposeString): ComposeString => (value.verbatimStart === null ? value : { ...value, verbatimStart: value.verbatimStart + delta });
  const moveEntry = <T extends { value: ComposeString | null }>(entry: T): T => (entry.value ? { ...entry, value: move(entry.value) } : entry);
  return {
    ...service,
    image: service.image && move(service.image),
    environment: service.environment.map(moveEntry),
    labels: service.labels.map(moveEntry),
    envFiles: service.envFiles.map((reference) => ({ ...reference, path: move(reference.path) })),
    options: new Map([...service.options].map(([key, value]) => [key, move(value)])),
  };
}
