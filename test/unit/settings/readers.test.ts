/**
 * The env libraries as the evaluator reads them (settings/readers/): a table of settings source
 * -> value, and differential tests that run the libraries themselves (Debian's python3-decouple
 * 3.6 and python3-dj-database-url 0.5.0, marshmallow when importable) on generated values and
 * compare. Only library code runs in Python, never a settings module.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { parsePython } from '../../../server/src/parse/python';
import { ModuleNamespace, ModuleSource } from '../../../server/src/settings/namespace';
import { evaluateModule } from '../../../server/src/settings/evaluate';
import type { EnvironmentValue } from '../../../server/src/project/production';
import { Value, pythonRepr } from '../../../server/src/settings/value';
import { defaultIsTheValue } from '../../../server/src/settings/readers/library';
import { seededRandom } from '../seeded-random';

interface Case {
  source: string;
  name?: string;
  /** Python repr of the value, 'unknown', or 'raises <Exception>'. */
  value: string;
  environment?: Record<string, string>;
}

const DECOUPLE = 'from decouple import config, Csv, Choices\n';
const CASES: Case[] = [
  // python-decouple: os.environ, else the default, cast in both cases
  { source: `${DECOUPLE}X = config("DEBUG", default=True, cast=bool)`, value: 'True' },
  { source: `${DECOUPLE}X = config("DEBUG", default="False", cast=bool)`, value: 'False' },
  { source: `${DECOUPLE}X = config("DEBUG", default=False, cast=bool)`, environment: { DEBUG: 'on' }, value: 'True' },
  { source: `${DECOUPLE}X = config("DEBUG", cast=bool)`, environment: { DEBUG: '' }, value: 'False' },
  { source: `${DECOUPLE}X = config("DEBUG", cast=bool)`, environment: { DEBUG: 'ok' }, value: 'raises ValueError' },
  { source: `${DECOUPLE}X = config("DEBUG", default=None, cast=bool)`, value: 'raises ValueError' },
  { source: `${DECOUPLE}X = config("SECRET_KEY")`, environment: {}, value: 'raises UndefinedValueError' },
  { source: `${DECOUPLE}X = config("SECRET_KEY")`, environment: { SECRET_KEY: 'k' }, value: "'k'" },
  { source: `${DECOUPLE}X = config("PORT", default="5432", cast=int)`, value: '5432' },
  { source: `${DECOUPLE}X = config("HOSTS", default="a.com, b.com", cast=Csv())`, value: "['a.com', 'b.com']" },
  { source: `${DECOUPLE}X = config("HOSTS", cast=Csv(int, post_process=tuple))`, environment: { HOSTS: '1,2' }, value: '(1, 2)' },
  { source: `${DECOUPLE}X = config("HOSTS", cast=Csv(delimiter=";"))`, environment: { HOSTS: 'a;b,c' }, value: "['a', 'b,c']" },
  { source: `${DECOUPLE}X = config("HOSTS", cast=Csv())`, environment: { HOSTS: '"a,b",c' }, value: 'unknown' },
  { source: `${DECOUPLE}X = config("ENV", default="dev", cast=Choices(["dev", "prod"]))`, environment: { ENV: 'prod' }, value: "'prod'" },
  { source: `${DECOUPLE}X = config("ENV", cast=Choices(["dev", "prod"]))`, environment: { ENV: 'qa' }, value: 'raises ValueError' },
  { source: `${DECOUPLE}X = config("X", cast=lambda v: v)`, environment: { X: '1' }, value: 'unknown' },
  { source: 'import decouple\nX = decouple.config("A", default="d")', value: "'d'" },
  { source: 'from decouple import AutoConfig\nconfig = AutoConfig(search_path="/app")\nX = config("A", default=1, cast=int)', value: '1' },
  { source: 'from decouple import config\nfrom dj_database_url import parse as db_url\nX = config("DATABASE_URL", default="sqlite:///db.sqlite3", cast=db_url)["ENGINE"]', value: "'django.db.backends.sqlite3'" },
  // environs: a set variable is deserialised, a default returned as written
  { source: 'from environs import Env\nenv = Env()\nenv.read_env()\nX = env.bool("DEBUG", default=True)', value: 'True' },
  { source: 'from environs import Env\nenv = Env()\nX = env.bool("DEBUG", False)', environment: { DEBUG: 'yes' }, value: 'True' },
  { source: 'from environs import Env\nenv = Env()\nX = env.bool("DEBUG", False)', environment: { DEBUG: 'yES' }, value: 'raises EnvValidationError' },
  { source: 'from environs import Env\nenv = Env()\nX = env.int("N", default="7")', value: "'7'" },
  { source: 'from environs import Env\nenv = Env()\nX = env.list("HOSTS")', environment: { HOSTS: 'a, b' }, value: "['a', ' b']" },
  { source: 'from environs import Env\nenv = Env()\nX = env.list("HOSTS")', environment: { HOSTS: '' }, value: '[]' },
  { source: 'from environs import Env\nenv = Env()\nX = env.str("SECRET_KEY")', environment: {}, value: 'raises EnvError' },
  { source: 'from environs import env\nX = env("A")', environment: { A: 'x' }, value: "'x'" },
  { source: 'from environs import Env\nenv = Env()\nX = env.dj_db_url("DATABASE_URL", ssl_require=True)["OPTIONS"]', environment: { DATABASE_URL: 'postgres://u:p@db.example.com/app' }, value: "{'sslmode': 'require'}" },
  { source: 'from environs import Env\nenv = Env()\nX = env.dj_db_url("DATABASE_URL", default="sqlite:///x.db")["NAME"]', value: "'x.db'" },
  { source: 'from environs import Env\nenv = Env()\nX = env.json("HOSTS")', environment: { HOSTS: '["a", "b"]' }, value: "['a', 'b']" },
  // dj-database-url
  { source: 'import dj_database_url\nX = dj_database_url.config(default="sqlite:///db.sqlite3")', value: "{'NAME': 'db.sqlite3', 'USER': '', 'PASSWORD': '', 'HOST': '', 'PORT': '', 'CONN_MAX_AGE': 0, 'ENGINE': 'django.db.backends.sqlite3'}" },
  { source: 'import dj_database_url\nX = dj_database_url.config()', environment: {}, value: '{}' },
  { source: 'import dj_database_url\nX = dj_database_url.config(conn_max_age=600, ssl_require=True)["OPTIONS"]', environment: { DATABASE_URL: 'postgres://u:p@h/db' }, value: "{'sslmode': 'require'}" },
  { source: 'import dj_database_url\nX = dj_database_url.config("DB", conn_max_age=600)["CONN_MAX_AGE"]', environment: { DB: 'postgres://h/db' }, value: '600' },
  { source: 'import os, dj_database_url\nX = dj_database_url.parse(os.environ["DATABASE_URL"])["HOST"]', environment: { DATABASE_URL: 'mysql://u:p@MyHost:3306/db' }, value: "'myhost'" },
  { source: 'import dj_database_url\nX = dj_database_url.parse("nosuch://h/db")', value: 'raises KeyError' },
  // json.loads / ast.literal_eval of env values
  { source: 'import json, os\nX = json.loads(os.environ["HOSTS"])', environment: { HOSTS: '["*"]' }, value: "['*']" },
  { source: 'import json, os\nX = json.loads(os.environ.get("HOSTS", "[]"))', environment: {}, value: '[]' },
  { source: 'import json, os\nX = json.loads(os.environ["HOSTS"])', environment: { HOSTS: "['*']" }, value: 'raises JSONDecodeError' },
  { source: 'import ast, os\nX = ast.literal_eval(os.getenv("HOSTS", "[]"))', environment: { HOSTS: "('a', 'b',)" }, value: "('a', 'b')" },
  { source: 'from ast import literal_eval\nX = literal_eval("{\'a\': [1, -2.5, None, True]}")', value: "{'a': [1, -2.5, None, True]}" },
];

const ROOT = '/project/config/settings';

function evaluate(testCase: Case): ModuleNamespace {
  const environment = testCase.environment
    ? new Map<string, EnvironmentValue>(Object.entries(testCase.environment).map(([key, value]) => [key, { value, file: null, entry: null, origin: 'test' }]))
    : null;
  const main: ModuleSource = { path: `${ROOT}/production.py`, name: 'config.settings.production', python: parsePython(testCase.source) };
  const host = {
    environment,
    unknownVariables: new Map<string, string>(),
    resolve: () => null,
    namespaceOf: (module: ModuleSource) => evaluateModule(module, host, { fromScratch: true }),
  };
  return evaluateModule(main, host, { fromScratch: true });
}

function shown(value: Value | undefined): string {
  if (!value) return 'unset';
  if (value.kind === 'unknown') return value.raises ? `raises ${value.raises}` : 'unknown';
  return pythonRepr(value) ?? 'unknown';
}

describe('env libraries in the evaluator', () => {
  for (const testCase of CASES) {
    it(`${JSON.stringify(testCase.source.split('\n').pop())} ${JSON.stringify(testCase.environment ?? null)} -> ${testCase.value}`, () => {
      const namespace = evaluate(testCase);
      assert.equal(shown(namespace.names.get(testCase.name ?? 'X')?.value), testCase.value);
    });
  }

  it('records each library read as an EnvRead the rules see', () => {
    const namespace = evaluate({ source: `${DECOUPLE}import dj_database_url\nfrom environs import Env\nenv = Env()\nA = config("DEBUG", default="yes", cast=bool)\nB = dj_database_url.config()\nC = env.bool("E", True)`, value: '' });
    const reads = namespace.envReads.map((read) => [read.variable, read.reader, read.library, read.hasDefault, pythonRepr(read.defaultValue ?? { kind: 'none' })]);
    assert.deepEqual(reads, [
      ['DEBUG', 'config', 'decouple', true, 'True'],
      ['DATABASE_URL', 'dj_database_url.config', 'dj-database-url', true, 'None'],
      ['E', 'env.bool', 'environs', true, 'True'],
    ]);
    assert.deepEqual(namespace.envReads.map(defaultIsTheValue), [true, false, true]);
    // The setting's value carries its read, so a finding can point at the env line or the default.
    assert.equal(namespace.names.get('A')!.value.env?.variable, 'DEBUG');
    assert.equal(namespace.names.get('B')!.value.env?.variable, 'DATABASE_URL');
  });
});

// ---- differential: the libraries themselves on generated values ---------------------------

/** Runs /usr/bin/python3 on a script reading JSON cases from stdin; null when the interpreter or the library is missing. */
function python(script: string, input: unknown, pythonPath?: string): unknown[] | null {
  try {
    const output = execFileSync('/usr/bin/python3', ['-c', script], {
      input: JSON.stringify(input),
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin', ...(pythonPath ? { PYTHONPATH: pythonPath } : {}) },
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    return JSON.parse(output) as unknown[];
  } catch (error) {
    if (/ModuleNotFoundError|ENOENT/.test(String((error as { stderr?: string }).stderr ?? error))) return null;
    throw error;
  }
}

/** The Python side: each case sets one variable and evaluates one library expression; repr or the exception's name. */
const RUNNER = `
import json, os, sys
cases = json.load(sys.stdin)
out = []
for case in cases:
    os.environ.clear()
    if case["value"] is not None:
        os.environ["V"] = case["value"]
    try:
        out.append(repr(eval(case["expression"], NAMESPACE)))
    except Exception as error:
        out.append("raises " + type(error).__name__)
print(json.dumps(out))
`;

interface DifferentialCase {
  value: string | null;
  expression: string;
  /** The settings source our side evaluates (X is the result). */
  source: string;
}

function compare(cases: DifferentialCase[], theirs: unknown[], allowUnknown: (c: DifferentialCase) => boolean): void {
  let decided = 0;
  cases.forEach((testCase, index) => {
    const ours = shown(evaluate({ source: testCase.source, value: '', environment: testCase.value === null ? {} : { V: testCase.value } }).names.get('X')?.value);
    if (ours === 'unknown') {
      assert.ok(allowUnknown(testCase), `${testCase.expression} with V=${JSON.stringify(testCase.value)}: ours is unknown, the library says ${theirs[index]}`);
      return;
    }
    decided++;
    const expected = String(theirs[index]);
    // An exception is compared by its name only where ours names one.
    assert.equal(ours, expected, `${testCase.expression} with V=${JSON.stringify(testCase.value)}`);
  });
  assert.ok(decided >= cases.length * 0.8, `only ${decided} of ${cases.length} cases decided`);
}

const PIECES = ['', 'a', 'B', ' ', ',', ',,', ';', 'x y', '\t', 'true', 'on', '0', '1', 'Yes', 'n', '12', '-3', '1_0', 'f', '"', '#'];

function generated(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(random() * 4) }, () => pick(PIECES)).join(''));
}

describe('python-decouple 3.6 differential', () => {
  const values = [...new Set([...generated(7, 160), 'True', 'TRUE', 'tRuE', 'None', ' true', 'true ', '2', 'ok'])];
  const expressions: [string, string][] = [
    ['config("V", default="fallback")', 'config("V", default="fallback")'],
    ['config("V", default=True, cast=bool)', 'config("V", default=True, cast=bool)'],
    ['config("V", default="0", cast=int)', 'config("V", default="0", cast=int)'],
    ['config("V", default="", cast=Csv())', 'config("V", default="", cast=Csv())'],
    ['config("V", default="1", cast=Csv(int, delimiter=";", post_process=tuple))', 'config("V", default="1", cast=Csv(int, delimiter=";", post_process=tuple))'],
    ['config("V", default="a", cast=Choices(["a", "true", ""]))', 'config("V", default="a", cast=Choices(["a", "true", ""]))'],
  ];
  const cases: DifferentialCase[] = [];
  for (const [expression, ours] of expressions) {
    for (const value of [null, ...values]) cases.push({ value, expression, source: `from decouple import config, Csv, Choices\nX = ${ours}` });
  }
  const theirs = python(`from decouple import Config, RepositoryEmpty, Csv, Choices\nNAMESPACE = {"config": Config(RepositoryEmpty()), "Csv": Csv, "Choices": Choices}\n${RUNNER}`, cases);
  it(`agrees on ${cases.length} reads`, { skip: theirs === null ? 'python3-decouple is not importable' : false }, () => {
    // Ours stays unknown only where shlex rules (quotes, #) would apply.
    compare(cases, theirs!, (testCase) => testCase.expression.includes('Csv') && /["#]/.test(testCase.value ?? ''));
  });
});

describe('dj-database-url 0.5.0 differential', () => {
  const random = seededRandom(11);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const schemes = ['postgres', 'postgresql', 'pgsql', 'postgis', 'mysql', 'sqlite', 'oracle', 'redshift', 'mssql', 'nosuch', 'POSTGRES'];
  const users = ['', 'u@', 'u:p@', 'user:p%40ss@', ':secret@', 'u:@'];
  const hosts = ['', 'h', 'DB.Example.com', '127.0.0.1', '[::1]', '%2Fvar%2Frun%2Fpg', 'h.internal'];
  const ports = ['', ':5432', ':0', ':99999', ':x', ':'];
  const paths = ['', '/', '/db', '/my%20db', '/a/b', '/db.sqlite3', '//abs/path.db', '/db?x'];
  const queries = ['', '?sslmode=require', '?sslmode=disable&sslmode=require', '?a=1&&b=&c=+x', '?currentSchema=s', '?ssl-ca=/ca.pem', '?conn_max_age=60', '#frag'];
  const urls = new Set(['sqlite://:memory:', 'sqlite://', 'sqlite:///db.sqlite3', 'postgres://u:p@h:5432/db', '', 'not a url', 'postgres://h:5432/db?x?y']);
  while (urls.size < 260) urls.add(`${pick(schemes)}://${pick(users)}${pick(hosts)}${pick(ports)}${pick(paths)}${pick(queries)}`);
  const cases: DifferentialCase[] = [];
  for (const url of urls) {
    cases.push({ value: url, expression: 'dj_database_url.parse(os.environ["V"])', source: 'import os, dj_database_url\nX = dj_database_url.parse(os.environ["V"])' });
    cases.push({ value: url, expression: 'dj_database_url.config("V", conn_max_age=600, ssl_require=True)', source: 'import dj_database_url\nX = dj_database_url.config("V", conn_max_age=600, ssl_require=True)' });
  }
  cases.push({ value: null, expression: 'dj_database_url.config("V", default="postgres://u:p@h/d")', source: 'import dj_database_url\nX = dj_database_url.config("V", default="postgres://u:p@h/d")' });
  const theirs = python(`import os, dj_database_url\nNAMESPACE = {"os": os, "dj_database_url": dj_database_url}\n${RUNNER}`, cases);
  it(`agrees on ${cases.length} URLs`, { skip: theirs === null ? 'python3-dj-database-url is not importable' : false }, () => {
    compare(cases, theirs!, () => false);
  });
});

describe('json.loads and ast.literal_eval differential', () => {
  const texts = ['[]', '["a", "b"]', "['a', 'b']", '("a",)', '(1)', '{"k": 1, "k": 2}', '{1, 2}', '{}', 'null', 'None', 'true', 'True', '[1, 2,]', ' [1]', '[1] ', '-1.5e3', '012', '"\\u00e9"', "'it\\'s'", '[1, [2, {"x": null}]]', '', 'nan', '[1, 2', '{"a": }', '"tab\\there"', '1_000'];
  const cases: DifferentialCase[] = [];
  for (const text of texts) {
    cases.push({ value: text, expression: 'json.loads(os.environ["V"])', source: 'import json, os\nX = json.loads(os.environ["V"])' });
    cases.push({ value: text, expression: 'ast.literal_eval(os.environ["V"])', source: 'import ast, os\nX = ast.literal_eval(os.environ["V"])' });
  }
  const theirs = python(`import os, json, ast\nNAMESPACE = {"os": os, "json": json, "ast": ast}\n${RUNNER}`, cases);
  it(`agrees on ${cases.length} texts`, { skip: theirs === null ? 'python3 is not available' : false }, () => {
    // Exception names differ between the two (ValueError, SyntaxError, JSONDecodeError): a raise is compared as a raise.
    const normalised = theirs!.map((answer) => (String(answer).startsWith('raises') ? 'raises' : answer));
    let decided = 0;
    cases.forEach((testCase, index) => {
      const ours = shown(evaluate({ source: testCase.source, value: '', environment: { V: testCase.value! } }).names.get('X')?.value);
      if (ours === 'unknown') return;
      decided++;
      assert.equal(ours.startsWith('raises') ? 'raises' : ours, normalised[index], `${testCase.expression} of ${JSON.stringify(testCase.value)}`);
    });
    assert.ok(decided >= cases.length * 0.9);
  });
});

describe('environs bool (marshmallow) differential', () => {
  const values = [...new Set([...generated(3, 80), 'True', 'TRUE', 'tRUE', 'YES', 'Yes', 'yES', 'On', 'oN', 'F', 'No'])];
  const cases: DifferentialCase[] = values.map((value) => ({ value, expression: 'Boolean().deserialize(os.environ["V"])', source: 'from environs import Env\nenv = Env()\nX = env.bool("V")' }));
  // environs is not packaged by Debian: its bool is marshmallow's field, which Debian packages
  // (python3-marshmallow, installed by .ci/run); MARSHMALLOW_PATH points at another unpacked version.
  const theirs = python(`import os\nfrom marshmallow.fields import Boolean\nNAMESPACE = {"os": os, "Boolean": Boolean}\n${RUNNER}`, cases, process.env.MARSHMALLOW_PATH);
  it(`agrees on ${cases.length} values`, () => {
    assert.ok(theirs, 'marshmallow is not importable: apt-get install python3-marshmallow (see .ci/run)');
    cases.forEach((testCase, index) => {
      const ours = shown(evaluate({ source: testCase.source, value: '', environment: { V: testCase.value! } }).names.get('X')?.value);
      const expected = String(theirs![index]).startsWith('raises') ? 'raises EnvValidationError' : theirs![index];
      assert.equal(ours, expected, JSON.stringify(testCase.value));
    });
  });
});

describe('python-decouple 3.6 RepositoryEnv differential', () => {
  const random = seededRandom(23);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const keys = ['A', 'B', ' C ', 'export D', 'E.F', ''];
  const values = ['', '1', ' spaced ', '"quoted"', "'single'", '"unbalanced', 'x#y', 'a=b', '" both "', "'", 'tail # note'];
  const texts = Array.from({ length: 120 }, () => {
    const lines = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
      const roll = random();
      if (roll < 0.1) return '# comment';
      if (roll < 0.15) return 'no equals here';
      if (roll < 0.2) return pick(['', '   ', '\t']);
      return `${pick(['', ' ', '\t'])}${pick(keys)}${pick(['=', ' = ', '= '])}${pick(values)}${pick(['', ' ', '\t'])}`;
    });
    return lines.join(pick(['\n', '\r\n', '\r'])) + pick(['', '\n']);
  });
  const script = `
import json, os, sys, tempfile
from decouple import RepositoryEnv
out = []
for text in json.load(sys.stdin):
    with tempfile.NamedTemporaryFile('w', suffix='.env', delete=False, newline='') as handle:
        handle.write(text)
    try:
        out.append(RepositoryEnv(handle.name).data)
    finally:
        os.unlink(handle.name)
print(json.dumps(out))
`;
  const theirs = python(script, texts);
  it(`reads ${texts.length} .env files as decouple does`, { skip: theirs === null ? 'python3-decouple is not importable' : false }, async () => {
    const { decoupleEnvValues } = await import('../../../server/src/settings/readers/decouple');
    texts.forEach((text, index) => {
      const ours = Object.fromEntries([...decoupleEnvValues(text, '.env')].map(([key, value]) => [key, value.value]));
      assert.deepEqual(ours, theirs![index], JSON.stringify(text));
    });
  });
});
