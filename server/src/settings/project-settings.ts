/**
 * The project's settings modules as Django would load them: which module is production, what
 * each module imports, and the evaluated names of every module that runs as a settings module.
 */
import * as path from 'path';
import type { Range } from '../parse/source-text';
import type { ProjectFile, ProjectModel } from '../project/model';
import type { DjangoVersion } from '../project/django-version';
import type { EnvironmentValue } from '../project/production';
import { procfileSelection, productionLinks, systemdSelection } from '../project/production';
import { settingsModuleDefaults } from '../project/django-entry-points';
import { defaultSetting } from './django-defaults';
import { kindFromPath } from '../project/classify';
import { relativePosix } from '../project/model';
import { Binding, EvaluationHost, MissingFile, ModuleNamespace, ModuleSource, OptionalModule, RepositoryFile } from './namespace';
import { evaluateModule } from './evaluate';
import { decoupleEnvValues } from './readers/decouple';
import { Location, Value } from './value';

/** Names that only a Django settings module sets (a pydantic `settings.py` sets none of them). */
const DJANGO_SETTING_NAMES = ['INSTALLED_APPS', 'MIDDLEWARE', 'DATABASES', 'ROOT_URLCONF', 'SECRET_KEY', 'ALLOWED_HOSTS', 'WSGI_APPLICATION', 'TEMPLATES', 'STATIC_URL'];

export interface SettingsAnalysis {
  /** The production settings module and why it is production; null when none is known. */
  production: { file: ProjectFile; reason: string } | null;
  namespaces: Map<string, ModuleNamespace>;
  /** Settings modules that run as a settings module of their own (imported by no other). */
  entries: ProjectFile[];
  environment: Map<string, EnvironmentValue> | null;
  /** Settings modules named as what Django loads (--settings, DJANGO_SETTINGS_MODULE, manage.py/wsgi.py/asgi.py defaults), by path. */
  named: Set<string>;
  /** The model's Django version (resolved once per model): the defaults of unset settings follow it. */
  djangoVersion: DjangoVersion;
}

/** What a rule sees of one settings module as Django loads it. */
export interface SettingsView {
  /** The module Django loads (DJANGO_SETTINGS_MODULE): the production module, or a module of its own. */
  entry: ProjectFile;
  namespace: ModuleNamespace;
  isProduction: boolean;
  /** A setting's value and where a finding about it goes. */
  get(name: string): SettingLookup;
  /** Where a finding about the module as a whole goes (its `import *` line or first line). */
  moduleLocation(): Location;
}

export type SettingLookup = (
  | { state: 'set'; value: Value; binding: Binding; location: Location }
  | { state: 'default'; value: Value; location: Location }
  | { state: 'unknown'; reason: string; value: Value; location: Location }
) & {
  /**
   * Set when a module production skips (an optional import the repository lacks, or one git
   * ignores) could have set the value: the words a finding appends, and the skipped import.
   */
  optional?: { caveat: string; note: string; at: Location };
};

const analyses = new WeakMap<ProjectModel, SettingsAnalysis>();

/** The analysis of a model's settings; computed once per model. */
export function settingsAnalysis(
  project: ProjectModel,
  /** Given while production's links are being computed (they include this analysis' links). */
  production?: { environment: Map<string, EnvironmentValue> | null; unknownVariables: Map<string, string> },
): SettingsAnalysis {
  let analysis = analyses.get(project);
  if (!analysis) {
    const { environment, unknownVariables } = production ?? productionLinks(project);
    analysis = analyse(project, environment, unknownVariables);
    analyses.set(project, analysis);
  }
  return analysis;
}

/**
 * Files that are production because the production settings module imports them (or an env
 * source names it): path -> reason. production.ts merges these into its links.
 */
export function settingsChainLinks(
  project: ProjectModel,
  environment: Map<string, EnvironmentValue> | null,
  unknownVariables: Map<string, string> = new Map(),
): Map<string, string> {
  const links = new Map<string, string>();
  const analysis = settingsAnalysis(project, { environment, unknownVariables });
  if (!analysis.production) return links;
  const { file, reason } = analysis.production;
  if (file.context !== 'production') links.set(file.path, `${reason}`);
  const namespace = analysis.namespaces.get(file.path);
  for (const imported of namespace?.files.slice(1) ?? []) {
    links.set(imported, `imported by ${file.relativePath}, the production settings module`);
  }
  return links;
}

function moduleName(file: ProjectFile): string {
  return file.relativePath.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/').join('.');
}

function analyse(project: ProjectModel, environment: Map<string, EnvironmentValue> | null, unknownVariables: Map<string, string>): SettingsAnalysis {
  const settingsFiles = project.ofKind('settings').filter((file) => file.text !== null);
  const namespaces = new Map<string, ModuleNamespace>();
  const inProgress = new Set<string>();
  const sources = new Map<string, ModuleSource>();
  const sourceOf = (file: ProjectFile): ModuleSource => {
    let source = sources.get(file.path);
    if (!source) {
      source = { path: file.path, name: moduleName(file), python: project.settings(file) };
      sources.set(file.path, source);
    }
    return source;
  };
  const host: EvaluationHost = {
    environment,
    unknownVariables,
    resolve: (fromPath, level, dotted) => {
      const target = resolveModule(project, settingsFiles, fromPath, level, dotted);
      return target ? sourceOf(target) : null;
    },
    namespaceOf: (module) => evaluate(module),
    missingModule: (fromPath, level, dotted) => missingModule(project, settingsFiles, fromPath, level, dotted),
    fileState: (filePath) => fileState(project, filePath),
    repositoryFile: (directory) => decoupleRepository(project, directory),
  };
  const evaluate = (module: ModuleSource): ModuleNamespace | 'cycle' => {
    const done = namespaces.get(module.path);
    if (done) return done;
    if (inProgress.has(module.path)) return 'cycle';
    inProgress.add(module.path);
    try {
      const namespace = evaluateModule(module, host);
      namespaces.set(module.path, namespace);
      return namespace;
    } finally {
      inProgress.delete(module.path);
    }
  };
  for (const file of settingsFiles) evaluate(sourceOf(file));
  const imported = new Set<string>();
  for (const namespace of namespaces.values()) for (const file of namespace.files.slice(1)) imported.add(file);
  const named = namedSettingsModules(project, settingsFiles, environment);
  // A module Django is told to load runs as an entry even when an app's `settings.py` imports it.
  const entries = settingsFiles.filter((file) => !imported.has(file.path) || named.has(file.path));
  const production = productionModule(project, settingsFiles, entries, environment);
  return { production, namespaces, entries, environment, named, djangoVersion: project.djangoVersion() };
}

/** The settings files that something names as the module Django loads. */
function namedSettingsModules(project: ProjectModel, settingsFiles: ProjectFile[], environment: Map<string, EnvironmentValue> | null): Set<string> {
  const modules = settingsModuleDefaults(project).map((setting) => setting.module);
  if (project.settingsModule) modules.push(project.settingsModule);
  const selected = environment?.get('DJANGO_SETTINGS_MODULE')?.value.trim();
  if (selected) modules.push(selected);
  const named = new Set<string>();
  for (const module of modules) {
    const file = resolveModule(project, settingsFiles, project.root, 0, module);
    if (file) named.add(file.path);
  }
  return named;
}

/** `--settings`/`preflight.settingsModule`, else DJANGO_SETTINGS_MODULE of production, else naming. */
function productionModule(
  project: ProjectModel,
  settingsFiles: ProjectFile[],
  entries: ProjectFile[],
  environment: Map<string, EnvironmentValue> | null,
): { file: ProjectFile; reason: string } | null {
  if (project.settingsModule) {
    const file = resolveModule(project, settingsFiles, project.root, 0, project.settingsModule);
    if (file) return { file, reason: `it is the settings module configured as production (${project.settingsModule})` };
  }
  const selected = environment?.get('DJANGO_SETTINGS_MODULE');
  if (selected) {
    const file = resolveModule(project, settingsFiles, project.root, 0, selected.value.trim());
    if (file) return { file, reason: `DJANGO_SETTINGS_MODULE=${selected.value.trim()} in ${selected.origin} selects it` };
  }
  const procfile = procfileSelection(project);
  if (procfile) {
    const file = resolveModule(project, settingsFiles, project.root, 0, procfile.module);
    if (file) return { file, reason: `${procfile.origin} selects it (${procfile.module})` };
  }
  const systemd = systemdSelection(project);
  if (systemd) {
    const file = resolveModule(project, settingsFiles, project.root, 0, systemd.module);
    if (file) return { file, reason: `${systemd.origin} selects it (${systemd.module})` };
  }
  const named = entries.filter((file) => file.context === 'production');
  if (named.length >= 1) return { file: named[0], reason: named[0].contextReason };
  return null;
}

/** A module name to a settings file of the project: relative to the importing file, or to the project (any folder holding it). */
export function resolveModule(project: ProjectModel, settingsFiles: ProjectFile[], fromPath: string, level: number, dotted: string): ProjectFile | null {
  const relative = dotted === '' ? [] : dotted.split('.');
  if (level > 0) {
    let base = path.dirname(fromPath);
    for (let i = 1; i < level; i++) base = path.dirname(base);
    const candidates = [path.join(base, ...relative) + '.py', path.join(base, ...relative, '__init__.py')];
    for (const candidate of candidates) {
      const file = project.get(candidate);
      if (file && file.kind === 'settings' && file.text !== null) return file;
    }
    return null;
  }
  const suffixes = [`${relative.join('/')}.py`, `${relative.join('/')}/__init__.py`];
  const matches = settingsFiles.filter((file) => suffixes.some((suffix) => file.relativePath === suffix || file.relativePath.endsWith(`/${suffix}`)));
  matches.sort((a, b) => a.relativePath.length - b.relativePath.length);
  return matches[0] ?? null;
}

/** Whether git (or, outside a repository, .gitignore) ignores a project file: a developer's file, not deployed. */
function ignoredByGit(project: ProjectModel, relativePath: string): boolean {
  return project.git?.ignored.has(relativePath) ?? false;
}

/**
 * Why production lacks the module `from <level><dotted>` names: git ignores it, or the project
 * has no file there although the walk collects every file of that name (settings/…, *settings*.py).
 */
function missingModule(project: ProjectModel, settingsFiles: ProjectFile[], fromPath: string, level: number, dotted: string): MissingFile | null {
  const target = resolveModule(project, settingsFiles, fromPath, level, dotted);
  if (target) return ignoredByGit(project, target.relativePath) ? { state: 'ignored', file: target.relativePath } : null;
  const relative = dotted === '' ? [] : dotted.split('.');
  if (relative.length === 0) return null;
  let candidate: string;
  if (level > 0) {
    let base = path.dirname(fromPath);
    for (let i = 1; i < level; i++) base = path.dirname(base);
    const absolute = path.join(base, ...relative);
    if (project.get(absolute + '.py') || project.get(path.join(absolute, '__init__.py'))) return null;
    candidate = relativePosix(project.root, absolute + '.py');
  } else {
    candidate = `${relative.join('/')}.py`;
    if (project.files.some((file) => file.relativePath === candidate || file.relativePath.endsWith(`/${candidate}`) || file.relativePath.endsWith(`/${relative.join('/')}/__init__.py`))) return null;
  }
  if (candidate.startsWith('..') || kindFromPath(candidate) !== 'settings') return null;
  return { state: 'absent', file: candidate };
}

/** Whether a file production would see exists: a project file (unless git ignores it), or absent where the walk would have found it. */
function fileState(project: ProjectModel, filePath: string): MissingFile | { state: 'present'; file: string } | null {
  const absolute = path.resolve(filePath);
  const relative = relativePosix(project.root, absolute);
  if (relative.startsWith('..')) return null;
  const file = project.get(absolute);
  if (file) return ignoredByGit(project, file.relativePath) ? { state: 'ignored', file: relative } : { state: 'present', file: relative };
  return kindFromPath(relative) ? { state: 'absent', file: relative } : null;
}

/**
 * The file python-decouple's AutoConfig finds from `directory` up (settings.ini before .env in
 * each folder), within the project. Production gets it unless git ignores it or, in a git
 * repository, does not track it.
 */
function decoupleRepository(project: ProjectModel, directory: string): RepositoryFile | null {
  const root = path.resolve(project.root);
  for (let folder = path.resolve(directory); ; folder = path.dirname(folder)) {
    if (folder !== root && !folder.startsWith(root + path.sep)) return null;
    for (const name of ['settings.ini', '.env']) {
      const filePath = path.join(folder, name);
      const file = project.get(filePath);
      const other = project.otherSources.get(filePath);
      const text = file?.text ?? other?.text ?? null;
      if (!file && !other) continue;
      const relative = relativePosix(project.root, filePath);
      const git = project.git;
      const deployed = !git || (!git.ignored.has(relative) && (git.source === 'gitignore' || git.tracked.has(relative)));
      if (text === null) return { path: filePath, file: relative, deployed, text: '', values: null };
      const values = name === '.env' && file?.kind === 'env' ? decoupleEnvValues(text, relative) : null;
      return { path: filePath, file: relative, deployed, text, values };
    }
    if (folder === root) return null;
  }
}

/**
 * What a finding about a setting says when an optional import production skips could have set
 * it: every name not bound after that import in the same file.
 */
function optionalModuleCaveat(namespace: ModuleNamespace, name: string, binding: Binding | undefined): { caveat: string; note: string; at: Location } | null {
  const changers = namespace.optionalModules.filter((optional) => !boundAfter(binding, optional));
  if (changers.length === 0) return null;
  const optional = changers[changers.length - 1];
  const caveat =
    optional.state === 'absent'
      ? `(unless \`${optional.file}\`, which is not in the repository, sets ${name})`
      : `(unless \`${optional.file}\` sets ${name}: git ignores it, so it is a developer's file that production does not get)`;
  const note = optional.state === 'absent' ? `production skips this import: ${optional.file} is not in the repository` : `production skips this import: git ignores ${optional.file}`;
  return { caveat, note, at: optional.at };
}

function boundAfter(binding: Binding | undefined, optional: OptionalModule): boolean {
  if (!binding || binding.statement.path !== optional.at.path) return false;
  return binding.statement.range.start.line > optional.at.range.end.line;
}

const ASSIGNS_DJANGO_SETTING = new RegExp(`^[ \\t]*(${DJANGO_SETTING_NAMES.join('|')})[ \\t]*(:[^=\\n]*)?(\\+?=)(?!=)`, 'm');

/**
 * Whether a module looks like a Django settings module, not another service's or an app's
 * `settings.py`: named as the module Django loads, or setting Django names itself (an assignment,
 * or a star import of a module that sets them). An app module that imports TEMPLATES from the
 * project's settings to append to it, or only reads `django.conf.settings`, is not one.
 */
function looksLikeDjango(analysis: SettingsAnalysis, namespace: ModuleNamespace, production: boolean): boolean {
  if (production || analysis.named.has(namespace.module.path)) return true;
  if (ASSIGNS_DJANGO_SETTING.test(namespace.module.python.source.text)) return true;
  return namespace.starImports.length > 0 && DJANGO_SETTING_NAMES.some((name) => namespace.names.has(name));
}

/**
 * The settings as loaded by each module a file takes part in: the production module when the
 * file is in its chain (or feeds its environment), else the module itself when it runs on its own.
 */
export function settingsViewsFor(project: ProjectModel, file: ProjectFile): SettingsView[] {
  const analysis = settingsAnalysis(project);
  const production = analysis.production;
  const productionNamespace = production ? analysis.namespaces.get(production.file.path) : undefined;
  if (file.kind === 'env') {
    if (!production || !productionNamespace) return [];
    const feeds = [...(analysis.environment?.values() ?? [])].some((value) => value.file?.path === file.path);
    return feeds ? [makeView(analysis, production.file, productionNamespace, true)] : [];
  }
  if (file.kind !== 'settings') return [];
  if (production && productionNamespace?.files.includes(file.path)) return [makeView(analysis, production.file, productionNamespace, true)];
  const views: SettingsView[] = [];
  for (const entry of entriesLoading(analysis).get(file.path) ?? []) {
    const namespace = analysis.namespaces.get(entry.path)!;
    if (entry.context === 'development' && entry.path !== file.path) continue;
    // A package `__init__` that star-imports production, or a development module (`try: from .dev
    // import *`), is that module's settings: production's findings are reported once, in its chain,
    // and development's not at all.
    if (production && entry.path !== production.file.path && namespace.files.includes(production.file.path)) continue;
    if (namespace.files.some((loaded) => loaded !== entry.path && project.get(loaded)?.context === 'development')) continue;
    if (!looksLikeDjango(analysis, namespace, false)) continue;
    views.push(makeView(analysis, entry, namespace, false));
  }
  return views;
}

const entriesByFile = new WeakMap<SettingsAnalysis, Map<string, ProjectFile[]>>();

/** For each settings file, the entry modules whose loading runs it: built once per analysis, as a workspace may hold thousands. */
function entriesLoading(analysis: SettingsAnalysis): Map<string, ProjectFile[]> {
  let index = entriesByFile.get(analysis);
  if (!index) {
    index = new Map();
    for (const entry of analysis.entries) {
      for (const file of new Set(analysis.namespaces.get(entry.path)?.files ?? [])) {
        const loading = index.get(file);
        if (loading) loading.push(entry);
        else index.set(file, [entry]);
      }
    }
    entriesByFile.set(analysis, index);
  }
  return index;
}

/** The production settings as loaded, or null when no production module is known. */
export function productionSettings(project: ProjectModel): SettingsView | null {
  const analysis = settingsAnalysis(project);
  if (!analysis.production) return null;
  const namespace = analysis.namespaces.get(analysis.production.file.path);
  return namespace ? makeView(analysis, analysis.production.file, namespace, true) : null;
}

function makeView(analysis: SettingsAnalysis, entry: ProjectFile, namespace: ModuleNamespace, isProduction: boolean): SettingsView {
  const moduleLocation = (): Location => {
    const star = namespace.starImports[0];
    if (star) return star;
    const source = namespace.module.python.source;
    const range: Range = source.rangeOf(0, source.lineEnd(0));
    return { path: entry.path, range };
  };
  return {
    entry,
    namespace,
    isProduction,
    moduleLocation,
    get(name) {
      const binding = namespace.names.get(name);
      const optional = namespace.optionalModules.length > 0 ? optionalModuleCaveat(namespace, name, binding) : null;
      const extra = optional ? { optional } : {};
      if (binding) {
        const value = binding.value;
        const location = value.at && value.at.path ? value.at : binding.statement;
        if (value.kind === 'unknown') return { state: 'unknown', reason: value.reason, value, location, ...extra };
        return { state: 'set', value, binding, location, ...extra };
      }
      if (namespace.tainted) {
        return { state: 'unknown', reason: namespace.tainted, value: { kind: 'unknown', reason: namespace.tainted }, location: moduleLocation(), ...extra };
      }
      const packageStar = namespace.packageStars.find((star) => star.defines.test(name));
      if (packageStar) {
        const reason = `\`from ${packageStar.module} import *\` may set ${name} (${packageStar.what}, not in the repository)`;
        return { state: 'unknown', reason, value: { kind: 'unknown', reason }, location: packageStar.at, ...extra };
      }
      return { state: 'default', value: defaultSetting(name, analysis.djangoVersion), location: moduleLocation(), ...extra };
    },
  };
}

