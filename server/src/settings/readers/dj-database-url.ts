/**
 * dj-database-url: `config(env="DATABASE_URL", default=None, engine=None, conn_max_age=0,
 * ssl_require=False)` and `parse(url, engine, conn_max_age, ssl_require)`, as in version 0.5.0
 * (Debian's python3-dj-database-url, /usr/lib/python3/dist-packages/dj_database_url.py).
 * Differential test: test/unit/settings/readers.test.ts runs that file on the same URLs.
 */
import { DictEntry, Value, unknown } from '../value';
import { pythonParseQs, pythonUnquote, pythonUrlparse } from './python-url';

export const DJ_DATABASE_URL_VERSION = '0.5.0';

const SCHEMES: Record<string, string> = {
  postgres: 'django.db.backends.postgresql_psycopg2',
  postgresql: 'django.db.backends.postgresql_psycopg2',
  pgsql: 'django.db.backends.postgresql_psycopg2',
  postgis: 'django.contrib.gis.db.backends.postgis',
  mysql: 'django.db.backends.mysql',
  mysql2: 'django.db.backends.mysql',
  mysqlgis: 'django.contrib.gis.db.backends.mysql',
  'mysql-connector': 'mysql.connector.django',
  mssql: 'sql_server.pyodbc',
  spatialite: 'django.contrib.gis.db.backends.spatialite',
  sqlite: 'django.db.backends.sqlite3',
  oracle: 'django.db.backends.oracle',
  oraclegis: 'django.contrib.gis.db.backends.oracle',
  redshift: 'django_redshift_backend',
};

export interface DatabaseUrlOptions {
  /** `engine=`: null for the scheme's. */
  engine: string | null;
  /** `conn_max_age=` as given (0 by default). */
  connMaxAge: Value;
  sslRequire: boolean;
}

const str = (value: string): Value => ({ kind: 'str', value, at: null });
const entry = (key: string, value: Value): DictEntry => ({ key: str(key), value });

/** `dj_database_url.parse(url, …)`: the DATABASES entry, or unknown where the library raises. */
export function parseDatabaseUrl(url: string, options: DatabaseUrlOptions): Value {
  if (url === 'sqlite://:memory:') return { kind: 'dict', entries: [entry('ENGINE', str(SCHEMES.sqlite)), entry('NAME', str(':memory:'))] };
  const parsed = pythonUrlparse(url);
  if (!parsed) return unknown('dj_database_url.parse raises ValueError on this URL (Invalid IPv6 URL)', null, 'ValueError');
  let path = parsed.path.slice(1);
  let query = parsed.query;
  if (path.includes('?') && !parsed.query) {
    // path.split('?', 2) unpacked into two names: a second '?' raises.
    const parts = path.split('?');
    if (parts.length > 2) return unknown('dj_database_url.parse raises ValueError on a URL with two `?` in its path', null, 'ValueError');
    [path, query] = parts;
  }
  const parameters = pythonParseQs(query);
  if (parsed.scheme === 'sqlite' && path === '') path = ':memory:';
  let hostname = parsed.hostname ?? '';
  if (hostname.toLowerCase().includes('%2f')) {
    // Postgres socket paths: the netloc as written, without user and port.
    hostname = parsed.netloc;
    if (hostname.includes('@')) hostname = hostname.slice(hostname.lastIndexOf('@') + 1);
    if (hostname.includes(':')) hostname = hostname.slice(0, hostname.indexOf(':'));
    hostname = hostname.replace(/%2f/gi, '/');
  }
  const engine = options.engine ?? SCHEMES[parsed.scheme];
  if (engine === undefined) return unknown(`dj_database_url.parse raises KeyError: it knows no scheme "${parsed.scheme}"`, null, 'KeyError');
  if (parsed.port === undefined) return unknown('dj_database_url.parse raises ValueError: the port is not a number from 0 to 65535', null, 'ValueError');
  const port: Value = parsed.port ? (engine === SCHEMES.oracle ? str(String(parsed.port)) : { kind: 'int', value: parsed.port, at: null }) : str('');
  const entries: DictEntry[] = [
    entry('NAME', str(pythonUnquote(path))),
    entry('USER', str(pythonUnquote(parsed.username ?? ''))),
    entry('PASSWORD', str(pythonUnquote(parsed.password ?? ''))),
    entry('HOST', str(hostname)),
    entry('PORT', port),
    entry('CONN_MAX_AGE', options.connMaxAge),
  ];
  const optionEntries = new Map<string, Value>();
  for (const [key, values] of parameters) {
    if (parsed.scheme === 'mysql' && key === 'ssl-ca') {
      optionEntries.set('ssl', { kind: 'dict', entries: [entry('ca', str(values[values.length - 1]))], at: null });
      continue;
    }
    optionEntries.set(key, str(values[values.length - 1]));
  }
  if (options.sslRequire) optionEntries.set('sslmode', str('require'));
  const schemaEngines = ['django.contrib.gis.db.backends.postgis', 'django.db.backends.postgresql_psycopg2', 'django_redshift_backend'];
  const schema = optionEntries.get('currentSchema');
  if (schema && schemaEngines.includes(engine) && schema.kind === 'str') {
    optionEntries.delete('currentSchema');
    optionEntries.set('options', str(`-c search_path=${schema.value}`));
  }
  if (optionEntries.size > 0) entries.push(entry('OPTIONS', { kind: 'dict', entries: [...optionEntries].map(([key, value]) => entry(key, value)), at: null }));
  if (engine) entries.push(entry('ENGINE', str(engine)));
  return { kind: 'dict', entries };
}
