/**
 * What Preflight takes a deployment file to be, as plain facts for a hover (or any reader): its
 * context and why, the production processes that use it and how, the settings module production
 * loads and where that choice is written, and the Django version that applies and why. No value of
 * a setting or variable is part of it: they may be secrets. Knows nothing of LSP.
 */
import * as path from 'path';
import { LOCK_FILE_NAMES, parseLockFile, parsePyprojectDependencies } from '../parse/python-dependencies';
import { parseRequirements } from '../parse/requirements';
import { Position, Range, SourceText } from '../parse/source-text';
import { settingsAnalysis } from '../settings/project-settings';
import type { FileContext, FileKind } from './classify';
import type { EffectiveService } from './compose-application';
import { describeDjangoVersion } from './django-version';
import { dockerfilePath } from './entrypoint-exports';
import { ProjectFile, ProjectModel, relativePosix } from './model';
import { djangoEvidence, procfileSelection, productionLinks } from './production';
import { productionDependencies } from './production-dependencies';

/** One production process that uses the file. */
export interface ProcessUse {
  /** The process as the user knows it: "service `django` of docker-compose.production.yml", "process `web` of Procfile". */
  process: string;
  /** How it uses the file and why: "reads it as an env_file". */
  use: string;
}

export interface FileExplanation {
  relativePath: string;
  kind: FileKind;
  context: FileContext;
  /** Why the file has its context (its path, a production file pointing at it, a setting). */
  contextReason: string;
  processes: ProcessUse[];
  /** The settings module production loads, with where that choice is written; `module` null: not known, `origin` says why. */
  settings: { module: string | null; origin: string };
  /** `Django 5.2.8: pinned in requirements/base.txt line 1`. */
  djangoVersion: string;
  /** For a dependency file or pyproject.toml: what it is to production's dependencies, or why those are unknown; else null. */
  dependencies: string | null;
}

/** What a hover at a position is about: the whole file, the settings module production loads, or the Django version. */
export interface ExplanationTopic {
  topic: 'file' | 'settings-module' | 'django-version';
  range: Range;
}

export function explainFile(project: ProjectModel, file: ProjectFile): FileExplanation {
  const { context, reason } = project.contextOf(file);
  return {
    relativePath: file.relativePath,
    kind: file.kind,
    context,
    contextReason: reason,
    processes: processUses(project, file),
    settings: productionSettings(project),
    djangoVersion: describeDjangoVersion(project.djangoVersion()),
    dependencies: dependenciesRole(project, file),
  };
}

function dependenciesRole(project: ProjectModel, file: ProjectFile): string | null {
  if (file.kind !== 'dependencies' && path.posix.basename(file.relativePath) !== 'pyproject.toml') return null;
  const dependencies = productionDependencies(project);
  if (!dependencies.known) return `What production installs is unknown, so the requirements rules say nothing: ${dependencies.reason}`;
  const { target } = dependencies;
  if (target.file === file) return `Production's dependencies: ${target.describe}, where a missing one is added`;
  if (dependencies.targetFiles.some((read) => read.file === file)) return `Production's dependencies: included by ${target.describe}`;
  if (project.contextOf(file).context === 'development') return 'A development file: not read for what production installs';
  return `Read for what production installs, beside ${target.describe}`;
}

/**
 * Where an explanation answers, so a hover is not on every line: the first line of the file (all
 * of it), the name `DJANGO_SETTINGS_MODULE` (which module production loads), a Django requirement
 * or lock entry (which Django applies). Null elsewhere.
 */
export function explanationTopicAt(file: ProjectFile, position: Position): ExplanationTopic | null {
  if (file.text === null || file.kind === 'checklist') return null;
  const source = new SourceText(file.text);
  if (position.line >= source.lineCount) return null;
  const line = source.lineText(position.line);
  const lineRange = (start: number, end: number): Range => ({ start: { line: position.line, character: start }, end: { line: position.line, character: end } });
  const settingsName = /DJANGO_SETTINGS_MODULE/g;
  for (let match = settingsName.exec(line); match; match = settingsName.exec(line)) {
    if (position.character >= match.index && position.character <= match.index + match[0].length) {
      return { topic: 'settings-module', range: lineRange(match.index, match.index + match[0].length) };
    }
  }
  const lead = line.length - line.trimStart().length;
  const content = lineRange(lead, line.trimEnd().length);
  if (djangoLines(file).has(position.line + 1)) return { topic: 'django-version', range: content };
  if (position.line === 0) return { topic: 'file', range: content };
  return null;
}

/** The 1-based lines of a dependency file that declare or lock Django. */
function djangoLines(file: ProjectFile): Set<number> {
  const text = file.text ?? '';
  const name = path.posix.basename(file.relativePath);
  const lines = new Set<number>();
  if ((LOCK_FILE_NAMES as readonly string[]).includes(name)) {
    for (const entry of parseLockFile(name, text).packages) if (entry.name === 'django') lines.add(entry.line);
  } else if (name === 'pyproject.toml') {
    for (const dependency of parsePyprojectDependencies(text).dependencies) if (dependency.name === 'django') lines.add(dependency.line);
  } else if (file.kind === 'dependencies' && name.endsWith('.txt')) {
    for (const dependency of parseRequirements(text).requirements) if (dependency.name === 'django') lines.add(dependency.line);
  }
  return lines;
}

function productionSettings(project: ProjectModel): FileExplanation['settings'] {
  const selected = productionLinks(project).settings;
  if (selected) return { module: selected.module, origin: `set in ${selected.origin}` };
  const production = settingsAnalysis(project).production;
  if (production) return { module: moduleName(production.file), origin: production.reason };
  return { module: null, origin: 'no production process says which settings module it loads' };
}

function moduleName(file: ProjectFile): string {
  return file.relativePath.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').join('.');
}

function serviceName(project: ProjectModel, service: EffectiveService, web: EffectiveService | null): string {
  const dockerfile = dockerfilePath(service);
  const built = dockerfile && (project.otherSources.has(dockerfile) || project.get(dockerfile)) ? `, built from ${relativePosix(project.root, dockerfile)}` : '';
  return `service \`${service.name}\` of ${service.application.file.relativePath}${service === web ? ' (the web process)' : ''}${built}`;
}

function processUses(project: ProjectModel, file: ProjectFile): ProcessUse[] {
  const links = productionLinks(project);
  const uses: ProcessUse[] = [];
  const web = links.webService;

  for (const service of links.djangoServices) {
    const name = serviceName(project, service, web);
    if (service.layers.some((layer) => layer.file === file)) uses.push({ process: name, use: `is defined here; it runs Django because ${djangoEvidence(project, service) ?? 'it is the web service'}` });
    if (service.envFiles.some((envFile) => envFile.file === file)) uses.push({ process: name, use: 'reads it as an env_file' });
  }

  const procfileSelected = links.webService ? null : procfileSelection(project);
  if (file.kind === 'procfile' && file.context === 'production' && file.text !== null) {
    for (const process of project.procfile(file).processes) {
      const runs = /\b(gunicorn|uvicorn|daphne|hypercorn|granian|waitress-serve|celery|runserver|migrate|collectstatic)\b/.exec(process.command);
      uses.push({ process: `process \`${process.name}\` of ${file.relativePath} line ${process.line + 1}`, use: `is defined here${runs ? `; it runs ${runs[1]}` : ''}` });
    }
  }

  if (file.kind === 'settings') {
    const production = settingsAnalysis(project).production;
    const loader = web ? serviceName(project, web, web) : procfileSelected ? procfileSelected.origin : 'production';
    if (production?.file === file) uses.push({ process: loader, use: `loads it as its settings module (${production.reason})` });
    else if (production && settingsAnalysis(project).namespaces.get(production.file.path)?.files.includes(file.path)) {
      uses.push({ process: loader, use: `loads it through ${production.file.relativePath}, the production settings module, which imports it` });
    }
  }

  if (file.kind === 'env' && !web && links.environment && [...links.environment.values()].some((value) => value.file === file)) {
    uses.push({ process: 'production', use: 'takes its variables as production’s environment: no production compose service names its env files, so the production env files are that environment' });
  }
  return uses;
}
