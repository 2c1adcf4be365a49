import { parseServiceUrl } from '../parse/django-environ';
import { rangeContains } from '../parse/source-text';
import type { ProjectModel } from '../project/model';
import { productionLinks } from '../project/production';
import { dictGet } from '../settings/value';
import { DatabaseAlias, DatabaseConfig, configString, databaseAliases, judgedByUrlCheck } from './shared/database-setting';
import { Fix, Rule } from './rule';
import { reportSetting, settingsText } from './shared/settings-findings';
import { databaseUrlEntries, isRemoteHost, queryEnd, queryParameter, urlHost } from './shared/service-urls';

/** libpq's sslmode values that refuse an unencrypted connection. */
const REQUIRED_MODES = ['require', 'verify-ca', 'verify-full'];
const WEAK_MODES: Record<string, string> = {
  disable: 'never encrypts the connection',
  allow: 'encrypts only if the server insists',
  prefer: 'falls back to an unencrypted connection and never checks the server certificate',
};

export const rule: Rule = {
  meta: {
    code: 'DJ606',
    name: 'db-ssl-not-required',
    description: 'A PostgreSQL database on a remote host (a DATABASE_URL or a DATABASES entry) does not require SSL (no sslmode=require, verify-ca or verify-full).',
    category: 'data',
    severity: 'warning',
    checklistItem: 'Enable SSL connection',
    djangoCheck: null,
  },
  checkEnv(env, { file, report }) {
    // libpq reads PGSSLMODE when the connection string names no sslmode.
    const environmentMode = env.get('PGSSLMODE')?.value.trim() || null;

    for (const entry of databaseUrlEntries(env)) {
      const url = parseServiceUrl(entry.value);
      if (!url?.engine || !/postgresql|postgis/.test(url.engine)) continue;
      const host = urlHost(entry.value);
      // A multi-host URL is beyond parseServiceUrl's reading of the query: stay silent.
      if (!host || host.multiple || !isRemoteHost(host.host)) continue;

      const parameter = queryParameter(entry.value, 'sslmode');
      if (parameter) {
        const weakness = WEAK_MODES[parameter.value];
        if (!weakness) continue;
        const range = env.valueSubRange(entry, parameter.start, parameter.end);
        report({
          range: range ?? entry.valueRange,
          // The URL may carry a password: the message names only the host and the mode.
          message: `${entry.key} connects to ${host.host} with sslmode=${parameter.value}, which ${weakness}: queries and results can be read or changed on the way.`,
          fixes: range ? [{ title: 'Set sslmode=require', safe: false, preferred: true, edits: [{ path: file.path, range, newText: 'require' }] }] : [],
        });
        continue;
      }

      if (environmentMode && REQUIRED_MODES.includes(environmentMode)) continue;
      const mode = environmentMode ?? 'prefer';
      const weakness = WEAK_MODES[mode] ?? 'does not require SSL';
      const origin = environmentMode ? `PGSSLMODE=${mode}` : 'libpq\'s default sslmode=prefer';
      const { end, parameter: parameterText } = appendedSslmode(entry.value);
      const insertAt = env.valueSubRange(entry, end, end);
      report({
        range: entry.valueRange,
        message: `${entry.key} connects to ${host.host} without sslmode=require; ${origin} ${weakness}, so queries and results can be read or changed on the way.`,
        fixes: insertAt
          ? [{ title: `Append ${parameterText} to ${entry.key}`, safe: false, preferred: true, edits: [{ path: file.path, range: insertAt, newText: parameterText }] }]
          : [],
      });
    }
  },
  checkSettings(settings, context) {
    const { environment, unknownVariables } = productionLinks(context.project);
    // PGSSLMODE set from a source that cannot be read: the mode is unknown.
    if (unknownVariables.has('PGSSLMODE')) return;
    const environmentMode = environment?.get('PGSSLMODE')?.value.trim() || null;
    for (const database of databaseAliases(settings)) {
      const { config } = database;
      const engine = configString(config, 'ENGINE');
      if (typeof engine !== 'string' || !/postgresql|postgis/.test(engine)) continue;
      // A `*DATABASE_URL` line of an env file is judged there, sslmode and all.
      if (judgedByUrlCheck(config, false)) continue;
      const host = configString(config, 'HOST');
      if (typeof host !== 'string' || host.includes(',') || !isRemoteHost(host)) continue;
      const options = dictGet(config, 'OPTIONS');
      if (options === null || (options !== undefined && options.kind !== 'dict')) continue;
      const mode = options === undefined ? undefined : dictGet(options, 'sslmode');
      if (mode === null || (mode !== undefined && mode.kind !== 'str')) continue;
      const subject = describeDatabase(database);

      if (mode !== undefined) {
        const value = (mode as { value: string }).value;
        const weakness = WEAK_MODES[value];
        if (!weakness) continue;
        // A mode written in the module is reported (and fixed) there; one from a URL at the URL's read.
        const written = !config.env && mode.at && !mode.env ? mode.at : null;
        reportSetting(settings, written ? { ...database.lookup, value: mode, location: written } : database.lookup, context, {
          message: `${subject} connects to ${host} with sslmode=${value}, which ${weakness}: queries and results can be read or changed on the way.`,
          fixes: written ? [{ title: 'Set sslmode to "require"', safe: false, preferred: true, edits: [{ path: written.path, range: written.range, newText: '"require"' }] }] : [],
        });
        continue;
      }

      if (environmentMode && REQUIRED_MODES.includes(environmentMode)) continue;
      const modeName = environmentMode ?? 'prefer';
      const weakness = WEAK_MODES[modeName] ?? 'does not require SSL';
      const origin = environmentMode ? `PGSSLMODE=${modeName}` : 'libpq\'s default sslmode=prefer';
      const fix = requireSslFix(context.project, database, options);
      reportSetting(settings, database.lookup, context, {
        message: `${subject} connects to ${host} without sslmode=require; ${origin} ${weakness}, so queries and results can be read or changed on the way.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};

function describeDatabase({ alias, config }: DatabaseAlias): string {
  const subject = `DATABASES["${alias}"]`;
  const read = config.env;
  if (read?.source) return `${subject} (${read.variable} in ${read.source.origin})`;
  if (read) return `${subject} (the default of ${read.reader}("${read.variable}"), which production's environment does not set)`;
  return subject;
}

/**
 * Where the mode can be added mechanically: `"OPTIONS": {"sslmode": "require"}` in a DATABASES
 * display (or `"sslmode"` in its OPTIONS display), `sslmode=require` appended to an env.db URL
 * written as a plain string default or on an env line. Elsewhere no fix is offered.
 */
function requireSslFix(project: ProjectModel, { config }: DatabaseAlias, options: ReturnType<typeof dictGet>): Fix | null {
  const read = config.env;
  if (read?.source?.file && read.source.entry) {
    const { file, entry } = read.source;
    const env = project.env(file);
    const { end, parameter } = appendedSslmode(entry.value);
    const at = env.valueSubRange(entry, end, end);
    return at ? { title: `Append ${parameter} to ${read.variable}`, safe: false, preferred: true, edits: [{ path: file.path, range: at, newText: parameter }] } : null;
  }
  if (read) {
    if (!read.defaultAt || read.source) return null;
    const text = settingsText(project, read.defaultAt);
    const literal = text && /^(['"])([^'"\\\n]*)\1$/.exec(text);
    if (!literal) return null;
    const { end, parameter } = appendedSslmode(literal[2]);
    const source = project.settings(project.get(read.defaultAt.path)!).source;
    const offset = source.offsetAt(read.defaultAt.range.start) + 1 + end;
    const at = source.rangeOf(offset, offset);
    return { title: `Append ${parameter} to the default of ${read.variable}`, safe: false, preferred: true, edits: [{ path: read.defaultAt.path, range: at, newText: parameter }] };
  }
  if (options === undefined) return appendEntryFix(project, config, '"OPTIONS": {"sslmode": "require"}', 'Add "OPTIONS": {"sslmode": "require"}');
  return options && options.kind === 'dict' && !options.env ? appendEntryFix(project, options, '"sslmode": "require"', 'Add "sslmode": "require" to OPTIONS') : null;
}

/** Where `sslmode=require` goes at the end of a URL's query, and the text (with its `?` or `&`) that goes there. */
function appendedSslmode(url: string): { end: number; parameter: string } {
  const { end, hasQuery, endsWithSeparator } = queryEnd(url);
  return { end, parameter: `${hasQuery ? (endsWithSeparator ? '' : '&') : '?'}sslmode=require` };
}

/** Adds an entry at the end of a dict display, on a line of its own when the display spans lines. */
function appendEntryFix(project: ProjectModel, dict: DatabaseConfig, entryText: string, title: string): Fix | null {
  const at = dict.at;
  const text = at && settingsText(project, at);
  if (!at || !text || !text.startsWith('{') || !text.endsWith('}')) return null;
  const source = project.settings(project.get(at.path)!).source;
  const last = dict.entries[dict.entries.length - 1];
  if (!last) {
    // `{}` (or `{ }`): written anew.
    return text.slice(1, -1).trim() === '' ? { title, safe: false, preferred: true, edits: [{ path: at.path, range: at.range, newText: `{${entryText}}` }] } : null;
  }
  const lastAt = last.value.at;
  const keyAt = last.key.at;
  if (!lastAt || !keyAt || lastAt.path !== at.path || !rangeContains(at.range, lastAt.range) || !rangeContains(at.range, keyAt.range)) return null;
  const insertAt = source.offsetAt(lastAt.range.end);
  // Only whitespace and a trailing comma between the last entry and the brace (no `**spread`, no comment).
  if (!/^\s*,?\s*$/.test(source.text.slice(insertAt, source.offsetAt(at.range.end) - 1))) return null;
  const multiline = at.range.end.line !== lastAt.range.end.line;
  const indent = /^[ \t]*/.exec(source.lineText(keyAt.range.start.line))![0];
  const newText = multiline ? `,${source.eol}${indent}${entryText}` : `, ${entryText}`;
  const position = source.rangeOf(insertAt, insertAt);
  return { title, safe: false, preferred: true, edits: [{ path: at.path, range: position, newText }] };
}
