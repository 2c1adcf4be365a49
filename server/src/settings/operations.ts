/** Python's operations on known values, as the evaluator applies them: operators, subscripts, list and dict methods. */
import {
  DictEntry,
  Location,
  Value,
  pythonEquals,
  pythonRepr,
  unknown,
} from './value';

/** The most items a list, set or dict may hold: `[0] * 10**9` is unknown, not a billion values. */
export const MAX_ITEMS = 10000;

export function pythonStr(value: Value): string | null {
  if (value.kind === 'str' || value.kind === 'path') return value.value;
  return pythonRepr(value);
}

export function castName(value: Value): string | null {
  if (value.kind === 'object' && value.name.startsWith('builtin:')) return value.name.slice(8);
  return null;
}

export function posixJoin(...parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (part.startsWith('/')) out = part;
    else out = out === '' || out.endsWith('/') ? out + part : `${out}/${part}`;
  }
  return out;
}

export function posixDirname(value: string): string {
  const trimmed = value.replace(/\/+$/, '');
  const index = trimmed.lastIndexOf('/');
  if (index < 0) return '.';
  return index === 0 ? '/' : trimmed.slice(0, index);
}

export function iterableItems(value: Value): Value[] | null {
  if (value.kind === 'list' || value.kind === 'tuple' || value.kind === 'set') return value.items;
  if (value.kind === 'str') return [...value.value].map((char) => ({ kind: 'str', value: char, at: value.at }));
  if (value.kind === 'dict') return value.entries.map((entry) => entry.key);
  return null;
}

export function dedupe(items: Value[]): Value[] {
  const out: Value[] = [];
  for (const item of items) if (!out.some((existing) => pythonEquals(existing, item) === true)) out.push(item);
  return out;
}

export function putEntry(entries: DictEntry[], entry: DictEntry): void {
  const index = entries.findIndex((existing) => pythonEquals(existing.key, entry.key) === true);
  if (index >= 0) entries[index] = { key: entries[index].key, value: entry.value };
  else entries.push(entry);
}

/** An env read that gave None (the variable is unset) folded into text: Python writes "None", which is never what was meant. */
export function unsetRead(value: Value): string | null {
  if (value.kind !== 'none' || !value.env) return null;
  return `${value.env.reader}("${value.env.variable}") is None (${value.env.variable} is unset): the text would read "None"`;
}

export function unknownFrom(value: Value, reason: string): Value {
  return value.kind === 'unknown' ? value : unknown(reason);
}

export function subscriptValue(object: Value, index: Value): Value | undefined | null {
  if (object.kind === 'dict') {
    if (index.kind === 'unknown') return null;
    for (let i = object.entries.length - 1; i >= 0; i--) {
      const same = pythonEquals(object.entries[i].key, index);
      if (same === true) return object.entries[i].value;
      if (same === null) return null;
    }
    return undefined;
  }
  if ((object.kind === 'list' || object.kind === 'tuple' || object.kind === 'str') && index.kind === 'int') {
    const items = object.kind === 'str' ? [...object.value] : object.items;
    const position = index.value < 0 ? items.length + index.value : index.value;
    const item = items[position];
    if (item === undefined) return undefined;
    return typeof item === 'string' ? { kind: 'str', value: item, at: object.at } : item;
  }
  return null;
}

export function setIn(current: Value, path: Value[], change: (old: Value) => Value, statement: Location): Value {
  if (path.length === 0) return change(current);
  const [key, ...rest] = path;
  if (current.kind === 'dict') {
    if (key.kind === 'unknown') return unknown('a key changed by an assignment is unknown', statement);
    const index = current.entries.findIndex((entry) => pythonEquals(entry.key, key) === true);
    if (index < 0 && current.entries.some((entry) => pythonEquals(entry.key, key) === null)) return unknown('a dict whose keys are not all known was changed', statement);
    const old = index >= 0 ? current.entries[index].value : rest.length > 0 ? unknown('KeyError', statement, 'KeyError') : ({ kind: 'none' } as Value);
    const updated = setIn(old, rest, change, statement);
    const entries = [...current.entries];
    if (index >= 0) entries[index] = { key: entries[index].key, value: updated };
    else entries.push({ key: { ...key }, value: updated });
    return { ...current, entries };
  }
  if (current.kind === 'list' && key.kind === 'int') {
    const position = key.value < 0 ? current.items.length + key.value : key.value;
    if (position < 0 || position >= current.items.length) return unknown('an index out of range was assigned', statement);
    const items = [...current.items];
    items[position] = setIn(items[position], rest, change, statement);
    return { ...current, items };
  }
  if (current.kind === 'unknown') return current;
  return unknown(`a ${current.kind} was changed in a way that is not followed`, statement);
}

/** `l += t` on a list extends it by any iterable (list.__iadd__), where `l + t` needs a list. */
export function isListExtension(operator: string, old: Value, right: Value): boolean {
  return operator === '+' && old.kind === 'list' && right.kind !== 'list' && iterableItems(right) !== null;
}

export function mutateCollection(old: Value, method: string, positional: Value[], keywords: Map<string, Value>, unsupported: boolean, statement: Location): Value {
  if (old.kind === 'unknown') return old;
  if (unsupported || keywords.size > 0) return unknown(`.${method}() with arguments that are not followed`, statement);
  if (old.kind === 'list') {
    const items = [...old.items];
    const [first, second] = positional;
    switch (method) {
      case 'append':
        if (positional.length !== 1) break;
        items.push(first);
        return { ...old, items };
      case 'insert': {
        if (positional.length !== 2 || first.kind !== 'int') break;
        const index = first.value < 0 ? Math.max(0, items.length + first.value) : Math.min(first.value, items.length);
        items.splice(index, 0, second);
        return { ...old, items };
      }
      case 'extend': {
        const added = positional.length === 1 ? iterableItems(first) : null;
        if (!added) break;
        if (items.length + added.length > MAX_ITEMS) break;
        return { ...old, items: [...items, ...added] };
      }
      case 'remove': {
        if (positional.length !== 1) break;
        const index = items.findIndex((item) => pythonEquals(item, first) === true);
        if (index < 0) {
          if (items.some((item) => pythonEquals(item, first) === null)) break;
          return unknown(`.remove(${pythonRepr(first)}) raises ValueError: it is not in the list`, statement, 'ValueError');
        }
        items.splice(index, 1);
        return { ...old, items };
      }
      case 'clear':
        return { ...old, items: [] };
    }
  }
  if (old.kind === 'dict' && method === 'update' && positional.length === 1 && positional[0].kind === 'dict') {
    const entries = [...old.entries];
    for (const entry of positional[0].entries) putEntry(entries, entry);
    return { ...old, entries };
  }
  if (old.kind === 'set' && (method === 'add' || method === 'discard') && positional.length === 1) {
    if (method === 'add') return { ...old, items: dedupe([...old.items, positional[0]]) };
    return { ...old, items: old.items.filter((item) => pythonEquals(item, positional[0]) !== true) };
  }
  return unknown(`.${method}() on a ${old.kind} is not followed`, statement);
}

/** Python binary operators on known values; null when not evaluated here. */
export function binaryOperation(operator: string, a: Value, b: Value): Value | null {
  if (operator === 'is' || operator === 'is not') {
    const singleton = (v: Value) => v.kind === 'none' || v.kind === 'bool';
    if (a.kind === 'unknown' || b.kind === 'unknown') return null;
    if (!singleton(a) && !singleton(b)) return null;
    const same = a.kind === b.kind && (a.kind === 'none' || (a as { value: boolean }).value === (b as { value: boolean }).value);
    return { kind: 'bool', value: operator === 'is' ? same : !same };
  }
  if (operator === '==' || operator === '!=') {
    const same = pythonEquals(a, b);
    if (same === null) return null;
    return { kind: 'bool', value: operator === '==' ? same : !same };
  }
  if (operator === 'in' || operator === 'not in') {
    let found: boolean | null;
    if (b.kind === 'str' && a.kind === 'str') found = b.value.includes(a.value);
    else if (b.kind === 'dict') found = b.entries.some((entry) => pythonEquals(entry.key, a) === true) ? true : b.entries.some((entry) => pythonEquals(entry.key, a) === null) ? null : false;
    else {
      const items = b.kind === 'list' || b.kind === 'tuple' || b.kind === 'set' ? b.items : null;
      if (!items) return null;
      const results = items.map((item) => pythonEquals(item, a));
      found = results.includes(true) ? true : results.includes(null) ? null : false;
    }
    if (found === null) return null;
    return { kind: 'bool', value: operator === 'in' ? found : !found };
  }
  if (a.kind === 'unknown' || b.kind === 'unknown') return null;
  const number = (v: Value) => (v.kind === 'int' || v.kind === 'float' ? v.value : v.kind === 'bool' ? Number(v.value) : null);
  const na = number(a);
  const nb = number(b);
  if (['<', '>', '<=', '>='].includes(operator)) {
    let left: number | string | null = na;
    let right: number | string | null = nb;
    if (a.kind === 'str' && b.kind === 'str') {
      left = a.value;
      right = b.value;
    }
    if (left === null || right === null) return null;
    const value = operator === '<' ? left < right : operator === '>' ? left > right : operator === '<=' ? left <= right : left >= right;
    return { kind: 'bool', value };
  }
  if (operator === '/' && a.kind === 'path') {
    const right = b.kind === 'str' || b.kind === 'path' ? b.value : null;
    return right === null ? null : { kind: 'path', value: posixJoin(a.value, right) };
  }
  if (operator === '+') {
    if (a.kind === 'str' && b.kind === 'str') return { kind: 'str', value: a.value + b.value };
    if (a.kind === 'bytes' && b.kind === 'bytes') return { kind: 'bytes', value: a.value + b.value };
    if ((a.kind === 'list' && b.kind === 'list') || (a.kind === 'tuple' && b.kind === 'tuple')) return { kind: a.kind, items: [...a.items, ...b.items] };
    if (a.kind === 'list' && b.kind === 'tuple') return { kind: 'unknown', reason: 'list + tuple raises TypeError', raises: 'TypeError' };
  }
  if (operator === '*') {
    const repeat = (items: Value[], count: number) => Array.from({ length: Math.max(0, Math.min(count, MAX_ITEMS)) }, () => items).flat();
    if (a.kind === 'str' && b.kind === 'int' && a.value.length * b.value <= 1e6) return { kind: 'str', value: a.value.repeat(Math.max(0, b.value)) };
    if ((a.kind === 'list' || a.kind === 'tuple') && b.kind === 'int' && a.items.length * b.value <= MAX_ITEMS) return { kind: a.kind, items: repeat(a.items, b.value) };
  }
  if (operator === '%' && a.kind === 'str') return null;
  if (na === null || nb === null) return null;
  const float = a.kind === 'float' || b.kind === 'float';
  switch (operator) {
    case '+':
      return { kind: float ? 'float' : 'int', value: na + nb };
    case '-':
      return { kind: float ? 'float' : 'int', value: na - nb };
    case '*':
      return { kind: float ? 'float' : 'int', value: na * nb };
    case '/':
      return nb === 0 ? { kind: 'unknown', reason: 'division by zero', raises: 'ZeroDivisionError' } : { kind: 'float', value: na / nb };
    case '//':
      return nb === 0 ? { kind: 'unknown', reason: 'division by zero', raises: 'ZeroDivisionError' } : { kind: float ? 'float' : 'int', value: Math.floor(na / nb) };
    case '%':
      return nb === 0 ? { kind: 'unknown', reason: 'division by zero', raises: 'ZeroDivisionError' } : { kind: float ? 'float' : 'int', value: ((na % nb) + nb) % nb };
    case '**':
      return { kind: float || nb < 0 ? 'float' : 'int', value: na ** nb };
    default:
      return null;
  }
}
