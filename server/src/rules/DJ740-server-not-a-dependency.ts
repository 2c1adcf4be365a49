import * as path from 'path';
import { Range, SourceText } from '../parse/source-text';
import { containerStart } from '../project/entrypoint-exports';
import type { ProjectModel } from '../project/model';
import { declaredPackage } from '../project/production-dependencies';
import { productionLinks } from '../project/production';
import { RelatedLocation, Rule } from './rule';

/** The command that starts a server, and the package that provides it. */
const SERVERS: Record<string, string> = { gunicorn: 'gunicorn', uvicorn: 'uvicorn', daphne: 'daphne', 'waitress-serve': 'waitress', hypercorn: 'hypercorn' };
/** The word as a command (`gunicorn`, `/usr/local/bin/gunicorn`, `python -m gunicorn`), not a module path (`uvicorn.workers.UvicornWorker`). */
const SERVER_COMMAND = /(?:^|[\s;&|/"'(])(gunicorn|uvicorn|daphne|waitress-serve|hypercorn)(?=$|[\s;&|"')])/;
/** gunicorn's worker class from uvicorn needs uvicorn installed beside gunicorn. */
const UVICORN_WORKER = /\buvicorn\.workers\.\w+/;

interface ServerProcess {
  package: string;
  /** "process `web` of Procfile", "service `django` of docker-compose.production.yml". */
  process: string;
  at: RelatedLocation;
}

/** The servers production's processes start, each with where. Compose services only when built from a Dockerfile the project has, on a base image that does not bring the server. */
function productionServers(project: ProjectModel): ServerProcess[] {
  const found: ServerProcess[] = [];
  const add = (command: string, process: string, at: Omit<RelatedLocation, 'message'>) => {
    const packages = new Set<string>();
    const server = SERVER_COMMAND.exec(command);
    if (server) packages.add(SERVERS[server[1]]);
    if (server?.[1] === 'gunicorn' && UVICORN_WORKER.test(command)) packages.add('uvicorn');
    for (const name of packages) found.push({ package: name, process, at: { ...at, message: `${process} runs ${name === 'uvicorn' && server?.[1] === 'gunicorn' ? 'gunicorn with uvicorn workers' : server![1]}` } });
  };
  for (const procfile of project.ofKind('procfile')) {
    if (procfile.context !== 'production' || procfile.text === null) continue;
    for (const process of project.procfile(procfile).processes) add(process.command, `process \`${process.name}\` of ${procfile.relativePath}`, { path: procfile.path, range: process.commandRange });
  }
  for (const service of productionLinks(project).djangoServices) {
    const start = containerStart(project, service);
    const dockerfileText = start.dockerfile ? (project.otherSources.get(start.dockerfile)?.text ?? project.get(start.dockerfile)?.text ?? null) : null;
    // An image not built here, or built on one that ships the server (tiangolo/uvicorn-gunicorn), installs what its author chose.
    if (!service.build || dockerfileText === null || /^\s*FROM\s+\S*(?:gunicorn|uvicorn|daphne|hypercorn|waitress)/im.test(dockerfileText)) continue;
    const name = `service \`${service.name}\` of ${service.application.file.relativePath}`;
    for (const command of start.commands) {
      const layer = [...service.layers].reverse().find((candidate) => candidate.service.command || candidate.service.entrypoint);
      const composeCommand = command.role.startsWith('the command of') ? layer?.service.command : command.role.startsWith('the entrypoint of') ? layer?.service.entrypoint : null;
      if (composeCommand && layer) add(command.words.join(' '), name, { path: layer.file.path, range: composeCommand.range });
      else add(command.words.join(' '), name, { path: start.dockerfile!, range: lineMatching(dockerfileText, /^\s*(?:CMD|ENTRYPOINT)\b/im) });
      if (command.script) {
        // The script's own lines, comments aside.
        const text = command.script.text.replace(/^\s*#.*$/gm, '');
        add(text, `${name} (its start script ${command.script.relativePath})`, { path: path.join(project.root, ...command.script.relativePath.split('/')), range: lineMatching(command.script.text, new RegExp(`^(?!\\s*#).*${SERVER_COMMAND.source}`, 'm')) });
      }
    }
  }
  return found;
}

/** The range of the first line matching, else of the first line. */
function lineMatching(text: string, pattern: RegExp): Range {
  const source = new SourceText(text);
  const match = pattern.exec(text);
  const line = match ? source.positionAt(match.index + (match[0].length - match[0].trimStart().length)).line : 0;
  const content = source.lineText(line);
  return { start: { line, character: content.length - content.trimStart().length }, end: { line, character: content.trimEnd().length } };
}

export const rule: Rule = {
  meta: {
    code: 'DJ740',
    name: 'server-not-a-dependency',
    description: 'A production process runs gunicorn, uvicorn, daphne, waitress or hypercorn, but the production dependencies do not install it.',
    category: 'hygiene',
    severity: 'error',
    checklistItem: 'Gunicorn is installed and configured',
    djangoCheck: null,
  },
  checkDependencies(dependencies, { file, project, report }) {
    if (!dependencies.known || dependencies.target.file !== file) return;
    const missing = new Map<string, ServerProcess[]>();
    for (const server of productionServers(project)) {
      if (declaredPackage(dependencies, server.package)) continue;
      missing.set(server.package, [...(missing.get(server.package) ?? []), server]);
    }
    const { target } = dependencies;
    for (const [name, processes] of missing) {
      const edit = target.add?.(name);
      report({
        range: target.range,
        message: `${processes[0].process} runs ${name}, but ${target.describe} (with what it includes) and the other production dependency files do not install it: the process fails to start with "${name}: command not found" or ModuleNotFoundError.`,
        related: processes.map((process) => process.at),
        fixes: edit ? [{ title: `Add ${name} to ${target.describe}`, safe: false, preferred: true, edits: [{ path: file.path, ...edit }] }] : [],
      });
    }
  },
};
