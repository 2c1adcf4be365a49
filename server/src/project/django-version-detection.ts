/**
 * Which Django the project's own files say it runs, after the user's option and the configuration
 * (project/django-version.ts): a lock file's exact version first, then requirements files (their
 * `-r` includes and `-c` constraints followed), pyproject.toml, setup.cfg, setup.py, and the
 * production Dockerfile's `pip install`. Among files of one format, production's win over those
 * whose path says nothing, and those over development's (requirements/production.txt over
 * requirements/local.txt). Pure: the texts come from the walk (project/walk.ts).
 */
import * as path from 'path';
import { satisfies } from '@renovatebot/pep440';
import { FileContext, contextFromPath, isDependencyManifest, isDockerfileName } from './classify';
import { DJANGO_SERIES, DjangoSeries, DjangoVersion, NEWEST_LTS } from './django-version';
import { LOCK_FILE_NAMES, parseDockerfileDependencies, parseLockFile, parsePyprojectDependencies, parseSetupCfgDependencies, parseSetupPyDependencies } from '../parse/python-dependencies';
import { Dependency, RequirementsInclude, parseRequirements } from '../parse/requirements';

/** A file that could not be read as what its name says, with the line at fault (1-based). */
export interface DependencyFileProblem {
  /** Posix, relative to the project root. */
  path: string;
  line: number;
  message: string;
  /** What is not known rather than malformed (an include that is not in the project). */
  unknown?: true;
}

export interface DetectedDjangoVersion {
  /** Null when no file says which Django runs. */
  version: DjangoVersion | null;
  problems: DependencyFileProblem[];
}

/** Whether the walk reads a file for the dependencies it declares (posix path relative to the root). */
export function isDependencyFile(relativePath: string): boolean {
  // A Dockerfile no compose file builds may still be production's image, with its pip install.
  return isDependencyManifest(relativePath) || isDockerfile(relativePath);
}

function isRequirementsFile(relativePath: string): boolean {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return isDependencyManifest(relativePath) && name.endsWith('.txt');
}

function isDockerfile(relativePath: string): boolean {
  return isDockerfileName(relativePath.slice(relativePath.lastIndexOf('/') + 1));
}

const CONTEXT_ORDER: Record<FileContext, number> = { production: 0, unknown: 1, development: 2 };

/** Production first, then shallower, then by name: the order candidate files are asked in. */
function byPreference(contextOf: (relativePath: string) => FileContext): (a: string, b: string) => number {
  return (a, b) => CONTEXT_ORDER[contextOf(a)] - CONTEXT_ORDER[contextOf(b)] || a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The known series a PEP 440 specifier admits (`a || b`: either), oldest first. */
export function seriesAdmitted(specifier: string): DjangoSeries[] {
  const alternatives = specifier.split('||').map((alternative) => alternative.trim());
  // A series is admitted when one of its releases is: x.y.0 to x.y.30 covers every patch Django has shipped.
  return DJANGO_SERIES.filter((series) => alternatives.some((alternative) => Array.from({ length: 31 }, (_, patch) => `${series}.${patch}`).some((release) => alternative === '' || satisfies(release, alternative))));
}

/** The exact release a specifier pins (`==5.2.8`, `===5.2.8`), else null. */
function pinnedRelease(specifier: string): string | null {
  const match = /^={2,3}\s*(\d+\.\d+(?:\.\d+)*)$/.exec(specifier.trim());
  return match ? match[1] : null;
}

/**
 * What the files say. `texts` holds every file the walk read, by posix path relative to the
 * root; `contextOf` says whether a path is production's.
 */
export function detectDjangoVersion(texts: ReadonlyMap<string, string>, contextOf: (relativePath: string) => FileContext = (p) => contextFromPath(p).context): DetectedDjangoVersion {
  const problems: DependencyFileProblem[] = [];
  const prefer = byPreference(contextOf);
  const candidates = (test: (relativePath: string) => boolean) => [...texts.keys()].filter((p) => test(p) && contextOf(p) !== 'development').sort(prefer);
  const named = (...names: string[]) => (relativePath: string) => names.includes(relativePath.slice(relativePath.lastIndexOf('/') + 1));
  const found: DjangoVersion[] = [];

  for (const lockPath of candidates(named(...LOCK_FILE_NAMES))) {
    const lock = parseLockFile(path.posix.basename(lockPath), texts.get(lockPath)!);
    for (const problem of lock.problems) problems.push({ path: lockPath, ...problem });
    const django = lock.packages.find((entry) => entry.name === 'django');
    if (!django) continue;
    const version = fromSpecifier(`==${django.version}`, { path: lockPath, line: django.line }, `locked`);
    if (version) found.push(version);
  }

  // Every requirements file's problems are reported, whichever decides.
  const requirementsFiles = [...texts.keys()].filter(isRequirementsFile).sort(prefer);
  const parsedRequirements = new Map(requirementsFiles.map((p) => [p, parseRequirements(texts.get(p)!)]));
  for (const [requirementsPath, parsed] of parsedRequirements) for (const problem of parsed.problems) problems.push({ path: requirementsPath, ...problem });
  for (const requirementsPath of requirementsFiles.filter((p) => contextOf(p) !== 'development')) {
    const version = fromRequirements(requirementsPath, texts, parsedRequirements, problems);
    if (version) found.push(version);
  }

  const declared: [string, (text: string) => { dependencies: Dependency[]; problems: { line: number; message: string }[] }][] = [
    ['pyproject.toml', parsePyprojectDependencies],
    ['setup.cfg', parseSetupCfgDependencies],
    ['setup.py', parseSetupPyDependencies],
  ];
  for (const [name, parse] of declared) {
    for (const filePath of candidates(named(name))) {
      const parsed = parse(texts.get(filePath)!);
      // pyproject.toml's TOML errors are the configuration's to report (project/project-config.ts).
      if (name !== 'pyproject.toml') for (const problem of parsed.problems) problems.push({ path: filePath, ...problem });
      const version = fromDependencies(parsed.dependencies, filePath, []);
      if (version) found.push(version);
    }
  }

  for (const dockerfilePath of candidates(isDockerfile)) {
    const parsed = parseDockerfileDependencies(texts.get(dockerfilePath)!);
    const version = fromDependencies(parsed.dependencies, dockerfilePath, []);
    if (version) found.push(version);
  }

  return { version: found[0] ?? null, problems };
}

interface Located {
  path: string;
  line: number;
  via?: string;
}

function fromRequirements(requirementsPath: string, texts: ReadonlyMap<string, string>, parsed: Map<string, ReturnType<typeof parseRequirements>>, problems: DependencyFileProblem[]): DjangoVersion | null {
  const requirements: { dependency: Dependency; path: string }[] = [];
  const constraints: { dependency: Dependency; path: string }[] = [];
  const visited = new Set<string>();
  const visit = (filePath: string, asConstraints: boolean): void => {
    if (visited.has(filePath)) return;
    visited.add(filePath);
    let file = parsed.get(filePath);
    if (!file) {
      const text = texts.get(filePath);
      if (text === undefined) return;
      file = parseRequirements(text);
      parsed.set(filePath, file);
      for (const problem of file.problems) problems.push({ path: filePath, ...problem });
    }
    for (const dependency of file.requirements) (asConstraints ? constraints : requirements).push({ dependency, path: filePath });
    for (const include of file.includes) visitInclude(filePath, include, asConstraints);
  };
  const visitInclude = (from: string, include: RequirementsInclude, asConstraints: boolean): void => {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), include.path));
    if (!texts.has(target)) {
      problems.push({ path: from, line: include.line, message: `${include.path} is not in the project, so the versions it sets are unknown`, unknown: true });
      return;
    }
    visit(target, asConstraints || include.kind === 'constraints');
  };
  visit(requirementsPath, false);
  const constraintsOfDjango = constraints.filter((entry) => entry.dependency.name === 'django' && entry.dependency.specifier !== '');
  const django = requirements.find((entry) => entry.dependency.name === 'django');
  if (!django) return null;
  return fromDependencies([django.dependency], django.path, constraintsOfDjango, requirementsPath);
}

/** The version the first Django requirement admits, narrowed by constraints; null when there is none. */
function fromDependencies(dependencies: Dependency[], filePath: string, constraints: { dependency: Dependency; path: string }[], via?: string): DjangoVersion | null {
  const django = dependencies.find((dependency) => dependency.name === 'django');
  if (!django) return null;
  const constraint = constraints[0];
  // A constraint that pins decides the release; otherwise both ranges must hold.
  const decisive = constraint && pinnedRelease(constraint.dependency.specifier) ? constraint : null;
  const where: Located = decisive ? { path: decisive.path, line: decisive.dependency.line } : { path: filePath, line: django.line };
  const specifier = decisive ? decisive.dependency.specifier : [django.specifier, ...constraints.map((entry) => entry.dependency.specifier)].filter(Boolean).join(',');
  const written = `Django${specifier ? specifier : ''}`;
  const verb = django.url ? `installed from ${django.url}` : pinnedRelease(specifier) ? 'pinned' : specifier ? `required as ${written}` : 'required without a version';
  return fromSpecifier(django.url ? '' : specifier, { ...where, ...(via && via !== where.path ? { via } : {}) }, verb);
}

function fromSpecifier(specifier: string, where: Located, verb: string): DjangoVersion | null {
  const series = seriesAdmitted(specifier);
  const exact = pinnedRelease(specifier);
  if (series.length === 0) {
    // A series Preflight knows no checks of is not guessed at: the newest LTS, and why.
    return { series: [NEWEST_LTS], exact: null, source: { kind: 'default', text: `${where.path} line ${where.line} asks for Django${specifier}, a series Preflight does not know: assuming the newest LTS, ${NEWEST_LTS}` } };
  }
  return { series, exact, source: { kind: 'file', path: where.path, line: where.line, text: verb, ...(where.via ? { via: where.via } : {}) } };
}
