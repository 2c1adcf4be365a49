/**
 * How settings rules read a setting and where their findings go: at the expression that set the
 * value (in a base module too), at the env line that gave an env read its value, or, for a
 * setting left at Django's default, at the loaded module's `import *` line or first line.
 */
import { pythonRepr, truthy } from '../../settings/value';
import { alternativesOf } from '../../settings/alternatives';
import type { EnvRead, Location, Value } from '../../settings/value';
import { productionSettings } from '../../settings/project-settings';
import type { SettingLookup, SettingsView } from '../../settings/project-settings';
import type { ProjectModel } from '../../project/model';
import { CSRF_MIDDLEWARE, SECURITY_MIDDLEWARE, SESSION_MIDDLEWARE, SESSIONS_APP, XFRAME_MIDDLEWARE } from '../../settings/django-defaults';
import { composeValueFix } from './compose-services';
import { rootCause } from '../rule';
import type { Fix, RelatedLocation, Report, RuleContext } from '../rule';

export { CSRF_MIDDLEWARE, SECURITY_MIDDLEWARE, SESSION_MIDDLEWARE, SESSIONS_APP, XFRAME_MIDDLEWARE };

export type KnownLookup = Exclude<SettingLookup, { state: 'unknown' }>;

/** The setting when its value is fully known, else null (rules are silent on unknown). */
export function known(view: SettingsView, name: string): KnownLookup | null {
  const lookup = view.get(name);
  return lookup.state === 'unknown' ? null : lookup;
}

/**
 * The setting's value on each path Django may take: one lookup when it has one value, one per
 * alternative when it depends on a condition the evaluator cannot decide (see alternatives.ts);
 * null when it, or any path of it, is unknown. A rule reports what holds on every path.
 */
export function knownOnEveryPath(view: SettingsView, name: string): KnownLookup[] | null {
  const lookup = view.get(name);
  if (lookup.state !== 'unknown') return [lookup];
  const paths = alternativesOf(lookup.value);
  const binding = view.namespace.names.get(name);
  if (!paths || !binding || paths.some((path) => path.kind === 'unknown')) return null;
  return paths.map((value) => ({ state: 'set', value, binding, location: value.at && value.at.path ? value.at : binding.statement }));
}

/**
 * A rule's verdict on a setting when it is the same on every path (null verdicts and paths that
 * disagree: null, the rule stays silent). The first lookup is where the finding goes.
 */
export function sameOnEveryPath<T>(view: SettingsView, name: string, verdict: (lookup: KnownLookup) => T | null): { verdict: T; lookups: KnownLookup[] } | null {
  const lookups = knownOnEveryPath(view, name);
  if (!lookups) return null;
  let answer: T | null = null;
  for (const lookup of lookups) {
    const one = verdict(lookup);
    if (one === null || (answer !== null && one !== answer)) return null;
    answer = one;
  }
  return answer === null ? null : { verdict: answer, lookups };
}

/** True, truthy but not True, or falsy: how Django's deploy checks see a flag. */
export function flagVerdict(value: Value): 'true' | 'truthy' | 'false' | null {
  const on = truthy(value);
  if (on === null) return null;
  return value.kind === 'bool' && value.value ? 'true' : on ? 'truthy' : 'false';
}

/** Said after a fact that holds on several paths: ` on every path (2: True, 1)`. */
export function onEveryPathNote(lookups: KnownLookup[]): string {
  if (lookups.length < 2) return '';
  return ` on every path the settings may take (${lookups.map((lookup) => shortRepr(lookup.value)).join(', ')})`;
}

/** Related locations for the other paths' values, after the first one's. */
export function otherPaths(name: string, lookups: KnownLookup[]): RelatedLocation[] {
  return lookups.slice(1).flatMap((lookup) => (lookup.location.path ? [{ path: lookup.location.path, range: lookup.location.range, message: `on another path ${name} is ${shortRepr(lookup.value)}` }] : []));
}

/** How a message names the setting's value: `DEBUG is True` / `DEBUG is unset (Django's default: False)`. */
export function describeSetting(name: string, lookup: KnownLookup): string {
  const shown = pythonRepr(lookup.value) ?? 'unknown';
  if (lookup.state === 'default') return `${name} is not set (Django's default is ${shown})`;
  const env = lookup.value.env;
  if (env?.source) return `${name} is ${shortRepr(lookup.value)} (${env.variable}=${clip(env.source.value)} in ${env.source.origin})`;
  if (env && env.hasDefault) return `${name} is ${shortRepr(lookup.value)} (the default of ${env.reader}("${env.variable}"), which production's environment does not set)`;
  return `${name} is ${shortRepr(lookup.value)}`;
}

function shortRepr(value: Value): string {
  const text = pythonRepr(value) ?? 'unknown';
  return clip(text);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Reports a finding about a setting at the right place, with related locations that say which
 * module Django loads and which env line gave the value.
 */
export function reportSetting(view: SettingsView, lookup: SettingLookup, { report }: RuleContext, finding: Omit<Report, 'range' | 'path'>): void {
  const related: RelatedLocation[] = [...(finding.related ?? [])];
  let path = lookup.location.path;
  let range = lookup.location.range;
  let cause = finding.cause;
  const source = lookup.state === 'set' ? lookup.value.env?.source : null;
  const via = lookup.state === 'set' ? lookup.value.via : null;
  // A value a helper returned: the finding is at the call (what the user changes), the helper's line beside it.
  if (via && via.path && !(via.path === path && via.range.start.line === range.start.line)) related.push({ path: via.path, range: via.range, message: 'the helper returns the value here' });
  if (source?.file && source.entry) {
    // An env-driven setting: the line to change is in the env file, where an env side may judge
    // the same value (DJ202 beside DJ201): one root cause, keyed by the variable and its line.
    related.push({ path, range, message: `read here by ${lookup.value.env!.reader}("${lookup.value.env!.variable}")` });
    path = source.file.path;
    range = source.entry.valueRange;
    cause ??= envValueCause(source.entry);
  } else if (source?.composeFile && source.composeEntry) {
    // Set by compose `environment:`: the line to change is there, where DJ202's compose side
    // judges the same value.
    related.push({ path, range, message: `read here by ${lookup.value.env!.reader}("${lookup.value.env!.variable}")` });
    path = source.composeFile.path;
    range = source.composeEntry.valueRange;
    cause ??= envValueCause({ key: source.composeEntry.key, line: source.composeEntry.keyRange.start.line });
  } else if (lookup.state === 'set' && lookup.value.env && !lookup.value.env.source && lookup.value.env.hasDefault) {
    // The default in effect decides the value: DJ203 may judge the same default.
    cause ??= envDefaultCause(lookup.value.env);
  }
  if (path !== view.entry.path) {
    const module = view.moduleLocation();
    related.push({ path: module.path, range: module.range, message: `${view.entry.relativePath} loads this value${view.isProduction ? ' (the production settings module)' : ''}` });
  }
  // A module production skips could have changed the value: say so, and point at the import.
  const optional = lookup.optional;
  if (optional) related.push({ path: optional.at.path, range: optional.at.range, message: optional.note });
  report({ ...finding, message: optional ? `${finding.message} ${optional.caveat}` : finding.message, range, path, related, ...(cause !== undefined ? { cause } : {}) });
}

/** The root cause "this read's default, in effect": the settings rule and DJ203 agree on it. */
export function envDefaultCause(read: EnvRead): string {
  return rootCause('env-default', read.variable, read.at.path, read.at.range.start.line, read.at.range.start.character);
}

/** The root cause "this env line's value": settings and env sides that judge the same line agree on it. */
export function envValueCause(entry: { key: string; line: number }): string {
  return rootCause('env-value', entry.key, entry.line);
}

/** Whether a list setting holds a string; null when that cannot be told. */
export function listHas(view: SettingsView, name: string, item: string): boolean | null {
  const lookups = knownOnEveryPath(view, name);
  if (!lookups) return null;
  // Decided when every path agrees (a conditional CORS prepend leaves CsrfViewMiddleware's absence known).
  let answer: boolean | null = null;
  for (const lookup of lookups) {
    const has = valueHas(lookup.value, item);
    if (has === null || (answer !== null && has !== answer)) return null;
    answer = has;
  }
  return answer;
}

function valueHas(value: Value, item: string): boolean | null {
  if (value.kind !== 'list' && value.kind !== 'tuple' && value.kind !== 'set') return null;
  if (value.items.some((entry) => entry.kind === 'str' && entry.value === item)) return true;
  return value.items.some((entry) => entry.kind === 'unknown') ? null : false;
}

/**
 * The setting that lists the middleware: MIDDLEWARE, or MIDDLEWARE_CLASSES when only that is set,
 * as in projects written for Django < 2.0 (before 1.10 only MIDDLEWARE_CLASSES existed; 1.10 and
 * 1.11 used it while MIDDLEWARE was None, its default then).
 */
export function middlewareSetting(view: SettingsView): 'MIDDLEWARE' | 'MIDDLEWARE_CLASSES' {
  return view.get('MIDDLEWARE').state === 'default' && view.get('MIDDLEWARE_CLASSES').state !== 'default' ? 'MIDDLEWARE_CLASSES' : 'MIDDLEWARE';
}

export const hasMiddleware = (view: SettingsView, middleware: string) => listHas(view, middlewareSetting(view), middleware);
export const securityMiddleware = (view: SettingsView) => hasMiddleware(view, SECURITY_MIDDLEWARE);

/** `value is True`. */
export function isTrue(value: Value): boolean {
  return value.kind === 'bool' && value.value;
}

/** Python truthiness of a known setting. */
export function isTruthy(value: Value): boolean | null {
  return truthy(value);
}

/** A fix replacing the expression that set the value, when it is a Python expression in a settings module. */
export function replaceExpressionFix(lookup: SettingLookup, newText: string, title: string, safe: boolean): Fix | null {
  if (lookup.state !== 'set' || lookup.value.env?.source) return null;
  const at = lookup.value.at;
  if (!at) return null;
  return { title, safe, preferred: true, edits: [{ path: at.path, range: at.range, newText }] };
}

/** A fix replacing an env-read's default (`default=True` -> `default=False`). */
export function replaceDefaultFix(lookup: SettingLookup, newText: string, title: string, safe: boolean): Fix | null {
  if (lookup.state !== 'set' || !lookup.value.env?.defaultAt) return null;
  const at = lookup.value.env.defaultAt;
  return { title, safe, preferred: true, edits: [{ path: at.path, range: at.range, newText }] };
}

/** A fix that appends `NAME = value` lines to the loaded module (for a setting left at its default). */
export function appendToModuleFix(view: SettingsView, lines: string[], title: string, safe: boolean): Fix {
  const source = view.namespace.module.python.source;
  const text = source.text;
  const end = source.positionAt(text.length);
  const eol = source.eol;
  const separator = text === '' || text.endsWith('\n') || text.endsWith('\r') ? '' : eol;
  return { title, safe, preferred: true, edits: [{ path: view.entry.path, range: { start: end, end }, newText: separator + lines.join(eol) + eol }] };
}

/**
 * A fix that gives a setting a value where it is decided: the env line that sets it, the
 * default of the env read, the expression assigned, or a new line for a setting left unset.
 */
export function setValueFix(view: SettingsView, name: string, lookup: SettingLookup, python: string, env: string, safe: boolean, note = ''): Fix | null {
  if (lookup.state === 'default') return appendToModuleFix(view, [`${name} = ${python}`], `Set ${name} = ${python}${note}`, safe);
  if (lookup.state !== 'set') return null;
  const read = lookup.value.env;
  if (read?.source?.file && read.source.entry) {
    return { title: `Set ${read.variable}=${env}${note}`, safe, preferred: true, edits: [{ path: read.source.file.path, range: read.source.entry.valueRange, newText: env }] };
  }
  if (read?.source?.composeFile && read.source.composeEntry) {
    // A value interpolated from elsewhere is fixed where it is set, not by overwriting the reference.
    const written = read.source.composeEntry.value;
    if (!written || written.template.parts.some((part) => part.kind === 'variable')) return null;
    return composeValueFix(read.source.composeFile, read.source.composeEntry, env, `Set ${read.variable}: ${env}${note}`, safe)[0] ?? null;
  }
  // A value from a source that is not an env line (decouple's repository file): the default is not what decides.
  if (read && read.hasDefault && read.defaultAt && !read.source) return replaceDefaultFix(lookup, python, `Make the default of ${read.variable} ${python}${note}`, safe);
  if (read) return null;
  return replaceExpressionFix(lookup, python, `Set ${name} = ${python}${note}`, safe);
}

/** The fix for a boolean setting that must be True. */
export function setTrueFix(view: SettingsView, name: string, lookup: SettingLookup, safe: boolean, note = ''): Fix | null {
  return setValueFix(view, name, lookup, 'True', 'True', safe, note);
}

/** The text written at a location of a settings module; null when it is not one with text. */
export function settingsText(project: ProjectModel, at: Location): string | null {
  const file = project.get(at.path);
  if (!file || file.text === null || file.kind !== 'settings') return null;
  const source = project.settings(file).source;
  return source.textIn(at.range);
}

/** Drops nulls from a list of fixes. */
export function fixes(...candidates: (Fix | null)[]): Fix[] {
  return candidates.filter((fix): fix is Fix => fix !== null);
}

/**
 * Whether the production settings decide a setting without reading any of these env variables
 * (a literal, another variable): an env file's missing variable then changes nothing, and the
 * env rules' absence findings stay quiet.
 */
export function productionSetsWithoutEnv(project: ProjectModel, setting: string, variables: string[]): boolean {
  const settings = productionSettings(project);
  const binding = settings?.namespace.names.get(setting);
  if (!binding) return false;
  const read = binding.value.env;
  return !read || !variables.includes(read.variable);
}
