import type { ProjectModel } from '../project/model';
import { productionLinks } from '../project/production';
import type { SettingsView } from '../settings/project-settings';
import { productionSettings } from '../settings/project-settings';
import type { EnvRead } from '../settings/value';
import { isDjangoEnvFile, settingEntries, startOfFile } from './shared/env-settings';
import { Rule } from './rule';
import { listHas, middlewareSetting } from './shared/settings-findings';

/**
 * Error trackers as Django projects configure them, as data: the call that starts one (its module
 * and function), the setting it reads, the app or middleware that installs it.
 */
interface ErrorTracker {
  name: string;
  module: string;
  calls: string[];
  settings: string[];
  apps: string[];
  middleware: string[];
}

const ERROR_TRACKERS: ErrorTracker[] = [
  // GlitchTip and self-hosted Sentry take the same SDK.
  { name: 'Sentry', module: 'sentry_sdk', calls: ['init'], settings: [], apps: [], middleware: [] },
  { name: 'Raven (the old Sentry client)', module: 'raven', calls: [], settings: ['RAVEN_CONFIG'], apps: ['raven.contrib.django.raven_compat', 'raven.contrib.django'], middleware: [] },
  {
    name: 'Rollbar',
    module: 'rollbar',
    calls: ['init'],
    settings: ['ROLLBAR'],
    apps: [],
    middleware: ['rollbar.contrib.django.middleware.RollbarNotifierMiddleware', 'rollbar.contrib.django.middleware.RollbarNotifierMiddlewareExcluding404', 'rollbar.contrib.django.middleware.RollbarNotifierMiddlewareOnly404'],
  },
  { name: 'Bugsnag', module: 'bugsnag', calls: ['configure'], settings: ['BUGSNAG'], apps: [], middleware: ['bugsnag.django.middleware.BugsnagMiddleware'] },
  { name: 'Honeybadger', module: 'honeybadger', calls: ['configure'], settings: ['HONEYBADGER'], apps: [], middleware: ['honeybadger.contrib.DjangoHoneybadgerMiddleware', 'honeybadger.contrib.django.DjangoHoneybadgerMiddleware'] },
  { name: 'Airbrake', module: 'pybrake', calls: [], settings: ['AIRBRAKE'], apps: [], middleware: ['pybrake.django.AirbrakeMiddleware', 'pybrake.middleware.django.AirbrakeMiddleware'] },
  { name: 'Elastic APM', module: 'elasticapm', calls: [], settings: ['ELASTIC_APM'], apps: ['elasticapm.contrib.django'], middleware: [] },
  { name: 'AppSignal', module: 'appsignal', calls: ['start'], settings: [], apps: [], middleware: [] },
];

/** `SENTRY_DSN`, `DJANGO_SENTRY_DSN`, `APP_SENTRY_DSN`: what sentry_sdk.init(dsn=…) is read from. */
const DSN_VARIABLE = /(?:^|_)SENTRY_DSN$/;

const ENTRY_POINTS = /(?:^|[/\\])(?:wsgi|asgi|manage)\.py$/;

/** What the production settings do about error tracking. */
type ErrorTracking =
  | { state: 'configured'; tracker: string }
  /** The DSN comes from production's environment: the env side judges whether it is set. */
  | { state: 'reads-dsn'; read: EnvRead }
  | { state: 'none' }
  | { state: 'unknown'; reason: string };

export const rule: Rule = {
  meta: {
    code: 'DJ609',
    name: 'sentry-not-configured',
    description: 'The production settings configure no error tracker (no sentry_sdk.init, no SENTRY_DSN read, no Rollbar, Bugsnag, …), or production\'s env file leaves the SENTRY_DSN they read unset or empty.',
    category: 'data',
    severity: 'info',
    checklistItem: 'Error tracking (Sentry) configured',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    // Absence says something only about the file that configures the production app.
    if (project.contextOf(file).context !== 'production' || !isDjangoEnvFile(env)) return;
    const settings = productionSettings(project);
    const tracking = settings ? errorTracking(project, settings) : null;
    // Settings that configure a tracker need no DSN line; settings that configure none are told so
    // there (a DSN line alone would start nothing).
    if (tracking && tracking.state !== 'reads-dsn' && tracking.state !== 'unknown') return;
    if (tracking?.state === 'reads-dsn') {
      const read = tracking.read;
      if (dsnIsSetElsewhere(project, read, file.path)) return;
      const entry = env.get(read.variable);
      if (entry && entry.value.trim() !== '') return;
      const related = [{ path: read.at.path, range: read.at.range, message: `the production settings read ${read.variable} here` }];
      report({
        range: entry ? entry.keyRange : startOfFile(env),
        message: entry
          ? `${entry.key} is empty: the production settings read it (${read.reader}("${read.variable}")) for the error tracker, and sentry_sdk sends nothing without a DSN, so unhandled errors reach no error tracker.`
          : `${read.variable} is not set in this production env file, and the production settings read it (${read.reader}("${read.variable}")) for the error tracker: unhandled errors reach no error tracker.`,
        related,
      });
      return;
    }
    const entries = settingEntries(env, 'SENTRY_DSN');
    if (entries.some((entry) => entry.value.trim() !== '')) return;
    if (entries.length === 0) {
      report({
        range: startOfFile(env),
        message: 'SENTRY_DSN is not set in this production env file: unhandled errors reach no error tracker unless the settings configure one another way.',
      });
      return;
    }
    const last = entries[entries.length - 1];
    report({
      range: last.keyRange,
      message: `${last.key} is empty: sentry_sdk sends nothing without a DSN, so unhandled errors reach no error tracker.`,
    });
  },
  checkSettings(settings, { project, report }) {
    if (!settings.isProduction) return;
    const tracking = errorTracking(project, settings);
    if (tracking.state === 'none') {
      const at = settings.moduleLocation();
      report({
        path: at.path,
        range: at.range,
        message: `The production settings (${settings.entry.relativePath}) configure no error tracker: no sentry_sdk.init(...), no SENTRY_DSN read, no Rollbar, Bugsnag, Honeybadger, Airbrake or Elastic APM. An unhandled exception in production is a 500 page for the user and a log line nobody watches.`,
      });
      return;
    }
    // A DSN read that production's environment leaves unset, with no production env file to add it
    // to (the env side reports it there when there is one): the read is where the fix starts.
    if (tracking.state !== 'reads-dsn') return;
    const read = tracking.read;
    if (!read.environmentKnown || read.source || hasProductionDjangoEnvFile(project) || productionLinks(project).unknownVariables.has(read.variable)) return;
    const fallback = read.defaultValue;
    if (fallback && (fallback.kind !== 'str' || fallback.value.trim() !== '') && fallback.kind !== 'none') return;
    report({
      path: read.at.path,
      range: read.at.range,
      message: `${read.reader}("${read.variable}") gets no value in production: its environment does not set ${read.variable}, so the error tracker starts without a DSN and unhandled errors reach no error tracker.`,
    });
  },
};

/** Whether production's environment gives the read a non-empty value from another file or from compose. */
function dsnIsSetElsewhere(project: ProjectModel, read: EnvRead, envFilePath: string): boolean {
  if (productionLinks(project).unknownVariables.has(read.variable)) return true;
  const source = read.source;
  if (!source || source.file?.path === envFilePath) return false;
  return source.value.trim() !== '';
}

function hasProductionDjangoEnvFile(project: ProjectModel): boolean {
  return project.ofKind('env').some((file) => file.text !== null && project.contextOf(file).context === 'production' && isDjangoEnvFile(project.env(file)));
}

/** Computed once per model: every env file and the settings module ask. */
const trackingByModel = new WeakMap<ProjectModel, { view: SettingsView; tracking: ErrorTracking }>();

export function errorTracking(project: ProjectModel, settings: SettingsView): ErrorTracking {
  const cached = trackingByModel.get(project);
  if (cached && cached.view.namespace === settings.namespace) return cached.tracking;
  const tracking = computeErrorTracking(project, settings);
  trackingByModel.set(project, { view: settings, tracking });
  return tracking;
}

function computeErrorTracking(project: ProjectModel, settings: SettingsView): ErrorTracking {
  const namespace = settings.namespace;
  const read = namespace.envReads.find((candidate) => DSN_VARIABLE.test(candidate.variable));
  if (read) return { state: 'reads-dsn', read };
  // A DSN the settings define for code elsewhere to pass on (an app's ready(), wsgi.py).
  for (const [name, binding] of namespace.names) {
    if (DSN_VARIABLE.test(name) && binding.value.kind === 'str' && binding.value.value.trim() !== '') return { state: 'configured', tracker: `Sentry (${name} is set)` };
  }
  const texts = namespace.files.map((filePath) => project.get(filePath)?.text ?? '');
  const aliases = importAliases(texts);
  const called = new Set(namespace.calls.map((call) => resolvedName(call.name, aliases)));
  let listsUnknown = false;
  for (const tracker of ERROR_TRACKERS) {
    if (tracker.calls.some((call) => called.has(`${tracker.module}.${call}`))) return { state: 'configured', tracker: tracker.name };
    if (tracker.settings.some((name) => namespace.names.has(name))) return { state: 'configured', tracker: tracker.name };
    for (const [setting, items] of [['INSTALLED_APPS', tracker.apps], [middlewareSetting(settings), tracker.middleware]] as const) {
      for (const item of items) {
        const has = listHas(settings, setting, item);
        if (has) return { state: 'configured', tracker: tracker.name };
        if (has === null) listsUnknown = true;
      }
    }
  }
  // Django's entry points start trackers too (`sentry_sdk.init(...)` in wsgi.py).
  for (const [filePath, source] of project.otherSources) {
    if (!ENTRY_POINTS.test(filePath) || source.text === null) continue;
    const tracker = ERROR_TRACKERS.find((candidate) => candidate.calls.some((call) => source.text!.includes(`${candidate.module}.${call}(`)));
    if (tracker) return { state: 'configured', tracker: `${tracker.name} (started in ${filePath.slice(filePath.lastIndexOf('/') + 1)})` };
  }
  if (namespace.tainted) return { state: 'unknown', reason: namespace.tainted };
  if (listsUnknown) return { state: 'unknown', reason: 'INSTALLED_APPS or MIDDLEWARE is not fully known' };
  // A tracker's module written in a settings module but not called where the evaluator saw it
  // (inside a function, a branch not taken): not judged.
  const mentioned = ERROR_TRACKERS.find((tracker) => texts.some((text) => new RegExp(`^[ \\t]*(?:import|from)[ \\t]+${tracker.module}\\b`, 'm').test(text)));
  if (mentioned) return { state: 'unknown', reason: `${mentioned.module} is imported but not called at the top level` };
  return { state: 'none' };
}

/** Local names bound by imports in the modules' text: `import sentry_sdk as sentry`, `from sentry_sdk import init`. */
function importAliases(texts: string[]): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const text of texts) {
    for (const match of text.matchAll(/^[ \t]*import[ \t]+([^\n#;]+)/gm)) {
      for (const part of match[1].split(',')) {
        const [dotted, alias] = part.trim().split(/\s+as\s+/);
        if (alias) aliases.set(alias.trim(), dotted.trim());
      }
    }
    for (const match of text.matchAll(/^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]+)/gm)) {
      for (const part of match[2].replace(/[()\\]/g, ' ').split(',')) {
        const [name, alias] = part.trim().split(/\s+as\s+/);
        if (name) aliases.set((alias ?? name).trim(), `${match[1]}.${name.trim()}`);
      }
    }
  }
  return aliases;
}

/** `sentry.init` with `import sentry_sdk as sentry` -> `sentry_sdk.init`. */
function resolvedName(name: string, aliases: Map<string, string>): string {
  const [first, ...rest] = name.split('.');
  const resolved = aliases.get(first);
  return resolved ? [resolved, ...rest].join('.') : name;
}
