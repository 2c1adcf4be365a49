/**
 * django-environ's value parsing as the settings see it (`env.bool`, `env.list`, `env.db`,
 * `env.cache`), over parse/django-environ.ts. The reading itself (Env schemes, `$` proxies, a
 * default returned as written) is the evaluator's environCall and envRead.
 */
import { environBool, environInt, environList, parseServiceUrl } from '../../parse/django-environ';
import { DictEntry, Value, unknown } from '../value';

/** django-environ's parse_value for the casts it knows. */
export function castEnvironValue(raw: string, cast: string | null): Value {
  switch (cast) {
    case null:
    case 'str':
      return { kind: 'str', value: raw };
    case 'bool':
      return { kind: 'bool', value: environBool(raw) };
    case 'int': {
      const parsed = environInt(raw);
      return parsed === null ? unknown(`int("${raw.slice(0, 20)}") raises ValueError`, null, 'ValueError') : { kind: 'int', value: parsed };
    }
    case 'float': {
      const parsed = Number(raw.trim());
      return raw.trim() === '' || Number.isNaN(parsed) ? unknown('not a float', null, 'ValueError') : { kind: 'float', value: parsed };
    }
    case 'list':
      return { kind: 'list', items: environList(raw).map((item) => ({ kind: 'str', value: item })) };
    case 'tuple':
      return { kind: 'tuple', items: environList(raw.replace(/^\(|\)$/g, '')).map((item) => ({ kind: 'str', value: item })) };
    case 'db':
      return databaseConfig(raw);
    case 'cache':
      return cacheConfig(raw);
    default:
      return unknown(`env values cast to ${cast} are not evaluated`);
  }
}

const str = (value: string): Value => ({ kind: 'str', value, at: null });

/** `env.db`: the keys the rules read (ENGINE, NAME, HOST, PORT, USER, PASSWORD, OPTIONS). */
function databaseConfig(url: string): Value {
  if (/^sqlite:\/\//i.test(url.trim())) {
    const name = url.trim().slice('sqlite://'.length).replace(/^\//, '') || ':memory:';
    return { kind: 'dict', entries: [{ key: str('ENGINE'), value: str('django.db.backends.sqlite3') }, { key: str('NAME'), value: str(name) }] };
  }
  const parsed = parseServiceUrl(url);
  if (!parsed || !parsed.engine) return unknown('a database URL django-environ does not know');
  // django-environ lifts CONN_MAX_AGE, ATOMIC_REQUESTS and AUTOCOMMIT out of OPTIONS (as ints when all digits).
  const lifted = ['CONN_MAX_AGE', 'ATOMIC_REQUESTS', 'AUTOCOMMIT'];
  const query = [...parsed.query];
  const options: DictEntry[] = query.filter(([key]) => !lifted.includes(key.toUpperCase())).map(([key, value]) => ({ key: str(key), value: str(value) }));
  // As django-environ reads parse_qs: blank values dropped, the first value of each exact name,
  // and of names equal once upper-cased, the one that first appears last wins.
  const firstValues = new Map<string, string>();
  for (const [key, value] of query) if (value !== '' && !firstValues.has(key)) firstValues.set(key, value);
  const lift = new Map<string, string>();
  for (const [key, value] of firstValues) if (lifted.includes(key.toUpperCase())) lift.set(key.toUpperCase(), value);
  const base: DictEntry[] = [...lift].map(([name, value]) => ({ key: str(name), value: /^\d+$/.test(value) ? ({ kind: 'int', value: Number(value), at: null } as Value) : str(value) }));
  return {
    kind: 'dict',
    entries: [
      { key: str('ENGINE'), value: str(parsed.engine) },
      { key: str('NAME'), value: str(parsed.name) },
      { key: str('USER'), value: str(parsed.user) },
      { key: str('PASSWORD'), value: str(parsed.password) },
      { key: str('HOST'), value: str(parsed.host) },
      { key: str('PORT'), value: parsed.port ? { kind: 'int', value: Number(parsed.port), at: null } : str('') },
      ...(options.length ? [{ key: str('OPTIONS'), value: { kind: 'dict', entries: options, at: null } as Value }] : []),
      ...base,
    ],
  };
}

function cacheConfig(url: string): Value {
  const match = /^([a-z+]+):\/\/(.*)$/i.exec(url.trim());
  const backends: Record<string, string> = {
    filecache: 'django.core.cache.backends.filebased.FileBasedCache',
    locmemcache: 'django.core.cache.backends.locmem.LocMemCache',
    dummycache: 'django.core.cache.backends.dummy.DummyCache',
    redis: 'django_redis.cache.RedisCache',
    rediss: 'django_redis.cache.RedisCache',
    dbcache: 'django.core.cache.backends.db.DatabaseCache',
  };
  if (!match || !backends[match[1].toLowerCase()]) return unknown('a cache URL that is not evaluated');
  const scheme = match[1].toLowerCase();
  const location = scheme === 'filecache' ? '/' + match[2].replace(/^\/+/, '') : scheme.startsWith('redis') ? url.trim() : match[2];
  return { kind: 'dict', entries: [{ key: str('BACKEND'), value: str(backends[scheme]) }, { key: str('LOCATION'), value: str(location) }] };
}
