import { environInt, parseServiceUrl } from '../parse/django-environ';
import { Value, dictGet, truthy } from '../settings/value';
import { replaceValueFix, readSettingEntries } from './shared/env-settings';
import { Rule } from './rule';
import { databaseUrlEntries, queryParameter } from './shared/service-urls';
import { appendToModuleFix, fixes, known, reportSetting, setValueFix } from './shared/settings-findings';

const PERSISTENT_SECONDS = '60';
const CONSEQUENCE = 'Django opens and closes a database connection for every request, paying the connection (and TLS) setup each time.';
/** Engines where a persistent connection saves nothing worth a finding (SQLite is a local file; DJ601 flags it). */
const NO_CONNECTION_COST = /sqlite3|spatialite|dummy/;

export const rule: Rule = {
  meta: {
    code: 'DJ607',
    name: 'db-connection-pooling-off',
    description: 'CONN_MAX_AGE is 0 (or, in the settings, left at Django\'s default of 0), in its own variable, in DATABASES or as conn_max_age in DATABASE_URL, so every request opens a new database connection.',
    category: 'data',
    severity: 'info',
    checklistItem: 'Set up connection pooling',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    for (const entry of readSettingEntries(env, 'CONN_MAX_AGE', { file, project })) {
      if (environInt(entry.value) !== 0) continue;
      report({
        range: entry.valueRange,
        message: `${entry.key}=${entry.value}: ${CONSEQUENCE}`,
        fixes: [replaceValueFix(file, entry, PERSISTENT_SECONDS, `Set ${entry.key}=${PERSISTENT_SECONDS}`, false)],
      });
    }

    for (const entry of databaseUrlEntries(env)) {
      if (!parseServiceUrl(entry.value)) continue;
      // django-environ takes its own options from the query by upper-cased name.
      const parameter = queryParameter(entry.value, 'conn_max_age', true);
      if (!parameter || environInt(parameter.value) !== 0) continue;
      const range = env.valueSubRange(entry, parameter.start, parameter.end);
      report({
        range: range ?? entry.valueRange,
        // The URL may carry a password: the message quotes only the parameter.
        message: `${entry.key} sets conn_max_age=${parameter.value}: ${CONSEQUENCE}`,
        fixes: range
          ? [{ title: `Set conn_max_age=${PERSISTENT_SECONDS}`, safe: false, preferred: true, edits: [{ path: file.path, range, newText: PERSISTENT_SECONDS }] }]
          : [],
      });
    }
  },
  checkSettings(settings, context) {
    const databases = known(settings, 'DATABASES');
    if (!databases || databases.state !== 'set' || databases.value.kind !== 'dict') return;
    const config = dictGet(databases.value, 'default');
    if (!config || config.kind !== 'dict') return;
    const engine = dictGet(config, 'ENGINE');
    // No ENGINE at all is a broken configuration, not a pooling question.
    if (engine === undefined || (engine?.kind === 'str' && NO_CONNECTION_COST.test(engine.value))) return;
    if (pooledElsewhere(config) !== false) return;
    const age = dictGet(config, 'CONN_MAX_AGE');
    if (age === null) return;
    const at = (value: Value) => ({ state: 'set' as const, value, binding: databases.binding, location: value.at ?? databases.location });
    if (age === undefined) {
      // At the dict or the env.db() call in the settings, not at DATABASE_URL's line: the fix is a settings line.
      const where = config.at ? { ...config, env: null } : { ...databases.value, env: null };
      const line = `DATABASES["default"]["CONN_MAX_AGE"] = ${PERSISTENT_SECONDS}`;
      reportSetting(settings, at(where), context, {
        message: `DATABASES["default"] does not set CONN_MAX_AGE (Django's default is 0): ${CONSEQUENCE}`,
        fixes: [appendToModuleFix(settings, [line], `Add ${line}`, false)],
      });
      return;
    }
    if ((age.kind !== 'int' && age.kind !== 'float') || age.value !== 0) return;
    // conn_max_age=0 in a DATABASE_URL the env file sets: the env check reports it on the parameter.
    if (!age.at && config.env?.source) return;
    const lookup = at(age.at ? age : { ...config, env: null });
    const shown = age.env?.source ? ` (${age.env.variable}=${age.env.source.value.trim()} in ${age.env.source.origin})` : '';
    reportSetting(settings, lookup, context, {
      message: `DATABASES["default"]["CONN_MAX_AGE"] is 0${shown}: ${CONSEQUENCE}`,
      fixes: fixes(age.at ? setValueFix(settings, 'CONN_MAX_AGE', lookup, PERSISTENT_SECONDS, PERSISTENT_SECONDS, false) : null),
    });
  },
};

/**
 * Whether something else pools the connections: Django 5.1's `OPTIONS["pool"]` (which requires
 * CONN_MAX_AGE 0), a pooling engine, PgBouncer in front. Null when OPTIONS cannot be read.
 */
function pooledElsewhere(config: Extract<Value, { kind: 'dict' }>): boolean | null {
  const engine = dictGet(config, 'ENGINE');
  if (engine?.kind === 'str' && /pool/i.test(engine.value)) return true;
  const host = dictGet(config, 'HOST');
  const port = dictGet(config, 'PORT');
  if ((host?.kind === 'str' && /pgbouncer/i.test(host.value)) || (port && (port.kind === 'int' || port.kind === 'str') && String(port.value) === '6432')) return true;
  const options = dictGet(config, 'OPTIONS');
  if (options === undefined) return false;
  if (options === null || options.kind !== 'dict') return null;
  const pool = dictGet(options, 'pool');
  if (pool === undefined) return false;
  if (pool === null || pool.kind === 'unknown') return null;
  return truthy(pool);
}
