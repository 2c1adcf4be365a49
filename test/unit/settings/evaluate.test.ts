/** The evaluator's contract as a table: module source -> the value of one name, or unknown. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePython } from '../../../server/src/parse/python';
import { ModuleSource } from '../../../server/src/settings/namespace';
import { evaluateModule } from '../../../server/src/settings/evaluate';
import type { EnvironmentValue } from '../../../server/src/project/production';
import { pythonRepr } from '../../../server/src/settings/value';
import type { Value } from '../../../server/src/settings/value';
import { alternativesOf } from '../../../server/src/settings/alternatives';

interface Case {
  source: string;
  /** The name to read; X by default. */
  name?: string;
  /** Python repr of the value, or 'unknown'. */
  value: string;
  environment?: Record<string, string>;
  /** Other settings modules, dotted name -> source, importable relatively from config.settings. */
  modules?: Record<string, string>;
}

const CASES: Case[] = [
  // literals
  { source: 'X = "a"', value: "'a'" },
  { source: "X = b'raw'", value: "b'raw'" },
  { source: 'X = 1_000', value: '1000' },
  { source: 'X = 0x1F', value: '31' },
  { source: 'X = 1.5', value: '1.5' },
  { source: 'X = True', value: 'True' },
  { source: 'X = None', value: 'None' },
  { source: 'X = "a" "b"', value: "'ab'" },
  { source: 'X = r"\\d"', value: "'\\\\d'" },
  { source: 'X = "tab\\there"', value: "'tab\\there'" },
  { source: 'A = 2\nX = f"v{A}-{A + 1}"', value: "'v2-3'" },
  { source: 'X = f"{UNKNOWN}"', value: 'unknown' },
  // names, arithmetic, strings
  { source: 'A = 3\nX = A * 60 + 1', value: '181' },
  { source: 'X = 60 * 60 * 24 * 365', value: '31536000' },
  { source: 'X = 7 // 2', value: '3' },
  { source: 'X = "ab" * 2 + "c"', value: "'ababc'" },
  { source: 'X = -1', value: '-1' },
  { source: 'X = Y', value: 'unknown' },
  // displays, subscripts, mutation
  { source: 'X = [1, (2, 3), {"k": {4}}]', value: "[1, (2, 3), {'k': {4}}]" },
  { source: 'A = {"a": {"b": 1}}\nX = A["a"]["b"]', value: '1' },
  { source: 'X = [1, 2, 3][-1]', value: '3' },
  { source: 'X = [1]\nX += [2]\nX.append(3)\nX.insert(0, 0)\nX.extend((4,))\nX.remove(2)', value: '[0, 1, 3, 4]' },
  // list += any iterable extends (list.__iadd__); list + tuple raises TypeError
  { source: 'X = [1]\nX += (2, 3)', value: '[1, 2, 3]' },
  { source: 'X = [1]\nX += "ab"', value: "[1, 'a', 'b']" },
  // a bare trailing comma makes the right side a tuple (tandoor's `MIDDLEWARE += 'x',`)
  { source: 'X = [1]\nX += "ab",', value: "[1, 'ab']" },
  { source: 'X = (1,)\nX += 2, 3', value: '(1, 2, 3)' },
  // a block that is not evaluated forgets what it assigns or mutates, not the modules it calls into
  { source: 'import os\nfrom elsewhere import FLAG\nA = [1]\nif FLAG:\n    with open("f") as f:\n        os.listdir(".")\n        A.append(2)\nX = os.getenv("K", "d")', value: "'d'" },
  { source: 'import os\nfrom elsewhere import FLAG\nA = [1]\nif FLAG:\n    with open("f") as f:\n        os.listdir(".")\n        A.append(2)\nX = A', value: 'one of unknown | [1]' },
  { source: 'import os\nfrom elsewhere import FLAG\nif FLAG:\n    with open("f") as f:\n        os = f\nX = os.getenv("K", "d")', value: "one of unknown | 'd'" },
  { source: 'X = [1]\nX = X + (2,)', value: 'unknown' },
  { source: 'X = (1,)\nX += [2]', value: 'unknown' },
  { source: 'X = [1]\nX += 2', value: 'unknown' },
  // a commented-out element is no element
  { source: 'X = [\n    "a",\n    # "b",\n    "c",\n]', value: "['a', 'c']" },
  { source: 'X = (\n    # first\n    "a",\n)', value: "('a',)" },
  { source: 'X = {\n    "a": 1,\n    # "b": 2,\n}', value: "{'a': 1}" },
  { source: 'D = {"default": {}}\nD["default"]["CONN_MAX_AGE"] = 60\nX = D', value: "{'default': {'CONN_MAX_AGE': 60}}" },
  { source: 'A = [1]\nX = [*A, 2]', value: '[1, 2]' },
  { source: 'X = {**{"a": 1}, "b": 2}', value: "{'a': 1, 'b': 2}" },
  { source: 'X = [h.strip() for h in "a, b,".split(",") if h]', value: "['a', 'b']" },
  { source: 'X = [i for i in UNKNOWN]', value: 'unknown' },
  { source: 'X = []\nfor i in range(3):\n    X.append(i)', value: 'unknown' },
  // conversions, comparisons, boolean logic
  { source: 'X = int("42")', value: '42' },
  { source: 'X = bool("")', value: 'False' },
  { source: 'X = str(3)', value: "'3'" },
  { source: 'X = float("1.5")', value: '1.5' },
  { source: 'X = "a" in ["a", "b"]', value: 'True' },
  { source: 'X = 1 if 2 > 3 else "no"', value: "'no'" },
  { source: 'X = not 0 and "yes" or "no"', value: "'yes'" },
  { source: 'A = 0\nX = not A and "b"', value: "'b'" },
  { source: 'X = None is not None', value: 'False' },
  // environment reads: production's value, else the default
  { source: 'import os\nX = os.environ.get("K", "d")', value: "'d'" },
  { source: 'import os\nX = os.getenv("K")', value: 'None' },
  { source: 'import os\nX = os.getenv("K", "d")', value: "'v'", environment: { K: 'v' } },
  { source: 'import os\nX = os.environ["K"]', value: 'unknown' },
  { source: 'import os\nX = os.environ["K"]', value: "'v'", environment: { K: 'v' } },
  { source: 'from os import getenv\nX = getenv("K", "1") == "1"', value: 'True' },
  { source: 'import environ\nenv = environ.Env()\nX = env.bool("K", default=False)', value: 'True', environment: { K: 'on' } },
  { source: 'import environ\nenv = environ.Env()\nX = env.int("K", default=5)', value: '5' },
  { source: 'import environ\nenv = environ.Env()\nX = env.list("K", default=["a"])', value: "['x', 'y']", environment: { K: 'x,y' } },
  { source: 'import environ\nenv = environ.Env()\nX = env("K", default="$OTHER")', value: "'v'", environment: { K: '$OTHER', OTHER: 'v' } },
  { source: 'import environ\nenv = environ.Env(K=(bool, True))\nX = env("K")', value: 'True' },
  { source: 'import environ\nenv = environ.Env()\nX = env.db("DATABASE_URL")["ENGINE"]', value: "'django.db.backends.sqlite3'", environment: { DATABASE_URL: 'sqlite:///db.sqlite3' } },
  { source: 'import environ\nenv = environ.Env()\nX = env.db()["CONN_MAX_AGE"]', value: '60', environment: { DATABASE_URL: 'postgres://u:p@db/app?conn_max_age=60&sslmode=require' } },
  // Checked against django-environ 0.4.4's db_url_config.
  { source: 'import environ\nenv = environ.Env()\nX = env.db()["CONN_MAX_AGE"]', value: '60', environment: { DATABASE_URL: 'postgres://u:p@db/app?conn_max_age=&CONN_MAX_AGE=0&conn_max_age=60' } },
  { source: 'import environ\nenv = environ.Env()\nX = env.db()["CONN_MAX_AGE"]', value: '0', environment: { DATABASE_URL: 'postgres://u:p@db/app?conn_max_age=0&conn_max_age=60' } },
  { source: 'import environ\nenv = environ.Env()\nX = env.db()["CONN_MAX_AGE"]', value: '0', environment: { DATABASE_URL: 'postgres://u:p@db/app?conn_max_age=5&CONN_MAX_AGE=0&conn_max_age=60' } },
  { source: 'import environ\nenv = environ.Env()\nX = env.db()["OPTIONS"]', value: "{'sslmode': 'require'}", environment: { DATABASE_URL: 'postgres://u:p@db/app?conn_max_age=60&sslmode=require' } },
  { source: 'import environ\nenv = environ.Env()\nX = env.str("K")', value: 'unknown' },
  // blocks
  { source: 'import os\nif os.getenv("STAGE", "prod") == "prod":\n    X = 1\nelse:\n    X = 2', value: '1' },
  { source: 'import os\nif os.getenv("STAGE", "prod") == "dev":\n    X = 1\nelif True:\n    X = 2', value: '2' },
  { source: 'if UNKNOWN:\n    X = 1\nelse:\n    X = 2', value: 'one of 1 | 2' },
  { source: 'if UNKNOWN:\n    X = 1\nelse:\n    X = 1', value: '1' },
  { source: 'import os\ntry:\n    X = os.environ["K"]\nexcept KeyError:\n    X = "fallback"', value: "'fallback'" },
  { source: 'X: int = 5', value: '5' },
  { source: 'X = Y = 7', value: '7' },
  { source: 'A, X = 1, 2', value: '2' },
  { source: 'def flag(name, default="0"):\n    """Doc."""\n    return name + default\n\nX = flag("a")', value: "'a0'" },
  { source: 'def f(x):\n    y = x\n    return y\n\nX = f(1)', value: '1' },
  { source: 'from pathlib import Path\nBASE_DIR = Path("/srv/app")\nX = str(BASE_DIR / "static")', value: "'/srv/app/static'" },
  { source: 'X = (1 +', value: 'unknown' },
  { source: 'X = 1\nglobals().update({"X": 2})\nY = 3', name: 'Z', value: 'unknown' },
  // helpers with control flow: bodies interpreted with the arguments bound
  ...helperCases(),
  // alternatives: one value per path
  { source: 'X = 1 if UNKNOWN else "a"', value: "one of 1 | 'a'" },
  { source: 'X = (1 if UNKNOWN else 2) + 10', value: 'one of 11 | 12' },
  { source: 'X = not (0 if UNKNOWN else "")', value: 'True' },
  { source: 'X = ("a" if UNKNOWN else "") or "d"', value: "one of 'a' | 'd'" },
  { source: 'X = ("A" if UNKNOWN else "B").lower()', value: "one of 'a' | 'b'" },
  { source: 'X = int("1" if UNKNOWN else "2")', value: 'one of 1 | 2' },
  { source: 'X = ["a"]\nif UNKNOWN:\n    X = ["c"] + X', value: "one of ['c', 'a'] | ['a']" },
  { source: 'X = ["a"]\nif UNKNOWN:\n    X.append("b")\nX.append("z")', value: "one of ['a', 'b', 'z'] | ['a', 'z']" },
  { source: 'X = {"k": []}\nif UNKNOWN:\n    X = {"k": [1]}\nX["j"] = 2', value: "one of {'k': [1], 'j': 2} | {'k': [], 'j': 2}" },
  { source: 'if UNKNOWN:\n    X = 1', value: 'one of 1 | unknown' },
  // More paths than are followed one by one: a list keeps what every path has and what some path may have.
  {
    source: 'from elsewhere import A, B, C, D, E\nX = ["m"]\n' + ['A', 'B', 'C', 'D', 'E'].map((flag) => `if ${flag}:\n    X.append("${flag.toLowerCase()}")\n`).join(''),
    value: "one of ['m'] | ['m', 'a', 'b', 'c', 'd', 'e']",
  },
  // membership and identity tests on production's environment
  { source: 'import os\nX = "K" in os.environ', value: 'True', environment: { K: '' } },
  { source: 'import os\nX = "K" in os.environ', value: 'False', environment: { OTHER: '1' } },
  { source: 'import os\nX = "K" not in os.environ', value: 'True', environment: { OTHER: '1' } },
  { source: 'import os\nX = "K" in os.environ.keys()', value: 'True', environment: { K: '1' } },
  { source: 'import os\nX = "K" in os.environ', value: 'unknown' },
  { source: 'import os\nX = os.environ.get("K") is None', value: 'True', environment: { OTHER: '1' } },
  { source: 'import os\nX = os.environ.get("K") is None', value: 'False', environment: { K: 'v' } },
  // Without a production environment a read gives its default, as every read does (None here): the test follows it.
  { source: 'import os\nX = os.environ.get("K") is None', value: 'True' },
  { source: 'import os\nX = os.environ.get("K", "") == ""', value: 'True', environment: { OTHER: '1' } },
  { source: 'import os\nX = ["a"]\nif "SENTRY_DSN" in os.environ:\n    X.append("raven")', value: "['a', 'raven']", environment: { SENTRY_DSN: 'https://k@s/1' } },
  { source: 'import os\nX = ["a"]\nif "SENTRY_DSN" in os.environ:\n    X.append("raven")', value: "['a']", environment: { OTHER: '1' } },
  { source: 'import os\nX = ["a"]\nif "SENTRY_DSN" in os.environ:\n    X.append("raven")', value: "one of ['a', 'raven'] | ['a']" },
  // an env read with no default, or default=None, is None when unset
  { source: 'import os\nX = os.environ.get("K", None)', value: 'None', environment: { OTHER: '1' } },
  { source: 'import environ\nenv = environ.Env()\nX = env("K", default=None)', value: 'None', environment: { OTHER: '1' } },
  { source: 'import environ\nenv = environ.Env()\nX = env.str("K", default=None)', value: 'None', environment: { OTHER: '1' } },
  // folded strings: %-format, .format(), and an unset read never becomes the text "None"
  { source: 'import os\nX = "a%sb" % os.environ["K"]', value: "'avb'", environment: { K: 'v' } },
  { source: 'X = "%d%% of %s" % (5, "x")', value: "'5% of x'" },
  { source: 'X = "%s %s" % ("a",)', value: 'unknown' },
  { source: 'X = "{}-{1}-{{}}".format(1, "b")', value: "'1-b-{}'" },
  { source: 'import os\nX = f"redis://{os.environ.get(\'H\')}:6379"', value: 'unknown', environment: { OTHER: '1' } },
  { source: 'import os\nX = "%s" % os.getenv("H")', value: 'unknown', environment: { OTHER: '1' } },
  { source: 'import os\nX = str(os.getenv("H"))', value: 'unknown', environment: { OTHER: '1' } },
  // imports of other settings modules
  { source: 'from .base import *\nX = A + 1', modules: { base: 'A = 1' }, value: '2' },
  { source: 'from .base import A as X', modules: { base: 'A = "b"' }, value: "'b'" },
  { source: 'from .base import *\nX = A', modules: { base: 'from .production import *\nA = 1' }, value: '1' },
  { source: 'from elsewhere import *\nX = A', value: 'unknown' },
  { source: 'from elsewhere import *', name: 'SESSION_COOKIE_SECURE', value: 'unknown' },
  // os.environ["K"] = … sets the process's variable: os stays the module, later reads of K are not production's
  { source: 'import os\nos.environ["OMP_THREAD_LIMIT"] = "1"\nX = os.getenv("USER_NAME")', value: "'alice'", environment: { USER_NAME: 'alice' } },
  { source: 'import os\nos.environ["K"] = "1"\nX = os.getenv("K", "d")', value: 'unknown', environment: { K: 'v' } },
  { source: 'import os\nX = os.getenv("K", "d")\nos.environ["K"] = "1"', value: "'v'", environment: { K: 'v' } },
  { source: 'from .base import *\nX = os.environ.get("K")', modules: { base: 'import os\nos.environ["K"] = "1"' }, value: 'unknown', environment: { K: 'v' } },
  { source: 'import os\nos.environ[NAME] = "1"\nX = os.getenv("K")', value: 'unknown', environment: { K: 'v' } },
  // an installed package's defaults (settings/package-defaults.ts): only the names it defines are unknown
  { source: 'from oscar.defaults import *\nX = OSCAR_SHOP_NAME', value: 'unknown' },
  { source: 'OSCAR_SHOP_NAME = "a"\nfrom oscar.defaults import *\nX = OSCAR_SHOP_NAME', value: 'unknown' },
  { source: 'HAYSTACK_SIGNAL_PROCESSOR = "b"\nOTHER = "c"\nfrom oscar.defaults import *', name: 'HAYSTACK_SIGNAL_PROCESSOR', value: 'unknown' },
  { source: 'OTHER = "c"\nfrom oscar.defaults import *', name: 'OTHER', value: "'c'" },
  { source: 'from oscar.defaults import *\nOSCAR_SHOP_NAME = "a"\nX = OSCAR_SHOP_NAME', value: "'a'" },
  { source: 'SECRET_KEY = "k"\nfrom oscar.defaults import *\nX = SECRET_KEY', value: "'k'" },
  { source: 'from oscar.defaults import *', name: 'SESSION_COOKIE_SECURE', value: 'unset' },
  { source: 'from .base import *\nX = OSCAR_SHOP_NAME', modules: { base: 'from oscar.defaults import *' }, value: 'unknown' },
  { source: 'from .base import *', name: 'CSRF_COOKIE_SECURE', modules: { base: 'from oscar.defaults import *' }, value: 'unset' },
];

/** The helpers, with production's environment known (empty but for OTHER) unless a case says otherwise. */
function helperCases(): Case[] {
  const envBool = `import os
def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")
`;
  const requireHelper = `import os
from django.core.exceptions import ImproperlyConfigured
def require(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Set {name}")
    return value
`;
  const secret = `import os
def get_secret(name, default=None):
    path = os.environ.get(name + "_FILE")
    if path:
        with open(path) as handle:
            return handle.read().strip()
    return os.environ.get(name, default)
`;
  const unset = { OTHER: '1' };
  return [
    { source: `${envBool}X = env_bool("DEBUG", True)`, value: 'True', environment: unset },
    { source: `${envBool}X = env_bool("DEBUG", True)`, value: 'False', environment: { DEBUG: 'off' } },
    { source: `${envBool}X = env_bool("DEBUG", default=True)`, value: 'True', environment: { DEBUG: ' Yes ' } },
    { source: `${envBool}X = env_bool("DEBUG")`, value: 'False', environment: unset },
    { source: `${envBool}X = env_bool("DEBUG", True, 3)`, value: 'unknown', environment: unset },
    { source: `${requireHelper}X = require("K")`, value: "'v'", environment: { K: 'v' } },
    { source: `${requireHelper}X = require("K")`, value: 'unknown', environment: unset },
    { source: `${requireHelper}try:
    X = require("K")
except ImproperlyConfigured:
    X = "fallback"`, value: "'fallback'", environment: unset },
    { source: `${secret}X = get_secret("K", "d")`, value: "'d'", environment: unset },
    { source: `${secret}X = get_secret("K", "d")`, value: "'v'", environment: { K: 'v' } },
    { source: `${secret}X = get_secret("K", "d")`, value: 'unknown', environment: { K_FILE: '/run/secrets/k' } },
    // an assignment expression binds its name and is the value (healthchecks' envsecret)
    { source: `import os\ndef envsecret(s, default=None):\n    if secret_path := os.getenv(s + "_FILE"):\n        return open(secret_path).read()\n    return os.getenv(s, default)\nX = envsecret("K", "---")`, value: "'---'", environment: unset },
    { source: `import os\ndef envsecret(s, default=None):\n    if secret_path := os.getenv(s + "_FILE"):\n        return open(secret_path).read()\n    return os.getenv(s, default)\nX = envsecret("K", "---")`, value: 'unknown', environment: { K_FILE: '/run/secrets/k' } },
    { source: 'import os\nif v := os.getenv("A"):\n    X = v.split(",")\nelse:\n    X = []', value: "['a', 'b']", environment: { A: 'a,b' } },
    { source: 'import os\nif v := os.getenv("A"):\n    X = v.split(",")\nelse:\n    X = []', value: '[]', environment: unset },
    { source: 'X = [(y := 2), y + 1]', value: '[2, 3]' },
    // paths the helper cannot decide: one value per path
    { source: 'from elsewhere import FLAG\ndef pick(flag):\n    if flag:\n        return "on"\n    return "off"\nX = pick(FLAG)', value: "one of 'on' | 'off'" },
    { source: 'from elsewhere import FLAG\ndef pick(flag):\n    if flag:\n        raise ValueError("no")\n    return "off"\nX = pick(FLAG)', value: "'off'" },
    { source: 'def f(a, *rest, b=2, **more):\n    return [a, rest, b, more]\nX = f(1, 2, 3, b=4, c=5)', value: "[1, (2, 3), 4, {'c': 5}]" },
    { source: 'def f(a, b):\n    return a\nX = f(1, a=2)', value: 'unknown' },
    { source: 'def f(items):\n    out = []\n    for item in items:\n        if item == "skip":\n            continue\n        if item == "stop":\n            break\n        out.append(item.upper())\n    else:\n        out.append("done")\n    return out\nX = f(["a", "skip", "b"])', value: "['A', 'B', 'done']" },
    { source: 'def f(items):\n    for item in items:\n        if item == "stop":\n            break\n    else:\n        return "none"\n    return item\nX = f(["a", "stop", "b"])', value: "'stop'" },
    { source: 'def f(x):\n    try:\n        return int(x)\n    except ValueError:\n        return 0\nX = f("zz")', value: '0' },
    { source: 'def f(x):\n    try:\n        value = int(x)\n    except (TypeError, ValueError):\n        value = -1\n    else:\n        value += 1\n    finally:\n        pass\n    return value\nX = f("4")', value: '5' },
    { source: 'def inner(x):\n    return x * 2\ndef outer(x, y=3):\n    z = inner(x)\n    if z > 10:\n        return "big"\n    elif z > 4:\n        return "mid"\n    return inner(y)\nX = [outer(1), outer(3), outer(9)]', value: "[6, 'mid', 'big']" },
    { source: 'def f(n):\n    return f(n)\nX = f(1)', value: 'unknown' },
    { source: 'def f():\n    while True:\n        pass\nX = f()', value: 'unknown' },
    { source: 'def f():\n    x = 1\nX = f()', value: 'None' },
    { source: 'def f(name: str, default: bool = True) -> bool:\n    return default\nX = f("a")', value: 'True' },
    // a helper that changes a module name in place: that name is not followed any more
    { source: 'X = ["a"]\ndef add(item):\n    X.append(item)\nadd("b")', value: 'unknown' },
  ];
}

const ROOT = '/project/config/settings';

function evaluate(testCase: Case) {
  const environment = testCase.environment
    ? new Map<string, EnvironmentValue>(Object.entries(testCase.environment).map(([key, value]) => [key, { value, file: null, entry: null, origin: 'test' }]))
    : null;
  const modules = new Map<string, ModuleSource>();
  for (const [name, source] of Object.entries(testCase.modules ?? {})) {
    modules.set(name, { path: `${ROOT}/${name}.py`, name: `config.settings.${name}`, python: parsePython(source) });
  }
  const main: ModuleSource = { path: `${ROOT}/production.py`, name: 'config.settings.production', python: parsePython(testCase.source) };
  modules.set('production', main);
  const done = new Map<string, ReturnType<typeof evaluateModule>>();
  const running = new Set<string>();
  const host = {
    environment,
    unknownVariables: new Map<string, string>(),
    resolve: (_from: string, level: number, dotted: string) => (level === 1 ? modules.get(dotted) ?? null : null),
    namespaceOf: (module: ModuleSource) => {
      if (running.has(module.path)) return 'cycle' as const;
      let namespace = done.get(module.path);
      if (!namespace) {
        running.add(module.path);
        namespace = evaluateModule(module, host);
        running.delete(module.path);
        done.set(module.path, namespace);
      }
      return namespace;
    },
  };
  return host.namespaceOf(main) as ReturnType<typeof evaluateModule>;
}

/** A value as the table writes it: its repr, `one of a | b` for alternatives, or unknown. */
function shownValue(value: Value): string {
  const paths = alternativesOf(value);
  if (paths) return `one of ${paths.map((path) => pythonRepr(path) ?? 'unknown').join(' | ')}`;
  return value.kind === 'unknown' ? 'unknown' : pythonRepr(value) ?? 'unknown';
}

describe('settings evaluator', () => {
  for (const testCase of CASES) {
    it(`${JSON.stringify(testCase.source)} -> ${testCase.name ?? 'X'} = ${testCase.value}`, () => {
      const namespace = evaluate(testCase);
      const binding = namespace.names.get(testCase.name ?? 'X');
      const shown = binding ? shownValue(binding.value) : namespace.tainted ? 'unknown' : 'unset';
      assert.equal(shown, testCase.value);
      // An unknown is explained: a reason on the value, and a note in the trace.
      if (binding?.value.kind === 'unknown') assert.ok(binding.value.reason.length > 0);
    });
  }

  it('keeps the range of the expression that produced a value', () => {
    const namespace = evaluate({ source: 'import os\n\nX = os.getenv("K", "d")\n', value: '' });
    const at = namespace.names.get('X')!.value.at!;
    assert.deepEqual(at.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 23 } });
    assert.equal(namespace.envReads[0].variable, 'K');
    assert.equal(namespace.envReads[0].hasDefault, true);
  });

  it('keeps where the characters of a folded string came from', () => {
    const environment = { DB_HOST: 'db.internal', DB_PASSWORD: 'pw' };
    const cases: { source: string; parts: [string, string][] }[] = [
      { source: 'import os\nX = f"postgres://app:{os.environ[\'DB_PASSWORD\']}@{os.environ.get(\'DB_PORT\', \'5432\')}"', parts: [['postgres://app:', 'source'], ['pw', 'env'], ['@', 'source'], ['5432', 'default']] },
      { source: 'import os\nX = "postgres://app:secret@" + os.environ["DB_HOST"]', parts: [['postgres://app:secret@', 'source'], ['db.internal', 'env']] },
      { source: 'import os\nX = "%s:%s" % (os.environ["DB_HOST"], 5432)', parts: [['db.internal', 'env'], [':', 'source'], ['5432', 'source']] },
      { source: 'import os\nX = "{}/app".format(os.environ["DB_HOST"])', parts: [['db.internal', 'env'], ['/app', 'source']] },
    ];
    for (const { source, parts } of cases) {
      const value = evaluate({ source, value: '', environment }).names.get('X')!.value;
      assert.equal(value.kind, 'str', source);
      const text = (value as { value: string }).value;
      let offset = 0;
      const shown = ((value as { parts?: { length: number; origin: string }[] }).parts ?? []).map((part) => {
        const piece: [string, string] = [text.slice(offset, offset + part.length), part.origin];
        offset += part.length;
        return piece;
      });
      assert.deepEqual(shown, parts, source);
      assert.ok(value.env, `${source}: the value keeps its first env read`);
    }
    // Literals only: no parts, nothing read.
    const literal = evaluate({ source: 'A = "x"\nX = f"{A}-y" + "z"', value: '' }).names.get('X')!.value;
    assert.equal((literal as { parts?: unknown }).parts, undefined);
    assert.equal(literal.env ?? null, null);
  });

  it('explains unknowns in the trace', () => {
    const namespace = evaluate({ source: 'from somewhere import thing\nX = thing()\n', value: '' });
    assert.ok(namespace.trace.some((note) => /somewhere/.test(note.note)), JSON.stringify(namespace.trace.map((note) => note.note)));
  });

  it('never throws on malformed input', () => {
    for (const source of ['X = = 1', 'if :\n  X', 'def (', 'X = [' + '1,'.repeat(2000), 'X = ' + '('.repeat(500) + '1' + ')'.repeat(500), '\u0000\uffff', 'from . import', 'try:\nexcept:\n']) {
      assert.doesNotThrow(() => evaluate({ source, value: '' }));
    }
  });
});
