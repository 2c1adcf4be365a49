import { parseServiceUrl } from '../parse/django-environ';
import type { ProjectModel } from '../project/model';
import type { SettingsView } from '../settings/project-settings';
import { dictGet } from '../settings/value';
import type { EnvRead } from '../settings/value';
import { DatabaseAlias, configString, databaseAliases, judgedByUrlCheck } from './shared/database-setting';
import { replaceValueFix } from './shared/env-settings';
import { Fix, Rule } from './rule';
import { reportSetting, settingsText } from './shared/settings-findings';
import { databaseUrlEntries } from './shared/service-urls';
import { checkComposeEnvironment } from './shared/compose-environment-side';

const ENGINE_VARIABLES = ['DB_ENGINE', 'DATABASE_ENGINE', 'DJANGO_DB_ENGINE'];

// GeoDjango needs a spatial database: SpatiaLite's server-grade counterpart is PostGIS.
const POSTGRES_TEMPLATE = 'postgres://USER:PASSWORD@HOST:5432/NAME';
const POSTGIS_TEMPLATE = 'postgis://USER:PASSWORD@HOST:5432/NAME';

export const rule: Rule = {
  meta: {
    code: 'DJ601',
    name: 'sqlite-in-production',
    description: 'A database URL, an engine variable or a DATABASES ENGINE selects SQLite or SpatiaLite.',
    category: 'data',
    severity: 'error',
    checklistItem: 'Use PostgreSQL (not SQLite)',
    djangoCheck: null,
  },
  checkCompose(compose, context) {
    checkComposeEnvironment((env, inner) => rule.checkEnv!(env, inner), compose, context);
  },
  checkEnv(env, { file, report }) {
    for (const entry of databaseUrlEntries(env)) {
      const url = parseServiceUrl(entry.value);
      if (!url || (url.scheme !== 'sqlite' && url.scheme !== 'spatialite')) continue;
      const shown = url.password === '' ? `${entry.key}=${entry.value}` : `${entry.key} (${url.scheme}://…)`;
      const template = url.scheme === 'spatialite' ? POSTGIS_TEMPLATE : POSTGRES_TEMPLATE;
      report({
        range: entry.valueRange,
        message: `${shown} puts the database in a local SQLite file: writes are serialised, and the data lives and dies with one container or disk.`,
        fixes: [replaceValueFix(file, entry, template, `Replace ${entry.key} with a ${url.scheme === 'spatialite' ? 'PostGIS' : 'PostgreSQL'} URL template`, false)],
      });
    }
    for (const key of ENGINE_VARIABLES) {
      const entry = env.get(key);
      if (!entry || !/sqlite3|spatialite/i.test(entry.value)) continue;
      report({
        range: entry.valueRange,
        message: `${entry.key}=${entry.value} selects SQLite: writes are serialised, and the data lives and dies with one container or disk.`,
      });
    }
  },
  checkSettings(settings, context) {
    for (const database of databaseAliases(settings)) {
      const engine = configString(database.config, 'ENGINE');
      if (typeof engine !== 'string' || !/sqlite3|spatialite/i.test(engine)) continue;
      // A `*DATABASE_URL` line is judged by the env (or compose) side, where it is written.
      if (judgedByUrlCheck(database.config, true)) continue;
      const spatial = /spatialite/i.test(engine);
      const written = dictGet(database.config, 'ENGINE');
      // ENGINE read from a variable of its own (`os.environ.get("DB_ENGINE", …sqlite3)`) in a display.
      const engineRead = !database.config.env && written?.env ? written : null;
      if (engineRead?.env?.source?.entry && ENGINE_VARIABLES.includes(engineRead.env.source.entry.key)) continue;
      const lookup = database.config.env ? database.lookup : written?.at ? { ...database.lookup, value: written, location: written.at } : database.lookup;
      reportSetting(settings, lookup, context, {
        message: `${describeDatabase(database, engine, engineRead?.env ?? null)} puts the database in a local ${spatial ? 'SpatiaLite' : 'SQLite'} file: writes are serialised, and the data lives and dies with one container or disk.`,
        // Switching an engine variable alone also needs NAME, USER, PASSWORD and HOST: no fix.
        fixes: engineRead ? [] : sqliteFixes(settings, context.project, database, spatial),
      });
    }
  },
};

function describeDatabase({ alias, config }: DatabaseAlias, engine: string, engineRead: EnvRead | null): string {
  const subject = `DATABASES["${alias}"]`;
  if (engineRead?.source) return `${subject}["ENGINE"] is "${engine}" (${engineRead.variable} in ${engineRead.source.origin})`;
  if (engineRead) return `${subject}["ENGINE"] is "${engine}" (the default of ${engineRead.reader}("${engineRead.variable}"), which production's environment does not set)`;
  const read = config.env;
  if (read?.source) return `${subject} (${read.variable} in ${read.source.origin}, a ${parseServiceUrl(read.source.value)?.scheme ?? 'SQLite'} URL)`;
  if (read) return `${subject} (the default of ${read.reader}("${read.variable}"), which production's environment does not set)`;
  return `${subject}["ENGINE"] = "${engine}"`;
}

/**
 * The env line gets a URL template; an env.db default is dropped, so production must set the
 * variable; a startproject-style display (ENGINE and NAME only) becomes an env.db read when
 * the module has a django-environ Env. Never for fix-all: the data has to be moved.
 */
function sqliteFixes(settings: SettingsView, project: ProjectModel, database: DatabaseAlias, spatial: boolean): Fix[] {
  const read = database.config.env;
  const template = spatial ? POSTGIS_TEMPLATE : POSTGRES_TEMPLATE;
  const kind = spatial ? 'PostGIS' : 'PostgreSQL';
  if (read?.source?.file && read.source.entry) {
    return [replaceValueFix(read.source.file, read.source.entry, template, `Replace ${read.variable} with a ${kind} URL template`, false)];
  }
  if (read) {
    const call = withoutDefault(project, read);
    return call ? [{ title: `Drop the SQLite default of ${read.variable}: production must set a ${kind} URL`, safe: false, preferred: true, edits: [{ path: read.at.path, range: read.at.range, newText: call }] }] : [];
  }
  const env = settings.namespace.names.get('env')?.value;
  const at = database.config.at;
  const onlyDefaults = database.config.entries.every((entry) => entry.key.kind === 'str' && ['ENGINE', 'NAME'].includes(entry.key.value));
  if (env?.kind !== 'object' || env.name !== 'env' || !at || !onlyDefaults || !settingsText(project, at)?.startsWith('{')) return [];
  return [{ title: `Read DATABASES["${database.alias}"] from DATABASE_URL (set it to a ${kind} URL in production)`, safe: false, preferred: true, edits: [{ path: at.path, range: at.range, newText: 'env.db("DATABASE_URL")' }] }];
}

/** `env.db("DATABASE_URL", default="sqlite://…")` -> `env.db("DATABASE_URL")`, with the callee as written. */
function withoutDefault(project: ProjectModel, read: EnvRead): string | null {
  if (!read.reader.startsWith('env')) return null;
  const text = settingsText(project, read.at);
  const callee = text && /^[\w.]+(?=\s*\()/.exec(text);
  return callee ? `${callee[0]}("${read.variable}")` : null;
}
