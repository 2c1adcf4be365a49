/**
 * The environment a service's container adds before Django starts: what its image sets (`ENV`)
 * and what its start scripts export. The service's `build` leads to its Dockerfile; COPY/ADD (and
 * bind mounts) say which project file is at a path in the container; ENTRYPOINT/CMD (or the
 * service's `entrypoint:`/`command:`) say which of those run. The scripts are read as text.
 *
 * The Dockerfile and scripts are not deployment files: the I/O edge reads them into the model's
 * `otherSources` (unreadContainerFiles names them), and a file it could not read adds nothing.
 */
import * as path from 'path';
import { DockerImage, DockerfileHealthcheck, finalImage, parseDockerfile } from '../parse/dockerfile';
import { ShellScript, parseShellScript } from '../parse/shell-exports';
import { EffectiveService, composeApplications } from './compose-application';
import { ProjectModel, relativePosix } from './model';

export interface StartScript {
  path: string;
  relativePath: string;
  /** "the ENTRYPOINT in compose/production/django/Dockerfile line 40". */
  role: string;
  script: ShellScript;
}

export interface ContainerEnvironment {
  /** The Dockerfile the service is built from, when the project has it and it could be read. */
  dockerfile: string | null;
  /** Variables the container sets beyond compose's: name -> where ("compose/production/django/entrypoint line 12, …"). */
  variables: Map<string, string>;
  scripts: StartScript[];
  /** Names the start scripts expand. */
  reads: Set<string>;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** The model's text of a file it read, deployment file or not; null when unread or unreadable. */
function textOf(project: ProjectModel, filePath: string): string | null {
  return sourceOf(project, filePath)?.text ?? null;
}

function sourceOf(project: ProjectModel, filePath: string): { text: string | null } | undefined {
  return project.get(filePath) ?? project.otherSources.get(filePath);
}

// Parsed once per file object: models rebuilt on every keystroke share the unchanged files.
const parsedImages = new WeakMap<object, DockerImage>();
const parsedScripts = new WeakMap<object, ShellScript>();

function parsed<T>(cache: WeakMap<object, T>, source: { text: string | null } | undefined, parse: (text: string) => T): T | null {
  if (!source || source.text === null) return null;
  let result = cache.get(source);
  if (!result) cache.set(source, (result = parse(source.text)));
  return result;
}

/** The service's Dockerfile (absolute), from `build:` as compose resolves it; null for a remote or interpolated context. */
export function dockerfilePath(service: EffectiveService): string | null {
  const layer = [...service.layers].reverse().find((candidate) => candidate.service.build);
  const build = layer?.service.build;
  if (!layer || !build || build.context === null) return null;
  const written = [build.context, build.dockerfile ?? ''];
  if (written.some((text) => text.includes('$') || /^[a-z]+:\/\/|^git@/i.test(text))) return null;
  const context = path.resolve(path.dirname(layer.file.path), build.context);
  return path.resolve(context, build.dockerfile ?? 'Dockerfile');
}

interface Mount {
  /** Absolute project path. */
  source: string;
  /** Absolute container path. */
  target: string;
}

/** Where project files sit in the container, latest first: bind mounts over the image's COPY/ADD. */
function mounts(service: EffectiveService, image: DockerImage | null, context: string | null): Mount[] {
  const found: Mount[] = [];
  if (image && context) {
    for (const copy of image.copies) {
      const sources = copy.sources.filter((source) => !/[*?[]/.test(source) && !/^[a-z]+:\/\//i.test(source));
      for (const source of sources) {
        const absolute = path.resolve(context, source);
        const intoDirectory = copy.destination.endsWith('/') || copy.sources.length > 1;
        const target = copy.destination.replace(/\/+$/, '') || '/';
        // A file copied into a folder keeps its name; a folder's content lands in the destination.
        if (intoDirectory) found.push({ source: absolute, target: path.posix.join(target, path.basename(absolute)) });
        found.push({ source: absolute, target });
      }
    }
  }
  for (const { volume, layer } of service.volumes) {
    if (volume.type !== 'bind' || !volume.source || !volume.target || volume.source.includes('$')) continue;
    found.push({ source: path.resolve(path.dirname(layer.file.path), volume.source), target: path.posix.resolve('/', volume.target) });
  }
  return found.reverse();
}

/** Project paths that may be at a container path, most likely first. */
function projectPaths(containerPath: string, mountList: Mount[]): string[] {
  const found: string[] = [];
  for (const mount of mountList) {
    if (containerPath === mount.target) found.push(mount.source);
    else if (containerPath.startsWith(mount.target === '/' ? '/' : `${mount.target}/`)) {
      found.push(path.join(mount.source, ...path.posix.relative(mount.target, containerPath).split('/')));
    }
  }
  return found;
}

/** Container paths of scripts a start command runs: words that are paths, and the script a shell is given. */
function scriptPaths(words: string[], workdir: string): string[] {
  const found: string[] = [];
  const clean = words.flatMap((word) => word.split(/\s+/)).map((word) => word.replace(/^["']|["';]+$/g, '')).filter((word) => word && !word.startsWith('-'));
  for (let index = 0; index < clean.length; index++) {
    const word = clean[index];
    const afterShell = index > 0 && SHELLS.has(path.posix.basename(clean[index - 1])) && !word.startsWith('-');
    if (word.includes('/') || afterShell) {
      if (/^[a-z]+:\/\//i.test(word) || word.includes('$')) continue;
      found.push(path.posix.resolve(workdir, word));
    }
  }
  return found;
}

interface StartCommand {
  words: string[];
  role: string;
}

function startCommands(service: EffectiveService, image: DockerImage | null, dockerfile: string | null, root: string): StartCommand[] {
  const where = (line: number) => `${dockerfile ? relativePosix(root, dockerfile) : 'the Dockerfile'} line ${line + 1}`;
  const commands: StartCommand[] = [];
  // Compose's entrypoint: replaces the image's ENTRYPOINT and drops its CMD; command: replaces CMD.
  if (service.entrypoint) commands.push({ words: service.entrypoint.text.split(/\s+/), role: `the entrypoint of service \`${service.name}\`` });
  else if (image?.entrypoint) commands.push({ words: image.entrypoint.words, role: `the ENTRYPOINT in ${where(image.entrypoint.line)}` });
  if (service.command) commands.push({ words: service.command.text.split(/\s+/), role: `the command of service \`${service.name}\`` });
  else if (image?.cmd && !service.entrypoint) commands.push({ words: image.cmd.words, role: `the CMD in ${where(image.cmd.line)}` });
  return commands;
}

/** Reads the service's Dockerfile (when the model has its text) and lists the scripts its start runs, as candidates. */
function followBuild(project: ProjectModel, service: EffectiveService) {
  const dockerfile = dockerfilePath(service);
  const image = dockerfile ? parsed(parsedImages, sourceOf(project, dockerfile), (text) => finalImage(parseDockerfile(text))) : null;
  const context = dockerfile && image ? contextOf(service) : null;
  const mountList = mounts(service, image, context);
  const scripts = startCommands(service, image, image ? dockerfile : null, project.root).map((command) => ({
    role: command.role,
    words: command.words,
    candidates: scriptPaths(command.words, image?.workdir ?? '/').flatMap((containerPath) => projectPaths(containerPath, mountList)),
  }));
  return { dockerfile, image, scripts };
}

function contextOf(service: EffectiveService): string | null {
  const layer = [...service.layers].reverse().find((candidate) => candidate.service.build);
  return layer?.service.build?.context ? path.resolve(path.dirname(layer.file.path), layer.service.build.context) : null;
}

// Per effective service: a service belongs to one model (compose-application.ts caches them per model).
const cache = new WeakMap<EffectiveService, ContainerEnvironment>();

/** What the service's container sets and reads beyond its compose environment. */
export function containerEnvironment(project: ProjectModel, service: EffectiveService): ContainerEnvironment {
  const cached = cache.get(service);
  if (cached) return cached;
  const { dockerfile, image, scripts: commands } = followBuild(project, service);
  const variables = new Map<string, string>();
  const reads = new Set<string>();
  const scripts: StartScript[] = [];
  for (const command of commands) {
    const scriptPath = command.candidates.find((candidate) => textOf(project, candidate) !== null);
    if (!scriptPath || scripts.some((script) => script.path === scriptPath)) continue;
    const script = parsed(parsedScripts, sourceOf(project, scriptPath), parseShellScript)!;
    const relativePath = relativePosix(project.root, scriptPath);
    scripts.push({ path: scriptPath, relativePath, role: command.role, script });
    for (const name of script.reads) reads.add(name);
    for (const exported of script.exports) {
      if (!variables.has(exported.name)) variables.set(exported.name, `${relativePath} line ${exported.range.start.line + 1} (exported by ${command.role})`);
    }
  }
  // The image's ENV comes first at start; the scripts export over it.
  for (const variable of image?.env ?? []) {
    if (!variables.has(variable.name)) variables.set(variable.name, `ENV in ${relativePosix(project.root, dockerfile!)} line ${variable.line + 1}`);
  }
  const result = { dockerfile: image ? dockerfile : null, variables, scripts, reads };
  cache.set(service, result);
  return result;
}

/** What a service's container starts: compose's entrypoint:/command: over the image's ENTRYPOINT/CMD. */
export interface ContainerStart {
  /** The Dockerfile, when the model has read it. */
  dockerfile: string | null;
  commands: {
    words: string[];
    /** "the CMD in compose/production/django/Dockerfile line 40". */
    role: string;
    /** The project's start script the command runs (`/start` copied from compose/production/django/start), when read. */
    script: { relativePath: string; text: string } | null;
  }[];
  /** The image's own HEALTHCHECK, which compose runs when the service sets none. */
  healthcheck: DockerfileHealthcheck | null;
}

const starts = new WeakMap<EffectiveService, ContainerStart>();

export function containerStart(project: ProjectModel, service: EffectiveService): ContainerStart {
  const cached = starts.get(service);
  if (cached) return cached;
  const { dockerfile, image, scripts } = followBuild(project, service);
  const commands = scripts.map((command) => {
    const scriptPath = command.candidates.find((candidate) => textOf(project, candidate) !== null);
    const script = scriptPath ? { relativePath: relativePosix(project.root, scriptPath), text: textOf(project, scriptPath)! } : null;
    return { words: command.words, role: command.role, script };
  });
  const result = { dockerfile: image ? dockerfile : null, commands, healthcheck: image?.healthcheck ?? null };
  starts.set(service, result);
  return result;
}

/**
 * Container files (Dockerfiles of built services, the scripts their start runs) inside the root
 * that the model has not read. Scripts show up once their Dockerfile has been read, so the I/O
 * edge asks again after reading until nothing is new.
 */
export function unreadContainerFiles(project: ProjectModel, alreadyRead: ReadonlySet<string>): string[] {
  const missing = new Set<string>();
  const consider = (candidate: string) => {
    const relative = path.relative(project.root, candidate);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative) || alreadyRead.has(candidate) || project.get(candidate)) return;
    missing.add(candidate);
  };
  for (const application of composeApplications(project)) {
    for (const service of application.services) {
      const { dockerfile, scripts } = followBuild(project, service);
      if (dockerfile) consider(dockerfile);
      for (const script of scripts) script.candidates.forEach(consider);
    }
  }
  return [...missing].sort();
}
