/**
 * The env libraries' objects as the evaluator knows them by name, and the one place their calls
 * are dispatched: python-decouple (decouple.ts), environs (environs.ts), dj-database-url
 * (dj-database-url.ts), json.loads / ast.literal_eval (literal.ts). django-environ's value parsing
 * is in django-environ.ts; its Env reading (schemes, `$` proxies) is still evaluate.ts' environCall.
 */
import type { SyntaxNode } from '@lezer/common';
import type { EnvironmentValue } from '../../project/production';
import type { RepositoryFile } from '../namespace';
import { DictEntry, EnvRead, Value, dictGet, pythonRepr, truthy, unknown } from '../value';
import { DecoupleCast, applyDecoupleCast } from './decouple';
import { parseDatabaseUrl } from './dj-database-url';
import { ENVIRONS_METHODS, environsValue } from './environs';
import { jsonLoads, literalEval } from './literal';

/** Which library an env read goes through: how its default and an unset variable behave. */
export type EnvLibrary = 'os' | 'django-environ' | 'decouple' | 'environs' | 'dj-database-url';

/** Dotted names of the libraries' modules, classes and functions -> the object name the evaluator gives them. */
const LIBRARY_OBJECTS: Record<string, string> = {
  decouple: 'module:decouple',
  'decouple.config': 'decouple:config',
  'decouple.AutoConfig': 'class:decouple.AutoConfig',
  'decouple.Csv': 'class:decouple.Csv',
  'decouple.Choices': 'class:decouple.Choices',
  environs: 'module:environs',
  'environs.Env': 'class:environs.Env',
  'environs.env': 'environs:env',
  dj_database_url: 'module:dj_database_url',
  'dj_database_url.config': 'func:dj_database_url.config',
  'dj_database_url.parse': 'func:dj_database_url.parse',
  json: 'module:json',
  'json.loads': 'func:json.loads',
  ast: 'module:ast',
  'ast.literal_eval': 'func:ast.literal_eval',
};

/** The object a dotted name (an import, or `module.attribute`) stands for; null when it is not one of the libraries'. */
export function libraryObject(dotted: string): string | null {
  return LIBRARY_OBJECTS[dotted] ?? null;
}

/** An attribute of a library object: a module's member, or an environs Env's reader method. */
export function libraryAttribute(objectName: string, attribute: string): string | null {
  if (objectName === 'environs:env') return ENVIRONS_METHODS.has(attribute) || attribute === 'read_env' ? `environs:env.${attribute}` : null;
  const module = /^module:(.*)$/.exec(objectName)?.[1];
  return module ? libraryObject(`${module}.${attribute}`) : null;
}

export interface Argument {
  value: Value;
  node: SyntaxNode;
}

/** How a library turns what it read into the setting's value. */
export interface LibraryConversion {
  library: EnvLibrary;
  /** A set variable's text. */
  fromEnvironment(raw: string): Value;
  /** The default, when the variable is unset (decouple casts it; environs returns it as written). */
  fromDefault(value: Value): Value;
  /** The exception an unset variable without a default raises. */
  raises: string;
  /** Where the library looks when os.environ lacks the variable (decouple's repository file); 'unknown' when it cannot be read. */
  repository?(variable: string): EnvironmentValue | null | 'unknown';
  /** The repository file, for messages. */
  repositoryName?: string;
}

/** What a library call needs of the evaluator. */
export interface LibraryContext {
  /** The argument at a position or keyword. */
  arg(index: number, keyword: string): Argument | undefined;
  keywords: Map<string, Value>;
  positional: Value[];
  /** Records an env read and returns the value the library makes of it. */
  read(variable: string, reader: string, fallback: Argument | undefined, conversion: LibraryConversion, implicitDefault?: Value): Value;
  unknown(reason: string, raises?: string): Value;
  trace(note: string): void;
  /** The folder of the module making the call: where decouple's `config` starts looking for its file. */
  callerDirectory: string;
  repository(directory: string): RepositoryFile | null;
}

/** A library object's call; undefined when the callee is not one of the libraries'. */
export function libraryCall(callee: Extract<Value, { kind: 'object' }>, context: LibraryContext): Value | undefined {
  const name = callee.name;
  switch (name) {
    case 'decouple:config':
      return decoupleConfig(context, callee.self);
    case 'class:decouple.AutoConfig': {
      // AutoConfig(search_path=…): `config` with another folder to start from.
      const searchPath = context.arg(0, 'search_path')?.value;
      if (searchPath && searchPath.kind !== 'none' && searchPath.kind !== 'str' && searchPath.kind !== 'path') return context.unknown('AutoConfig() with a search_path that is not known');
      return { kind: 'object', name: 'decouple:config', ...(searchPath && searchPath.kind !== 'none' ? { self: { kind: 'str', value: searchPath.value } } : {}) };
    }
    case 'class:decouple.Csv':
    case 'class:decouple.Choices':
      return castObject(name === 'class:decouple.Csv' ? 'decouple:Csv' : 'decouple:Choices', name === 'class:decouple.Csv' ? ['cast', 'delimiter', 'strip', 'post_process'] : ['flat', 'cast', 'choices'], context);
    case 'class:environs.Env': {
      const eager = context.keywords.get('eager');
      if (context.positional.length > 0 || [...context.keywords.keys()].some((key) => key !== 'eager')) return context.unknown('Env() with a prefix or expand_vars is not evaluated');
      if (eager && truthy(eager) !== true) return context.unknown('Env(eager=False) defers its errors: not evaluated');
      return { kind: 'object', name: 'environs:env' };
    }
    case 'environs:env':
      return environsRead('call', context);
    case 'func:dj_database_url.config':
      return databaseUrlConfig(context);
    case 'func:dj_database_url.parse':
      return databaseUrlParse(context);
    case 'func:json.loads':
    case 'func:ast.literal_eval': {
      const text = context.arg(0, name === 'func:json.loads' ? 's' : 'node_or_string')?.value;
      const label = name.slice(5);
      if (!text || text.kind !== 'str') return text?.kind === 'unknown' ? text : context.unknown(`${label}() of a value that is not a known string`);
      const value = name === 'func:json.loads' ? jsonLoads(text.value) : literalEval(text.value);
      if (!value) return context.unknown(`${label}() of ${pythonRepr(text)?.slice(0, 40) ?? 'this text'} raises or is not read`, name === 'func:json.loads' ? 'JSONDecodeError' : 'ValueError');
      return { ...value, env: text.env ?? null };
    }
  }
  if (name.startsWith('environs:env.')) {
    const method = name.slice('environs:env.'.length);
    if (method === 'read_env') {
      context.trace("env.read_env() loads a .env file into os.environ at run time; production's environment is read without it");
      return { kind: 'none' };
    }
    return environsRead(method, context);
  }
  return undefined;
}

/** `Csv(...)` / `Choices(...)`: an object holding its arguments, for `cast=`. */
function castObject(name: string, parameters: string[], context: LibraryContext): Value {
  const entries: DictEntry[] = [];
  parameters.forEach((parameter, index) => {
    const given = context.arg(index, parameter);
    if (given) entries.push({ key: { kind: 'str', value: parameter, at: null }, value: given.value });
  });
  return { kind: 'object', name, self: { kind: 'dict', entries, at: null } };
}

const BUILTIN_CASTS = new Set(['bool', 'int', 'float', 'str', 'list', 'tuple']);

/** decouple's `cast=` argument; null when it is something not read here (a lambda, a helper). */
export function decoupleCast(value: Value | undefined): DecoupleCast | null {
  if (value === undefined) return { kind: 'none' };
  if (value.kind !== 'object') return null;
  const builtin = /^builtin:(\w+)$/.exec(value.name)?.[1];
  if (builtin && BUILTIN_CASTS.has(builtin)) return { kind: builtin as 'bool' };
  if (value.name === 'func:dj_database_url.parse') {
    return { kind: 'other', name: 'dj_database_url.parse', convert: (url) => (url.kind === 'str' ? parseDatabaseUrl(url.value, { engine: null, connMaxAge: { kind: 'int', value: 0, at: null }, sslRequire: false }) : unknown('dj_database_url.parse of a value that is not a string')) };
  }
  const self = value.self;
  if (!self || self.kind !== 'dict') return null;
  const option = (key: string): Value | undefined => dictGet(self, key) ?? undefined;
  if (value.name === 'decouple:Csv') {
    const item = decoupleCast(option('cast') ?? { kind: 'object', name: 'builtin:str' });
    const delimiter = option('delimiter') ?? { kind: 'str', value: ',' };
    const strip = option('strip') ?? { kind: 'str', value: ' \t\n\r\x0b\x0c' };
    const post = option('post_process') ?? { kind: 'object', name: 'builtin:list' };
    const postProcess = post.kind === 'object' ? /^builtin:(list|tuple|set)$/.exec(post.name)?.[1] : undefined;
    if (!item || delimiter.kind !== 'str' || strip.kind !== 'str' || !postProcess) return null;
    return { kind: 'csv', item, delimiter: delimiter.value, strip: strip.value, postProcess: postProcess as 'list' };
  }
  if (value.name === 'decouple:Choices') {
    const item = decoupleCast(option('cast') ?? { kind: 'object', name: 'builtin:str' });
    const flat = option('flat');
    const choices = option('choices');
    const valid: Value[] = [];
    if (flat && flat.kind !== 'none') {
      if (flat.kind !== 'list' && flat.kind !== 'tuple') return null;
      valid.push(...flat.items);
    }
    if (choices && choices.kind !== 'none') {
      if (choices.kind !== 'list' && choices.kind !== 'tuple') return null;
      for (const choice of choices.items) {
        if ((choice.kind !== 'list' && choice.kind !== 'tuple') || choice.items.length !== 2) return null;
        valid.push(choice.items[0]);
      }
    }
    if (!item) return null;
    return { kind: 'choices', valid, item };
  }
  return null;
}

/**
 * `config("X", default=…, cast=…)`: os.environ, then decouple's repository, else the default,
 * cast in every case. The repository is the settings.ini or .env decouple finds walking up from
 * the calling module's folder (or AutoConfig's search_path): read when production gets it (the
 * repository tracks it), left out with a trace note when git ignores it (a developer's file).
 */
function decoupleConfig(context: LibraryContext, searchPath: Value | undefined): Value {
  const directory = searchPath && searchPath.kind === 'str' ? searchPath.value : context.callerDirectory;
  const repository = directory.startsWith('/') ? context.repository(directory.replace(/\/+$/, '') || '/') : null;
  if (repository && !repository.deployed) context.trace(`decouple would read ${repository.file}, which git ignores (a developer's file): production's settings are read without it`);
  const variable = context.arg(0, 'option');
  if (!variable || variable.value.kind !== 'str') return context.unknown('a decouple config() whose variable name is not a known string');
  const castArgument = context.arg(2, 'cast');
  const cast = decoupleCast(castArgument?.value);
  const why = `the cast ${castArgument ? 'given' : ''} is not one decouple's reading here follows`;
  const convert = (value: Value): Value => (cast ? applyDecoupleCast(value, cast) : unknown(why));
  const deployed = repository?.deployed ? repository : null;
  return context.read(variable.value.value, 'config', context.arg(1, 'default'), {
    library: 'decouple',
    fromEnvironment: (raw) => convert({ kind: 'str', value: raw }),
    fromDefault: convert,
    raises: 'UndefinedValueError',
    ...(deployed ? { repository: (name: string) => (deployed.values ? deployed.values.get(name) ?? null : 'unknown'), repositoryName: deployed.file } : {}),
  });
}

/** `env.<method>("X", default)` of an environs Env. */
function environsRead(method: string, context: LibraryContext): Value {
  const variable = context.arg(0, 'name');
  if (!variable || variable.value.kind !== 'str') return context.unknown(`an environs env.${method}() whose variable name is not a known string`);
  const reader = method === 'call' ? 'env' : `env.${method}`;
  const extra = [...context.keywords.keys()].filter((key) => key !== 'default' && key !== 'name');
  const fromEnvironment = (raw: string): Value => {
    if (method === 'dj_db_url') return databaseUrlOptions(context, 2, (options) => parseDatabaseUrl(raw, options));
    if (method === 'json') return jsonLoads(raw) ?? unknown(`env.json raises EnvValidationError: ${variable.value.kind === 'str' ? variable.value.value : 'the value'} is not JSON`, null, 'EnvValidationError');
    if (extra.length > 0 || context.positional.length > 2) return unknown(`env.${method}() with ${extra.join(', ') || 'a subcast'} is not evaluated`);
    return environsValue(method, raw);
  };
  return context.read(variable.value.value, reader, context.arg(1, 'default'), {
    library: 'environs',
    fromEnvironment,
    // A field method returns the default as written (_field2method); the URL parsers parse it like a set value (_func2method).
    fromDefault: (value) => (method === 'dj_db_url' ? (value.kind === 'str' ? fromEnvironment(value.value) : unknown('env.dj_db_url of a default that is not a string')) : value),
    raises: 'EnvError',
  });
}

/** dj-database-url's engine / conn_max_age / ssl_require arguments, from position `first` on. */
function databaseUrlOptions(context: LibraryContext, first: number, parse: (options: { engine: string | null; connMaxAge: Value; sslRequire: boolean }) => Value): Value {
  const engine = context.arg(first, 'engine')?.value;
  const connMaxAge = context.arg(first + 1, 'conn_max_age')?.value ?? { kind: 'int', value: 0, at: null };
  const sslRequire = context.arg(first + 2, 'ssl_require')?.value;
  if (engine && engine.kind !== 'str' && engine.kind !== 'none') return unknown('a dj-database-url engine= that is not a known string');
  const ssl = sslRequire ? truthy(sslRequire) : false;
  if (ssl === null) return unknown('a dj-database-url ssl_require= that is unknown');
  return parse({ engine: engine?.kind === 'str' ? engine.value : null, connMaxAge, sslRequire: ssl });
}

/** `dj_database_url.config(env="DATABASE_URL", default=None, …)`: `{}` when the value is empty. */
function databaseUrlConfig(context: LibraryContext): Value {
  const variable = context.arg(0, 'env')?.value ?? { kind: 'str', value: 'DATABASE_URL', at: null };
  if (variable.kind !== 'str') return context.unknown('a dj_database_url.config() whose env= is not a known string');
  const parse = (url: Value): Value => {
    if (url.kind === 'unknown') return url;
    if (truthy(url) === false) return { kind: 'dict', entries: [] };
    if (url.kind !== 'str') return unknown('dj_database_url.config of a default that is not a string');
    return databaseUrlOptions(context, 2, (options) => parseDatabaseUrl(url.value, options));
  };
  return context.read(
    variable.value,
    'dj_database_url.config',
    context.arg(1, 'default'),
    { library: 'dj-database-url', fromEnvironment: (raw) => parse({ kind: 'str', value: raw }), fromDefault: parse, raises: '' },
    // os.environ.get(env, None): an unset variable without a default is None, and the config {}.
    { kind: 'none', at: null },
  );
}

/** `dj_database_url.parse(url, …)` of a known string (an env read's value keeps its read). */
function databaseUrlParse(context: LibraryContext): Value {
  const url = context.arg(0, 'url')?.value;
  if (!url || url.kind !== 'str') return url?.kind === 'unknown' ? url : context.unknown('dj_database_url.parse of a value that is not a known string');
  const value = databaseUrlOptions(context, 1, (options) => parseDatabaseUrl(url.value, options));
  return { ...value, env: url.env ?? null };
}

/** Whether the library hands back the default (cast or not) as the value when the variable is unset: a true default then makes the setting true. */
export function defaultIsTheValue(read: EnvRead): boolean {
  const library = read.library ?? (read.reader.startsWith('env') ? 'django-environ' : 'os');
  return library === 'django-environ' || library === 'decouple' || library === 'environs';
}

/** Whether the default is an argument of a library call (`default=…`) that can be dropped so the read raises when unset. */
export function defaultIsDroppable(read: EnvRead): boolean {
  const library = read.library ?? (read.reader.startsWith('env') ? 'django-environ' : 'os');
  return library === 'django-environ' || library === 'decouple' || library === 'environs';
}
