/**
 * Generates varied Django settings projects for the differential test: every deploy-check
 * setting, in every syntax form the evaluator claims, single-file and base + production layouts.
 * The cases never read a variable without a default outside try/except (Django would not load).
 * Reads go through django-environ, os.environ, python-decouple and json.loads; a developer's
 * optional `local_settings` import, mostly absent, ends some modules.
 */
import { seededRandom } from '../seeded-random';

export interface SettingsCase {
  name: string;
  /** Relative path -> text. */
  files: Record<string, string>;
  /** The module Django loads. */
  module: string;
}

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (random: Random, p: number) => random() < p;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
function randomKey(random: Random, length: number): string {
  let key = '';
  for (let i = 0; i < length; i++) key += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return key;
}

let variableCounter = 0;
const envName = (setting: string) => `${setting}_${++variableCounter}`;

/**
 * Whether the case being generated gives the CLI production's environment (a production env
 * file holding DJANGO_SETTINGS_MODULE, which is also all the Django worker's environment holds):
 * then membership and identity tests on os.environ are decided, as Django decides them.
 */
let environmentKnown = false;

/** Python source for a boolean, in one of the forms the evaluator reads. */
function boolExpression(random: Random, value: boolean, setting: string): { prelude: string[]; expression: string } {
  const py = value ? 'True' : 'False';
  const not = value ? 'False' : 'True';
  // Decided by production's environment (empty but for DJANGO_SETTINGS_MODULE): only when the CLI knows it.
  const decidedByEnvironment: (() => { prelude: string[]; expression: string })[] = environmentKnown
    ? [
        () => ({ prelude: [], expression: `${py} if "${envName(setting)}" not in os.environ else ${not}` }),
        () => ({ prelude: [], expression: `${not} if "${envName(setting)}" in os.environ.keys() else ${py}` }),
        () => ({ prelude: [], expression: `${py} if os.environ.get("${envName(setting)}") is None else ${not}` }),
        () => ({ prelude: [], expression: `${py} if os.environ.get("${envName(setting)}", "") == "" else ${not}` }),
      ]
    : [];
  const forms: (() => { prelude: string[]; expression: string })[] = [
    ...decidedByEnvironment,
    () => ({ prelude: [], expression: `env_bool("${envName(setting)}", ${py})` }),
    () => ({ prelude: [], expression: `env_bool("${envName(setting)}", default=${py})` }),
    () => ({ prelude: [], expression: `setting_or("${envName(setting)}", "${value ? 'on' : ''}", allowed=("on", "")) == "on"` }),
    // One value per path, the same on both: decided whichever way the condition goes.
    () => ({ prelude: [], expression: `${py} if "${envName(setting)}" in os.environ else ${py}` }),
    () => ({ prelude: [], expression: py }),
    () => ({ prelude: [], expression: `env.bool("${envName(setting)}", default=${py})` }),
    () => ({ prelude: [], expression: `os.environ.get("${envName(setting)}", "${value ? 'True' : 'False'}") == "True"` }),
    () => ({ prelude: [], expression: `os.getenv("${envName(setting)}", "${value ? '1' : '0'}") == "1"` }),
    () => ({ prelude: [], expression: `envbool("${envName(setting)}", ${py})` }),
    () => ({ prelude: [], expression: `not ${value ? 'False' : 'True'}` }),
    () => ({ prelude: [], expression: `bool(int(os.getenv("${envName(setting)}", "${value ? '1' : '0'}")))` }),
    () => ({ prelude: [], expression: `${value ? 'True' : 'False'} if STAGE == "production" else ${value ? 'False' : 'True'}` }),
    () => ({ prelude: [], expression: `env("${envName(setting)}", default=${py})` }),
    () => ({ prelude: [], expression: `str(os.getenv("${envName(setting)}", "${value ? 'yes' : 'no'}")).lower() in ("1", "true", "yes")` }),
    // python-decouple: the default goes through the cast too.
    () => ({ prelude: [], expression: `config("${envName(setting)}", default=${py}, cast=bool)` }),
    () => ({ prelude: [], expression: `config("${envName(setting)}", default="${value ? pick(random, ['on', 'Yes', '1', 't']) : pick(random, ['off', 'No', '0', 'f', ''])}", cast=bool)` }),
  ];
  return pick(random, forms)();
}

/** A truthy value that is not True, or a falsy one that is not False (Django 3.2 tests truthiness). */
function looseBool(random: Random, value: boolean): string {
  // An env read with default=None is None when the variable is unset.
  return value ? pick(random, ['1', '"yes"', '"False"', '[1]']) : pick(random, ['0', '""', 'None', '[]', `os.environ.get("${envName('NONE')}", None)`, `env("${envName('NONE')}", default=None)`]);
}

interface Assignment {
  /** Lines that set the setting (may span several statements). */
  lines: string[];
  /** It changes what the assignment before it set: written in the same module, after it. */
  follows?: boolean;
}

function assignBool(random: Random, setting: string, value: boolean): Assignment {
  const roll = random();
  if (roll < 0.12) return { lines: [`${setting} = ${looseBool(random, value)}`] };
  if (roll < 0.2) {
    const variable = envName(setting);
    return { lines: ['try:', `    ${setting} = os.environ["${variable}"] == "yes"`, 'except KeyError:', `    ${setting} = ${value ? 'True' : 'False'}`] };
  }
  if (roll < 0.28) {
    return {
      lines: [`if os.getenv("${envName('STAGE')}", "production") == "production":`, `    ${setting} = ${value ? 'True' : 'False'}`, 'else:', `    ${setting} = ${value ? 'False' : 'True'}`],
    };
  }
  if (roll < 0.33) return { lines: [`${setting}: bool = ${value ? 'True' : 'False'}`] };
  const { expression } = boolExpression(random, value, setting);
  return { lines: [`${setting} = ${expression}`] };
}

function assignInt(random: Random, setting: string, value: number): Assignment {
  const forms = [
    () => `${setting} = ${value}`,
    () => `${setting} = env.int("${envName(setting)}", default=${value})`,
    () => `${setting} = int(os.getenv("${envName(setting)}", "${value}"))`,
    () => (value === 31536000 ? `${setting} = 60 * 60 * 24 * 365` : value === 3600 ? `${setting} = 60 * 60` : `${setting} = ${value} + 0`),
    () => `${setting} = ONE_YEAR if ${value === 31536000 ? 'True' : 'False'} else ${value}`,
    () => `${setting} = int(setting_or("${envName(setting)}", "${value}"))`,
  ];
  return { lines: [pick(random, forms)()] };
}

function assignSecretKey(random: Random, quality: 'strong' | 'short' | 'insecure' | 'repetitive' | 'empty'): Assignment {
  const key =
    quality === 'strong' ? randomKey(random, 50 + Math.floor(random() * 20))
    : quality === 'short' ? randomKey(random, 10 + Math.floor(random() * 30))
    : quality === 'insecure' ? `django-insecure-${randomKey(random, 50)}`
    : quality === 'repetitive' ? 'abcd'.repeat(15)
    : '';
  const forms = [
    () => [`SECRET_KEY = "${key}"`],
    () => [`SECRET_KEY = env("${envName('SECRET_KEY')}", default="${key}")`],
    () => [`SECRET_KEY = os.environ.get("${envName('SECRET_KEY')}", "${key}")`],
    () => [`KEY_PREFIX = "${key.slice(0, 5)}"`, `SECRET_KEY = f"{KEY_PREFIX}${key.slice(5)}"`],
    () => [`SECRET_KEY = "${key.slice(0, 7)}" + "${key.slice(7)}"`],
    () => ['try:', `    SECRET_KEY = os.environ["${envName('SECRET_KEY')}"]`, 'except KeyError:', `    SECRET_KEY = "${key}"`],
  ];
  return { lines: pick(random, forms)() };
}

const MIDDLEWARE = {
  security: 'django.middleware.security.SecurityMiddleware',
  session: 'django.contrib.sessions.middleware.SessionMiddleware',
  common: 'django.middleware.common.CommonMiddleware',
  csrf: 'django.middleware.csrf.CsrfViewMiddleware',
  xframe: 'django.middleware.clickjacking.XFrameOptionsMiddleware',
};

function assignMiddleware(random: Random, included: string[]): Assignment {
  const quoted = included.map((item) => `"${item}"`);
  const roll = random();
  if (roll < 0.4) return { lines: ['MIDDLEWARE = [', ...quoted.map((item) => `    ${item},`), ']'] };
  if (roll < 0.5) return { lines: [`MIDDLEWARE = (${quoted.join(', ')}${quoted.length === 1 ? ',' : ''})`] };
  if (roll < 0.65 && included.length > 0) {
    return { lines: [`MIDDLEWARE = [${quoted.slice(1).join(', ')}]`, `MIDDLEWARE.insert(0, ${quoted[0]})`] };
  }
  if (roll < 0.8) {
    // A removal of something that is there, then the rest appended.
    return { lines: ['MIDDLEWARE = ["django.middleware.gzip.GZipMiddleware"]', ...quoted.map((item) => `MIDDLEWARE.append(${item})`), 'MIDDLEWARE.remove("django.middleware.gzip.GZipMiddleware")'] };
  }
  if (roll < 0.9) return { lines: [`_FIRST = [${quoted.slice(0, 1).join('')}]`, `MIDDLEWARE = _FIRST + [${quoted.slice(1).join(', ')}]`] };
  return { lines: [`MIDDLEWARE = [m for m in [${quoted.join(', ')}, "x.Unused"] if m != "x.Unused"]`] };
}

function assignAllowedHosts(random: Random): Assignment {
  const forms = [
    () => ['ALLOWED_HOSTS = []'],
    () => ['ALLOWED_HOSTS = ["example.com"]'],
    () => ['ALLOWED_HOSTS = ["*"]'],
    () => [`ALLOWED_HOSTS = env.list("${envName('HOSTS')}", default=["example.com", "www.example.com"])`],
    () => [`ALLOWED_HOSTS = env.list("${envName('HOSTS')}", default=[])`],
    () => [`ALLOWED_HOSTS = os.getenv("${envName('HOSTS')}", "a.example.com,b.example.com").split(",")`],
    () => [`ALLOWED_HOSTS = [h.strip() for h in "a.example.com, ,b.example.com".split(",") if h.strip()]`],
    () => ['ALLOWED_HOSTS = []', 'ALLOWED_HOSTS += ["example.com"]'],
    () => ['ALLOWED_HOSTS = ("example.com",)'],
    () => [`ALLOWED_HOSTS = json.loads(os.getenv("${envName('HOSTS')}", '${pick(random, ['["example.com"]', '[]', '["*"]'])}'))`],
    () => [`ALLOWED_HOSTS = config("${envName('HOSTS')}", default="${pick(random, ['a.example.com, b.example.com', '', '*'])}", cast=Csv())`],
  ];
  return { lines: pick(random, forms)() };
}

function assignReferrer(random: Random): Assignment {
  const forms = ['None', '"same-origin"', '"no-referrer, strict-origin-when-cross-origin"', '"bogus-policy"', '["origin", "unsafe-url"]', '("same-origin", "nope")', `env("${envName('REFERRER')}", default="same-origin")`, `env("${envName('REFERRER')}", default=None)`];
  return { lines: [`SECURE_REFERRER_POLICY = ${pick(random, forms)}`] };
}

function assignXFrame(random: Random): Assignment {
  const forms = ['"DENY"', '"SAMEORIGIN"', '"deny"', `os.getenv("${envName('XFRAME')}", "DENY")`, `"DE" + "NY"`, `setting_or("${envName('XFRAME')}", "SAMEORIGIN", allowed=("DENY", "SAMEORIGIN"))`];
  return { lines: [`X_FRAME_OPTIONS = ${pick(random, forms)}`] };
}

const PRELUDE = [
  'import os',
  'from pathlib import Path',
  '',
  'import json',
  'import environ',
  'from decouple import Csv, config',
  '',
  'env = environ.Env()',
  'BASE_DIR = Path(__file__).resolve().parent.parent',
  'ONE_YEAR = 31536000',
  'STAGE = "production"',
  '',
  '',
  'def envbool(name, default):',
  '    return str(os.getenv(name, default)).lower() in ("1", "true", "yes", "on")',
  '',
  '',
  // Helpers with control flow (issue 13): a default when unset, a raise on a value not allowed.
  'def env_bool(name, default=False):',
  '    value = os.environ.get(name)',
  '    if value is None:',
  '        return default',
  '    return value.strip().lower() in ("1", "true", "yes", "on")',
  '',
  '',
  'def setting_or(name, default, allowed=None):',
  '    value = os.environ.get(name)',
  '    if value is None:',
  '        return default',
  '    if allowed is not None and value not in allowed:',
  '        raise ValueError(f"{name} must be one of {allowed}")',
  '    return value',
  '',
];

/** One case: every setting decided at random (unset included), split across modules or not. */
export function generateCase(index: number, seed: number): SettingsCase {
  const random = seededRandom(seed);
  const assignments: { setting: string; assignment: Assignment }[] = [];
  const set = (setting: string, make: () => Assignment, probability = 0.75) => {
    if (chance(random, probability)) assignments.push({ setting, assignment: make() });
  };
  // A clean case now and then: everything Django asks for.
  const clean = index % 10 === 0;
  environmentKnown = index % 3 === 2;
  const middleware = clean
    ? Object.values(MIDDLEWARE)
    : Object.values(MIDDLEWARE).filter((item) => (item === MIDDLEWARE.security ? chance(random, 0.75) : chance(random, 0.6)));
  // What Django 4.0–6.x added (issue 17) is drawn from a stream of its own, so the rest of the case stays as it was.
  const newer = seededRandom(seed * 7 + 3);
  if (!clean && chance(newer, 0.4)) middleware.push(CSP_MIDDLEWARE);
  const apps = ['django.contrib.contenttypes', 'django.contrib.auth', ...(clean || chance(random, 0.6) ? ['django.contrib.sessions'] : []), 'django.contrib.messages'];
  assignments.push({ setting: 'INSTALLED_APPS', assignment: { lines: ['INSTALLED_APPS = [', ...apps.map((app) => `    "${app}",`), ']'] } });
  if (clean || chance(random, 0.92)) {
    assignments.push({ setting: 'MIDDLEWARE', assignment: assignMiddleware(random, middleware) });
    // Conditional list edits (issue 13): what they add is checked by no deploy check, so every path agrees.
    if (chance(random, 0.3)) assignments.push({ setting: 'MIDDLEWARE', assignment: { lines: [`if env_bool("${envName('USE_CORS')}"):`, '    MIDDLEWARE = ["corsheaders.middleware.CorsMiddleware"] + list(MIDDLEWARE)'], follows: true } });
    if (chance(random, 0.3)) assignments.push({ setting: 'MIDDLEWARE', assignment: { lines: [`if "${envName('GZIP')}" in os.environ:`, '    MIDDLEWARE = ["django.middleware.gzip.GZipMiddleware", *MIDDLEWARE]'], follows: true } });
    // Decided by production's environment: the CSRF middleware added where no variable says otherwise.
    if (environmentKnown && !middleware.includes(MIDDLEWARE.csrf) && chance(random, 0.3)) {
      assignments.push({ setting: 'MIDDLEWARE', assignment: { lines: [`if "${envName('NO_CSRF')}" not in os.environ:`, `    MIDDLEWARE = [*MIDDLEWARE, "${MIDDLEWARE.csrf}"]`], follows: true } });
    }
  }
  if (chance(random, 0.3)) assignments.push({ setting: 'INSTALLED_APPS', assignment: { lines: [`if "${envName('SENTRY_DSN')}" in os.environ:`, '    INSTALLED_APPS.append("django.contrib.humanize")'] } });
  if (clean) {
    assignments.push({ setting: 'DEBUG', assignment: assignBool(random, 'DEBUG', false) });
    assignments.push({ setting: 'SECRET_KEY', assignment: assignSecretKey(random, 'strong') });
    assignments.push({ setting: 'ALLOWED_HOSTS', assignment: { lines: ['ALLOWED_HOSTS = ["example.com"]'] } });
    assignments.push({ setting: 'SECURE_HSTS_SECONDS', assignment: assignInt(random, 'SECURE_HSTS_SECONDS', 31536000) });
    for (const setting of ['SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE']) {
      assignments.push({ setting, assignment: { lines: [`${setting} = True`] } });
    }
  } else {
    set('DEBUG', () => assignBool(random, 'DEBUG', chance(random, 0.4)), 0.85);
    set('SECRET_KEY', () => assignSecretKey(random, pick(random, ['strong', 'strong', 'short', 'insecure', 'repetitive', 'empty'] as const)), 0.95);
    set('ALLOWED_HOSTS', () => assignAllowedHosts(random), 0.85);
    set('SECURE_HSTS_SECONDS', () => assignInt(random, 'SECURE_HSTS_SECONDS', pick(random, [0, 3600, 31536000])));
    for (const setting of ['SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', 'SECURE_CONTENT_TYPE_NOSNIFF', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'CSRF_COOKIE_SECURE', 'CSRF_USE_SESSIONS']) {
      set(setting, () => assignBool(random, setting, chance(random, setting === 'CSRF_USE_SESSIONS' ? 0.3 : 0.6)), 0.6);
    }
    set('X_FRAME_OPTIONS', () => assignXFrame(random), 0.5);
    set('SECURE_REFERRER_POLICY', () => assignReferrer(random), 0.5);
    if (chance(random, 0.15)) assignments.push({ setting: 'SESSION_COOKIE_SECURE', assignment: { lines: ['SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True'] } });
  }
  if (!clean) assignments.push(...newerSettings(newer));

  const split = index % 2 === 1;
  const optional = optionalImport(random, split ? 'config/settings' : 'config');
  if (!split) {
    const lines = [...PRELUDE, ...assignments.flatMap(({ assignment }) => [...assignment.lines, '']), ...optional.lines];
    return { name: `case-${index}`, module: 'config.settings', files: { 'config/__init__.py': '', 'config/settings.py': lines.join('\n'), ...optional.files, ...productionEnvironment('config.settings') } };
  }
  // base + production: the base sets some, production imports it and sets or changes others.
  const base: string[] = [...PRELUDE];
  const production: string[] = [];
  const importForm = pick(random, ['from .base import *  # noqa', 'from config.settings.base import *  # noqa: F401,F403']);
  production.push(importForm, 'from .base import Csv, config, env, envbool, env_bool, setting_or, json, os  # noqa', '');
  let previous = base;
  for (const { setting, assignment } of assignments) {
    const where = assignment.follows ? previous : setting === 'INSTALLED_APPS' || chance(random, 0.5) ? base : production;
    where.push(...assignment.lines, '');
    previous = where;
  }
  // Changes in production of what the base set.
  if (chance(random, 0.3)) production.push('INSTALLED_APPS += ["django.contrib.staticfiles"]', '');
  return {
    name: `case-${index}`,
    module: 'config.settings.production',
    files: {
      'config/__init__.py': '',
      'config/settings/__init__.py': '',
      'config/settings/base.py': base.join('\n'),
      'config/settings/production.py': [...production, ...optional.lines].join('\n'),
      ...optional.files,
      ...productionEnvironment('config.settings.production'),
    },
  };
}

/** Django 6.0+'s; older Djangos' checks never import a middleware, so its absence there changes nothing. */
const CSP_MIDDLEWARE = 'django.middleware.csp.ContentSecurityPolicyMiddleware';

/**
 * Settings only newer Djangos read: SECRET_KEY_FALLBACKS (W025, 4.1+), SECURE_CROSS_ORIGIN_OPENER_POLICY
 * (E024, 4.0+), SECURE_CSP and SECURE_CSP_REPORT_ONLY of every shape (E026, 6.0+) and with CSP.NONCE,
 * TEMPLATES with and without the CSP context processor (W027, 6.0+), with and without the CSP middleware (6.0+). Older Djangos read none of them, so the ids differ by version.
 */
function newerSettings(random: Random): { setting: string; assignment: Assignment }[] {
  const out: { setting: string; assignment: Assignment }[] = [];
  if (chance(random, 0.4)) {
    const key = (kind: 'strong' | 'short' | 'insecure' | 'repetitive') =>
      kind === 'strong' ? randomKey(random, 60) : kind === 'short' ? randomKey(random, 20) : kind === 'insecure' ? `django-insecure-${randomKey(random, 50)}` : 'ab'.repeat(30);
    const kinds = ['strong', 'strong', 'short', 'insecure', 'repetitive'] as const;
    const keys = Array.from({ length: pick(random, [0, 1, 1, 2]) }, () => `"${key(pick(random, kinds))}"`);
    const forms = [`[${keys.join(', ')}]`, `(${keys.join(', ')}${keys.length === 1 ? ',' : ''})`, `env.list("${envName('SECRET_KEY_FALLBACKS')}", default=[${keys.join(', ')}])`];
    out.push({ setting: 'SECRET_KEY_FALLBACKS', assignment: { lines: [`SECRET_KEY_FALLBACKS = ${pick(random, forms)}`] } });
  }
  if (chance(random, 0.4)) {
    const forms = ['"same-origin"', '"same-origin-allow-popups"', '"unsafe-none"', 'None', '"bogus"', '"Same-Origin"', `os.getenv("${envName('COOP')}", "same-origin")`, `os.getenv("${envName('COOP')}", "none")`];
    out.push({ setting: 'SECURE_CROSS_ORIGIN_OPENER_POLICY', assignment: { lines: [`SECURE_CROSS_ORIGIN_OPENER_POLICY = ${pick(random, forms)}`] } });
  }
  const policies = ['{}', `{"default-src": ["'self'"]}`, `{"default-src": ["'self'"], "script-src": ["'self'", "https://cdn.example.com"]}`, 'None', `"default-src 'self'"`, `["'self'"]`, '1', `json.loads(os.environ.get("${envName('CSP')}", '{"default-src": ["none"]}'))`];
  // CSP.NONCE written as the string it is (django.utils.csp does not exist before 6.0): W027, 6.0+.
  const nonce = '"<CSP_NONCE_SENTINEL>"';
  policies.push(`{"default-src": ["'self'"], "script-src": ["'self'", ${nonce}]}`, `{"script-src": ${nonce}}`);
  for (const setting of ['SECURE_CSP', 'SECURE_CSP_REPORT_ONLY']) {
    if (chance(random, 0.35)) out.push({ setting, assignment: { lines: [`${setting} = ${pick(random, policies)}`] } });
  }
  if (chance(random, 0.5)) {
    const processors = ['django.template.context_processors.request', ...(chance(random, 0.5) ? ['django.template.context_processors.csp'] : [])];
    const backend = `{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [], "APP_DIRS": False, "OPTIONS": {"context_processors": [${processors.map((p) => `"${p}"`).join(', ')}]}}`;
    out.push({ setting: 'TEMPLATES', assignment: { lines: [`TEMPLATES = [${backend}]`] } });
  }
  return out;
}

/**
 * A developer's override production may lack: `try: from .local_settings import *` /
 * `except ImportError`, or an `os.path.exists` guard. Mostly the module is absent (Django takes
 * the handler's path); sometimes it is there and changes a setting.
 */
function optionalImport(random: Random, folder: string): { lines: string[]; files: Record<string, string> } {
  if (!chance(random, 0.35)) return { lines: [], files: {} };
  // A present override is named custom_settings: a file whose path says "local" is development, and its findings are not reported.
  const present = chance(random, 0.3);
  const module = present ? 'custom_settings' : 'local_settings';
  const lines = chance(random, 0.6)
    ? ['try:', `    from .${module} import *  # noqa`, `except ${pick(random, ['ImportError', 'ModuleNotFoundError', 'Exception'])}:`, '    pass', '']
    : [`if os.path.exists(os.path.join(os.path.dirname(__file__), "${module}.py")):`, `    from .${module} import *  # noqa`, ''];
  if (!present) return { lines, files: {} };
  const override = pick(random, ['DEBUG = True', 'DEBUG = False', 'SECURE_SSL_REDIRECT = True', 'ALLOWED_HOSTS = ["*"]', 'X_FRAME_OPTIONS = "SAMEORIGIN"']);
  return { lines, files: { [`${folder}/${module}.py`]: `${override}\n` } };
}

/**
 * For a case whose environment is known: a production compose service with an env file that
 * holds what the Django worker's environment holds of what the settings read (DJANGO_SETTINGS_MODULE).
 */
function productionEnvironment(module: string): Record<string, string> {
  if (!environmentKnown) return {};
  return {
    'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    env_file: .envs/.production/.django\n',
    // A key the settings never read (they read *_N variables): the env side's "no DJANGO_SECRET_KEY" (DJ105) stays out of the comparison.
    '.envs/.production/.django': `DJANGO_SETTINGS_MODULE=${module}\nDJANGO_SECRET_KEY=${'q9XcT2vLm8RzW4pBn7YkD3sHf6JgA1eUo5NiC0tVbQwErTyUiOp'}\n`,
  };
}
