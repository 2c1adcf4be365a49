/**
 * The production model: which compose files production starts, which of their services run
 * Django, the environment those services get (env_file order, `environment:` over it,
 * interpolation), the settings module that environment selects, and the files that are
 * production because a production file points at them, each with the reason.
 *
 * The links also form the project's dependency graph: a file's diagnostics depend on the files
 * it is linked to, so an edit to one re-diagnoses the others.
 */
import * as path from 'path';
import type { ComposeEnvironmentEntry } from '../parse/compose';
import { settingsModuleOfCommand } from '../parse/procfile';
import { djangoProcess, environmentFiles, environmentVariables } from '../parse/systemd-unit';
import type { EnvEntry } from '../parse/env';
import {
  ComposeApplication,
  EffectiveService,
  ResolvedEnvFile,
  composeApplications,
  composeOf,
  describeUnreadEnvFile,
  serviceEnvironment,
  unreadEnvFiles,
} from './compose-application';
import { ContainerEnvironment, containerEnvironment, dockerfilePath } from './entrypoint-exports';
import type { ProjectFile, ProjectModel } from './model';
import { settingsChainLinks } from '../settings/project-settings';

/** Where production gets one environment variable from. */
export interface EnvironmentValue {
  value: string;
  /** The env file and line that set it (null when it came from elsewhere, e.g. compose `environment:`). */
  file: ProjectFile | null;
  entry: EnvEntry | null;
  /** Human-readable origin: ".envs/.production/.django line 3". */
  origin: string;
  /** The compose file and `environment:` entry that set it, when it came from compose. */
  composeFile?: ProjectFile;
  composeEntry?: ComposeEnvironmentEntry;
}

/** The Django settings module production selects, and where that choice is written. */
export interface SelectedSettings {
  /** Dotted module path: `config.settings.production`. */
  module: string;
  origin: string;
  /** The settings module file, when the project has it. */
  file: ProjectFile | null;
}

/**
 * Variables production sets from a source that cannot be read: name -> origin. When an env file
 * of the web service is not in the repository (DJ706: usually gitignored, present only on the
 * server), any variable may come from it: `get`/`has` then answer `otherwise` for every name
 * production does not set knowingly, so the evaluator takes none of them as unset. Iteration
 * lists only the names seen.
 */
export class UnknownVariables extends Map<string, string> {
  constructor(readonly otherwise: string | null = null) {
    super();
  }

  override get(name: string): string | undefined {
    return super.get(name) ?? this.otherwise ?? undefined;
  }

  override has(name: string): boolean {
    return super.has(name) || this.otherwise !== null;
  }

  /** Whether the name was seen with a source of its own (not merely `otherwise`). */
  lists(name: string): boolean {
    return super.has(name);
  }
}

/** What the project says production runs with. */
export interface ProductionLinks {
  /** The environment of the production Django process; null when no production environment is known. */
  environment: Map<string, EnvironmentValue> | null;
  /**
   * Variables production sets from a source we cannot read (shell interpolation, pass-through
   * `- NAME`): present, value unknown. Not in `environment`, so readers never take a guess for a value.
   */
  unknownVariables: UnknownVariables;
  /**
   * The web service's env files the project does not hold (absent, unreadable, outside it): while
   * one is missing, production's environment is unknown beyond what later sources set.
   */
  unreadEnvFiles: ResolvedEnvFile[];
  /** Files that are production because a production file points at them: path -> reason. */
  linkedFiles: Map<string, string>;
  /** The compose applications production starts (production compose files with their overrides). */
  applications: ComposeApplication[];
  /** Services of those applications that run Django; the first is the web process. */
  djangoServices: EffectiveService[];
  /** The service whose environment `environment` is. */
  webService: EffectiveService | null;
  /** What the web service's image and start scripts set and read (ENV, `export NAME=`), when it has a readable build. */
  container: ContainerEnvironment | null;
  settings: SelectedSettings | null;
  /** path -> paths whose diagnostics depend on it (both directions of every link). */
  dependencies: Map<string, Set<string>>;
}

const cache = new WeakMap<ProjectModel, ProductionLinks>();

/** Computed once per model (models are rebuilt on change, so the cache never goes stale). */
export function productionLinks(project: ProjectModel): ProductionLinks {
  let links = cache.get(project);
  if (!links) {
    links = computeProductionLinks(project);
    cache.set(project, links);
  }
  return links;
}

/** Images of services that are never the Django app even when built from the project. */
const NOT_DJANGO = /(postgres|postgis|mysql|mariadb|redis|valkey|traefik|nginx|caddy|haproxy|rabbitmq|memcached|mongo|flower|awscli|node|docs|mailpit|mailhog)/i;
const DJANGO_COMMAND = /\b(gunicorn|uvicorn|daphne|hypercorn|granian|manage\.py|django-admin|runserver)\b/;
const WEB_COMMAND = /\b(gunicorn|uvicorn|daphne|hypercorn|granian|runserver)\b/;
const WEB_NAMES = ['django', 'web', 'app', 'backend', 'api', 'server', 'website'];

/** Why a service runs Django, or null. */
export function djangoEvidence(project: ProjectModel, service: EffectiveService): string | null {
  const environment = serviceEnvironment(project, service);
  if (environment.has('DJANGO_SETTINGS_MODULE')) return 'it sets DJANGO_SETTINGS_MODULE';
  const command = [service.entrypoint?.text, service.command?.text].filter(Boolean).join(' ');
  const match = DJANGO_COMMAND.exec(command);
  if (match) return `its command runs ${match[1]}`;
  const identity = [service.name, service.image?.text ?? '', service.build?.dockerfile ?? ''].join(' ');
  // A database or proxy image is not Django, whatever variables it was handed.
  if (NOT_DJANGO.test(identity)) return null;
  if ([...environment.keys()].some((key) => key.startsWith('DJANGO_'))) return 'its environment sets DJANGO_ variables';
  if (service.build && /django/i.test(identity)) return 'its image is built from the project';
  return null;
}

/** The project's Dockerfile a service is built from, when the model has it. */
function builtDockerfile(project: ProjectModel, service: EffectiveService): ProjectFile | null {
  const dockerfile = dockerfilePath(service);
  const file = dockerfile ? project.get(dockerfile) : undefined;
  return file?.kind === 'dockerfile' ? file : null;
}

/** A service that answers HTTP: a web server command or a web-ish name. */
export function isWebService(service: EffectiveService): boolean {
  const command = [service.entrypoint?.text, service.command?.text].filter(Boolean).join(' ');
  return WEB_COMMAND.test(command) || WEB_NAMES.includes(service.name.toLowerCase());
}

/** `config.settings.production` -> the project file `config/settings/production.py` (or a package `__init__.py`). */
export function settingsModuleFile(project: ProjectModel, module: string, near: string | null): ProjectFile | null {
  if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(module)) return null;
  const modulePath = module.split('.').join('/');
  const candidates = project.files.filter((file) => {
    const relative = file.relativePath;
    return [`${modulePath}.py`, `${modulePath}/__init__.py`].some((suffix) => relative === suffix || relative.endsWith(`/${suffix}`));
  });
  if (candidates.length <= 1) return candidates[0] ?? null;
  // Several apps with the same module path: the one beside the compose file's build context.
  const preferred = near ? candidates.find((file) => file.path.startsWith(near + path.sep)) : undefined;
  return preferred ?? candidates.sort((a, b) => a.relativePath.length - b.relativePath.length)[0];
}

function computeProductionLinks(project: ProjectModel): ProductionLinks {
  const linkedFiles = new Map<string, string>();
  const dependencies = new Map<string, Set<string>>();
  const depend = (a: string, b: string) => {
    if (a === b) return;
    for (const [from, to] of [[a, b], [b, a]]) {
      let set = dependencies.get(from);
      if (!set) dependencies.set(from, (set = new Set()));
      set.add(to);
    }
  };
  /** `to` is production because of `from`; the first reason found is kept. */
  const link = (from: ProjectFile, to: ProjectFile, reason: string) => {
    depend(from.path, to.path);
    if (!linkedFiles.has(to.path)) linkedFiles.set(to.path, reason);
  };

  // Every compose application's structure is a dependency, production or not: an edit to an
  // env file re-diagnoses the compose file that reads it.
  const applications = composeApplications(project);
  for (const application of applications) {
    for (const other of application.files) depend(application.file.path, other.path);
    if (application.dotEnv) depend(application.file.path, application.dotEnv.path);
    for (const service of application.services) {
      for (const envFile of service.envFiles) if (envFile.file) depend(service.primary.file.path, envFile.file.path);
      // What the image sets and starts (DJ713, the container environment) is the compose file's too.
      const dockerfile = builtDockerfile(project, service);
      if (dockerfile) depend(service.primary.file.path, dockerfile.path);
    }
  }

  // A gunicorn config file is judged with the starts that load it, which are judged with it (project/server-starts.ts).
  for (const config of project.ofKind('gunicorn-config')) {
    for (const starter of [...project.ofKind('compose'), ...project.ofKind('procfile')]) depend(config.path, starter.path);
  }

  const production = applications.filter((application) => application.file.context === 'production');
  const djangoServices: EffectiveService[] = [];
  for (const application of production) {
    const name = application.file.relativePath;
    for (const other of application.files) {
      if (other !== application.file) link(application.file, other, `${path.basename(other.path)} is part of ${name}`);
    }
    for (const service of application.services) {
      const evidence = djangoEvidence(project, service);
      if (evidence) djangoServices.push(service);
      for (const envFile of service.envFiles) {
        if (envFile.file) link(service.primary.file, envFile.file, `used by service \`${service.name}\` in ${service.primary.file.relativePath}`);
      }
      const dockerfile = builtDockerfile(project, service);
      if (dockerfile) link(service.primary.file, dockerfile, `the image of service \`${service.name}\` in ${service.primary.file.relativePath} is built from it`);
    }
  }
  // The web process first: it is the one whose settings answer requests.
  djangoServices.sort((a, b) => Number(isWebService(b)) - Number(isWebService(a)));
  const webService = djangoServices[0] ?? null;

  let environment: Map<string, EnvironmentValue> | null = null;
  let unknownVariables = new UnknownVariables();
  let unread: ResolvedEnvFile[] = [];
  let settings: SelectedSettings | null = null;
  let container: ContainerEnvironment | null = null;
  if (webService) {
    environment = new Map();
    unread = unreadEnvFiles(webService);
    // Compose applies env files in order, later winning, `environment:` over them all: a value
    // from an env file before the last unread one may be overridden by it; anything else may
    // come from it.
    const order = webService.envFiles.map((envFile) => envFile.file);
    const lastUnread = unread.length > 0 ? webService.envFiles.lastIndexOf(unread[unread.length - 1]) : -1;
    const gap = lastUnread >= 0 ? describeUnreadEnvFile(project, webService.envFiles[lastUnread]) : null;
    if (gap) unknownVariables = new UnknownVariables(`${gap}, an env_file of service \`${webService.name}\` that may set it`);
    for (const variable of serviceEnvironment(project, webService).values()) {
      if (variable.value === null) {
        unknownVariables.set(variable.key, variable.origin);
        continue;
      }
      if (gap && variable.envFile && order.lastIndexOf(variable.envFile) < lastUnread) {
        unknownVariables.set(variable.key, `${variable.origin} unless ${gap}, read after it, sets it too`);
        continue;
      }
      environment.set(variable.key, {
        value: variable.value,
        file: variable.envFile,
        entry: variable.envEntry,
        origin: variable.origin,
        ...(variable.composeFile && variable.composeEntry ? { composeFile: variable.composeFile, composeEntry: variable.composeEntry } : {}),
      });
    }
    // The image's ENV and the start scripts' exports (cookiecutter's entrypoint builds DATABASE_URL)
    // are sources too. Their value is not known here, and a name compose already sets keeps its
    // value: a script's export is often a fallback under `if [ -z "$NAME" ]`.
    container = containerEnvironment(project, webService);
    for (const [name, origin] of container.variables) {
      if (!environment.has(name) && !unknownVariables.lists(name)) unknownVariables.set(name, origin);
    }
    const selected = environment.get('DJANGO_SETTINGS_MODULE');
    if (selected) {
      const module = selected.value.trim();
      const composeFile = webService.primary.file;
      const buildContext = webService.build?.context ? path.resolve(path.dirname(composeFile.path), webService.build.context) : null;
      const file = settingsModuleFile(project, module, buildContext);
      settings = { module, origin: selected.origin, file };
      if (file) {
        const reason = `DJANGO_SETTINGS_MODULE=${module} (${selected.origin}) for service \`${webService.name}\` in ${composeFile.relativePath}`;
        link(composeFile, file, reason);
        if (selected.file) depend(selected.file.path, file.path);
        // The settings read the service's environment: every env file of it is a dependency.
        for (const envFile of webService.envFiles) if (envFile.file) depend(envFile.file.path, file.path);
      }
    }
  } else {
    // No production compose service: a PaaS's Procfile says which settings its web process loads,
    // else a systemd unit's ExecStart/Environment= does.
    settings = procfileSettings(project, link) ?? systemdSettings(project, link);
    // The env files a production systemd unit names (EnvironmentFile=) are production's; one that
    // is not in the repository (or not one file) leaves every variable possibly set by it.
    const gaps: string[] = [];
    for (const resolved of systemdEnvironmentFiles(project)) {
      if (resolved.file) link(resolved.unit, resolved.file, `EnvironmentFile= of ${resolved.unit.relativePath} line ${resolved.line + 1} names it (${resolved.path})`);
      // An optional ('-') file too: its path is the server's, so the repository lacking it says
      // nothing of whether the server has it (as compose's `required: false`).
      else gaps.push(`${resolved.path} (EnvironmentFile= of ${resolved.unit.relativePath} line ${resolved.line + 1}${resolved.optional ? ", optional" : ''}) ${resolved.why}`);
    }
    if (gaps.length > 0) unknownVariables = new UnknownVariables(gaps.join('; '));
    // Production's environment is the production-context env files (in path order, later files winning).
    const productionEnvFiles = project.ofKind('env').filter((file) => (file.context === 'production' || (file.context !== 'development' && linkedFiles.has(file.path))) && file.text !== null);
    // The web unit's Environment= comes first: systemd lets its EnvironmentFile= files override it.
    const unitVariables = systemdWebEnvironment(project);
    if (productionEnvFiles.length > 0 || unitVariables.size > 0) {
      environment = new Map(unitVariables);
      for (const file of productionEnvFiles) {
        for (const entry of project.env(file).entries) {
          environment.set(entry.key, { value: entry.value, file, entry, origin: `${file.relativePath} line ${entry.line + 1}` });
        }
      }
    }
  }

  // An env file that selects a production settings module (DJANGO_SETTINGS_MODULE=config.settings.production,
  // production by its path or by --settings) is production's, whatever its own path says.
  for (const envFile of project.ofKind('env')) {
    if (envFile.context !== 'unknown' || envFile.text === null || linkedFiles.has(envFile.path)) continue;
    const entry = project.env(envFile).get('DJANGO_SETTINGS_MODULE');
    const module = entry?.value.trim();
    const file = module ? settingsModuleFile(project, module, path.dirname(envFile.path)) : null;
    if (entry && file && file.context === 'production') link(file, envFile, `it selects the production settings module ${module} (line ${entry.line + 1})`);
  }

  // Settings modules the production settings module imports are production too.
  for (const [filePath, reason] of settingsChainLinks(project, environment, unknownVariables)) {
    if (!linkedFiles.has(filePath)) linkedFiles.set(filePath, reason);
  }

  return { environment, unknownVariables, unreadEnvFiles: unread, linkedFiles, applications: production, djangoServices, webService, container, settings, dependencies };
}

/** The settings module the `web:` process of a production Procfile selects (`--settings`, `DJANGO_SETTINGS_MODULE=`). */
export function procfileSelection(project: ProjectModel): { module: string; origin: string; procfile: ProjectFile } | null {
  for (const procfile of project.ofKind('procfile')) {
    if (procfile.context !== 'production' || procfile.text === null) continue;
    const web = project.procfile(procfile).processes.find((process) => process.name === 'web');
    const module = web ? settingsModuleOfCommand(web.command) : null;
    if (web && module) return { module, origin: `the web process of ${procfile.relativePath} line ${web.line + 1}`, procfile };
  }
  return null;
}

/** A production systemd unit that runs Django (gunicorn, uvicorn, celery, manage.py), with its ExecStart. */
export function productionDjangoUnits(project: ProjectModel) {
  return project
    .ofKind('systemd-unit')
    .filter((file) => file.context === 'production' && file.text !== null)
    .flatMap((file) => {
      const unit = project.systemdUnit(file);
      const start = djangoProcess(unit);
      return start ? [{ file, unit, start }] : [];
    });
}

/**
 * The settings module a production systemd unit selects: `--settings` in its ExecStart, else
 * `Environment=DJANGO_SETTINGS_MODULE=`. A web server's unit (gunicorn, uvicorn) before a worker's.
 */
export function systemdSelection(project: ProjectModel): { module: string; origin: string; unit: ProjectFile } | null {
  const units = productionDjangoUnits(project).sort((a, b) => Number(!WEB_SERVER.test(a.start.value)) - Number(!WEB_SERVER.test(b.start.value)));
  for (const { file, unit, start } of units) {
    const flag = settingsModuleOfCommand(start.value);
    if (flag && /--settings/.test(start.value)) return { module: flag, origin: `ExecStart= of ${file.relativePath} line ${start.line + 1}`, unit: file };
    const variable = environmentVariables(unit).get('DJANGO_SETTINGS_MODULE');
    if (variable && /^[A-Za-z_][\w.]*$/.test(variable.value)) return { module: variable.value, origin: `Environment= of ${file.relativePath} line ${variable.entry.line + 1}`, unit: file };
  }
  return null;
}

/** The variables the web server's systemd unit sets with Environment= (the first unit a web server runs in). */
function systemdWebEnvironment(project: ProjectModel): Map<string, EnvironmentValue> {
  const web = productionDjangoUnits(project).find(({ start }) => WEB_SERVER.test(start.value));
  const variables = new Map<string, EnvironmentValue>();
  if (!web) return variables;
  for (const [name, { value, entry }] of environmentVariables(web.unit)) {
    variables.set(name, { value, file: null, entry: null, origin: `Environment= of ${web.file.relativePath} line ${entry.line + 1}` });
  }
  return variables;
}

const WEB_SERVER = /\b(?:gunicorn|uvicorn|daphne|hypercorn|uwsgi|runserver)\b/;

export interface SystemdEnvironmentFile {
  unit: ProjectFile;
  line: number;
  /** The path as the unit writes it (systemd requires it absolute: a path on the server). */
  path: string;
  optional: boolean;
  /** The repository file it is, when exactly one matches. */
  file: ProjectFile | null;
  /** The env files that end like it, best match first (several: ambiguous). */
  candidates: ProjectFile[];
  why: string;
}

/**
 * The EnvironmentFile= paths of production Django units, mapped to the repository: the path is
 * the server's (`/srv/app/.envs/.production/.django`), so the env file whose path shares the
 * longest tail with it is the one deployed there. Two equally good matches, or none, are said
 * so and not guessed.
 */
export function systemdEnvironmentFiles(project: ProjectModel): SystemdEnvironmentFile[] {
  const envFiles = project.ofKind('env');
  const resolved: SystemdEnvironmentFile[] = [];
  for (const { file, unit } of productionDjangoUnits(project)) {
    for (const environmentFile of environmentFiles(unit)) {
      const tail = environmentFile.path.split('/').filter(Boolean);
      const scored = envFiles
        .map((candidate) => ({ candidate, score: commonTail(tail, candidate.relativePath.split('/')) }))
        .filter(({ score }) => score > 0)
        .sort((a, b) => b.score - a.score);
      const best = scored.filter(({ score }) => score === scored[0]?.score).map(({ candidate }) => candidate);
      // Equally good matches of which all but one are development's (`.envs/.local/.django`
      // beside `.envs/.production/.django`): the development copy is not what a server gets.
      const deployable = best.length > 1 ? best.filter((candidate) => candidate.context !== 'development') : best;
      const chosen = deployable.length === 1 ? deployable[0] : null;
      const why =
        best.length === 0
          ? 'is not in the repository (no env file ends like it)'
          : chosen
            ? `is ${chosen.relativePath}`
            : `matches several env files of the repository equally (${best.map((candidate) => candidate.relativePath).join(', ')}): which one is deployed there is unknown`;
      resolved.push({ unit: file, line: environmentFile.entry.line, path: environmentFile.path, optional: environmentFile.optional, file: chosen, candidates: scored.map(({ candidate }) => candidate), why });
    }
  }
  return resolved;
}

/** How many trailing path segments two paths share (0 when the file names differ). */
function commonTail(a: string[], b: string[]): number {
  let count = 0;
  while (count < a.length && count < b.length && a[a.length - 1 - count] === b[b.length - 1 - count]) count++;
  return count;
}

function systemdSettings(project: ProjectModel, link: (from: ProjectFile, to: ProjectFile, reason: string) => void): SelectedSettings | null {
  const selection = systemdSelection(project);
  if (!selection) return null;
  const { module, origin, unit } = selection;
  const file = settingsModuleFile(project, module, null);
  if (file) link(unit, file, `${module} is the settings module of ${origin}`);
  return { module, origin, file };
}

function procfileSettings(project: ProjectModel, link: (from: ProjectFile, to: ProjectFile, reason: string) => void): SelectedSettings | null {
  const selection = procfileSelection(project);
  if (!selection) return null;
  const { module, origin, procfile } = selection;
  const file = settingsModuleFile(project, module, path.dirname(procfile.path));
  if (file) link(procfile, file, `${module} is the settings module of ${origin}`);
  return { module, origin, file };
}

/**
 * Whether a file gives production's Django process its environment: an env file a value of it
 * comes from, or a compose file that defines (a layer of) the web service. A settings finding
 * about a value set there belongs in that file.
 */
export function feedsProductionEnvironment(project: ProjectModel, file: ProjectFile): boolean {
  const links = productionLinks(project);
  if (file.kind === 'compose') return links.webService?.layers.some((layer) => layer.file === file) ?? false;
  return [...(links.environment?.values() ?? [])].some((value) => value.file === file);
}

/** Every file whose diagnostics may change when this one does (transitively through links). */
export function dependentFiles(project: ProjectModel, filePath: string): string[] {
  const { dependencies } = productionLinks(project);
  const seen = new Set([filePath]);
  const queue = [filePath];
  while (queue.length > 0) {
    for (const next of dependencies.get(queue.shift()!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  seen.delete(filePath);
  return [...seen].sort();
}

/** The compose files among a model's files that parse; used by the model's compose accessor. */
export { composeOf };
