import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import ignore, { Ignore } from 'ignore';
import { GitFacts } from './model';

/**
 * Asks git which of the given files (paths relative to root) are tracked and which are ignored.
 * Outside a git work tree (or without git), falls back to matching the paths against the
 * .gitignore files under root (`source: 'gitignore'`, nothing known to be tracked); null when
 * there is no .gitignore either, as in a deployed copy of the project.
 *
 * Safe on an untrusted repository: ls-files and check-ignore run no hooks, and the one
 * repository setting that can run a program for them (core.fsmonitor) is overridden.
 */
export function readGitFacts(root: string, relativePaths: string[]): GitFacts | null {
  if (relativePaths.length === 0) return { tracked: new Set(), ignored: new Set() };
  const input = relativePaths.join('\0');
  try {
    // ls-files takes no pathspec list on stdin; listing the tree under root is one fast index read.
    const wanted = new Set(relativePaths);
    const tracked = splitNul(git(root, ['ls-files', '-z'], '')).filter((file) => wanted.has(file));
    const ignored = git(root, ['check-ignore', '-z', '--stdin'], input, [0, 1]);
    return { tracked: new Set(tracked), ignored: new Set(splitNul(ignored)), gitignore: readGitignore(root) };
  } catch {
    return gitignoreFacts(root, relativePaths);
  }
}

/**
 * What the .gitignore files from root down to each file say of it, with git's precedence: a
 * deeper file's verdict (ignore or `!` re-include) overrides a shallower one.
 */
function gitignoreFacts(root: string, relativePaths: string[]): GitFacts | null {
  const matchers = new Map<string, Ignore | null>();
  const matcherFor = (directory: string): Ignore | null => {
    if (!matchers.has(directory)) {
      const text = readGitignore(path.join(root, directory));
      matchers.set(directory, text === null ? null : ignore().add(text));
    }
    return matchers.get(directory)!;
  };
  const ignored = new Set<string>();
  for (const relative of relativePaths) {
    const parts = relative.split('/');
    let verdict = false;
    for (let depth = 0; depth < parts.length; depth++) {
      const matcher = matcherFor(parts.slice(0, depth).join('/'));
      if (!matcher) continue;
      const result = matcher.test(parts.slice(depth).join('/'));
      if (result.ignored) verdict = true;
      else if (result.unignored) verdict = false;
    }
    if (verdict) ignored.add(relative);
  }
  if (![...matchers.values()].some(Boolean)) return null;
  return { source: 'gitignore', tracked: new Set(), ignored, gitignore: readGitignore(root) };
}

function git(cwd: string, args: string[], input: string, okStatuses = [0]): string {
  try {
    return execFileSync('git', ['-c', 'core.fsmonitor=false', ...args], {
      cwd,
      input,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'ignore'],
      timeout: 10_000,
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0' },
    });
  } catch (error) {
    // check-ignore exits 1 when nothing is ignored: a normal answer, not a failure.
    const status = (error as { status?: number }).status;
    if (status !== undefined && okStatuses.includes(status)) return String((error as { stdout?: string }).stdout ?? '');
    throw error;
  }
}

function readGitignore(root: string): string | null {
  try {
    return fs.readFileSync(path.join(root, '.gitignore'), 'utf8');
  } catch {
    return null;
  }
}

function splitNul(output: string): string[] {
  return output.split('\0').filter(Boolean);
}

/**
 * The facts read for `root`, seen from a folder below it (one of several Django projects in it:
 * project/partition.ts): paths relative to the folder, and the folder's own .gitignore (where a
 * fix adds a pattern). Git is asked once for the whole tree, not once per project.
 */
export function gitFactsWithin(facts: GitFacts | null, root: string, folder: string): GitFacts | null {
  if (!facts || folder === root) return facts;
  const prefix = path.relative(root, folder).split(path.sep).join('/') + '/';
  const within = (paths: ReadonlySet<string>) => new Set([...paths].filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length)));
  return { ...(facts.source ? { source: facts.source } : {}), tracked: within(facts.tracked), ignored: within(facts.ignored), gitignore: readGitignore(folder) };
}

/** Facts of more files (read after the walk) added to earlier ones of the same root. */
export function withGitFacts(facts: GitFacts | null, more: GitFacts | null): GitFacts | null {
  if (!facts || !more) return facts ?? more;
  return { ...facts, tracked: new Set([...facts.tracked, ...more.tracked]), ignored: new Set([...facts.ignored, ...more.ignored]) };
}
