import type { Range } from '../parse/source-text';
import type { EnvironmentValue } from '../project/production';
import type { EnvLibrary } from './readers/library';

/** Where in the project a value was produced: a file and the range of the expression. */
export interface Location {
  path: string;
  range: Range;
}

/** One read of an environment variable by a settings module. */
export interface EnvRead {
  variable: string;
  /** `os.environ[]`, `os.environ.get`, `os.getenv`, `env`, `env.bool`, `config`, … as written. */
  reader: string;
  /** The library that reads it (settings/readers/library.ts); absent on reads made before libraries were told apart. */
  library?: EnvLibrary;
  /** The whole call or subscript. */
  at: Location;
  /** The default's expression, when the read has one. */
  defaultAt: Location | null;
  hasDefault: boolean;
  /** The default's value as written (django-environ and environs return it unparsed); decouple's after its cast. */
  defaultValue: Value | null;
  /** What production's environment holds for it; null when absent (or the environment is unknown). */
  source: EnvironmentValue | null;
  /** Whether production's environment is known at all (null environment: defaults apply). */
  environmentKnown: boolean;
  /** Read inside a helper: the top-level call that ran it (where a finding about the read goes). */
  call?: Location | null;
  /** The helper raises when the variable is unset (`if not value: raise …`): the exception and the raise. */
  raisesWhenUnset?: { exception: string; at: Location } | null;
}

interface Base {
  /** The expression that produced the value (null for Django's defaults and values made up by the evaluator). */
  at?: Location | null;
  /** The environment read the value came from, when it did. */
  env?: EnvRead | null;
  /** Returned by a helper: where in the helper it came from (the `return`), for related information. */
  via?: Location | null;
}

/**
 * Where the characters of a folded string came from, in order (see provenance.ts). Absent: the
 * whole string has one origin — its env read's when it has one, else the source literal at `at`.
 */
export interface StringPart {
  length: number;
  origin: 'source' | 'env' | 'default' | 'computed';
  at: Location | null;
  /** For an env or default part: the read. */
  env?: EnvRead | null;
}

export type Value =
  | (Base & { kind: 'str'; value: string; parts?: StringPart[] })
  | (Base & { kind: 'bytes'; value: string })
  | (Base & { kind: 'int'; value: number })
  | (Base & { kind: 'float'; value: number })
  | (Base & { kind: 'bool'; value: boolean })
  | (Base & { kind: 'none' })
  | (Base & { kind: 'list' | 'tuple' | 'set'; items: Value[] })
  | (Base & { kind: 'dict'; entries: DictEntry[] })
  | (Base & { kind: 'path'; value: string })
  /** Modules, classes and objects the evaluator knows by name: `os`, `os.environ`, `environ.Env`, an Env instance. */
  | (Base & { kind: 'object'; name: string; scheme?: Map<string, { cast: string | null; default: Value | null }>; self?: Value })
  | (Base & { kind: 'function'; name: string; definition: unknown; module: string })
  /**
   * Not known as one value. `alternatives`: it is one of these, one per path (an `if` whose
   * condition is unknown, a helper's branches); rules decide on every alternative (see
   * alternatives.ts). Code that does not look at them treats the value as unknown, as it must.
   */
  | (Base & { kind: 'unknown'; reason: string; raises?: string; alternatives?: Value[] });

export interface DictEntry {
  key: Value;
  value: Value;
}

export type KnownValue = Exclude<Value, { kind: 'unknown' }>;

export function unknown(reason: string, at: Location | null = null, raises?: string): Value {
  return raises ? { kind: 'unknown', reason, at, raises } : { kind: 'unknown', reason, at };
}

export function isUnknown(value: Value): value is Extract<Value, { kind: 'unknown' }> {
  return value.kind === 'unknown';
}

/** Python truthiness; null when it cannot be told. */
export function truthy(value: Value): boolean | null {
  switch (value.kind) {
    case 'str':
    case 'bytes':
      return value.value.length > 0;
    case 'int':
    case 'float':
      return value.value !== 0;
    case 'bool':
      return value.value;
    case 'none':
      return false;
    case 'list':
    case 'tuple':
    case 'set':
      return value.items.length > 0;
    case 'dict':
      return value.entries.length > 0;
    case 'path':
    case 'object':
    case 'function':
      return true;
    default:
      return null;
  }
}

/** Deep containment: true when the value or anything inside it is unknown. */
export function containsUnknown(value: Value): boolean {
  if (value.kind === 'unknown') return true;
  if (value.kind === 'list' || value.kind === 'tuple' || value.kind === 'set') return value.items.some(containsUnknown);
  if (value.kind === 'dict') return value.entries.some((entry) => containsUnknown(entry.key) || containsUnknown(entry.value));
  return false;
}

/** Python `==` on known values; null when it cannot be told. */
export function pythonEquals(a: Value, b: Value): boolean | null {
  if (a.kind === 'unknown' || b.kind === 'unknown') return null;
  const numeric = (v: Value) => (v.kind === 'int' || v.kind === 'float' ? v.value : v.kind === 'bool' ? (v.value ? 1 : 0) : null);
  const na = numeric(a);
  const nb = numeric(b);
  if (na !== null && nb !== null) return na === nb;
  if (a.kind !== b.kind) {
    // list == tuple is False in Python; different kinds are unequal except the numeric tower above.
    if (a.kind === 'object' || b.kind === 'object' || a.kind === 'function' || b.kind === 'function') return null;
    return false;
  }
  switch (a.kind) {
    case 'str':
    case 'bytes':
    case 'path':
      return a.value === (b as typeof a).value;
    case 'none':
      return true;
    case 'list':
    case 'tuple': {
      const other = b as typeof a;
      if (a.items.length !== other.items.length) return false;
      let result: boolean | null = true;
      for (let i = 0; i < a.items.length; i++) {
        const same = pythonEquals(a.items[i], other.items[i]);
        if (same === false) return false;
        if (same === null) result = null;
      }
      return result;
    }
    case 'set': {
      const other = b as typeof a;
      const mine = a.items.map((item) => pythonRepr(item));
      const theirs = new Set(other.items.map((item) => pythonRepr(item)));
      if (mine.includes(null) || theirs.has(null)) return null;
      return new Set(mine).size === theirs.size && mine.every((item) => theirs.has(item));
    }
    case 'dict': {
      const other = b as typeof a;
      if (a.entries.length !== other.entries.length) return false;
      for (const entry of a.entries) {
        const match = other.entries.find((candidate) => pythonEquals(candidate.key, entry.key) === true);
        if (!match) return null;
        const same = pythonEquals(entry.value, match.value);
        if (same !== true) return same;
      }
      return true;
    }
    default:
      return null;
  }
}

/** Lists repeated by `*` share their items: a repr of [[0] * 1000] * 1000 … would never finish. */
const MAX_REPR_VALUES = 10_000;

/** Python's repr of a known value (null when unknown or too big to spell out), for messages and trace output. */
export function pythonRepr(value: Value, budget = { left: MAX_REPR_VALUES }): string | null {
  if (--budget.left < 0) return null;
  switch (value.kind) {
    case 'str':
      return quote(value.value);
    case 'bytes':
      return `b${quote(value.value)}`;
    case 'int':
      return String(value.value);
    case 'float':
      return Number.isInteger(value.value) ? `${value.value}.0` : String(value.value);
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'path':
      return `PosixPath(${quote(value.value)})`;
    case 'list':
    case 'tuple':
    case 'set': {
      const items = value.items.map((item) => pythonRepr(item, budget));
      if (items.includes(null)) return null;
      if (value.kind === 'list') return `[${items.join(', ')}]`;
      if (value.kind === 'set') return items.length === 0 ? 'set()' : `{${items.join(', ')}}`;
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    case 'dict': {
      const parts: string[] = [];
      for (const entry of value.entries) {
        const key = pythonRepr(entry.key, budget);
        const item = pythonRepr(entry.value, budget);
        if (key === null || item === null) return null;
        parts.push(`${key}: ${item}`);
      }
      return `{${parts.join(', ')}}`;
    }
    case 'object':
      return `<${value.name}>`;
    case 'function':
      return `<function ${value.name}>`;
    default:
      return null;
  }
}

function quote(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  if (!escaped.includes("'")) return `'${escaped}'`;
  if (!escaped.includes('"')) return `"${escaped}"`;
  return `'${escaped.replace(/'/g, "\\'")}'`;
}

/** A dict's value for a string key, or undefined when absent (null when the dict's keys are not all known). */
export function dictGet(dict: Extract<Value, { kind: 'dict' }>, key: string): Value | undefined | null {
  let uncertain = false;
  for (let i = dict.entries.length - 1; i >= 0; i--) {
    const entry = dict.entries[i];
    if (entry.key.kind === 'str' && entry.key.value === key) return entry.value;
    if (entry.key.kind === 'unknown') uncertain = true;
  }
  return uncertain ? null : undefined;
}

/** The value with a different location and env read kept. */
export function locatedAt<V extends Value>(value: V, at: Location | null): V {
  return { ...value, at };
}
