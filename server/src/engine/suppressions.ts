import { Range, SourceText } from '../parse/source-text';

/**
 * `# preflight: disable-next-line DJ201`, `disable-line`, `disable-file`, in any of our file
 * kinds (env, Python and YAML all comment with `#`). Codes or names, separated by commas or
 * spaces; no list means every rule. ` -- ` starts a free-text reason, as in ESLint.
 */
const DIRECTIVE = /#\s*preflight:\s*(disable-next-line|disable-line|disable-file)\b([^#\r\n]*)/;

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable-file';

export interface DirectiveId {
  /** As written: `DJ201` or `debug-enabled`. */
  text: string;
  range: Range;
}

export interface Directive {
  kind: DirectiveKind;
  /** The line the directive is written on (zero-based). */
  line: number;
  /** From the `#` to the end of the rule list (or reason). */
  range: Range;
  /** Empty: every rule. */
  ids: DirectiveId[];
  /** The line it silences; null for file-wide directives. */
  target: number | null;
  /** True when the comment is the whole line (nothing but blanks before the `#`). */
  ownLine: boolean;
}

export interface Suppressions {
  readonly directives: Directive[];
  /**
   * True when a finding of this rule starting on this (zero-based) line is silenced; records
   * which directive (and which of its ids) did it, for the unused-directive report.
   * `byListless: false` for findings about directives, which a list-less directive must not hide.
   */
  isSuppressed(ruleIds: string[], line: number, byListless?: boolean): boolean;
  /** Whether the directive silenced anything; with an id, whether that id did. */
  wasUsed(directive: Directive, id?: DirectiveId): boolean;
}

export function readDirectives(source: SourceText): Directive[] {
  if (!source.text.includes('preflight:')) return [];
  const directives: Directive[] = [];
  for (let line = 0; line < source.lineCount; line++) {
    const lineText = source.lineText(line);
    const match = DIRECTIVE.exec(lineText);
    if (!match) continue;
    const lineStart = source.lineStarts[line];
    const listStart = match.index + match[0].length - match[2].length;
    const reason = /(^|\s)--(\s|$)/.exec(match[2]);
    const list = reason ? match[2].slice(0, reason.index) : match[2];
    const ids: DirectiveId[] = [];
    for (const id of list.matchAll(/[^\s,]+/g)) {
      const start = lineStart + listStart + id.index!;
      ids.push({ text: id[0], range: source.rangeOf(start, start + id[0].length) });
    }
    const kind = match[1] as DirectiveKind;
    const end = lineStart + listStart + match[2].trimEnd().length;
    directives.push({
      kind,
      line,
      range: source.rangeOf(lineStart + match.index, end),
      ids,
      target: kind === 'disable-file' ? null : kind === 'disable-line' ? line : line + 1,
      ownLine: lineText.slice(0, match.index).trim() === '',
    });
  }
  return directives;
}

/**
 * `ownLineOnly`: only directives on a line of their own silence anything, for formats without
 * end-of-line comments (a systemd unit passes `ExecStart=gunicorn app # …` to the command).
 */
export function readSuppressions(source: SourceText, options: { ownLineOnly?: boolean } = {}): Suppressions {
  const directives = readDirectives(source);
  const used = new Map<Directive, Set<DirectiveId | 'all'>>();
  const markUsed = (directive: Directive, what: DirectiveId | 'all') => {
    const marks = used.get(directive) ?? new Set();
    marks.add(what);
    used.set(directive, marks);
  };
  return {
    directives,
    isSuppressed(ruleIds, line, byListless = true) {
      const wanted = new Set(ruleIds.map((id) => id.toLowerCase()));
      let suppressed = false;
      for (const directive of directives) {
        if (directive.target !== null && directive.target !== line) continue;
        if (options.ownLineOnly && !directive.ownLine) continue;
        if (directive.ids.length === 0 && byListless) {
          markUsed(directive, 'all');
          suppressed = true;
        }
        for (const id of directive.ids) {
          if (!wanted.has(id.text.toLowerCase())) continue;
          markUsed(directive, id);
          suppressed = true;
        }
      }
      return suppressed;
    },
    wasUsed(directive, id) {
      const marks = used.get(directive);
      return marks !== undefined && (id === undefined || marks.has(id));
    },
  };
}

/** A text insertion that writes a directive; what the "Disable ... for this line/file" actions apply. */
export interface DirectiveInsertion {
  range: Range;
  newText: string;
}

/**
 * Silences `ruleId` on `line`: adds it to a `disable-next-line` directive already on the line
 * above, else writes one above the line, indented like it (a comment line is harmless there in
 * env files, Python and YAML block mappings).
 */
export function disableLineEdit(source: SourceText, line: number, ruleId: string): DirectiveInsertion {
  const above = line > 0 ? readDirectives(new SourceText(source.lineText(line - 1))).find((d) => d.kind === 'disable-next-line' && d.ownLine) : undefined;
  if (above && above.ids.length > 0) {
    const last = above.ids[above.ids.length - 1];
    const at = { line: line - 1, character: last.range.end.character };
    return { range: { start: at, end: at }, newText: `, ${ruleId}` };
  }
  const indent = /^[ \t]*/.exec(source.lineText(line))![0];
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# preflight: disable-next-line ${ruleId}${source.eol}` };
}

/**
 * Silences `ruleId` in the whole file: extends an existing `disable-file` directive, else
 * writes one at the top, after a shebang or a Python encoding declaration, which must stay
 * on the first two lines.
 */
export function disableFileEdit(source: SourceText, ruleId: string): DirectiveInsertion {
  const existing = readDirectives(source).find((d) => d.kind === 'disable-file' && d.ownLine && d.ids.length > 0);
  if (existing) {
    const end = existing.ids[existing.ids.length - 1].range.end;
    return { range: { start: end, end }, newText: `, ${ruleId}` };
  }
  const text = `# preflight: disable-file ${ruleId}`;
  let line = 0;
  while (line < 2 && line < source.lineCount && /^#!|^[ \t\f]*#.*coding[:=]/.test(source.lineText(line))) line++;
  if (line >= source.lineCount) {
    // The file ends on its header line, without a line break.
    const end = source.positionAt(source.text.length);
    return { range: { start: end, end }, newText: source.eol + text };
  }
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: source.text === '' ? text : text + source.eol };
}
