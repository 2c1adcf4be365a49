import * as path from 'path';
import { ChecklistFile, parseChecklist } from '../checklist/checklist-file';
import { EnvFile, parseEnv } from '../parse/env';
import { Procfile, parseProcfile } from '../parse/procfile';
import { SystemdUnit, parseSystemdUnit } from '../parse/systemd-unit';
import { Dockerfile, parseDockerfile } from '../parse/dockerfile';
import { PythonFile, parsePython } from '../parse/python';
import { ContextDecision, ContextOptions, FileContext, FileKind, contextFromPath, kindFromPath, looksLikeCompose, looksLikeNginx, mayBeNginx } from './classify';
import { composeBuiltFromDevelopmentPlaces, developmentReferences, usedOnlyByDevelopmentPlaces } from './development-references';
import { NginxConfig, parseNginx } from '../parse/nginx';
import { isMountedIntoNginx, nginxMountSources } from './nginx-mounts';
import { FileContent } from './file-content';
import type { ComposeFile } from '../parse/compose';
import { composeBuiltDockerfiles, composeOf, composeReferencedPaths } from './compose-application';
import { dependentFiles, productionLinks } from './production';
import { ENTRY_POINT_NAMES } from './django-entry-points';
import { TextOf, entryPointModules, namedModuleClosure } from './settings-modules';
import { ProjectConfig, withProjectConfig } from './project-config';
import { DjangoVersion, DjangoVersionSource, defaultDjangoVersion, versionFromText } from './django-version';
import { DetectedDjangoVersion, detectDjangoVersion } from './django-version-detection';

export interface ProjectFile {
  /** Absolute path. */
  path: string;
  /** Posix path relative to the project root. */
  relativePath: string;
  kind: FileKind;
  context: FileContext;
  /** Why the file has its context, shown with every diagnostic in it. */
  contextReason: string;
  /** Development because of where it is or what names it (a dev container, CI, the compose override). */
  developmentPlace?: true;
  /** Null when the file was skipped. */
  text: string | null;
  skipped: string | null;
  notice: string | null;
}

export interface ModelOptions extends ContextOptions {
  /** The production settings module, as `manage.py --settings` takes it: `config.settings.production`. */
  settingsModule?: string;
  /** The checklist file relative to the root (`preflight.checklistFile`); DEPLOYMENT_CHECKLIST.md by default. */
  checklistFile?: string;
  /**
   * The folder walked when the root is one of several Django projects in it (project/partition.ts):
   * kinds, contexts, globs and the checklist path are judged on paths relative to it, as the user
   * configured them; module names stay relative to the root. The root itself by default.
   */
  walkedRoot?: string;
  /**
   * The project's configuration file (`[tool.preflight]`, project/project-config.ts): what these
   * options leave unset it sets, and the paths it ignores are not read. Null or absent: none.
   */
  config?: ProjectConfig | null;
  /** The Django version the user says runs (`--django-version`, `preflight.djangoVersion`): `5.2` or `5.2.8`. */
  djangoVersion?: string;
  /** Where djangoVersion was given, as the user knows it: `--django-version` (the default), `preflight.djangoVersion`. */
  djangoVersionSetBy?: string;
}

/** What git says of the project's deployment files (relative paths), gathered at the I/O edge. */
export interface GitFacts {
  /**
   * 'gitignore' outside a git repository: `ignored` comes from matching the .gitignore files,
   * and what is tracked cannot be known (`tracked` is empty). 'git' when absent.
   */
  source?: 'git' | 'gitignore';
  tracked: ReadonlySet<string>;
  ignored: ReadonlySet<string>;
  /** The text of the root's .gitignore, null when there is none, absent when not read (for fixes that add to it). */
  gitignore?: string | null;
}

export interface SourceFile extends FileContent {
  path: string;
}

/**
 * Everything the rules know about a project: its deployment files, their kinds and contexts.
 * Parsed forms are computed on first use and cached per file object, so a model rebuilt
 * after one edit re-parses only the file that changed.
 */
export class ProjectModel {
  private readonly byPath = new Map<string, ProjectFile>();

  constructor(
    readonly root: string,
    readonly files: ProjectFile[],
    /** Null outside a git repository (or when git is unavailable). */
    readonly git: GitFacts | null = null,
    /** The production settings module configured (`--settings`, `preflight.settingsModule`), if any. */
    readonly settingsModule: string | null = null,
    /**
     * Files read but not linted, by absolute path: the Dockerfiles and start scripts the production
     * model follows (project/entrypoint-exports.ts), and YAML that turned out not to be compose.
     */
    readonly otherSources: ReadonlyMap<string, SourceFile> = new Map(),
    /** The project's configuration file, when it has one: the runner takes its rule severities. */
    readonly config: ProjectConfig | null = null,
    /** The Django version the user gave (option or configuration file), unparsed; null: find it. */
    readonly djangoVersionOption: { text: string; from: 'option' | 'config'; setBy?: string } | null = null,
  ) {
    for (const file of files) this.byPath.set(file.path, file);
  }

  /** Which Django runs this project, resolved once per model (project/django-version.ts). */
  djangoVersion(): DjangoVersion {
    this.resolvedDjangoVersion ??= resolveDjangoVersion(this);
    return this.resolvedDjangoVersion;
  }
  private resolvedDjangoVersion: DjangoVersion | undefined;

  /** What the dependency files say of Django, and what in them could not be read; computed once per model. */
  detectedDjangoVersion(): DetectedDjangoVersion {
    this.detectedVersion ??= detectFromFiles(this);
    return this.detectedVersion;
  }
  private detectedVersion: DetectedDjangoVersion | undefined;

  get(filePath: string): ProjectFile | undefined {
    return this.byPath.get(filePath);
  }

  ofKind(kind: FileKind): ProjectFile[] {
    return this.files.filter((file) => file.kind === kind);
  }

  /**
   * The file's context after links: a file its path leaves unknown is production when a
   * production file points at it (a compose env_file, a settings import chain).
   */
  contextOf(file: ProjectFile): { context: FileContext; reason: string } {
    // A link also explains a file its path already calls production; development stays development.
    if (file.context !== 'development') {
      const linked = productionLinks(this).linkedFiles.get(file.path);
      if (linked) return { context: 'production', reason: file.context === 'production' ? `${linked}; ${file.contextReason}` : linked };
    }
    return { context: file.context, reason: file.contextReason };
  }

  /** The parsed compose file; the file must be an analysed compose file. */
  compose(file: ProjectFile): ComposeFile {
    return composeOf(file);
  }

  /** Files whose diagnostics depend on this one (compose -> env_file -> settings links), by absolute path. */
  dependentsOf(filePath: string): string[] {
    return dependentFiles(this, filePath);
  }

  /**
   * The same project with some files' text replaced (absolute path -> new text), as after
   * applying fixes; kinds and contexts come from paths, so they carry over unchanged.
   */
  withTexts(texts: ReadonlyMap<string, string>): ProjectModel {
    const files = this.files.map((file) => (texts.has(file.path) ? { ...file, text: texts.get(file.path)! } : file));
    return new ProjectModel(this.root, files, this.git, this.settingsModule, this.otherSources, this.config, this.djangoVersionOption);
  }

  /** The parsed deployment checklist; the file must be an analysed checklist file. */
  checklist(file: ProjectFile): ChecklistFile {
    return parsedChecklists.get(file) ?? cacheChecklist(file);
  }

  /** The parsed Procfile; the file must be an analysed Procfile. */
  procfile(file: ProjectFile): Procfile {
    let parsed = parsedProcfiles.get(file);
    if (!parsed) {
      parsed = parseProcfile(file.text ?? '');
      parsedProcfiles.set(file, parsed);
    }
    return parsed;
  }

  /** The parsed systemd unit; the file must be an analysed systemd unit. */
  systemdUnit(file: ProjectFile): SystemdUnit {
    let parsed = parsedSystemdUnits.get(file);
    if (!parsed) {
      parsed = parseSystemdUnit(file.text ?? '');
      parsedSystemdUnits.set(file, parsed);
    }
    return parsed;
  }

  /** The parsed Dockerfile; the file must be an analysed Dockerfile. */
  dockerfile(file: ProjectFile): Dockerfile {
    let parsed = parsedDockerfiles.get(file);
    if (!parsed) {
      parsed = parseDockerfile(file.text ?? '');
      parsedDockerfiles.set(file, parsed);
    }
    return parsed;
  }

  /** The parsed nginx configuration; the file must be an analysed nginx file. */
  nginx(file: ProjectFile): NginxConfig {
    let parsed = parsedNginxFiles.get(file);
    if (!parsed) {
      parsed = parseNginx(file.text ?? '');
      parsedNginxFiles.set(file, parsed);
    }
    return parsed;
  }

  /** The parsed env file; the file must be an analysed env file. */
  env(file: ProjectFile): EnvFile {
    return parsedEnvFiles.get(file) ?? cacheEnv(file);
  }

  /** The parsed settings module; parsed incrementally from the file's previous tree after an edit. */
  settings(file: ProjectFile): PythonFile {
    let parsed = parsedPythonFiles.get(file);
    if (!parsed) {
      parsed = parsePython(file.text ?? '', file.path);
      parsedPythonFiles.set(file, parsed);
    }
    return parsed;
  }
}

const parsedPythonFiles = new WeakMap<ProjectFile, PythonFile>();

const parsedEnvFiles = new WeakMap<ProjectFile, EnvFile>();
const parsedProcfiles = new WeakMap<ProjectFile, Procfile>();
const parsedSystemdUnits = new WeakMap<ProjectFile, SystemdUnit>();
const parsedDockerfiles = new WeakMap<ProjectFile, Dockerfile>();
const parsedNginxFiles = new WeakMap<ProjectFile, NginxConfig>();
const parsedChecklists = new WeakMap<ProjectFile, ChecklistFile>();

function cacheChecklist(file: ProjectFile): ChecklistFile {
  const checklist = parseChecklist(file.text ?? '');
  parsedChecklists.set(file, checklist);
  return checklist;
}

function cacheEnv(file: ProjectFile): EnvFile {
  const env = parseEnv(file.text ?? '');
  parsedEnvFiles.set(file, env);
  return env;
}

export function relativePosix(root: string, filePath: string): string {
  return path.relative(root, filePath).split(path.sep).join('/');
}

/** Classifies one file; null when it is not a deployment file Preflight reads. */
export function classifyFile(
  root: string,
  source: SourceFile,
  options: ModelOptions = {},
  namedAsEnvFile = false,
  /** Files a dev container configuration names, by absolute path: development unless their path says otherwise. */
  developmentNamed: ReadonlyMap<string, string> = new Map(),
  /** Named as the module Django loads (or imported by one): a settings module whatever its path. */
  namedAsSettings = false,
  /** Named by a compose file's `build:`: a Dockerfile whatever its name. */
  namedAsDockerfile = false,
  /** Mounted into /etc/nginx by a compose service: an nginx configuration whatever its name. */
  namedAsNginx = false,
): ProjectFile | null {
  const relativePath = relativePosix(root, source.path);
  const walkedPath = options.walkedRoot ? relativePosix(options.walkedRoot, source.path) : relativePath;
  const kind =
    kindFromPath(walkedPath, options.checklistFile) ??
    (source.text !== null && looksLikeCompose(walkedPath, source.text) ? 'compose' : null) ??
    (source.text !== null && mayBeNginx(walkedPath) && looksLikeNginx(source.text) ? 'nginx' : null) ??
    (namedAsNginx ? 'nginx' : null) ??
    // Whatever its name, a file a compose `env_file:` names is an env file.
    (namedAsEnvFile ? 'env' : null) ??
    // Whatever its path, a Python module named as what Django loads (or imported by one) is a settings module.
    (namedAsSettings ? 'settings' : null) ??
    (namedAsDockerfile ? 'dockerfile' : null);
  if (!kind) return null;
  let decision: ContextDecision = contextFromPath(walkedPath, options);
  const named = decision.context === 'unknown' ? developmentNamed.get(source.path) : undefined;
  if (named) decision = { context: 'development', reason: named, place: true };
  if (options.settingsModule && kind === 'settings' && isModuleFile(relativePath, options.settingsModule)) {
    decision = { context: 'production', reason: `it is the settings module named by --settings ${options.settingsModule}` };
  }
  return {
    path: source.path,
    relativePath,
    kind,
    context: decision.context,
    contextReason: decision.reason,
    ...(decision.place ? { developmentPlace: true } : {}),
    text: source.text,
    skipped: source.skipped,
    notice: source.notice,
  };
}

function isModuleFile(relativePath: string, module: string): boolean {
  const modulePath = module.split('.').join('/');
  return relativePath === `${modulePath}.py` || relativePath === `${modulePath}/__init__.py`;
}

export function createProjectModel(
  root: string,
  sources: SourceFile[],
  options: ModelOptions = {},
  git: GitFacts | null = null,
  /** The model this one replaces: files that did not change are carried over with their parses. */
  previous: ProjectModel | null = null,
): ProjectModel {
  ({ options, sources } = withProjectConfig(root, options, sources));
  const files: ProjectFile[] = [];
  const unclassified: SourceFile[] = [];
  const reuse = (file: ProjectFile) => {
    const earlier = previous?.get(file.path);
    return earlier && sameFile(earlier, file) ? earlier : file;
  };
  const keep = (file: ProjectFile) => files.push(reuse(file));
  const developmentNamed = developmentReferences(root, sources, options);
  for (const source of sources) {
    const file = classifyFile(root, source, options, false, developmentNamed);
    if (!file) {
      unclassified.push(source);
      continue;
    }
    keep(file);
  }
  const otherSources = new Map<string, SourceFile>();
  if (unclassified.length > 0) {
    const named = new Set(files.flatMap((file) => composeReferencedPaths(file)));
    const built = new Set(files.flatMap((file) => composeBuiltDockerfiles(file)));
    const mounted = files.flatMap((file) => nginxMountSources(file));
    for (const source of unclassified) {
      const file = named.has(source.path)
        ? classifyFile(root, source, options, true, developmentNamed)
        : built.has(source.path)
          ? classifyFile(root, source, options, false, developmentNamed, false, true)
          : isMountedIntoNginx(source.path, mounted)
            ? classifyFile(root, source, options, false, developmentNamed, false, false, true)
            : null;
      if (file) keep(file);
      else otherSources.set(source.path, source);
    }
  }
  const seeds = [...(options.settingsModule ? [options.settingsModule] : []), ...entryPointModules(root, otherSources.keys(), (p) => otherSources.get(p)?.text)];
  namedSettings(root, files, otherSources, seeds, options, keep);
  // A compose file built from the dev container's Dockerfile or env files is a development stack.
  for (const [index, reason] of composeBuiltFromDevelopmentPlaces(files, options.walkedRoot ?? root)) files[index] = reuse({ ...files[index], context: 'development', contextReason: reason, developmentPlace: true });
  // An env file only a dev container's or CI's compose file uses is development too.
  for (const [index, reason] of usedOnlyByDevelopmentPlaces(files)) files[index] = reuse({ ...files[index], context: 'development', contextReason: reason, developmentPlace: true });
  files.sort(byRelativePath);
  const model = new ProjectModel(root, files, git, options.settingsModule ?? null, otherSources, options.config ?? null, djangoVersionOption(options));
  // Production's DJANGO_SETTINGS_MODULE is known only once the model is: a module it names that
  // was not a settings file makes the model again (only when an unclassified module remains to be named).
  const selected = [...otherSources.keys()].some((p) => p.endsWith('.py') && !ENTRY_POINT_NAMES.has(path.basename(p)) && path.basename(p) !== 'setup.py')
    ? productionLinks(model).environment?.get('DJANGO_SETTINGS_MODULE')?.value
    : undefined;
  if (!selected) return model;
  const before = files.length;
  namedSettings(root, files, otherSources, [selected], options, keep);
  if (files.length === before) return model;
  files.sort(byRelativePath);
  return new ProjectModel(root, files, git, options.settingsModule ?? null, otherSources, options.config ?? null, djangoVersionOption(options));
}

function djangoVersionOption(options: ModelOptions): ProjectModel['djangoVersionOption'] {
  if (options.djangoVersion) return { text: options.djangoVersion, from: 'option', setBy: options.djangoVersionSetBy ?? '--django-version' };
  const configured = options.config?.options.djangoVersion;
  return configured ? { text: configured, from: 'config' } : null;
}

/**
 * The option, then the configuration file, then the project's files, then the newest LTS. A
 * version Preflight does not know the checks of falls through to the next source.
 */
function resolveDjangoVersion(model: ProjectModel): DjangoVersion {
  const given = model.djangoVersionOption;
  if (given) {
    const source: DjangoVersionSource = given.from === 'option' ? { kind: 'option', text: given.setBy ?? '--django-version' } : { kind: 'config', path: relativePosix(model.root, model.config!.path), text: `django-version = "${given.text}"` };
    const version = versionFromText(given.text, source);
    if (version) return version;
  }
  return model.detectedDjangoVersion().version ?? defaultDjangoVersion();
}

/** What the project's dependency files (read along by the walk, or deployment files such as pyproject.toml) say. */
function detectFromFiles(model: ProjectModel): DetectedDjangoVersion {
  const texts = new Map<string, string>();
  for (const file of model.files) if (file.text !== null) texts.set(file.relativePath, file.text);
  for (const source of model.otherSources.values()) if (source.text !== null) texts.set(relativePosix(model.root, source.path), source.text);
  const contexts = new Map(model.files.map((file) => [file.relativePath, file.context]));
  return detectDjangoVersion(texts, (relativePath) => contexts.get(relativePath) ?? contextFromPath(relativePath).context);
}

function byRelativePath(a: ProjectFile, b: ProjectFile): number {
  return a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0;
}

/** Moves the Python sources the named modules reach out of `otherSources` and into the files, as settings modules. */
function namedSettings(root: string, files: ProjectFile[], otherSources: Map<string, SourceFile>, modules: string[], options: ModelOptions, keep: (file: ProjectFile) => void): void {
  if (modules.length === 0) return;
  const classified = new Map(files.map((file) => [file.path, file]));
  const textOf: TextOf = (p) => (classified.has(p) ? classified.get(p)!.text : otherSources.has(p) ? otherSources.get(p)!.text : undefined);
  const { reached } = namedModuleClosure(root, modules, textOf, (p) => kindFromPath(relativePosix(root, p), options.checklistFile) === 'settings');
  for (const reachedPath of reached) {
    const source = otherSources.get(reachedPath);
    if (!source || !reachedPath.endsWith('.py') || ENTRY_POINT_NAMES.has(path.basename(reachedPath))) continue;
    const file = classifyFile(root, source, options, false, new Map(), true);
    if (!file) continue;
    otherSources.delete(reachedPath);
    keep(file);
  }
}

function sameFile(a: ProjectFile, b: ProjectFile): boolean {
  return (Object.keys(a) as (keyof ProjectFile)[]).every((key) => a[key] === b[key]);
}
