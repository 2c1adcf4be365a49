/**
 * The incremental evaluator (top-level statements replayed after an edit elsewhere) must give
 * exactly what a from-scratch evaluation gives: names in order, values, ranges, env reads, trace.
 * Checked over seeded random edits of a realistic base + production pair, environment changes included.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePython } from '../../../server/src/parse/python';
import type { EnvironmentValue } from '../../../server/src/project/production';
import { EvaluationHost, ModuleNamespace, ModuleSource } from '../../../server/src/settings/namespace';
import { evaluateModule } from '../../../server/src/settings/evaluate';
import { rebasedFrom } from '../../../server/src/settings/incremental';
import type { Location, Value } from '../../../server/src/settings/value';
import { seededRandom } from '../seeded-random';

const ROOT = '/incremental/config/settings';

const BASE = `import os
from pathlib import Path

import environ

env = environ.Env(DJANGO_DEBUG=(bool, False))
BASE_DIR = Path(__file__).resolve().parent.parent.parent

def env_flag(name, default="0"):
    return os.getenv(name, default).lower() in ("1", "true", "yes") and not LOCKED

def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")

def require(name):
    value = os.environ.get(name)
    if not value:
        raise ValueError(name)
    return value

LOCKED = False
DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-abc")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["example.com"])
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
]
DATABASES = {"default": env.db("DATABASE_URL", default="sqlite:///db.sqlite3")}
`;

const PRODUCTION = `from .base import *  # noqa
from .base import env_flag as flag

import os

SECURE_HSTS_SECONDS = 60 * 60
SECURE_SSL_REDIRECT = flag("DJANGO_SSL", "1")
INSTALLED_APPS += ["storages"]
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
DATABASES["default"]["CONN_MAX_AGE"] = int(os.getenv("CONN_MAX_AGE", "60"))
STAGE = os.environ.get("STAGE")
if STAGE == "prod":
    CACHE_TIMEOUT = 300
elif STAGE:
    CACHE_TIMEOUT = 60
else:
    CACHE_TIMEOUT = 0
    LOCKED = True
try:
    SENTRY_DSN = os.environ["SENTRY_DSN"]
except KeyError:
    SENTRY_DSN = None
HOSTS = [h.strip() for h in "a.example.com, b.example.com".split(",") if h]
LABEL = f"{STAGE or 'none'}-{SECURE_HSTS_SECONDS}"; OTHER = LABEL * 2
TIMEOUTS = {"read": 5, **{"write": 10}}
TIMEOUTS["read"] += 1
del OTHER
FEATURE = flag("FEATURE", "0") or DEBUG
for name in ["x"]:
    LOOPED = name
EMAIL_HOST_PASSWORD = "hunter2-long-password"
from decouple import config, Csv
import dj_database_url, json
USE_TLS = config("USE_TLS", default="on", cast=bool)
TLS_HOSTS = config("TLS_HOSTS", default="a, b", cast=Csv())
REPLICA = dj_database_url.config("REPLICA_URL", default="sqlite:///r.db", conn_max_age=CACHE_TIMEOUT)
ORIGINS = json.loads(os.getenv("ORIGINS", "[]"))
try:
    from .local_settings import *
except ImportError:
    pass
if os.path.exists(os.path.join(os.path.dirname(__file__), "local_settings.py")):
    LOCAL_FOUND = True
USE_CORS = env_bool("USE_CORS")
if USE_CORS:
    MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware"] + MIDDLEWARE
if "SENTRY_DSN" in os.environ:
    INSTALLED_APPS.append("raven.contrib.django")
if os.environ.get("REDIS_URL") is None:
    CACHE_BACKEND = "locmem"
SESSION_COOKIE_SECURE = True if os.environ.get("STAGE") == "prod" else False
SECURE = env_bool("DJANGO_SSL", True) if LOCKED else 1
try:
    API_KEY = require("API_KEY")
except ValueError:
    API_KEY = None
TOKEN = os.environ.get("TOKEN", None)
DSN = f"postgres://app:{os.environ.get('DB_PASSWORD', 'pw')}@db/app" + "?x=%s" % STAGE
from .base import require as needed
NEEDED = needed("STAGE")
`;

/** Environment variables some edits toggle, and the values they take. */
const VARIABLES: Record<string, string[]> = {
  STAGE: ['prod', 'staging', ''],
  DJANGO_SSL: ['0', '1', 'yes'],
  FEATURE: ['1', 'no'],
  CONN_MAX_AGE: ['0', '600', 'x'],
  SENTRY_DSN: ['https://k@sentry.io/1'],
  DJANGO_DEBUG: ['off', 'on'],
  DATABASE_URL: ['postgres://u:p@db/app'],
  USE_TLS: ['off', 'bogus'],
  TLS_HOSTS: ['x,y', ''],
  REPLICA_URL: ['postgres://u:p@replica/app?sslmode=require'],
  ORIGINS: ['["https://a"]', 'not json'],
  // Not a variable: whether the optional local_settings module is in the repository.
  LOCAL_SETTINGS: ['present'],
  USE_CORS: ['1', 'no'],
  REDIS_URL: ['redis://redis:6379/0'],
  API_KEY: ['k', ''],
  TOKEN: ['t'],
};

/** Small pieces typed into the modules: they make names, numbers, strings, brackets and blocks change, and syntax errors come and go. */
const TYPED = ['1', '0', 'x', '_', ' ', '"', "'", '(', ')', '[', ']', ',', ':', '\n', '\n    ', '#', '+', '*', '=', 'STAGE', 'DEBUG', 'if ', 'os.getenv("STAGE")', 'LOCKED = True\n', 'from .base import *\n', '"SENTRY_DSN" in os.environ', 'return ', 'raise ValueError\n', 'if FLAG:\n    ', 'else:\n    '];

function editText(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const choice = random();
  if (choice < 0.45) return text.slice(0, at) + TYPED[Math.floor(random() * TYPED.length)] + text.slice(at);
  if (choice < 0.75) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
  const lines = text.split('\n');
  const line = Math.floor(random() * lines.length);
  // Duplicate or drop a whole line: statements move, names are rebound.
  if (choice < 0.82) lines.splice(line, 0, lines[line]);
  else if (choice < 0.88) lines.splice(line, 1);
  // One line break more or less: every later statement moves a line and is replayed there (its ranges re-based).
  else if (choice < 0.94) lines.splice(line, 0, '');
  else if (line + 1 < lines.length) lines.splice(line, 2, lines[line] + lines[line + 1]);
  return lines.join('\n');
}

function environmentOf(values: Record<string, string>): Map<string, EnvironmentValue> | null {
  const entries = Object.entries(values);
  // A fresh map on every evaluation, as production's links are rebuilt with every model.
  return entries.length === 0 ? null : new Map(entries.map(([key, value]) => [key, { value, file: null, entry: null, origin: 'test' }]));
}

function evaluateAll(texts: { base: string; production: string }, values: Record<string, string>, fromScratch: boolean): ModuleNamespace {
  const modules = new Map<string, ModuleSource>();
  if (values.LOCAL_SETTINGS) modules.set('local_settings', { path: `${ROOT}/local_settings.py`, name: 'config.settings.local_settings', python: parsePython('DEBUG = False\nLOCAL = 1\n') });
  for (const name of ['base', 'production'] as const) {
    const path = `${ROOT}/${name}.py`;
    // The incremental side parses as the editor does (reusing the previous tree); the other parses afresh.
    const python = fromScratch ? parsePython(texts[name]) : parsePython(texts[name], path);
    modules.set(name, { path, name: `config.settings.${name}`, python });
  }
  const done = new Map<string, ModuleNamespace>();
  const running = new Set<string>();
  const host: EvaluationHost = {
    environment: environmentOf(values),
    unknownVariables: new Map(values.DJANGO_SECRET_KEY === undefined ? [] : [['DJANGO_SECRET_KEY', 'a shell variable']]),
    resolve: (_from, level, dotted) => (level === 1 ? modules.get(dotted) ?? null : null),
    missingModule: (_from, level, dotted) => (level === 1 && dotted === 'local_settings' && !modules.has(dotted) ? { state: 'absent', file: 'config/settings/local_settings.py' } : null),
    fileState: (path) => (path === `${ROOT}/local_settings.py` ? (modules.has('local_settings') ? { state: 'present', file: 'config/settings/local_settings.py' } : { state: 'absent', file: 'config/settings/local_settings.py' }) : null),
    namespaceOf: (module) => {
      if (running.has(module.path)) return 'cycle';
      let namespace = done.get(module.path);
      if (!namespace) {
        running.add(module.path);
        namespace = evaluateModule(module, host, { fromScratch });
        running.delete(module.path);
        done.set(module.path, namespace);
      }
      return namespace;
    },
  };
  return host.namespaceOf(modules.get('production')!) as ModuleNamespace;
}

/** Everything a rule can see of a namespace, as plain data (ranges computed). */
function plain(namespace: ModuleNamespace): unknown {
  const location = (at: Location | null | undefined) => (at ? { path: at.path, range: at.range } : null);
  const seen = new Set<Value>();
  const value = (v: Value | null | undefined, depth = 0): unknown => {
    if (!v) return null;
    if (depth > 12) return '…';
    const base = { kind: v.kind, at: location(v.at), env: v.env ? [v.env.variable, v.env.reader, location(v.env.defaultAt), location(v.env.call)] : null, via: location(v.via) };
    switch (v.kind) {
      case 'list':
      case 'tuple':
      case 'set':
        return { ...base, items: v.items.map((item) => value(item, depth + 1)) };
      case 'dict':
        return { ...base, entries: v.entries.map((entry) => [value(entry.key, depth + 1), value(entry.value, depth + 1)]) };
      case 'object':
        return { ...base, name: v.name, scheme: v.scheme ? [...v.scheme].map(([key, entry]) => [key, entry.cast, value(entry.default, depth + 1)]) : null, self: value(v.self, depth + 1) };
      case 'function':
        return { ...base, name: v.name, module: v.module };
      case 'unknown':
        return { ...base, reason: v.reason, raises: v.raises ?? null, alternatives: v.alternatives?.map((item) => value(item, depth + 1)) ?? null };
      case 'none':
        return base;
      case 'str':
        return { ...base, value: v.value, parts: v.parts?.map((part) => [part.length, part.origin, location(part.at), part.env?.variable ?? null]) ?? null };
      default:
        seen.add(v);
        return { ...base, value: v.value };
    }
  };
  return {
    names: [...namespace.names].map(([name, binding]) => [name, value(binding.value), location(binding.statement)]),
    tainted: namespace.tainted,
    starImports: namespace.starImports.map(location),
    envReads: namespace.envReads.map((read) => ({
      ...read,
      at: location(read.at),
      defaultAt: location(read.defaultAt),
      defaultValue: value(read.defaultValue),
      source: read.source?.value ?? null,
      call: location(read.call),
      raisesWhenUnset: read.raisesWhenUnset ? [read.raisesWhenUnset.exception, location(read.raisesWhenUnset.at)] : null,
    })),
    calls: namespace.calls.map((call) => [call.name, location(call.at)]),
    trace: namespace.trace.map((note) => [note.note, location(note.at)]),
    files: namespace.files,
    optionalModules: namespace.optionalModules.map((optional) => [optional.state, optional.file, location(optional.at)]),
  };
}

describe('incremental settings evaluation', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`equals a from-scratch evaluation over 150 random edits (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const texts = { base: BASE, production: PRODUCTION };
      const values: Record<string, string> = { DATABASE_URL: 'postgres://u:p@db/app' };
      for (let step = 0; step < 150; step++) {
        const choice = random();
        if (choice < 0.15) {
          // The environment changes (an env file edited): only the statements reading what changed may differ.
          const names = Object.keys(VARIABLES);
          const variable = names[Math.floor(random() * names.length)];
          const options = VARIABLES[variable];
          if (random() < 0.3) delete values[variable];
          else values[variable] = options[Math.floor(random() * options.length)];
        } else if (choice < 0.3) texts.base = editText(texts.base, random);
        else texts.production = editText(texts.production, random);
        const incremental = evaluateAll(texts, values, false);
        const scratch = evaluateAll(texts, values, true);
        assert.deepStrictEqual(plain(incremental), plain(scratch), `step ${step} (seed ${seed}):\n--- base\n${texts.base}\n--- production\n${texts.production}`);
      }
    });
  }

  it('replays the statements a line break moves, at their new lines, and leaves the earlier evaluation as it was', () => {
    const texts = { base: BASE, production: PRODUCTION };
    const first = evaluateAll(texts, {}, false);
    const moved = evaluateAll({ base: BASE, production: PRODUCTION.replace('SECURE_HSTS_SECONDS = 60 * 60', '\nSECURE_HSTS_SECONDS = 60 * 60') }, {}, false);
    const scratch = evaluateAll({ base: BASE, production: PRODUCTION.replace('SECURE_HSTS_SECONDS = 60 * 60', '\nSECURE_HSTS_SECONDS = 60 * 60') }, {}, true);
    assert.deepStrictEqual(plain(moved), plain(scratch));
    // Replayed, not evaluated again: the binding re-bases the one the first evaluation made.
    // (INSTALLED_APPS is last bound by an `if` on an unknown condition, which copies the namespace: evaluated again.)
    for (const name of ['SECURE_HSTS_SECONDS', 'HOSTS', 'STAGE', 'TIMEOUTS', 'EMAIL_HOST_PASSWORD']) {
      assert.equal(rebasedFrom(moved.names.get(name)!), first.names.get(name), name);
    }
    // Before the edit: the same binding.
    assert.equal(moved.names.get('env_flag'), first.names.get('env_flag'));
    const before = first.names.get('EMAIL_HOST_PASSWORD')!;
    const after = moved.names.get('EMAIL_HOST_PASSWORD')!;
    assert.equal(after.value.at!.range.start.line, before.value.at!.range.start.line + 1);
    assert.equal(after.statement.range.start.line, before.statement.range.start.line + 1);
    // Ranges of the first evaluation asked for only now are still those of its text.
    const stage = first.names.get('STAGE')!.value.at!.range.start;
    assert.equal(PRODUCTION.split('\n')[stage.line].slice(stage.character).startsWith('os.environ.get("STAGE")'), true);
  });

  it('replays the statements an edit does not reach: the namespace of an unchanged module is the same object', () => {
    const texts = { base: BASE, production: PRODUCTION };
    const first = evaluateAll(texts, {}, false);
    const again = evaluateAll(texts, {}, false);
    assert.equal(again, first);
    const edited = evaluateAll({ base: BASE, production: PRODUCTION.replace('60 * 60', '60 * 61') }, {}, false);
    assert.notEqual(edited, first);
    // Bindings of statements before and after the edit that do not read it are reused as they were.
    assert.equal(edited.names.get('STAGE'), first.names.get('STAGE'));
    assert.equal(edited.names.get('DEBUG'), first.names.get('DEBUG'));
    assert.notEqual(edited.names.get('SECURE_HSTS_SECONDS'), first.names.get('SECURE_HSTS_SECONDS'));
    assert.equal((edited.names.get('SECURE_HSTS_SECONDS')!.value as { value: number }).value, 3660);
    assert.notEqual(edited.names.get('LABEL'), first.names.get('LABEL'));
  });
});
