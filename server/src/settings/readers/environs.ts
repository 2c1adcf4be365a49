/**
 * environs' `Env` readers, as in sloria/environs src/environs/__init__.py (commit 9004620, the
 * 14.x line) over marshmallow 3.18 fields (Debian's python3-marshmallow). A variable that is set
 * is deserialised by a marshmallow field; a default is returned as written; no value and no
 * default raises EnvError (Env is eager by default). `env.dj_db_url` parses with dj-database-url.
 */
import { environInt } from '../../parse/django-environ';
import { Value, unknown } from '../value';

/** marshmallow.fields.Boolean's sets (exact strings: "tRUE" is invalid). */
const TRUTHY = new Set(['t', 'T', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'y', 'Y', 'yes', 'Yes', 'YES', '1']);
const FALSY = new Set(['f', 'F', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF', 'n', 'N', 'no', 'No', 'NO', '0']);

/** `env.bool` of a set variable; null where marshmallow raises ValidationError. */
export function environsBool(raw: string): boolean | null {
  if (TRUTHY.has(raw)) return true;
  if (FALSY.has(raw)) return false;
  return null;
}

/** The environs methods read here, by the cast they apply to a set variable. */
export const ENVIRONS_METHODS = new Set(['str', 'bool', 'int', 'float', 'list', 'json', 'dj_db_url']);

/** What `env.<method>(name)` returns for a set variable's text (dj_db_url is the caller's: it needs the URL parser's options). */
export function environsValue(method: string, raw: string): Value {
  switch (method) {
    case 'call':
    case 'str':
      return { kind: 'str', value: raw };
    case 'bool': {
      const value = environsBool(raw);
      return value === null ? unknown(`env.bool raises EnvValidationError on ${JSON.stringify(raw.slice(0, 20))} (not one of marshmallow's boolean strings)`, null, 'EnvValidationError') : { kind: 'bool', value };
    }
    case 'int': {
      const value = environInt(raw);
      return value === null ? unknown(`env.int raises EnvValidationError on ${JSON.stringify(raw.slice(0, 20))}`, null, 'EnvValidationError') : { kind: 'int', value };
    }
    case 'list':
      // _preprocess_list: split on the delimiter, nothing stripped; the empty string is [].
      return { kind: 'list', items: raw === '' ? [] : raw.split(',').map((item) => ({ kind: 'str', value: item, at: null }) as Value) };
    default:
      return unknown(`env.${method}() of a set variable is not evaluated`);
  }
}
