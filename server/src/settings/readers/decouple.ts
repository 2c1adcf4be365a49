/**
 * python-decouple's casts, as in version 3.6 (Debian's python3-decouple,
 * /usr/lib/python3/dist-packages/decouple.py). `config(name, default, cast)` reads os.environ,
 * then the repository (the settings.ini or .env found walking up from the caller's folder),
 * else the default; the cast applies to the default too (unlike django-environ).
 * Differential test: test/unit/settings/readers.test.ts runs that file on the same values.
 */
import { environInt } from '../../parse/django-environ';
import type { EnvironmentValue } from '../../project/production';
import { Value, pythonEquals, pythonRepr, unknown } from '../value';

export const DECOUPLE_VERSION = '3.6';

const TRUE_VALUES = new Set(['y', 'yes', 't', 'true', 'on', '1']);
const FALSE_VALUES = new Set(['n', 'no', 'f', 'false', 'off', '0']);

/** `Config._cast_boolean` on str(value): '' is False, else strtobool; null where it raises ValueError. */
export function decoupleBool(text: string): boolean | null {
  if (text === '') return false;
  // Python's str.lower() on ASCII words; strtobool has no strip.
  const lower = text.toLowerCase();
  if (TRUE_VALUES.has(lower)) return true;
  if (FALSE_VALUES.has(lower)) return false;
  return null;
}

/**
 * `Csv(delimiter=…, strip=…)` before its item cast: shlex in posix mode with the delimiter as its
 * only whitespace. Quotes, backslashes and `#` (shlex's comment character) are not followed: null.
 */
export function decoupleCsv(text: string, delimiter = ',', strip = ' \t\n\r\x0b\x0c'): string[] | null {
  if (/['"\\#]/.test(text)) return null;
  const tokens: string[] = [];
  let token = '';
  for (const char of text) {
    if (delimiter.includes(char)) {
      if (token !== '') tokens.push(token);
      token = '';
    } else token += char;
  }
  if (token !== '') tokens.push(token);
  return tokens.map((item) => stripChars(item, strip));
}

function stripChars(text: string, chars: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && chars.includes(text[start])) start++;
  while (end > start && chars.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

/** A cast decouple applies: builtins, Csv(...), Choices(...), or a callable it does not know. */
export type DecoupleCast =
  | { kind: 'none' }
  | { kind: 'bool' | 'int' | 'float' | 'str' | 'list' | 'tuple' }
  | { kind: 'csv'; item: DecoupleCast; delimiter: string; strip: string; postProcess: 'list' | 'tuple' | 'set' }
  | { kind: 'choices'; valid: Value[]; item: DecoupleCast }
  | { kind: 'other'; convert: (value: Value) => Value; name: string };

/** str(value) as Python spells it, for casts that start from a string; null when unknown. */
function pythonText(value: Value): string | null {
  if (value.kind === 'str') return value.value;
  return pythonRepr(value);
}

/** The cast applied to a value read (a str) or to the default (any value). */
export function applyDecoupleCast(value: Value, cast: DecoupleCast): Value {
  if (value.kind === 'unknown') return value;
  switch (cast.kind) {
    case 'none':
      return value;
    case 'bool': {
      const text = pythonText(value);
      if (text === null) return unknown('decouple casts a value that is not known to bool');
      const result = decoupleBool(text);
      return result === null ? unknown(`decouple's bool cast raises ValueError on ${JSON.stringify(text.slice(0, 20))}`, null, 'ValueError') : { kind: 'bool', value: result };
    }
    case 'int': {
      if (value.kind === 'int') return value;
      if (value.kind === 'bool') return { kind: 'int', value: Number(value.value) };
      if (value.kind === 'str') {
        const parsed = environInt(value.value);
        return parsed === null ? unknown(`int(${JSON.stringify(value.value.slice(0, 20))}) raises ValueError`, null, 'ValueError') : { kind: 'int', value: parsed };
      }
      return unknown(`int() of a ${value.kind} is not evaluated`);
    }
    case 'float': {
      if (value.kind === 'int' || value.kind === 'float') return { kind: 'float', value: value.value };
      if (value.kind === 'str' && /^\s*[+-]?(\d+(_\d+)*)?(\.\d*)?([eE][+-]?\d+)?\s*$/.test(value.value) && /\d/.test(value.value)) return { kind: 'float', value: Number(value.value.replace(/_/g, '')) };
      return unknown('float() of this value is not evaluated');
    }
    case 'str': {
      const text = pythonText(value);
      return text === null ? unknown('str() of an unknown value') : { kind: 'str', value: text };
    }
    case 'list':
    case 'tuple': {
      if (value.kind === 'str') return { kind: cast.kind, items: [...value.value].map((char) => ({ kind: 'str', value: char, at: null }) as Value) };
      if (value.kind === 'list' || value.kind === 'tuple') return { kind: cast.kind, items: value.items };
      return unknown(`${cast.kind}() of a ${value.kind} is not evaluated`);
    }
    case 'csv': {
      if (value.kind !== 'str') return unknown(`Csv() of a ${value.kind} (not a string) is not evaluated`);
      const parts = decoupleCsv(value.value, cast.delimiter, cast.strip);
      if (parts === null) return unknown('Csv() of a value with quotes, backslashes or # (shlex rules) is not evaluated');
      const items = parts.map((part) => applyDecoupleCast({ kind: 'str', value: part }, cast.item));
      const failed = items.find((item) => item.kind === 'unknown');
      if (failed) return failed;
      return { kind: cast.postProcess, items };
    }
    case 'choices': {
      const cast_ = applyDecoupleCast(value, cast.item);
      if (cast_.kind === 'unknown') return cast_;
      const found = cast.valid.map((valid) => pythonEquals(valid, cast_));
      if (found.includes(true)) return cast_;
      if (found.includes(null)) return unknown('Choices() with choices that are not all known');
      return unknown(`Choices() raises ValueError: ${pythonRepr(cast_) ?? 'the value'} is not one of the choices`, null, 'ValueError');
    }
    case 'other':
      return cast.convert(value);
  }
}

/**
 * `RepositoryEnv`: each line stripped; blank, `#` and `=`-less lines skipped; split at the first
 * `=`, key and value stripped, one pair of matching quotes removed; a later line wins. No
 * `export`, no inline comments, no escapes. The file feeds no production service, so a finding
 * stays at the settings read and names the line in its message.
 */
export function decoupleEnvValues(text: string, relativePath: string): Map<string, EnvironmentValue> {
  const values = new Map<string, EnvironmentValue>();
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = pythonStrip(raw);
    if (!line || line.startsWith('#') || !line.includes('=')) return;
    const equals = line.indexOf('=');
    const key = pythonStrip(line.slice(0, equals));
    let value = pythonStrip(line.slice(equals + 1));
    if (value.length >= 2 && ((value[0] === "'" && value.endsWith("'")) || (value[0] === '"' && value.endsWith('"')))) value = value.slice(1, -1);
    values.set(key, { value, file: null, entry: null, origin: `${relativePath} line ${index + 1} (read by python-decouple)` });
  });
  return values;
}

/** Python's str.strip() with no argument (ASCII and the common Unicode spaces). */
function pythonStrip(text: string): string {
  return text.replace(/^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/g, '');
}
