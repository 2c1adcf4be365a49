/**
 * The dependencies Python packaging files declare, beyond pip's requirements files
 * (parse/requirements.ts): `pyproject.toml` (PEP 621 `[project]`, which PDM and uv use, and
 * Poetry's `[tool.poetry.dependencies]`), `setup.cfg` and `setup.py` `install_requires` (setup.py
 * read as a syntax tree, never run), `pip install` in a Dockerfile's RUN, and the lock files
 * (`uv.lock`, `poetry.lock`, `pdm.lock`, `Pipfile.lock`), which pin exact versions. TOML is
 * smol-toml's; what is malformed is a problem with its line, never a throw.
 */
import { SyntaxNode } from '@lezer/common';
import { TomlError, parse as parseToml } from 'smol-toml';
import { logicalLines } from './dockerfile';
import { childrenOf, parsePython, stringLiteralValue } from './python';
import { Dependency, DependencyProblem, RequirementsInclude, normaliseName, parseRequirementString } from './requirements';

export interface DeclaredDependencies {
  dependencies: Dependency[];
  problems: DependencyProblem[];
  /** Requirements files a Dockerfile's `pip install -r` names, relative to the build context. */
  includes?: RequirementsInclude[];
}

/** A package a lock file pins. */
export interface LockedPackage {
  name: string;
  version: string;
  line: number;
}

export interface LockFile {
  packages: LockedPackage[];
  problems: DependencyProblem[];
}

export const LOCK_FILE_NAMES = ['uv.lock', 'poetry.lock', 'pdm.lock', 'Pipfile.lock'] as const;

/** The 1-based line of the first match at or after `from` (a character offset), else 1. */
function lineOf(text: string, pattern: RegExp, from = 0): { line: number; index: number } {
  pattern.lastIndex = from;
  const match = pattern.exec(text.slice(from));
  if (!match) return { line: 1, index: from };
  const index = from + match.index;
  return { line: text.slice(0, index).split('\n').length, index };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function tomlProblem(error: unknown): DependencyProblem {
  if (error instanceof TomlError) return { line: error.line, message: `it is not valid TOML (${error.message.split('\n')[0].replace(/^Invalid TOML document: /, '')})` };
  return { line: 1, message: 'it is not valid TOML' };
}

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `[project] dependencies` (PEP 621: PDM, uv, hatch, setuptools) and `[tool.poetry.dependencies]`. */
export function parsePyprojectDependencies(text: string): DeclaredDependencies {
  let document: Table;
  try {
    document = parseToml(text) as Table;
  } catch (error) {
    return { dependencies: [], problems: [tomlProblem(error)] };
  }
  const result: DeclaredDependencies = { dependencies: [], problems: [] };
  let searchFrom = 0;
  const project = document.project;
  if (isTable(project) && Array.isArray(project.dependencies)) {
    for (const entry of project.dependencies) {
      if (typeof entry !== 'string') continue;
      const found = lineOf(text, new RegExp(`["']${escapeRegExp(entry)}["']`), searchFrom);
      searchFrom = found.index;
      const parsed = parseRequirementString(entry, found.line);
      if ('problem' in parsed) result.problems.push({ line: found.line, message: parsed.problem });
      else result.dependencies.push(parsed);
    }
  }
  const tool = document.tool;
  const poetry = isTable(tool) && isTable(tool.poetry) ? tool.poetry : null;
  if (poetry && isTable(poetry.dependencies)) {
    const section = lineOf(text, /^\[tool\.poetry\.dependencies\]/m).index;
    for (const [name, value] of Object.entries(poetry.dependencies)) {
      if (name === 'python') continue;
      const line = lineOf(text, new RegExp(`^\\s*["']?${escapeRegExp(name)}["']?\\s*=`, 'mi'), section).line;
      const constraints = (Array.isArray(value) ? value : [value]).map((one) => (typeof one === 'string' ? one : isTable(one) && typeof one.version === 'string' ? one.version : isTable(one) ? '*' : null));
      const extras = isTable(value) && Array.isArray(value.extras) ? value.extras.filter((extra): extra is string => typeof extra === 'string') : [];
      // Several constraints (per Python version) admit the union of what each admits: kept as `||`.
      const specifiers = constraints.map((one) => (one === null ? null : poetryToPep440(one)));
      if (specifiers.some((one) => one === null)) {
        result.problems.push({ line, message: `the version of ${name} is not a Poetry constraint Preflight can read` });
        continue;
      }
      result.dependencies.push({ name: normaliseName(name), specifier: specifiers.join(' || '), extras, marker: null, line });
    }
  }
  return result;
}

/**
 * A Poetry constraint (`^4.2`, `~5.1.3`, `4.2.*`, `>=4.2,<5`, `4.2.8`, `*`, `a || b`) as a PEP 440
 * specifier; `||` alternatives stay `||`-separated. Null when it is not one.
 */
export function poetryToPep440(constraint: string): string | null {
  const alternatives = constraint.split('||').map((alternative) => {
    const parts = alternative.trim().split(/\s*,\s*|\s+(?=[<>=!~^])/).filter(Boolean);
    const converted = parts.map(poetryPart);
    return converted.some((part) => part === null) ? null : converted.filter(Boolean).join(',');
  });
  return alternatives.some((alternative) => alternative === null) ? null : alternatives.join(' || ');
}

function poetryPart(part: string): string | null {
  if (part === '*' || part === '') return '';
  const match = /^(\^|~=|~|==|!=|>=|<=|>|<|=)?\s*(\d+(?:\.(?:\d+|\*))*)([a-z0-9.+-]*)$/i.exec(part);
  if (!match) return null;
  const [, operator = '', version, suffix] = match;
  const numbers = version.split('.');
  if (operator === '^') {
    // ^4.2 -> >=4.2,<5.0; ^0.3 -> >=0.3,<0.4: the first non-zero number may not change.
    const values = numbers.map(Number);
    const first = values.findIndex((value) => value !== 0);
    const at = first < 0 ? values.length - 1 : first;
    const upper = values.slice(0, at + 1).map((value, index) => (index === at ? value + 1 : value));
    return `>=${version}${suffix},<${upper.join('.')}${upper.length === 1 ? '.0' : ''}`;
  }
  if (operator === '~') {
    // ~4.2.3 -> >=4.2.3,<4.3; ~4.2 -> >=4.2,<4.3; ~4 -> >=4,<5.
    const values = numbers.map(Number);
    const upper = values.length === 1 ? [values[0] + 1] : [values[0], values[1] + 1];
    return `>=${version}${suffix},<${upper.join('.')}${upper.length === 1 ? '.0' : ''}`;
  }
  if (operator === '' || operator === '=') return `==${version}${suffix}`;
  return `${operator}${version}${suffix}`;
}

/** `install_requires` of `[options]` in setup.cfg: one requirement a line, or `;`-less list. */
export function parseSetupCfgDependencies(text: string): DeclaredDependencies {
  const result: DeclaredDependencies = { dependencies: [], problems: [] };
  const lines = text.split(/\r?\n/);
  let section = '';
  for (let index = 0; index < lines.length; index++) {
    const header = /^\s*\[([^\]]+)\]/.exec(lines[index]);
    if (header) {
      section = header[1].trim();
      continue;
    }
    const key = /^install_requires\s*[=:]\s*(.*)$/.exec(lines[index]);
    if (section !== 'options' || !key) continue;
    const values: { line: number; text: string }[] = [{ line: index + 1, text: key[1] }];
    // Continuation lines are indented (configparser).
    while (index + 1 < lines.length && /^[ \t]+\S/.test(lines[index + 1])) values.push({ line: index + 2, text: lines[++index] });
    for (const value of values) {
      const requirement = value.text.replace(/(?:^|\s)#.*$/, '').trim();
      if (requirement === '') continue;
      const parsed = parseRequirementString(requirement, value.line);
      if ('problem' in parsed) result.problems.push({ line: value.line, message: parsed.problem });
      else result.dependencies.push(parsed);
    }
  }
  return result;
}

/**
 * `install_requires=[...]` in setup.py's `setup(...)` call, from the syntax tree: a list of string
 * literals, or a name a top-level assignment binds to one. Anything computed is not guessed at.
 */
export function parseSetupPyDependencies(text: string): DeclaredDependencies {
  const file = parsePython(text);
  const result: DeclaredDependencies = { dependencies: [], problems: [] };
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const source = (node: SyntaxNode) => text.slice(node.from, node.to);
  const lists = new Map<string, SyntaxNode>();
  for (const statement of childrenOf(file.tree.topNode)) {
    if (statement.name !== 'AssignStatement') continue;
    const [target, , value] = childrenOf(statement);
    if (target?.name === 'VariableName' && value?.name === 'ArrayExpression') lists.set(source(target), value);
  }
  const cursor = file.tree.cursor();
  let list: SyntaxNode | null = null;
  do {
    if (cursor.name !== 'ArgList') continue;
    const args = childrenOf(cursor.node);
    for (let index = 0; index + 2 < args.length; index++) {
      if (args[index].name !== 'VariableName' || source(args[index]) !== 'install_requires' || args[index + 1].name !== 'AssignOp') continue;
      const value = args[index + 2];
      list = value.name === 'ArrayExpression' ? value : value.name === 'VariableName' ? lists.get(source(value)) ?? null : null;
      if (!list) result.problems.push({ line: lineAt(value.from), message: 'install_requires is computed, which Preflight does not run: its versions are unknown' });
    }
  } while (!list && cursor.next());
  if (!list) return result;
  for (const item of childrenOf(list)) {
    if (item.name !== 'String') continue;
    const value = stringLiteralValue(source(item));
    if (!value || value.bytes || value.format) continue;
    const parsed = parseRequirementString(value.value, lineAt(item.from));
    if ('problem' in parsed) result.problems.push({ line: lineAt(item.from), message: parsed.problem });
    else result.dependencies.push(parsed);
  }
  return result;
}

/** `pip install` in a Dockerfile's RUN instructions: the requirements named and the `-r` files. */
export function parseDockerfileDependencies(text: string): DeclaredDependencies {
  const result: DeclaredDependencies = { dependencies: [], problems: [], includes: [] };
  for (const { line, text: instruction } of logicalLines(text)) {
    const run = /^\s*RUN\s+(.*)$/i.exec(instruction);
    if (!run) continue;
    for (const install of pipInstalls(run[1])) {
      for (const include of install.includes) result.includes!.push({ ...include, line: line + 1 });
      for (const word of install.requirements) {
        const parsed = parseRequirementString(word, line + 1);
        if (!('problem' in parsed)) result.dependencies.push(parsed);
      }
    }
  }
  return result;
}

/** One `pip install` (`pip3`, `python -m pip`, `uv pip`) of a shell command. */
export interface PipInstall {
  /** The requirement words as written, unquoted (`django==5.2.8`, `gunicorn`); not paths, URLs or options. */
  requirements: string[];
  /** `-r`/`-c` files, relative to the build context. */
  includes: { kind: 'requirements' | 'constraints'; path: string }[];
}

/** The `pip install` commands of a shell command line (split at `&&`, `||` and `;`). */
/**
 * Options of `pip install` and `uv pip install` whose value is the next word (pip's and uv's
 * --help): the value is no requirement (`--python-preference system`, `--index-strategy unsafe-best-match`).
 */
const OPTIONS_WITH_VALUE = new Set([
  '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '-t', '--target', '--prefix', '--root',
  '-e', '--editable', '--src', '--platform', '--python-version', '--implementation', '--abi', '--upgrade-strategy',
  '--progress-bar', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--cache-dir',
  '--global-option', '-C', '--config-settings', '--no-binary', '--only-binary', '--report', '--root-user-action',
  '--index', '--default-index', '--index-strategy', '--python-preference', '-p', '--python', '--keyring-provider',
  '--resolution', '--prerelease', '--link-mode', '--exclude-newer', '--override', '--overrides', '--build-constraints',
  '--extra', '--group', '--python-platform', '--config-file', '--torch-backend',
]);

export function pipInstalls(commandLine: string): PipInstall[] {
  const installs: PipInstall[] = [];
  for (const command of commandLine.split(/&&|\|\||;/)) {
    const words = command.trim().match(/"[^"]*"|'[^']*'|\S+/g)?.map((word) => word.replace(/^(["'])(.*)\1$/, '$2')) ?? [];
    const install = words.findIndex((word, index) => word === 'install' && index > 0 && /(?:^|\/)(?:pip3?(?:\.\d+)?|uv)$|^-m$/.test(words[index - 1]) || (word === 'install' && words[index - 1] === 'pip'));
    if (install < 0) continue;
    const found: PipInstall = { requirements: [], includes: [] };
    for (let index = install + 1; index < words.length; index++) {
      const word = words[index];
      if (word === '-r' || word === '--requirement' || word === '--requirements' || word === '-c' || word === '--constraint' || word === '--constraints') {
        if (words[index + 1]) found.includes.push({ kind: word.startsWith('-c') || word === '--constraint' ? 'constraints' : 'requirements', path: words[++index] });
        continue;
      }
      if (word.startsWith('-') || /[/$]|^\./.test(word)) {
        if (OPTIONS_WITH_VALUE.has(word)) index++;
        continue;
      }
      found.requirements.push(word);
    }
    installs.push(found);
  }
  return installs;
}

/** A lock file's pinned packages. For Pipfile.lock only `default`: `develop` is not installed in production. */
export function parseLockFile(name: string, text: string): LockFile {
  if (name === 'Pipfile.lock') return parsePipfileLock(text);
  let document: Table;
  try {
    document = parseToml(text) as Table;
  } catch (error) {
    return { packages: [], problems: [tomlProblem(error)] };
  }
  const packages: LockedPackage[] = [];
  const problems: DependencyProblem[] = [];
  let searchFrom = 0;
  for (const entry of Array.isArray(document.package) ? document.package : []) {
    if (!isTable(entry) || typeof entry.name !== 'string') continue;
    const found = lineOf(text, new RegExp(`^name\\s*=\\s*["']${escapeRegExp(entry.name)}["']`, 'm'), searchFrom);
    searchFrom = found.index + 1;
    if (typeof entry.version !== 'string') {
      problems.push({ line: found.line, message: `the locked ${entry.name} has no version` });
      continue;
    }
    // The version line follows the name in every lock format; fall back to the name's line.
    const version = lineOf(text, new RegExp(`^version\\s*=\\s*["']${escapeRegExp(entry.version)}["']`, 'm'), found.index);
    packages.push({ name: normaliseName(entry.name), version: entry.version, line: version.index > found.index ? version.line : found.line });
  }
  return { packages, problems };
}

function parsePipfileLock(text: string): LockFile {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String((error as Error).message));
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : 1;
    return { packages: [], problems: [{ line, message: `it is not valid JSON (${String((error as Error).message)})` }] };
  }
  const packages: LockedPackage[] = [];
  const section = isTable(document) ? document.default : undefined;
  if (!isTable(section)) return { packages, problems: [{ line: 1, message: 'it has no "default" section of packages' }] };
  const defaultAt = lineOf(text, /"default"\s*:/).index;
  for (const [name, entry] of Object.entries(section)) {
    if (!isTable(entry) || typeof entry.version !== 'string') continue;
    const found = lineOf(text, new RegExp(`"${escapeRegExp(name)}"\\s*:`), defaultAt);
    const version = lineOf(text, /"version"\s*:/, found.index);
    packages.push({ name: normaliseName(name), version: entry.version.replace(/^===?/, ''), line: version.line });
  }
  return { packages, problems: [] };
}
