/**
 * What production installs, read from the same files and with the same readers as the Django
 * version (project/django-version-detection.ts): the requirements files (their `-r` includes and
 * `-c` constraints followed), `pyproject.toml`, `setup.cfg`/`setup.py`, the lock files and the
 * names a Dockerfile's `pip install` gives, development files left out. A package is a production
 * dependency when one of them declares it; the finding about a missing one goes in the file where
 * the fix goes (the production requirements file, else the pyproject dependencies array, else
 * install_requires). Anything not fully read (an include not in the project, a line pip cannot
 * read, a computed install_requires, `dynamic` dependencies) makes the whole set unknown, said why.
 */
import * as path from 'path';
import { parse as parseToml } from 'smol-toml';
import { LOCK_FILE_NAMES, parseDockerfileDependencies, parseLockFile, parsePyprojectDependencies, parseSetupCfgDependencies, parseSetupPyDependencies } from '../parse/python-dependencies';
import { Dependency, parseRequirements } from '../parse/requirements';
import { Range, SourceText } from '../parse/source-text';
import type { FileContext } from './classify';
import { ProjectFile, ProjectModel, relativePosix } from './model';

/** One declaration of a package, where it is written. */
export interface DeclaredPackage {
  dependency: Dependency;
  /** Posix path relative to the root. */
  path: string;
}

/** Where a finding about the production dependencies goes, and how a package is added there. */
export interface DependencyTarget {
  file: ProjectFile;
  /** The line the finding is reported on (the last requirement line, the `dependencies = [` line). */
  range: Range;
  /** "requirements/production.txt", "the [project] dependencies of pyproject.toml". */
  describe: string;
  /** The text edit that adds a requirement line (`gunicorn`), or null where none can be written mechanically. */
  add: ((requirement: string) => { range: Range; newText: string }) | null;
}

export type ProductionDependencies =
  | {
      known: true;
      target: DependencyTarget;
      /** Every declaration of a non-development source, by normalised name. */
      packages: ReadonlyMap<string, DeclaredPackage[]>;
      /** The files the target reads (itself, its includes and constraints), with what each declares, in reading order. */
      targetFiles: { file: ProjectFile; dependencies: Dependency[] }[];
      /** Exact pins the target's constraints files set, by name. */
      constrained: ReadonlySet<string>;
      /** A non-development lock file, which pins every version (posix relative path), or null. */
      lockFile: string | null;
    }
  | { known: false; reason: string };

/**
 * Packages that install others production relies on (install_requires of the package, or an
 * extra), so a project that declares them does have those.
 */
const PROVIDES: Record<string, string[]> = {
  'django-heroku': ['whitenoise', 'psycopg2', 'dj-database-url'],
  'django-on-heroku': ['whitenoise', 'psycopg2-binary', 'dj-database-url'],
  'django-toolbelt': ['gunicorn', 'psycopg2', 'dj-database-url'],
  'uvicorn-worker': ['uvicorn'],
};
const PROVIDES_BY_EXTRA: Record<string, Record<string, string[]>> = {
  channels: { daphne: ['daphne'] },
};

/** The declaration of a package (or of one that installs it), or null when production does not install it. */
export function declaredPackage(dependencies: Extract<ProductionDependencies, { known: true }>, name: string): DeclaredPackage | null {
  const own = dependencies.packages.get(name)?.[0];
  if (own) return own;
  for (const declarations of dependencies.packages.values()) {
    for (const declared of declarations) {
      const { name: provider, extras } = declared.dependency;
      if (PROVIDES[provider]?.includes(name)) return declared;
      if (extras.some((extra) => PROVIDES_BY_EXTRA[provider]?.[extra]?.includes(name))) return declared;
    }
  }
  return null;
}

const cache = new WeakMap<ProjectModel, ProductionDependencies>();

// Parsed once per file object: a model rebuilt after a keystroke elsewhere keeps these.
const parses = new WeakMap<ProjectFile, Map<string, unknown>>();
function parsedOnce<T>(file: ProjectFile, what: string, parse: (text: string) => T): T {
  let byWhat = parses.get(file);
  if (!byWhat) parses.set(file, (byWhat = new Map()));
  if (!byWhat.has(what)) byWhat.set(what, parse(file.text ?? ''));
  return byWhat.get(what) as T;
}

/** Computed once per model. */
export function productionDependencies(project: ProjectModel): ProductionDependencies {
  let result = cache.get(project);
  if (!result) cache.set(project, (result = compute(project)));
  return result;
}

const CONTEXT_ORDER: Record<FileContext, number> = { production: 0, unknown: 1, development: 2 };

function isRequirementsFile(file: ProjectFile): boolean {
  return file.kind === 'dependencies' && file.relativePath.endsWith('.txt');
}

function compute(project: ProjectModel): ProductionDependencies {
  const contextOf = (file: ProjectFile) => project.contextOf(file).context;
  // Production first, then shallower, then by name: the order detection asks files in.
  const prefer = (a: ProjectFile, b: ProjectFile) =>
    CONTEXT_ORDER[contextOf(a)] - CONTEXT_ORDER[contextOf(b)] || a.relativePath.split('/').length - b.relativePath.split('/').length || (a.relativePath < b.relativePath ? -1 : 1);
  const sources = project.files.filter((file) => contextOf(file) !== 'development').sort(prefer);
  const packages = new Map<string, DeclaredPackage[]>();
  const declare = (dependency: Dependency, relativePath: string) => {
    const list = packages.get(dependency.name);
    if (list) list.push({ dependency, path: relativePath });
    else packages.set(dependency.name, [{ dependency, path: relativePath }]);
  };
  const unreadable = (file: ProjectFile) => (file.text === null ? `${file.relativePath} could not be read (${file.skipped ?? 'skipped'})` : null);

  // Requirements files, each with the files it includes.
  const requirements = sources.filter(isRequirementsFile);
  const closures = new Map<ProjectFile, { file: ProjectFile; dependencies: Dependency[]; constraints: boolean }[]>();
  for (const file of requirements) {
    const closure = requirementsClosure(project, file);
    if ('reason' in closure) return { known: false, reason: closure.reason };
    closures.set(file, closure.files);
    for (const read of closure.files) if (!read.constraints) for (const dependency of read.dependencies) declare(dependency, read.file.relativePath);
  }

  // pyproject.toml, setup.cfg, setup.py.
  const declaring: { file: ProjectFile; line: number; describe: string; add: DependencyTarget['add'] }[] = [];
  for (const file of sources.filter((candidate) => path.posix.basename(candidate.relativePath) === 'pyproject.toml')) {
    if (unreadable(file)) return { known: false, reason: unreadable(file)! };
    const pyproject = parsedOnce(file, 'pyproject', pyprojectDependencies);
    if (pyproject === null) continue;
    if ('reason' in pyproject) return { known: false, reason: `${file.relativePath}: ${pyproject.reason}` };
    const parsed = parsedOnce(file, 'dependencies', parsePyprojectDependencies);
    if (parsed.problems.length > 0) return { known: false, reason: `${file.relativePath} line ${parsed.problems[0].line}: ${parsed.problems[0].message}` };
    for (const dependency of parsed.dependencies) declare(dependency, file.relativePath);
    declaring.push({ file, line: pyproject.line, describe: `the ${pyproject.table} dependencies of ${file.relativePath}`, add: pyproject.add });
  }
  for (const [name, parse] of [['setup.cfg', parseSetupCfgDependencies], ['setup.py', parseSetupPyDependencies]] as const) {
    for (const file of sources.filter((candidate) => path.posix.basename(candidate.relativePath) === name)) {
      if (unreadable(file)) return { known: false, reason: unreadable(file)! };
      const parsed = parsedOnce(file, name, parse);
      if (parsed.problems.length > 0) return { known: false, reason: `${file.relativePath} line ${parsed.problems[0].line}: ${parsed.problems[0].message}` };
      const line = lineOf(file.text!, /install_requires/);
      if (line === null) continue;
      for (const dependency of parsed.dependencies) declare(dependency, file.relativePath);
      declaring.push({ file, line, describe: `install_requires in ${file.relativePath}`, add: null });
    }
  }

  // Lock files pin what is installed, transitive packages included.
  let lockFile: string | null = null;
  for (const file of sources.filter((candidate) => (LOCK_FILE_NAMES as readonly string[]).includes(path.posix.basename(candidate.relativePath)))) {
    if (unreadable(file)) return { known: false, reason: unreadable(file)! };
    const lock = parsedOnce(file, 'lock', (text) => parseLockFile(path.posix.basename(file.relativePath), text));
    if (lock.problems.length > 0) return { known: false, reason: `${file.relativePath} line ${lock.problems[0].line}: ${lock.problems[0].message}` };
    lockFile ??= file.relativePath;
    for (const entry of lock.packages) declare({ name: entry.name, specifier: `==${entry.version}`, extras: [], marker: null, line: entry.line }, file.relativePath);
  }

  // A Dockerfile's `pip install gunicorn` installs it too.
  // Dockerfiles are deployment files (kind 'dockerfile'); one read along otherwise is in otherSources.
  const dockerfileSources: [string, { text: string | null }][] = [...project.ofKind('dockerfile').map((file): [string, { text: string | null }] => [file.path, file]), ...project.otherSources];
  for (const [filePath, source] of dockerfileSources) {
    const relativePath = relativePosix(project.root, filePath);
    if (source.text === null || !/(?:^|\/)(?:Dockerfile(?:\.[\w.-]+)?|[\w.-]+\.Dockerfile)$/i.test(relativePath) || /(?:^|[/._-])(?:dev|local|test|development)(?:[/._-]|$)/i.test(relativePath)) continue;
    for (const dependency of parseDockerfileDependencies(source.text).dependencies) declare(dependency, relativePath);
  }

  const main = requirements[0];
  let target: DependencyTarget;
  let targetFiles: { file: ProjectFile; dependencies: Dependency[] }[] = [];
  const constrained = new Set<string>();
  if (main) {
    const closure = closures.get(main)!;
    targetFiles = closure.filter((read) => !read.constraints).map(({ file, dependencies }) => ({ file, dependencies }));
    for (const read of closure) if (read.constraints) for (const dependency of read.dependencies) if (/^={2,3}\s*\d+(?:\.\d+)*$/.test(dependency.specifier)) constrained.add(dependency.name);
    target = requirementsTarget(main);
  } else if (declaring.length > 0) {
    const { file, line, describe, add } = declaring[0];
    const source = new SourceText(file.text!);
    const text = source.lineText(line - 1);
    const lead = text.length - text.trimStart().length;
    target = { file, describe, add, range: { start: { line: line - 1, character: lead }, end: { line: line - 1, character: text.trimEnd().length } } };
    targetFiles = [{ file, dependencies: (packagesOf(file, packages)) }];
  } else {
    return { known: false, reason: 'no requirements file, pyproject.toml dependencies or install_requires declares what production installs' };
  }
  return { known: true, target, packages, targetFiles, constrained, lockFile };
}

function packagesOf(file: ProjectFile, packages: Map<string, DeclaredPackage[]>): Dependency[] {
  return [...packages.values()].flat().filter((declared) => declared.path === file.relativePath).map((declared) => declared.dependency);
}

/** A requirements file and what it includes, in reading order; or why it cannot be fully read. */
function requirementsClosure(project: ProjectModel, start: ProjectFile): { files: { file: ProjectFile; dependencies: Dependency[]; constraints: boolean }[] } | { reason: string } {
  const files: { file: ProjectFile; dependencies: Dependency[]; constraints: boolean }[] = [];
  const visited = new Set<ProjectFile>();
  const byRelative = new Map(project.files.map((file) => [file.relativePath, file]));
  const visit = (file: ProjectFile, constraints: boolean): string | null => {
    if (visited.has(file)) return null;
    visited.add(file);
    if (file.text === null) return `${file.relativePath} could not be read (${file.skipped ?? 'skipped'})`;
    const parsed = parsedOnce(file, 'requirements', parseRequirements);
    if (parsed.problems.length > 0) return `${file.relativePath} line ${parsed.problems[0].line}: ${parsed.problems[0].message}`;
    files.push({ file, dependencies: parsed.requirements, constraints });
    for (const include of parsed.includes) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.relativePath), include.path));
      const included = byRelative.get(target);
      if (!included) return `${file.relativePath} line ${include.line} includes ${include.path}, which is not in the project, so what it installs is unknown`;
      const failed = visit(included, constraints || include.kind === 'constraints');
      if (failed) return failed;
    }
    return null;
  };
  const failed = visit(start, false);
  return failed ? { reason: failed } : { files };
}

function requirementsTarget(file: ProjectFile): DependencyTarget {
  const source = new SourceText(file.text!);
  // The last line with content: where a new requirement goes and where the finding is seen.
  let line = source.lineCount - 1;
  while (line > 0 && source.lineText(line).trim() === '') line--;
  const text = source.lineText(line);
  const lead = text.length - text.trimStart().length;
  return {
    file,
    describe: file.relativePath,
    range: { start: { line, character: lead }, end: { line, character: text.trimEnd().length } },
    add: (requirement) => {
      const end = { line, character: text.length };
      // A file that is empty or whose last line is blank gets the line as is.
      return text.trim() === '' ? { range: { start: { line, character: 0 }, end }, newText: requirement } : { range: { start: end, end }, newText: `${source.eol}${requirement}` };
    },
  };
}

/** 1-based line of the first match, or null. */
function lineOf(text: string, pattern: RegExp): number | null {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index).split('\n').length : null;
}

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether pyproject.toml declares production's dependencies: `[project] dependencies` (PEP 621) or
 * `[tool.poetry.dependencies]`, with the line of its declaration and how a requirement is added;
 * null when it declares none (a pyproject.toml of tool settings only); a reason when they are `dynamic`.
 */
function pyprojectDependencies(text: string): { line: number; table: string; add: DependencyTarget['add'] } | { reason: string } | null {
  let document: Table;
  try {
    document = parseToml(text) as Table;
  } catch {
    return { reason: 'it is not valid TOML, so its dependencies are unknown' };
  }
  const project = isTable(document.project) ? document.project : null;
  if (project && Array.isArray(project.dynamic) && project.dynamic.includes('dependencies')) return { reason: 'its dependencies are `dynamic`, computed by the build backend' };
  if (project && Array.isArray(project.dependencies)) {
    const section = /^\[project\][ \t]*(?:#.*)?$/m.exec(text);
    const key = section ? /^[ \t]*dependencies[ \t]*=[ \t]*\[/m.exec(text.slice(section.index)) : null;
    if (!section || !key) return { reason: '[project] dependencies is not written as an array Preflight can find' };
    const offset = section.index + key.index;
    return { line: text.slice(0, offset).split('\n').length, table: '[project]', add: arrayInsertion(text, offset + key[0].length) };
  }
  const tool = isTable(document.tool) ? document.tool : null;
  if (tool && isTable(tool.poetry) && isTable(tool.poetry.dependencies)) {
    const line = lineOf(text, /^\[tool\.poetry\.dependencies\]/m);
    if (line !== null) return { line, table: '[tool.poetry]', add: null };
  }
  return null;
}

/** Adds `"name"` to the TOML array whose first item starts at `from` (just after `[`): before its `]`, one item a line when it is written so. */
function arrayInsertion(text: string, from: number): DependencyTarget['add'] {
  let close = -1;
  // The last character of an item or separator, comments and blanks aside.
  let last = from - 1;
  let quote: string | null = null;
  for (let index = from; index < text.length && close < 0; index++) {
    const c = text[index];
    if (quote) {
      if (c === '\\' && quote === '"') index++;
      else if (c === quote) quote = null;
      last = index;
    } else if (c === '"' || c === "'") [quote, last] = [c, index];
    else if (c === '#') while (index + 1 < text.length && text[index + 1] !== '\n') index++;
    else if (c === ']') close = index;
    else if (!/\s/.test(c)) last = index;
  }
  if (close < 0) return null;
  const source = new SourceText(text);
  return (requirement) => {
    const item = JSON.stringify(requirement);
    if (last < from) return { range: source.rangeOf(from, close), newText: item };
    const separator = text[last] === ',' ? '' : ',';
    const at = source.rangeOf(last + 1, last + 1);
    if (!text.slice(from, close).includes('\n')) return { range: at, newText: `${separator} ${item}` };
    // One item a line: after the last item, indented as it is.
    const lastLine = source.lineText(source.positionAt(last).line);
    const indent = /^\s*/.exec(lastLine)![0] || '    ';
    const lineEnd = source.rangeOf(source.lineEnd(source.positionAt(last).line), source.lineEnd(source.positionAt(last).line));
    if (separator === '' && source.positionAt(close).line > source.positionAt(last).line) return { range: lineEnd, newText: `${source.eol}${indent}${item},` };
    return { range: at, newText: `${separator}${source.eol}${indent}${item},` };
  };
}
