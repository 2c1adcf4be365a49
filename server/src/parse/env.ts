import { Range, SourceText } from './source-text';

/**
 * Reads a .env file with exact positions.
 *
 * The grammar is dotenv's own line expression, run with match indices, so the values we
 * report are the values `dotenv.parse` yields by construction (a differential test keeps
 * that true across dotenv upgrades). Around it we recover what dotenv throws away:
 * comments, `export` prefixes, quote styles, and lines dotenv silently ignores.
 */

// Copied from dotenv (lib/main.js, LINE), with the `d` flag added for match indices.
const DOTENV_LINE =
  /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/dgm;

// The same expression without `d`: V8 matches markedly slower when it records indices (a third of
// a keystroke's parse); dotenvMatchIndices() derives them, and falls back to `d` when unsure.
const DOTENV_LINE_FAST = new RegExp(DOTENV_LINE.source, 'gm');
const DOTENV_LINE_AT = new RegExp(DOTENV_LINE.source, 'dmy');
const LEADING_SPACE = /^\s*/;
const EXPORT_PREFIX = /^\s*export\s+/;
const SEPARATOR = /^\s*=|^:\s/;

/**
 * The indices `d` would give for a match of DOTENV_LINE_FAST: whole match, key, value group. The key
 * follows `export\s+` exactly when the text there is the key (the expression tries that first, and
 * the other reading cannot then succeed); the value group starts right after `=` (the lazy `\s*?`
 * takes nothing, the value's own `\s*` takes the rest) or after `:` and one space. Checked against
 * the text; anything else is matched again with `d`.
 */
export function dotenvMatchIndices(text: string, match: RegExpMatchArray): [number, number][] & { [group: number]: [number, number] | undefined } {
  const start = match.index!;
  const whole = match[0];
  const key = match[1];
  const exported = EXPORT_PREFIX.exec(whole);
  const keyStart = exported && whole.startsWith(key, exported[0].length) ? start + exported[0].length : start + LEADING_SPACE.exec(whole)![0].length;
  const keyEnd = keyStart + key.length;
  const indices: ([number, number] | undefined)[] = [[start, start + whole.length], [keyStart, keyEnd], undefined];
  let sure = text.startsWith(key, keyStart);
  if (sure && match[2] !== undefined) {
    const separator = SEPARATOR.exec(whole.slice(keyEnd - start));
    const valueStart = separator ? keyEnd + separator[0].length : -1;
    sure = valueStart >= 0 && text.startsWith(match[2], valueStart) && valueStart + match[2].length <= start + whole.length;
    indices[2] = [valueStart, valueStart + match[2].length];
  }
  if (sure) return indices as [number, number][];
  DOTENV_LINE_AT.lastIndex = start;
  return DOTENV_LINE_AT.exec(text)!.indices! as [number, number][];
}

export type EnvQuote = '"' | "'" | '`';

export interface EnvEntry {
  key: string;
  /** The value exactly as dotenv.parse yields it. */
  value: string;
  /** The value's source text, quotes included, surrounding whitespace excluded. */
  rawValue: string;
  quote: EnvQuote | null;
  exported: boolean;
  /** Zero-based line of the key. */
  line: number;
  keyRange: Range;
  /** Range of rawValue; empty (at the end of `=`) when there is no value. */
  valueRange: Range;
  /** Range of the value without its quotes. */
  innerRange: Range;
  /** The whole assignment, from the key (or `export`) to the end of the value or inline comment. */
  range: Range;
  /** An inline `# comment` after the value, if any. */
  comment: EnvComment | null;
}

export interface EnvComment {
  /** The text after `#`. */
  text: string;
  range: Range;
  line: number;
}

export type EnvProblemKind = 'not-an-assignment' | 'unterminated-quote';

export interface EnvProblem {
  kind: EnvProblemKind;
  line: number;
  range: Range;
}

export class EnvFile {
  private readonly byKey = new Map<string, EnvEntry>();

  constructor(
    readonly source: SourceText,
    readonly entries: EnvEntry[],
    readonly comments: EnvComment[],
    readonly problems: EnvProblem[],
  ) {
    for (const entry of entries) this.byKey.set(entry.key, entry);
  }

  /** The entry that wins for a key: the last one, as in dotenv, compose and django-environ. */
  get(key: string): EnvEntry | undefined {
    return this.byKey.get(key);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get keys(): string[] {
    return [...this.byKey.keys()];
  }

  /**
   * The source range of `entry.value.slice(start, end)`, or null when the value is not the
   * file's text verbatim (dotenv decoded `\n` escapes, or a multi-line value in a CRLF file),
   * so offsets in the value no longer match offsets in the file.
   */
  valueSubRange(entry: EnvEntry, start: number, end: number): Range | null {
    const innerStart = this.source.offsetAt(entry.innerRange.start);
    const innerEnd = this.source.offsetAt(entry.innerRange.end);
    if (this.source.text.slice(innerStart, innerEnd) !== entry.value) return null;
    return this.source.rangeOf(innerStart + start, innerStart + end);
  }

  /** Key -> value, the object dotenv.parse returns. */
  toObject(): Record<string, string> {
    const object: Record<string, string> = {};
    for (const [key, entry] of this.byKey) object[key] = entry.value;
    return object;
  }
}

const QUOTE_CHARACTER = /['"`]/;

/** dotenv's value post-processing, verbatim, so values agree exactly. */
function dotenvValue(raw: string): string {
  let value = raw.trim();
  // Most values have no quote at all: nothing below can change them (a third of a keystroke's parse).
  if (!QUOTE_CHARACTER.test(value)) return value;
  const maybeQuote = value[0];
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (maybeQuote === '"') {
    value = value.replace(/\\n/g, '\n');
    value = value.replace(/\\r/g, '\r');
  }
  return value;
}

/**
 * dotenv normalises \r\n and \r to \n before matching. We match on the normalised text and
 * map offsets back, so CRLF files get exact ranges.
 */
function normaliseLineBreaks(text: string): { normalised: string; toOriginal: (offset: number) => number } {
  if (!text.includes('\r')) return { normalised: text, toOriginal: (offset) => offset };
  // Normalised offsets at which an original \r was dropped; an offset equal to one maps to
  // before the \r, so a range ending at a line break ends before the whole break.
  const removedAt: number[] = [];
  let normalised = '';
  let chunkStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) {
      normalised += text.slice(chunkStart, i);
      removedAt.push(normalised.length);
      chunkStart = i + 1; // keep the \n
    } else if (text.charCodeAt(i) === 13) {
      normalised += text.slice(chunkStart, i) + '\n';
      chunkStart = i + 1;
    }
  }
  normalised += text.slice(chunkStart);
  const toOriginal = (offset: number): number => {
    let low = 0;
    let high = removedAt.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (removedAt[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  };
  return { normalised, toOriginal };
}

const ASSIGNMENT_LIKE_LINE = /\n[ \t]*(?:export\s+)?[A-Za-z_][\w.-]*[ \t]*=/;

export function parseEnv(text: string): EnvFile {
  const source = new SourceText(text);
  const { normalised, toOriginal } = normaliseLineBreaks(text);
  const range = (start: number, end: number): Range => source.rangeOf(toOriginal(start), toOriginal(end));

  const entries: EnvEntry[] = [];
  const comments: EnvComment[] = [];
  const problems: EnvProblem[] = [];
  const coveredLines = new Set<number>();

  for (const match of normalised.matchAll(DOTENV_LINE_FAST)) {
    const indices = dotenvMatchIndices(normalised, match);
    const [keyStart, keyEnd] = indices[1];
    const matchEnd = indices[0][1];
    const prefix = normalised.slice(match.index, keyStart);
    const exported = /export\s/.test(prefix);
    const assignmentStart = exported ? match.index + prefix.indexOf('export') : keyStart;

    const rawGroup = match[2] ?? '';
    const groupStart = indices[2] ? indices[2][0] : keyEnd + (normalised.slice(keyEnd, matchEnd).match(/^\s*[=:]/)?.[0].length ?? 0);
    const leading = rawGroup.length - rawGroup.trimStart().length;
    const rawValue = rawGroup.trim();
    // An empty value sits right after `=`, so a fix that fills it keeps the space before a comment.
    const valueStart = rawValue === '' ? groupStart : groupStart + leading;
    const valueEnd = valueStart + rawValue.length;

    const value = dotenvValue(rawGroup);
    const first = rawValue[0];
    const isQuoted =
      (first === '"' || first === "'" || first === '`') && rawValue.length >= 2 && rawValue.endsWith(first);
    const quote = isQuoted ? (first as EnvQuote) : null;

    // An inline comment is whatever the expression consumed after the value, from its `#`.
    let comment: EnvComment | null = null;
    const tail = normalised.slice(valueEnd, matchEnd);
    const hash = tail.indexOf('#');
    if (hash >= 0) {
      const start = valueEnd + hash;
      const commentRange = range(start, matchEnd);
      comment = { text: normalised.slice(start + 1, matchEnd), range: commentRange, line: commentRange.start.line };
      comments.push(comment);
    }

    const keyRange = range(keyStart, keyEnd);
    const entryRange = range(assignmentStart, Math.max(valueEnd, comment ? matchEnd : valueEnd));
    for (let line = entryRange.start.line; line <= entryRange.end.line; line++) coveredLines.add(line);

    entries.push({
      key: match[1],
      value,
      rawValue,
      quote,
      exported,
      line: keyRange.start.line,
      keyRange,
      valueRange: range(valueStart, valueEnd),
      innerRange: quote ? range(valueStart + 1, valueEnd - 1) : range(valueStart, valueEnd),
      range: entryRange,
      comment,
    });

    const opensQuote = first === '"' || first === "'" || first === '`';
    if (opensQuote && (!quote || ASSIGNMENT_LIKE_LINE.test(rawValue))) {
      // No closing quote on the line: dotenv either keeps the quote as text or swallows
      // the following lines up to the next quote, assignments included.
      problems.push({ kind: 'unterminated-quote', line: keyRange.start.line, range: range(valueStart, valueEnd) });
    }
  }

  // Lines dotenv did not read: comments, blanks, and anything else (which it drops silently).
  for (let line = 0; line < source.lineCount; line++) {
    if (coveredLines.has(line)) continue;
    const lineText = source.lineText(line);
    const trimmed = lineText.replace(/^[\s\uFEFF]+/, '');
    if (trimmed === '') continue;
    const start = source.lineStarts[line] + (lineText.length - trimmed.length);
    const end = source.lineStarts[line] + lineText.trimEnd().length;
    if (trimmed.startsWith('#')) {
      comments.push({ text: trimmed.slice(1), range: source.rangeOf(start, end), line });
    } else {
      problems.push({ kind: 'not-an-assignment', line, range: source.rangeOf(start, end) });
    }
  }
  comments.sort((a, b) => a.line - b.line);
  problems.sort((a, b) => a.line - b.line);
  return new EnvFile(source, entries, comments, problems);
}
