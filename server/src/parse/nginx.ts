/**
 * nginx configuration files, read with ranges. No npm parser keeps positions (nginx-conf and
 * @webantic/nginx-config-parser drop them; nginx-linter's PEG grammar is unmaintained), and the
 * grammar is tiny, so this follows nginx's own tokenizer (ngx_conf_read_token in
 * src/core/ngx_conf_file.c): words end at blanks, `;` or `{`; quotes open only at a word's start
 * and must be followed by a blank, `;`, `{` or `)`; `#` starts a comment only at a word's start;
 * `\` takes the next character literally; `${` after `$` stays in the word. What nginx rejects as
 * a syntax error is a problem here too (test/unit/parse/nginx-differential.test.ts).
 */
import { Range, SourceText } from './source-text';

export interface NginxArgument {
  /** The value nginx sees: quotes removed, `\"`, `\'`, `\\`, `\t`, `\r`, `\n` unescaped. */
  value: string;
  /** As written, quotes included. */
  raw: string;
  range: Range;
  quoted: boolean;
}

export interface NginxDirective {
  name: string;
  nameRange: Range;
  args: NginxArgument[];
  /** From the name to the `;`, or to the block's `}`. */
  range: Range;
  /** The directives of its `{ … }` block; null for a simple directive. */
  block: NginxDirective[] | null;
  /** Offset just after the `{`, and of the `}` (the end of the text when unclosed). */
  blockStart?: number;
  blockEnd?: number;
  parent: NginxDirective | null;
}

export interface NginxProblem {
  range: Range;
  message: string;
}

export interface NginxConfig {
  source: SourceText;
  directives: NginxDirective[];
  /** Syntax errors, as nginx would report them (nginx stops at the first; these are all that were found). */
  problems: NginxProblem[];
}

interface Word {
  value: string;
  start: number;
  end: number;
  quoted: boolean;
}

const BLANK = new Set([' ', '\t', '\r', '\n']);

export function parseNginx(text: string): NginxConfig {
  const source = new SourceText(text);
  const problems: NginxProblem[] = [];
  const top: NginxDirective[] = [];
  const stack: NginxDirective[] = [];
  let words: Word[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const problem = (start: number, end: number, message: string) => problems.push({ range: source.rangeOf(start, end), message });
  const current = () => (stack.length > 0 ? stack[stack.length - 1].block! : top);
  const argumentsOf = (list: Word[]): NginxArgument[] =>
    list.map((word) => ({ value: word.value, raw: text.slice(word.start, word.end), range: source.rangeOf(word.start, word.end), quoted: word.quoted }));
  const finish = (end: number, block: boolean): NginxDirective | null => {
    const [name, ...rest] = words;
    words = [];
    if (!name) return null;
    const directive: NginxDirective = {
      name: name.value,
      nameRange: source.rangeOf(name.start, name.end),
      args: argumentsOf(rest),
      range: source.rangeOf(name.start, end),
      block: block ? [] : null,
      parent: stack.length > 0 ? stack[stack.length - 1] : null,
    };
    current().push(directive);
    return directive;
  };
  // After a closing quote nginx wants a blank, `;`, `{` or `)` (ngx_conf_read_token's need_space).
  let needSpace = false;
  while (i < text.length) {
    const ch = text[i];
    if (needSpace) {
      needSpace = false;
      if (!BLANK.has(ch) && ch !== ';' && ch !== '{' && ch !== ')') {
        problem(i, i + 1, `unexpected "${ch}" after a quoted string: nginx wants a space, ";" or "{" there`);
      }
      if (ch === ')') {
        i++;
        continue;
      }
    }
    if (BLANK.has(ch)) {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === ';' || ch === '{') {
      if (words.length === 0) {
        problem(i, i + 1, `unexpected "${ch}": no directive name before it`);
        if (ch === '{') stack.push(orphanBlock(source, i, stack));
        i++;
        continue;
      }
      const directive = finish(i + 1, ch === '{');
      if (ch === '{' && directive) {
        directive.blockStart = i + 1;
        stack.push(directive);
      }
      i++;
      continue;
    }
    if (ch === '}') {
      if (words.length > 0) {
        problem(words[words.length - 1].end, i + 1, `unexpected "}": the directive "${words[0].value}" is not ended with ";"`);
        finish(i, false);
      }
      const closed = stack.pop();
      if (!closed) problem(i, i + 1, 'unexpected "}": no block is open here');
      else {
        closed.blockEnd = i;
        closed.range = { start: closed.range.start, end: source.positionAt(i + 1) };
      }
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const start = i;
      let value = '';
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i];
        if (c === '\\' && i + 1 < text.length) {
          value += unescape(text[i + 1]);
          i += 2;
          continue;
        }
        if (c === ch) {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) {
        problem(start, start + 1, `unterminated ${ch === '"' ? 'double' : 'single'}-quoted string: nginx reads to the end of the file`);
        break;
      }
      words.push({ value, start, end: i, quoted: true });
      needSpace = true;
      continue;
    }
    // A bare word: to a blank, `;` or `{` (a `}` or quote inside a word is part of it).
    const start = i;
    let value = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length) {
        value += unescape(text[i + 1]);
        i += 2;
        continue;
      }
      if (c === '$' && text[i + 1] === '{') {
        value += '${';
        i += 2;
        continue;
      }
      if (BLANK.has(c) || c === ';' || c === '{') break;
      value += c;
      i++;
    }
    words.push({ value, start, end: i, quoted: false });
  }
  if (words.length > 0) {
    const last = words[words.length - 1];
    problem(words[0].start, last.end, `unexpected end of file: the directive "${words[0].value}" is not ended with ";"`);
    finish(last.end, false);
  }
  for (const open of stack.reverse()) {
    open.blockEnd = text.length;
    open.range = { start: open.range.start, end: source.positionAt(text.length) };
    problem(source.offsetAt(open.nameRange.start), source.offsetAt(open.nameRange.end), `unexpected end of file: the "${open.name}" block is never closed with "}"`);
  }
  return { source, directives: top, problems };
}

/** What nginx makes of a backslash and the character after it, quoted or not. */
function unescape(next: string): string {
  if (next === '"' || next === "'" || next === '\\') return next;
  if (next === 't') return '\t';
  if (next === 'r') return '\r';
  if (next === 'n') return '\n';
  return `\\${next}`;
}

/** A `{` with no name before it: its contents are still read, into a block of no directive's. */
function orphanBlock(source: SourceText, at: number, stack: NginxDirective[]): NginxDirective {
  const range = source.rangeOf(at, at + 1);
  return { name: '', nameRange: range, args: [], range, block: [], blockStart: at + 1, parent: stack.length > 0 ? stack[stack.length - 1] : null };
}

/** Every directive of the tree, depth first, in text order. */
export function* allDirectives(directives: readonly NginxDirective[]): Generator<NginxDirective> {
  for (const directive of directives) {
    yield directive;
    if (directive.block) yield* allDirectives(directive.block);
  }
}

/** The directives of a block (or the top level) with this name. */
export function directivesNamed(directives: readonly NginxDirective[] | null, name: string): NginxDirective[] {
  return (directives ?? []).filter((directive) => directive.name === name);
}
