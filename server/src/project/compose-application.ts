/**
 * Compose files as `docker compose` combines them: a file with its conventional override
 * (`compose.yaml` + `compose.override.yaml`), its `include:`s and `extends:` targets, and the
 * `.env` beside it for interpolation. The result is one ComposeApplication per file compose
 * would be started with, and an EffectiveService per service with the layers it is made of.
 */
import * as path from 'path';
import type { EnvEntry } from '../parse/env';
import {
  ComposeEnvFileReference,
  ComposeEnvironmentEntry,
  ComposeFile,
  ComposePort,
  ComposeService,
  ComposeString,
  ComposeVolume,
} from '../parse/compose';
import { reparseCompose } from '../parse/compose-reparse';
import { Interpolation, UNKNOWN, VariableLookup, interpolateTemplate } from '../parse/compose-interpolation';
import type { ProjectFile, ProjectModel } from './model';

export interface ServiceLayer {
  file: ProjectFile;
  compose: ComposeFile;
  service: ComposeService;
}

export interface ResolvedEnvFile {
  reference: ComposeEnvFileReference;
  layer: ServiceLayer;
  /** Absolute path, or null when the path depends on a variable we cannot know. */
  path: string | null;
  /** The project file at that path, when the project has it. */
  file: ProjectFile | null;
}

export interface EffectiveService {
  name: string;
  application: ComposeApplication;
  /** Lowest first: extends targets, the service, then overrides. */
  layers: ServiceLayer[];
  /** The layer in the application's own file (or the first one). */
  primary: ServiceLayer;
  /** `environment:` after merging, by key, with the layer that wrote it. */
  environment: Map<string, { entry: ComposeEnvironmentEntry; layer: ServiceLayer }>;
  envFiles: ResolvedEnvFile[];
  image: ComposeString | null;
  build: ComposeService['build'];
  command: ComposeService['command'];
  entrypoint: ComposeService['entrypoint'];
  healthcheck: ComposeService['healthcheck'];
  ports: { port: ComposePort; layer: ServiceLayer }[];
  volumes: { volume: ComposeVolume; layer: ServiceLayer }[];
  option(key: string): ComposeString | null;
  labels: Map<string, ComposeEnvironmentEntry>;
  deploy: ComposeService['deploy'];
  profiles: string[];
}

export interface ComposeApplication {
  /** The file compose is started with. */
  file: ProjectFile;
  /** Every file that contributes: the file, its override, includes, extends targets. */
  files: ProjectFile[];
  /** The `.env` beside the file, read for interpolation. */
  dotEnv: ProjectFile | null;
  /** Interpolation values: the `.env` beside the file; anything else is the shell's, unknown. */
  lookup: VariableLookup;
  /**
   * Included files interpolate with their own lookup: the application's values first, then the
   * include's `env_file:` (or the `.env` of the included file's project directory).
   */
  includedLookups: Map<ProjectFile, VariableLookup>;
  services: EffectiveService[];
}

/** The lookup a file of the application interpolates with. */
export function lookupIn(application: ComposeApplication, file: ProjectFile): VariableLookup {
  return application.includedLookups.get(file) ?? application.lookup;
}

const parsedComposeFiles = new WeakMap<ProjectFile, ComposeFile>();
/** The latest parse per path (a few dozen at most), so an edited file re-reads only the edited service. */
const latestParses = new Map<string, ComposeFile>();
const LATEST_PARSES_KEPT = 64;

/** The parsed compose file, cached per file object (so unchanged files are parsed once). */
export function composeOf(file: ProjectFile): ComposeFile {
  let compose = parsedComposeFiles.get(file);
  if (!compose) {
    compose = reparseCompose(latestParses.get(file.path) ?? null, file.text ?? '');
    parsedComposeFiles.set(file, compose);
    latestParses.delete(file.path);
    latestParses.set(file.path, compose);
    if (latestParses.size > LATEST_PARSES_KEPT) latestParses.delete(latestParses.keys().next().value!);
  }
  return compose;
}

/** `compose.override.yaml` goes with `compose.yaml` (and docker-compose.override.yml with docker-compose.yml). */
export function overrideBase(relativePath: string): string | null {
  const match = /^(.*\/)?((?:docker-)?compose)\.override\.(ya?ml)$/.exec(relativePath);
  if (!match) return null;
  return `${match[1] ?? ''}${match[2]}.${match[3]}`;
}

function findOverrideBase(project: ProjectModel, file: ProjectFile): ProjectFile | null {
  const base = overrideBase(file.relativePath);
  if (!base) return null;
  const [stem, extension] = [base.replace(/\.ya?ml$/, ''), base.endsWith('.yaml') ? ['yaml', 'yml'] : ['yml', 'yaml']];
  for (const ext of extension) {
    const candidate = project.files.find((other) => other.relativePath === `${stem}.${ext}` && other.kind === 'compose');
    if (candidate) return candidate;
  }
  return null;
}

/** Resolves a path written in a compose file (relative to its folder), interpolated when it can be. */
export function resolveComposePath(file: ProjectFile, value: ComposeString, lookup: VariableLookup): string | null {
  const resolved = interpolateTemplate(value.template, lookup);
  if (resolved.value === null || resolved.value === '') return null;
  return path.resolve(path.dirname(file.path), resolved.value);
}

function dotEnvBeside(project: ProjectModel, file: ProjectFile): ProjectFile | null {
  return project.get(path.join(path.dirname(file.path), '.env')) ?? null;
}

/** Values from the `.env` beside the compose file; the rest may come from the shell: unknown. */
function dotEnvLookup(project: ProjectModel, dotEnv: ProjectFile | null): VariableLookup {
  const env = dotEnv && dotEnv.text !== null && dotEnv.kind === 'env' ? project.env(dotEnv) : null;
  return (name) => {
    const entry = env?.get(name);
    return entry ? entry.value : UNKNOWN;
  };
}

function resolveFrom(directory: string, value: ComposeString, lookup: VariableLookup): string | null {
  const resolved = interpolateTemplate(value.template, lookup);
  if (resolved.value === null || resolved.value === '') return null;
  return path.resolve(directory, resolved.value);
}

/** Values from `first`; where it knows nothing, from the env files (later files winning); else unknown. */
function chainLookup(first: VariableLookup, envFiles: (ProjectFile | null)[], project: ProjectModel): VariableLookup {
  const readable = envFiles.filter((envFile): envFile is ProjectFile => envFile !== null && envFile.text !== null && envFile.kind === 'env').reverse();
  return (name) => {
    const value = first(name);
    if (value !== UNKNOWN) return value;
    for (const envFile of readable) {
      const entry = project.env(envFile).get(name);
      if (entry) return entry.value;
    }
    return UNKNOWN;
  };
}

/** Files the compose files name (env_file, include, extends.file) that the walk may not have found. */
export function composeReferencedPaths(file: ProjectFile): readonly string[] {
  if (file.kind !== 'compose' || file.text === null) return [];
  // Asked on every model rebuild for every compose file; a file object never changes.
  let paths = referencedPathsCache.get(file);
  if (!paths) referencedPathsCache.set(file, (paths = computeReferencedPaths(file)));
  return paths;
}

const referencedPathsCache = new WeakMap<ProjectFile, readonly string[]>();

/**
 * The Dockerfiles a compose file's services are built from (absolute), as `build:` names them
 * literally: a Dockerfile of any name is a Dockerfile once a compose file builds it. A remote or
 * interpolated context names none.
 */
export function composeBuiltDockerfiles(file: ProjectFile): readonly string[] {
  if (file.kind !== 'compose' || file.text === null) return [];
  let paths = builtDockerfilesCache.get(file);
  if (!paths) {
    paths = composeOf(file).services.flatMap((service) => {
      const build = service.build;
      if (!build || build.context === null) return [];
      const written = [build.context, build.dockerfile ?? ''];
      if (written.some((text) => text.includes('$') || /^[a-z]+:\/\/|^git@/i.test(text))) return [];
      return [path.resolve(path.dirname(file.path), build.context, build.dockerfile ?? 'Dockerfile')];
    });
    builtDockerfilesCache.set(file, paths);
  }
  return paths;
}

const builtDockerfilesCache = new WeakMap<ProjectFile, readonly string[]>();

function computeReferencedPaths(file: ProjectFile): string[] {
  const compose = composeOf(file);
  const unknown: VariableLookup = () => UNKNOWN;
  const paths: string[] = [];
  for (const service of compose.services) {
    for (const reference of service.envFiles) {
      const resolved = resolveComposePath(file, reference.path, unknown);
      if (resolved) paths.push(resolved);
    }
    if (service.extends?.file) paths.push(path.resolve(path.dirname(file.path), service.extends.file));
  }
  for (const include of compose.include) {
    for (const value of [...include.paths, ...include.envFiles]) {
      const resolved = resolveComposePath(file, value, unknown);
      if (resolved) paths.push(resolved);
    }
  }
  return paths;
}

const applicationsCache = new WeakMap<ProjectModel, ComposeApplication[]>();

/** One application per compose file that is not merely an override of another. */
export function composeApplications(project: ProjectModel): ComposeApplication[] {
  let applications = applicationsCache.get(project);
  if (!applications) {
    applications = project
      .ofKind('compose')
      .filter((file) => file.text !== null && composeOf(file).readable && !findOverrideBase(project, file))
      .map((file) => buildApplication(project, file));
    applicationsCache.set(project, applications);
  }
  return applications;
}

/** The applications a compose file takes part in (its own, or the one it overrides or is included by). */
export function applicationsOf(project: ProjectModel, file: ProjectFile): ComposeApplication[] {
  return composeApplications(project).filter((application) => application.files.includes(file));
}

/** The effective services written (at least partly) in this file. */
export function effectiveServicesIn(project: ProjectModel, file: ProjectFile): EffectiveService[] {
  const services: EffectiveService[] = [];
  for (const application of applicationsOf(project, file)) {
    for (const service of application.services) {
      if (service.layers.some((layer) => layer.file === file)) services.push(service);
    }
  }
  return services;
}

/** The interpolation lookup for a compose file: that of the application it belongs to. */
export function composeLookup(project: ProjectModel, file: ProjectFile): VariableLookup {
  const applications = applicationsOf(project, file);
  // An included file interpolates as the file that includes it says, rather than on its own.
  const application = applications.find((candidate) => candidate.includedLookups.has(file)) ?? applications[0];
  return application ? lookupIn(application, file) : dotEnvLookup(project, dotEnvBeside(project, file));
}

export function interpolateString(value: ComposeString, lookup: VariableLookup): Interpolation {
  return interpolateTemplate(value.template, lookup);
}

function buildApplication(project: ProjectModel, file: ProjectFile): ComposeApplication {
  const dotEnv = dotEnvBeside(project, file);
  const lookup = dotEnvLookup(project, dotEnv);
  const files: ProjectFile[] = [file];
  const add = (other: ProjectFile | undefined | null) => {
    if (other && !files.includes(other) && other.kind === 'compose' && other.text !== null && composeOf(other).readable) files.push(other);
  };

  // include: the included files' services join the application (they may not redefine ours).
  // Per the compose spec, an entry's paths and env_file are relative to the including file's
  // project directory, and an included file is a project of its own: its folder (or the entry's
  // project_directory) is where its own includes and default `.env` are found.
  const included: ProjectFile[] = [];
  const includedLookups = new Map<ProjectFile, VariableLookup>();
  const projectDirectories = new Map<ProjectFile, string>([[file, path.dirname(file.path)]]);
  const queue = [file];
  while (queue.length > 0 && included.length < 32) {
    const current = queue.shift()!;
    const directory = projectDirectories.get(current)!;
    const currentLookup = includedLookups.get(current) ?? lookup;
    for (const include of composeOf(current).include) {
      const targets = include.paths.map((value) => resolveFrom(directory, value, currentLookup));
      const first = targets[0];
      if (!first) continue;
      const projectDirectory = include.projectDirectory ? resolveFrom(directory, include.projectDirectory, currentLookup) ?? path.dirname(first) : path.dirname(first);
      const envFiles = include.envFiles.length > 0 ? include.envFiles.map((value) => resolveFrom(directory, value, currentLookup)) : [path.join(projectDirectory, '.env')];
      const includeLookup = chainLookup(currentLookup, envFiles.map((envFile) => (envFile ? project.get(envFile) ?? null : null)), project);
      // The list form of `path`: the first file, then files merged over it.
      for (const target of targets) {
        const other = target ? project.get(target) : undefined;
        if (other && other !== file && !included.includes(other) && other.kind === 'compose' && other.text !== null) {
          included.push(other);
          includedLookups.set(other, includeLookup);
          projectDirectories.set(other, projectDirectory);
          queue.push(other);
        }
      }
    }
  }
  const overrides = project.files.filter((other) => other !== file && other.kind === 'compose' && findOverrideBase(project, other) === file);

  const application: ComposeApplication = { file, files, dotEnv, lookup, includedLookups, services: [] };
  const byName = new Map<string, ServiceLayer[]>();
  const order: string[] = [];
  const addLayers = (source: ProjectFile) => {
    add(source);
    for (const service of composeOf(source).services) {
      if (!byName.has(service.name)) {
        byName.set(service.name, []);
        order.push(service.name);
      }
      byName.get(service.name)!.push(...extendsChain(project, source, service, files), { file: source, compose: composeOf(source), service });
    }
  };
  for (const source of included) addLayers(source);
  addLayers(file);
  for (const source of overrides) addLayers(source);
  for (const name of order) application.services.push(mergeLayers(project, application, name, byName.get(name)!));
  return application;
}

/** The layers a service `extends:`, lowest first, following the chain while targets exist. */
function extendsChain(project: ProjectModel, file: ProjectFile, service: ComposeService, files: ProjectFile[]): ServiceLayer[] {
  const chain: ServiceLayer[] = [];
  let current: { file: ProjectFile; service: ComposeService } = { file, service };
  for (let depth = 0; depth < 10 && current.service.extends; depth++) {
    const { service: targetName, file: targetPath } = current.service.extends;
    const targetFile = targetPath ? project.get(path.resolve(path.dirname(current.file.path), targetPath)) : current.file;
    if (!targetFile || targetFile.kind !== 'compose' || targetFile.text === null) break;
    const target = composeOf(targetFile).services.find((candidate) => candidate.name === targetName);
    if (!target || target === service) break;
    if (!files.includes(targetFile)) files.push(targetFile);
    chain.unshift({ file: targetFile, compose: composeOf(targetFile), service: target });
    current = { file: targetFile, service: target };
  }
  return chain;
}

/** Merges layers per the compose spec: mappings by key, env_file and ports appended, volumes by target, the rest replaced. */
function mergeLayers(project: ProjectModel, application: ComposeApplication, name: string, layers: ServiceLayer[]): EffectiveService {
  const primary = layers.find((layer) => layer.file === application.file) ?? layers[0];
  const last = <T>(pick: (service: ComposeService) => T | null): T | null => {
    let found: T | null = null;
    for (const layer of layers) found = pick(layer.service) ?? found;
    return found;
  };
  const environment = new Map<string, { entry: ComposeEnvironmentEntry; layer: ServiceLayer }>();
  const labels = new Map<string, ComposeEnvironmentEntry>();
  const envFiles: ResolvedEnvFile[] = [];
  const ports: { port: ComposePort; layer: ServiceLayer }[] = [];
  const volumes = new Map<string, { volume: ComposeVolume; layer: ServiceLayer }>();
  const options = new Map<string, ComposeString>();
  const profiles = new Set<string>();
  for (const layer of layers) {
    for (const entry of layer.service.environment) environment.set(entry.key, { entry, layer });
    for (const entry of layer.service.labels) labels.set(entry.key, entry);
    for (const reference of layer.service.envFiles) {
      const resolved = resolveComposePath(layer.file, reference.path, lookupIn(application, layer.file));
      envFiles.push({ reference, layer, path: resolved, file: resolved ? project.get(resolved) ?? null : null });
    }
    for (const port of layer.service.ports) ports.push({ port, layer });
    for (const volume of layer.service.volumes) volumes.set(volume.target ?? volume.text, { volume, layer });
    for (const [key, value] of layer.service.options) options.set(key, value);
    for (const profile of layer.service.profiles) profiles.add(profile);
  }
  return {
    name,
    application,
    layers,
    primary,
    environment,
    envFiles,
    image: last((service) => service.image),
    build: last((service) => service.build),
    command: last((service) => service.command),
    entrypoint: last((service) => service.entrypoint),
    healthcheck: last((service) => service.healthcheck),
    ports,
    volumes: [...volumes.values()],
    option: (key) => options.get(key) ?? null,
    labels,
    deploy: last((service) => service.deploy),
    profiles: [...profiles],
  };
}

/**
 * The env files a service names whose contents the project does not hold: absent (usually
 * gitignored on purpose: the server has them), unreadable, outside the project, or at a path
 * that depends on the shell. `required: false` files count too: compose skips such a file only
 * where it is absent, and the repository cannot say whether the server has it.
 */
export function unreadEnvFiles(service: EffectiveService): ResolvedEnvFile[] {
  return service.envFiles.filter((envFile) => !envFile.file || envFile.file.text === null || envFile.file.kind !== 'env');
}

/** How a message names an env file the project does not hold: its path as written (and as resolved). */
export function describeUnreadEnvFile(project: ProjectModel, envFile: ResolvedEnvFile): string {
  const written = envFile.reference.path.text;
  if (!envFile.path) return `${written} (its path depends on the shell)`;
  const relative = path.relative(project.root, envFile.path).split(path.sep).join('/');
  if (relative.startsWith('..') || path.isAbsolute(relative)) return `${written} (outside the project)`;
  if (envFile.file) return `${relative} (unreadable)`;
  return `${relative} (not in the repository)`;
}

/** Where a container variable comes from, in the order compose applies them. */
export interface ServiceVariable {
  key: string;
  /** The value the container gets; null when it depends on the shell (or compose rejects it). */
  value: string | null;
  /** Set by an env file... */
  envFile: ProjectFile | null;
  envEntry: EnvEntry | null;
  /** ...or by `environment:` in a compose file. */
  composeFile: ProjectFile | null;
  composeEntry: ComposeEnvironmentEntry | null;
  /** "`.envs/.production/.django` line 3". */
  origin: string;
}

const serviceEnvironments = new WeakMap<EffectiveService, ReadonlyMap<string, ServiceVariable>>();

/**
 * The container environment of a service: env_file entries in order, then `environment:` over them.
 * Computed once per effective service (services belong to one immutable model): production links
 * and several rules ask for every service on each keystroke.
 */
export function serviceEnvironment(project: ProjectModel, service: EffectiveService): ReadonlyMap<string, ServiceVariable> {
  let variables = serviceEnvironments.get(service);
  if (!variables) {
    variables = computeServiceEnvironment(project, service);
    serviceEnvironments.set(service, variables);
  }
  return variables;
}

function computeServiceEnvironment(project: ProjectModel, service: EffectiveService): Map<string, ServiceVariable> {
  let variables: Map<string, ServiceVariable> | null = null;
  for (const reference of service.envFiles) {
    const file = reference.file;
    if (!file || file.text === null || file.kind !== 'env') continue;
    const fileVariables = envFileVariables(project, file);
    if (!variables) variables = new Map(fileVariables);
    else for (const [key, variable] of fileVariables) variables.set(key, variable);
  }
  variables ??= new Map();
  for (const { entry, layer } of service.environment.values()) {
    const value = entry.value ? interpolateTemplate(entry.value.template, lookupIn(service.application, layer.file)).value : null;
    variables.set(entry.key, {
      key: entry.key,
      value,
      envFile: null,
      envEntry: null,
      composeFile: layer.file,
      composeEntry: entry,
      origin: `${layer.file.relativePath} line ${entry.keyRange.start.line + 1}`,
    });
  }
  return variables;
}

const envFileVariablesCache = new WeakMap<ProjectFile, ReadonlyMap<string, ServiceVariable>>();

/**
 * An env file's entries as container variables (the last one per key wins), built once per file
 * object and shared by every service that reads it: a large env file read by several services was
 * most of a keystroke's allocation.
 */
function envFileVariables(project: ProjectModel, file: ProjectFile): ReadonlyMap<string, ServiceVariable> {
  let variables = envFileVariablesCache.get(file);
  if (!variables) {
    const built = new Map<string, ServiceVariable>();
    for (const entry of project.env(file).entries) {
      built.set(entry.key, { key: entry.key, value: entry.value, envFile: file, envEntry: entry, composeFile: null, composeEntry: null, origin: `${file.relativePath} line ${entry.line + 1}` });
    }
    envFileVariablesCache.set(file, (variables = built));
  }
  return variables;
}

/**
 * Files inside the root that the project's compose files name but the model lacks: the I/O edge
 * reads them (when they exist) and rebuilds the model, so an env file named `secrets/prod.conf`
 * is analysed like any other.
 */
export function unreadComposeReferences(project: ProjectModel, alreadyRead: ReadonlySet<string>): string[] {
  const missing = new Set<string>();
  for (const file of project.ofKind('compose')) {
    for (const referenced of composeReferencedPaths(file)) {
      const relative = path.relative(project.root, referenced);
      if (relative.startsWith('..') || path.isAbsolute(relative) || alreadyRead.has(referenced) || project.get(referenced)) continue;
      missing.add(referenced);
    }
  }
  return [...missing].sort();
}
