/** The evaluator's contract as a table: module source -> the value of one name, or unknown. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePython } from '../../../server/src/parse/python';
import { ModuleSource, evaluateModule } from '../../../server/src/settings/evaluate';
import type { EnvironmentValue } from '../../../server/src/project/production';
import { pythonRepr } from '../../../server/src/settings/value';

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
  { source: 'if UNKNOWN:\n    X = 1\nelse:\n    X = 2', value: 'unknown' },
  { source: 'if UNKNOWN:\n    X = 1\nelse:\n    X = 1', value: '1' },
  { source: 'import os\ntry:\n    X = os.environ["K"]\nexcept KeyError:\n    X = "fallback"', value: "'fallback'" },
  { source: 'X: int = 5', value: '5' },
  { source: 'X = Y = 7', value: '7' },
  { source: 'A, X = 1, 2', value: '2' },
  { source: 'def flag(name, default="0"):\n    """Doc."""\n    return name + default\n\nX = flag("a")', value: "'a0'" },
  { source: 'def f(x):\n    y = x\n    return y\n\nX = f(1)', value: 'unknown' },
  { source: 'from pathlib import Path\nBASE_DIR = Path("/srv/app")\nX = str(BASE_DIR / "static")', value: "'/srv/app/static'" },
  { source: 'X = (1 +', value: 'unknown' },
  { source: 'X = 1\nglobals().update({"X": 2})\nY = 3', name: 'Z', value: 'unknown' },
  // imports of other settings modules
  { source: 'from .base import *\nX = A + 1', modules: { base: 'A = 1' }, value: '2' },
  { source: 'from .base import A as X', modules: { base: 'A = "b"' }, value: "'b'" },
  { source: 'from .base import *\nX = A', modules: { base: 'from .production import *\nA = 1' }, value: '1' },
  { source: 'from elsewhere import *\nX = A', value: 'unknown' },
];

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

describe('settings evaluator', () => {
  for (const testCase of CASES) {
    it(`${JSON.stringify(testCase.source)} -> ${testCase.name ?? 'X'} = ${testCase.value}`, () => {
      const namespace = evaluate(testCase);
      const binding = namespace.names.get(testCase.name ?? 'X');
      const shown = binding ? (binding.value.kind === 'unknown' ? 'unknown' : pythonRepr(binding.value) ?? 'unknown') : namespace.tainted ? 'unknown' : 'unset';
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
