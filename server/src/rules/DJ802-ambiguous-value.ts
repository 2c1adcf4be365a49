import type { EnvEntry, EnvFile, EnvProblem } from '../parse/env';
import type { ProjectFile } from '../project/model';
import { Fix, Report, Rule } from './rule';

/** A line docker compose reads as "pass this variable through" (`FOO`, `export FOO`). */
const BARE_NAME = /^(?:export\s+)?[A-Za-z0-9_.]+$/;

export const rule: Rule = {
  meta: {
    code: 'DJ802',
    name: 'ambiguous-value',
    description: 'A line that dotenv, docker compose and a shell read differently: unquoted whitespace, a # with no space before it, a line with no =, or an unterminated quote.',
    category: 'hygiene',
    severity: 'warning',
    checklistItem: 'Production .env file is created with all required variables',
    djangoCheck: null,
  },
  checkEnv(env, { file, report }) {
    const reportedLines = new Set<number>();
    for (const problem of env.problems) {
      if (reportedLines.has(problem.line)) continue;
      reportedLines.add(problem.line);
      report(problemReport(env, problem));
    }
    for (const entry of env.entries) {
      if (entry.quote !== null || reportedLines.has(entry.line)) continue;
      const found = commentReport(env, file, entry) ?? whitespaceReport(file, entry);
      if (!found) continue;
      reportedLines.add(entry.line);
      report(found);
    }
  },
};

function problemReport(env: EnvFile, problem: EnvProblem): Report {
  if (problem.kind === 'unterminated-quote') {
    const entry = env.entries.find((candidate) => candidate.line === problem.line);
    const name = entry?.key ?? 'This value';
    const quote = entry?.rawValue[0] ?? '"';
    return {
      range: problem.range,
      message: `${name} opens a ${quote} quote that does not close on its line: depending on the reader (dotenv, docker compose, django-environ, a shell) the quote becomes part of the value, the following lines are swallowed into it, or the file is rejected.`,
    };
  }
  const { source } = env;
  const lineText = source.textIn(problem.range);
  // The line's text is never shown: a stray line can be a pasted secret.
  return {
    range: problem.range,
    message: BARE_NAME.test(lineText)
      ? 'This line is a bare name, not an assignment: dotenv skips it silently, while docker compose passes the variable of that name through from the environment it runs in.'
      : 'This line is not an assignment: dotenv skips it silently, while docker compose rejects the file or reads the line its own way.',
  };
}

/**
 * dotenv ends an unquoted value at the first `#`; docker compose only at " #" (a space, then
 * `#`), after dropping the spaces that follow `=`. They disagree when the `#` has no space
 * before it, and whenever dotenv's value is empty.
 */
function commentReport(env: EnvFile, file: ProjectFile, entry: EnvEntry): Report | null {
  const comment = entry.comment;
  if (!comment || comment.line !== entry.valueRange.end.line) return null;
  const { text } = env.source;
  const hash = env.source.offsetAt(comment.range.start);
  if (entry.value !== '' && text[hash - 1] === ' ') return null;

  if (entry.value === '') {
    let gapStart = hash;
    while (text[gapStart - 1] === ' ' || text[gapStart - 1] === '\t') gapStart--;
    // dotenv's `KEY: value` form needs the space after the colon.
    if (text[gapStart - 1] === ':' && gapStart < hash) gapStart++;
    // `A= # note` means an empty value; `A=#abc` most likely means the literal "#abc".
    const fix =
      gapStart < hash
        ? edit(file, env, gapStart, gapStart, "''", `Quote the empty value of ${entry.key}`)
        : quoteFix(file, env, entry, hash, composeValueEnd(env, entry, hash));
    return {
      range: comment.range,
      message: `${entry.key} is empty for dotenv, which reads the # as a comment, but docker compose reads the # and what follows as the value.`,
      fixes: fix ? [fix] : [],
    };
  }
  const start = env.source.offsetAt(entry.valueRange.start);
  const end = composeValueEnd(env, entry, start);
  const fix = quoteFix(file, env, entry, start, end);
  return {
    range: env.source.rangeOf(start, end),
    message: `${entry.key} has a # with no space before it: dotenv cuts the value at the #, while docker compose keeps the # and what follows as part of the value.`,
    fixes: fix ? [fix] : [],
  };
}

function whitespaceReport(file: ProjectFile, entry: EnvEntry): Report | null {
  if (!/\s/.test(entry.value)) return null;
  const fixes: Fix[] = entry.value.includes("'")
    ? []
    : [{ title: `Quote the value of ${entry.key}`, safe: false, preferred: true, edits: [{ path: file.path, range: entry.valueRange, newText: `'${entry.value}'` }] }];
  return {
    range: entry.valueRange,
    message: `${entry.key} has whitespace in an unquoted value: dotenv and docker compose keep the whole value, but a shell that sources the file stops at the first space and runs the rest as a command.`,
    fixes,
  };
}

/** Where docker compose ends an unquoted value that starts at `start`: at " #" or the line's end. */
function composeValueEnd(env: EnvFile, entry: EnvEntry, start: number): number {
  const rest = env.source.text.slice(start, env.source.lineEnd(entry.valueRange.end.line));
  const cut = rest.indexOf(' #');
  return start + (cut >= 0 ? rest.slice(0, cut) : rest).trimEnd().length;
}

/** Single-quotes the value as docker compose reads it, the value the author most likely meant. */
function quoteFix(file: ProjectFile, env: EnvFile, entry: EnvEntry, start: number, end: number): Fix | null {
  const intended = env.source.text.slice(start, end);
  if (intended.includes("'")) return null;
  return edit(file, env, start, end, `'${intended}'`, `Quote the whole value of ${entry.key}`);
}

function edit(file: ProjectFile, env: EnvFile, start: number, end: number, newText: string, title: string): Fix {
  return { title, safe: false, preferred: true, edits: [{ path: file.path, range: env.source.rangeOf(start, end), newText }] };
}
