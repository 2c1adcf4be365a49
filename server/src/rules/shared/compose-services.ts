/**
 * What compose rules share: the services of a compose file with their effective (merged) form,
 * an EnvFile view of `environment:` so the env rules judge compose values with the same code,
 * and fixes that write YAML.
 */
import type { ComposeEnvironmentEntry, ComposeFile, ComposeService, ComposeString } from '../../parse/compose';
import { interpolateTemplate, templateVariables } from '../../parse/compose-interpolation';
import { EnvEntry, EnvFile } from '../../parse/env';
import type { Range } from '../../parse/source-text';
import { EffectiveService, composeLookup, effectiveServicesIn } from '../../project/compose-application';
import type { ProjectFile, ProjectModel } from '../../project/model';
import type { Fix } from '../rule';

export interface FileService {
  /** The service as this file writes it. */
  service: ComposeService;
  /** The service as compose runs it (overrides, extends, includes merged); null if the file is not part of an application. */
  effective: EffectiveService | null;
}

/** The services this file writes, each with its effective form. */
export function fileServices(project: ProjectModel, file: ProjectFile, compose: ComposeFile): FileService[] {
  // Indexed once: a search per service was quadratic in the number of services.
  const effectiveOf = new Map<ComposeService, EffectiveService>();
  for (const candidate of effectiveServicesIn(project, file)) {
    for (const layer of candidate.layers) if (!effectiveOf.has(layer.service)) effectiveOf.set(layer.service, candidate);
  }
  return compose.services.map((service) => ({ service, effective: effectiveOf.get(service) ?? null }));
}

/** Database, cache and broker images and service names. */
export const DATA_SERVICE = /\b(postgres(?:ql)?|postgis|pgbouncer|mysql|mariadb|redis|valkey|keydb|memcached|rabbitmq|mongo(?:db)?|elasticsearch|opensearch|couchdb|cassandra|kafka|zookeeper|influxdb|clickhouse|minio)\b/i;
/** Reverse proxies that terminate HTTP(S) in front of the app. */
export const PROXY_SERVICE = /\b(traefik|nginx|caddy|haproxy|envoy|apache|httpd|openresty|nginx-proxy)\b/i;

/** The words that identify a service: its name, image and Dockerfile path. */
export function serviceIdentity(service: ComposeService, effective: EffectiveService | null): string {
  const image = effective?.image?.text ?? service.image?.text ?? '';
  const build = effective?.build ?? service.build;
  return [service.name, image, build?.dockerfile ?? '', build?.context ?? ''].join(' ').replace(/[_/.:-]/g, ' ');
}

export function isDataService(service: ComposeService, effective: EffectiveService | null): boolean {
  return DATA_SERVICE.test(serviceIdentity(service, effective));
}

export function isProxyService(service: ComposeService, effective: EffectiveService | null): boolean {
  return PROXY_SERVICE.test(serviceIdentity(service, effective));
}

/** Each environment entry once per file: an anchor merged into several services is judged where it is written. */
export class SeenEntries {
  private readonly seen = new Set<string>();

  first(range: Range): boolean {
    const key = `${range.start.line}:${range.start.character}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

/**
 * One EnvFile per service over its `environment:` entries, values interpolated as compose does,
 * with the compose file's ranges. Entries whose value is unknown (shell variables, pass-through)
 * are left out: rules are silent on unknown values. Each entry appears in one view only.
 */
export function composeEnvViews(project: ProjectModel, file: ProjectFile, compose: ComposeFile): readonly ComposeEnvView[] {
  // Once per model and file: every compose rule with an env side asks on each keystroke.
  let byFile = envViewsCache.get(project);
  if (!byFile) envViewsCache.set(project, (byFile = new Map()));
  const cached = byFile.get(file);
  if (cached && cached.compose === compose) return cached.views;
  const views = buildComposeEnvViews(project, file, compose);
  byFile.set(file, { compose, views });
  return views;
}

export interface ComposeEnvView {
  service: ComposeService;
  env: EnvFile;
  entries: ReadonlyMap<EnvEntry, ComposeEnvironmentEntry>;
}

const envViewsCache = new WeakMap<ProjectModel, Map<ProjectFile, { compose: ComposeFile; views: readonly ComposeEnvView[] }>>();

function buildComposeEnvViews(project: ProjectModel, file: ProjectFile, compose: ComposeFile): ComposeEnvView[] {
  const lookup = composeLookup(project, file);
  const seen = new SeenEntries();
  return compose.services.map((service) => {
    const entries = new Map<EnvEntry, ComposeEnvironmentEntry>();
    for (const entry of service.environment) {
      if (!entry.value || !seen.first(entry.keyRange)) continue;
      const value = interpolateTemplate(entry.value.template, lookup).value;
      if (value === null) continue;
      entries.set(envEntryView(compose, entry, entry.value, value), entry);
    }
    return { service, env: new EnvFile(compose.source, [...entries.keys()], [], []), entries };
  });
}

function envEntryView(compose: ComposeFile, entry: ComposeEnvironmentEntry, written: ComposeString, value: string): EnvEntry {
  const { source } = compose;
  const start = source.offsetAt(entry.valueRange.start);
  const end = source.offsetAt(entry.valueRange.end);
  const rawValue = source.text.slice(start, end);
  const quote = rawValue.startsWith('"') ? '"' : rawValue.startsWith("'") ? "'" : null;
  // Sub-ranges of the value are exact only when the file holds the value verbatim.
  const innerRange = written.verbatimStart !== null && value === written.text ? source.rangeOf(written.verbatimStart, written.verbatimStart + value.length) : entry.valueRange;
  return {
    key: entry.key,
    value,
    rawValue,
    quote,
    exported: false,
    line: entry.keyRange.start.line,
    keyRange: entry.keyRange,
    valueRange: entry.valueRange,
    innerRange,
    range: entry.range,
    comment: null,
  };
}

/** YAML that compose reads back as exactly this string (double-quoted, escaped). */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** Replaces an `environment:` value: quoted in the map form (compose wants strings), bare after `=` in the list form. */
export function composeValueFix(file: ProjectFile, entry: ComposeEnvironmentEntry, newValue: string, title: string, safe = true): Fix[] {
  if (entry.form === 'list' && entry.value?.verbatimStart === null) return [];
  const newText = entry.form === 'map' ? yamlString(newValue) : newValue;
  return [{ title, safe, preferred: true, edits: [{ path: file.path, range: entry.valueRange, newText }] }];
}

/** The fix of an EnvEntry of a compose view: through its compose entry. */
export function viewValueFix(file: ProjectFile, entries: Map<EnvEntry, ComposeEnvironmentEntry>, entry: EnvEntry, newValue: string, title: string, safe = true): Fix[] {
  const composeEntry = entries.get(entry);
  return composeEntry ? composeValueFix(file, composeEntry, newValue, title, safe) : [];
}

/** Deletes whole lines (an option or list item written on its own lines). */
export function deleteLinesFix(file: ProjectFile, compose: ComposeFile, range: Range, title: string, safe = true): Fix {
  const { source } = compose;
  const start = source.lineStarts[range.start.line];
  const nextLine = range.end.line + 1;
  const end = nextLine < source.lineStarts.length ? source.lineStarts[nextLine] : source.text.length;
  return { title, safe, preferred: true, edits: [{ path: file.path, range: source.rangeOf(start, end), newText: '' }] };
}

/** The line of an option (`privileged: true`): from its key to the end of its value. */
export function optionRange(service: ComposeService, key: string, value: ComposeString): Range {
  const keyRange = service.keys.get(key)?.range ?? value.range;
  return { start: keyRange.start, end: value.range.end };
}

/** Variables a value interpolates, outermost first. */
export function interpolatedVariables(value: ComposeString) {
  return templateVariables(value.template);
}

/** True when `range` is alone on its lines (indentation, a list dash and a trailing comment aside). */
export function isOnOwnLines(compose: ComposeFile, range: Range): boolean {
  const { source } = compose;
  const before = source.lineText(range.start.line).slice(0, range.start.character);
  const after = source.lineText(range.end.line).slice(range.end.character);
  return /^\s*(-\s*)?$/.test(before) && /^\s*(#.*)?$/.test(after);
}

/** Deletes an option (`privileged: true`) or a list item when it is written on lines of its own; else no fix. */
export function deleteOwnLinesFix(file: ProjectFile, compose: ComposeFile, range: Range, title: string, safe = false): Fix[] {
  if (!isOnOwnLines(compose, range)) return [];
  return [deleteLinesFix(file, compose, range, title, safe)];
}

/** The indentation of a block-style service's keys (the line after its name), or null (flow style). */
function serviceKeyIndent(compose: ComposeFile, service: ComposeService): string | null {
  const { source } = compose;
  const nameIndent = source.lineText(service.nameRange.start.line).slice(0, service.nameRange.start.character);
  for (let line = service.nameRange.start.line + 1; line < source.lineStarts.length; line++) {
    const text = source.lineText(line);
    if (/^\s*(#.*)?$/.test(text)) continue;
    const indent = /^\s*/.exec(text)![0];
    return indent.length > nameIndent.length && /^\s*$/.test(nameIndent) ? indent : null;
  }
  return null;
}

/**
 * Adds keys to a block-style service, right after its name line: `lines` are relative to the
 * service's key indentation (two spaces more per nesting level).
 */
export function insertServiceKeysFix(file: ProjectFile, compose: ComposeFile, service: ComposeService, lines: string[], title: string, safe = false): Fix[] {
  const indent = serviceKeyIndent(compose, service);
  if (indent === null || service.nameRange.start.line >= compose.source.lineStarts.length - 1) return [];
  if (!/^\s*["']?[^"'{]*["']?\s*:\s*(#.*)?$/.test(compose.source.lineText(service.nameRange.start.line))) return [];
  const at = compose.source.lineStarts[service.nameRange.start.line + 1];
  const position = compose.source.positionAt(at);
  const eol = compose.source.eol;
  return [{ title, safe, preferred: true, edits: [{ path: file.path, range: { start: position, end: position }, newText: lines.map((line) => `${indent}${line}${eol}`).join('') }] }];
}
