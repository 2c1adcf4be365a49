/**
 * Where the project starts Gunicorn or Uvicorn, each start with its settings as the server
 * resolves them: a compose service's `command:`/`entrypoint:` (ranges in the compose file), the
 * image's CMD/ENTRYPOINT and the start scripts they run (named by place: the Dockerfile and
 * scripts are read, not linted), a Procfile's processes (ranges in the Procfile). The gunicorn
 * config files they load are found here too, and evaluated once per file.
 */
import * as path from 'path';
import type { ComposeCommand, ComposeFile, ComposeService } from '../parse/compose';
import type { Range, SourceText } from '../parse/source-text';
import type { Procfile, ProcfileProcess } from '../parse/procfile';
import { EffectiveService, composeApplications, serviceEnvironment, unreadEnvFiles } from './compose-application';
import { containerEnvironment, containerStart } from './entrypoint-exports';
import { ServerCommand, Span, serverCommandsInText } from './gunicorn-command';
import { ConfigLookup, EnvironmentLookup, GunicornConfigModule, GunicornResolution, evaluateGunicornConfig, resolveGunicorn } from './gunicorn-settings';
import type { ProjectFile, ProjectModel } from './model';
import { productionLinks } from './production';

export interface ServerStart {
  command: ServerCommand;
  /** "the command of service `web`", "the CMD in Dockerfile line 12", "process `web`". */
  role: string;
  /** The range of a span of the command in the linted file; null when the command is not written verbatim there. */
  rangeOf(span: Span | null): Range | null;
  /** Where a finding about the whole start goes in the linted file. */
  range: Range;
  /** The text the spans index into, when the command is written verbatim in the linted file. */
  commandText: string | null;
  /** Gunicorn's resolved settings; null for Uvicorn. */
  gunicorn: GunicornResolution | null;
  /** The compose service that runs it, when one does. */
  service: EffectiveService | null;
  /** For a start outside the linted file (Dockerfile, script): "compose/production/django/start line 8". */
  writtenIn: string | null;
}

// Per file and production environment: an unchanged file is shared by the models rebuilt after an edit, its environment is not.
const configs = new WeakMap<ProjectFile, { environment: object | null; config: GunicornConfigModule }>();

/** A gunicorn config file of the project, evaluated with production's environment. */
export function gunicornConfigOf(project: ProjectModel, file: ProjectFile): GunicornConfigModule {
  const { environment } = productionLinks(project);
  const cached = configs.get(file);
  if (cached && cached.environment === environment) return cached.config;
  const config = evaluateGunicornConfig(file.path, file.relativePath, file.text ?? '', environment);
  configs.set(file, { environment, config });
  return config;
}

function found(project: ProjectModel, file: ProjectFile): ConfigLookup {
  return { state: 'found', config: gunicornConfigOf(project, file) };
}

/** `-c path` of a container: the project's gunicorn config whose path ends the written one (longest match), else unknown. */
function containerConfig(project: ProjectModel, written: string | null): ConfigLookup {
  const candidates = project.ofKind('gunicorn-config').filter((file) => file.text !== null);
  if (written === null) {
    // gunicorn loads ./gunicorn.conf.py of its working directory, which the project does not say for a container.
    const defaults = candidates.filter((file) => path.posix.basename(file.relativePath) === 'gunicorn.conf.py');
    return defaults.length === 0 ? { state: 'none' } : { state: 'unknown', reason: 'the container\'s working directory, where gunicorn looks for gunicorn.conf.py, is not known' };
  }
  const segments = written.split('/').filter((segment) => segment !== '' && segment !== '.');
  let best: ProjectFile[] = [];
  let bestLength = 0;
  for (const file of candidates) {
    const parts = file.relativePath.split('/');
    let length = 0;
    while (length < parts.length && length < segments.length && parts[parts.length - 1 - length] === segments[segments.length - 1 - length]) length++;
    if (length === 0) continue;
    if (length > bestLength) [best, bestLength] = [[file], length];
    else if (length === bestLength) best.push(file);
  }
  if (best.length === 1) return found(project, best[0]);
  return { state: 'unknown', reason: best.length ? `\`${written}\` may be any of ${best.map((file) => file.relativePath).join(', ')}` : `\`${written}\` is not a gunicorn config file of the project` };
}

/** What a compose service's process gets from its environment; undefined when not known. */
function serviceLookup(project: ProjectModel, service: EffectiveService | null): EnvironmentLookup {
  return (name) => {
    if (!service) return undefined;
    const variable = serviceEnvironment(project, service).get(name);
    if (variable) return variable.value ?? undefined;
    if (containerEnvironment(project, service).variables.has(name) || unreadEnvFiles(service).length) return undefined;
    return null;
  };
}

function resolveFor(command: ServerCommand, findConfig: (written: string | null) => ConfigLookup, environment: EnvironmentLookup): GunicornResolution | null {
  return command.server === 'gunicorn' ? resolveGunicorn(command, findConfig, environment) : null;
}

/** Offsets of a compose command's text in the file: the scalar as written, plain or quoted; null otherwise. */
function commandOffset(source: SourceText, command: ComposeCommand): number | null {
  if (command.form !== 'string') return null;
  const start = source.offsetAt(command.range.start);
  const written = source.text.slice(start, source.offsetAt(command.range.end));
  if (written === command.text) return start;
  if (/^(["']).*\1$/s.test(written) && written.slice(1, -1) === command.text) return start + 1;
  return null;
}

/** The starts a compose service of this file writes (`command:`/`entrypoint:`), and those of its image and scripts. */
export function composeServiceStarts(project: ProjectModel, compose: ComposeFile, service: ComposeService, effective: EffectiveService | null): ServerStart[] {
  const starts: ServerStart[] = [];
  const environment = serviceLookup(project, effective);
  const findConfig = (written: string | null) => containerConfig(project, written);
  for (const [key, command] of [['entrypoint', service.entrypoint], ['command', service.command]] as const) {
    if (!command || command.inherited) continue;
    const offset = commandOffset(compose.source, command);
    const commands = serverCommandsInText(command.text);
    for (const parsed of offset === null ? commands.map(spanless) : commands) {
      starts.push({
        command: parsed,
        role: `the ${key} of service \`${service.name}\``,
        rangeOf: (span) => (span && offset !== null ? compose.source.rangeOf(offset + span.start, offset + span.end) : null),
        range: command.range,
        commandText: offset === null ? null : command.text,
        gunicorn: resolveFor(parsed, findConfig, environment),
        service: effective,
        writtenIn: null,
      });
    }
  }
  // The image's own start, judged where the service is defined (its primary layer), once.
  if (effective && effective.primary.service === service) {
    for (const start of containerStart(project, effective).commands) {
      if (!/^the (CMD|ENTRYPOINT) /.test(start.role) && !start.script) continue;
      const inCommand = /^the (CMD|ENTRYPOINT) /.test(start.role) ? serverCommandsInText(start.words.join(' ')).map(spanless) : [];
      const sources: { command: ServerCommand; writtenIn: string }[] = inCommand.map((parsed) => ({ command: parsed, writtenIn: start.role.replace(/^the /, '') }));
      if (start.script) {
        const text = start.script.text;
        for (const parsed of serverCommandsInText(text)) {
          const line = parsed.serverWord.span ? text.slice(0, parsed.serverWord.span.start).split('\n').length : null;
          sources.push({ command: spanless(parsed), writtenIn: `${start.script.relativePath}${line ? ` line ${line}` : ''}, which ${start.role} runs` });
        }
      }
      for (const source of sources) {
        starts.push({
          command: source.command,
          role: `service \`${service.name}\``,
          rangeOf: () => null,
          range: service.nameRange,
          commandText: null,
          gunicorn: resolveFor(source.command, findConfig, environment),
          service: effective,
          writtenIn: source.writtenIn,
        });
      }
    }
  }
  return starts;
}

function spanless(command: ServerCommand): ServerCommand {
  return {
    ...command,
    serverWord: { ...command.serverWord, span: null },
    positional: command.positional.map((word) => ({ ...word, span: null })),
    options: command.options.map((option) => ({ ...option, span: null, valueSpan: null })),
  };
}

/** The starts of a Procfile process; its working directory is the Procfile's folder, its environment the platform's (unknown). */
export function procfileStarts(project: ProjectModel, procfileFile: ProjectFile, procfile: Procfile, process: ProcfileProcess): ServerStart[] {
  const offset = procfile.source.offsetAt(process.commandRange.start);
  const directory = path.dirname(procfileFile.path);
  const findConfig = (written: string | null): ConfigLookup => {
    const file = project.get(path.resolve(directory, written ?? 'gunicorn.conf.py'));
    if (file && file.kind === 'gunicorn-config' && file.text !== null) return found(project, file);
    if (written === null) return { state: 'none' };
    return { state: 'unknown', reason: `\`${written}\` is not a gunicorn config file of the project` };
  };
  // The platform's config vars (GUNICORN_CMD_ARGS, WEB_CONCURRENCY, PORT) are not in the repository.
  const environment: EnvironmentLookup = () => undefined;
  return serverCommandsInText(process.command).map((command) => ({
    command,
    role: `process \`${process.name}\``,
    rangeOf: (span) => (span ? procfile.source.rangeOf(offset + span.start, offset + span.end) : null),
    range: process.commandRange,
    commandText: process.command,
    gunicorn: resolveFor(command, findConfig, environment),
    service: null,
    writtenIn: null,
  }));
}

const users = new WeakMap<ProjectModel, Map<string, ServerStart[]>>();

/** Every start of the project whose gunicorn config is known to be this file (compose services and Procfiles). */
export function configUsers(project: ProjectModel, config: ProjectFile): ServerStart[] {
  let byPath = users.get(project);
  if (!byPath) {
    byPath = new Map();
    const all: ServerStart[] = [];
    for (const application of composeApplications(project)) {
      for (const service of application.services) {
        for (const layer of service.layers) all.push(...composeServiceStarts(project, layer.compose, layer.service, service));
      }
    }
    for (const file of project.ofKind('procfile')) {
      if (file.text === null) continue;
      const procfile = project.procfile(file);
      for (const process of procfile.processes) all.push(...procfileStarts(project, file, procfile, process));
    }
    for (const start of all) {
      const lookup = start.gunicorn?.config;
      if (lookup?.state !== 'found') continue;
      const list = byPath.get(lookup.config.path) ?? [];
      list.push(start);
      byPath.set(lookup.config.path, list);
    }
    users.set(project, byPath);
  }
  return byPath.get(config.path) ?? [];
}

/**
 * Whether a compose service's port is reachable without a proxy: it publishes a port beyond the
 * host's loopback and its application runs no proxy service. Null when that cannot be told
 * (no application, host networking).
 */
export function reachableDirectly(service: EffectiveService | null, isProxy: (service: EffectiveService) => boolean): { port: string } | null {
  if (!service) return null;
  if (service.option('network_mode')) return null;
  if (service.application.services.some((candidate) => candidate !== service && isProxy(candidate))) return null;
  for (const { port } of service.ports) {
    const ip = port.hostIp?.trim() ?? '';
    if (ip === '::1' || ip === 'localhost' || /^127\./.test(ip) || ip.includes('$')) continue;
    return { port: port.text };
  }
  return null;
}
