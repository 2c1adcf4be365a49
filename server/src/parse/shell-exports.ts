/**
 * What a container's start script does to the environment, read as text (never run): the
 * variables it exports for the process it `exec`s, and the variables it reads. cookiecutter-django's
 * entrypoint builds DATABASE_URL this way: `export DATABASE_URL="postgres://${POSTGRES_USER}:…"`.
 */
import type { Range } from './source-text';

export interface ShellExport {
  name: string;
  /** The name where the script assigns (or exports) it. */
  range: Range;
}

export interface ShellScript {
  /** Exported variables, first export of each name, in order. */
  exports: ShellExport[];
  /** Names the script expands (`$NAME`, `${NAME…}`), here-documents included. */
  reads: Set<string>;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
// `export A=1 B`, `declare -x A=1`, `typeset -x A`: the command, its flags, then the names.
const EXPORT = /^(export|declare|typeset)\s+((?:-\w+\s+)*)(.*)$/;
const ASSIGNMENT = new RegExp(`^(${NAME})=`);
const EXPANSION = new RegExp(`(?<!\\\\)\\$(?:\\{(${NAME})|(${NAME}))`, 'g');

/**
 * Walks a line as the shell groups it: quotes, `$(…)` and backticks hold their text together.
 * `split(index, char)` is called for each character outside them; it returns how many to skip.
 */
function scan(line: string, split: (index: number, char: string) => number | 'stop'): void {
  let quote: string | null = null;
  let depth = 0;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quote) {
      if (char === '\\' && quote !== "'") index++;
      else if (char === quote) quote = null;
      continue;
    }
    if (char === '\\') index++;
    else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '$' && line[index + 1] === '(') {
      depth++;
      index++;
    } else if (char === ')' && depth > 0) depth--;
    else if (depth === 0) {
      const step = split(index, char);
      if (step === 'stop') return;
      index += step;
    }
  }
}

/** The commands of a line, split at `;`, `&&`, `||`, `|` and the words `then`/`do`/`else` that may start one. */
function commands(line: string): { text: string; offset: number }[] {
  const found: { text: string; offset: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = line.slice(start, end);
    const trimmed = raw.replace(/^\s*(?:(?:then|do|else|\{|\()\s+)*/, '');
    if (trimmed.trim()) found.push({ text: trimmed.trimEnd(), offset: start + raw.length - trimmed.length });
  };
  let end = line.length;
  scan(line, (index, char) => {
    if (char === '#' && (index === 0 || /\s/.test(line[index - 1]))) {
      end = index;
      return 'stop';
    }
    if (char !== ';' && char !== '|' && char !== '&') return 0;
    push(index);
    let skip = 0;
    while (line[index + 1 + skip] === char) skip++;
    start = index + 1 + skip;
    return skip;
  });
  push(end);
  return found;
}

/** The words of a command with their offsets; quotes kept (only names and `NAME=` prefixes matter here). */
function words(command: string): { text: string; offset: number }[] {
  const found: { text: string; offset: number }[] = [];
  let start = -1;
  const blanks = new Set<number>();
  scan(command, (index, char) => {
    if (/\s/.test(char)) blanks.add(index);
    return 0;
  });
  for (let index = 0; index <= command.length; index++) {
    if (index === command.length || blanks.has(index)) {
      if (start >= 0) found.push({ text: command.slice(start, index), offset: start });
      start = -1;
    } else if (start < 0) start = index;
  }
  return found;
}

export function parseShellScript(text: string): ShellScript {
  const lines = text.split(/\r?\n/);
  const exports: ShellExport[] = [];
  const exported = new Set<string>();
  const reads = new Set<string>();
  /** Names assigned without export so far, for a later bare `export NAME`. */
  const assigned = new Map<string, Range>();
  const addExport = (name: string, range: Range) => {
    if (exported.has(name)) return;
    exported.add(name);
    exports.push({ name, range });
  };
  // `set -a` / `set -o allexport`: every later assignment is exported.
  let allExport = false;
  let hereDocument: { delimiter: string; expands: boolean; stripTabs: boolean } | null = null;
  for (let line = 0; line < lines.length; line++) {
    const source = lines[line];
    if (hereDocument) {
      const candidate = hereDocument.stripTabs ? source.replace(/^\t+/, '') : source;
      if (candidate === hereDocument.delimiter) hereDocument = null;
      else if (hereDocument.expands) for (const match of source.matchAll(EXPANSION)) reads.add(match[1] ?? match[2]);
      continue;
    }
    for (const command of commands(source)) {
      for (const match of command.text.matchAll(EXPANSION)) {
        // Single-quoted text does not expand.
        const before = command.text.slice(0, match.index);
        if ((before.match(/'/g)?.length ?? 0) % 2 === 0) reads.add(match[1] ?? match[2]);
      }
      const here = /<<(-?)\s*(["']?)([A-Za-z_0-9]+)\2/.exec(command.text);
      if (here) hereDocument = { delimiter: here[3], expands: here[2] === '', stripTabs: here[1] === '-' };
      if (/^set\s+(?:-\w*a\w*|-o\s+allexport)\b/.test(command.text)) allExport = true;
      if (/^set\s+(?:\+\w*a\w*|\+o\s+allexport)\b/.test(command.text)) allExport = false;
      const rangeOf = (offset: number, name: string): Range => ({
        start: { line, character: command.offset + offset },
        end: { line, character: command.offset + offset + name.length },
      });
      const exportMatch = EXPORT.exec(command.text);
      // declare/typeset export only with -x; `export -n NAME` removes the export attribute, `-p` lists.
      const flags = exportMatch?.[2].split(/\s+/).join('') ?? '';
      const exports = exportMatch !== null && (exportMatch[1] === 'export' ? !/[np]/.test(flags) : flags.includes('x') && !flags.includes('+'));
      if (exportMatch) {
        if (!exports) continue;
        const argumentsStart = command.text.length - exportMatch[3].length;
        for (const word of words(exportMatch[3])) {
          const name = ASSIGNMENT.exec(word.text)?.[1] ?? (new RegExp(`^${NAME}$`).test(word.text) ? word.text : null);
          if (!name) continue;
          // A bare `export NAME` exports the earlier assignment (or an inherited value, which is no new source).
          const range = word.text.includes('=') ? rangeOf(argumentsStart + word.offset, name) : assigned.get(name);
          if (range) addExport(name, range);
        }
        continue;
      }
      // `NAME=value` alone is a shell variable; `NAME=value cmd` only sets it for cmd.
      const parts = words(command.text);
      if (parts.length > 0 && parts.every((part) => ASSIGNMENT.test(part.text))) {
        for (const part of parts) {
          const name = ASSIGNMENT.exec(part.text)![1];
          const range = rangeOf(part.offset, name);
          if (allExport) addExport(name, range);
          else if (!assigned.has(name)) assigned.set(name, range);
        }
      }
    }
  }
  return { exports, reads };
}
