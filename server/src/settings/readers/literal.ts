/**
 * `json.loads(text)` and `ast.literal_eval(text)` of a known string, the way settings turn an env
 * value into a list or dict (`ALLOWED_HOSTS = json.loads(os.environ["HOSTS"])`). Only the forms
 * settings use are read: strings, numbers, booleans, None/null, lists, tuples, sets, dicts. What
 * the library would reject, or what is not read here, is null.
 */
import { DictEntry, Value } from '../value';

class LiteralReader {
  private index = 0;

  constructor(
    private readonly text: string,
    private readonly python: boolean,
  ) {}

  read(): Value | null {
    const value = this.value();
    this.space();
    return value !== null && this.index === this.text.length ? value : null;
  }

  private space(): void {
    // json: space, tab, CR, LF; Python literal_eval also strips leading spaces and tabs and allows other whitespace between tokens.
    while (this.index < this.text.length && (this.python ? /[ \t\n\r\f\v]/ : /[ \t\n\r]/).test(this.text[this.index])) this.index++;
  }

  private value(): Value | null {
    this.space();
    const char = this.text[this.index];
    if (char === undefined) return null;
    if (char === '[') return this.sequence(']', 'list');
    if (this.python && char === '(') return this.sequence(')', 'tuple');
    if (char === '{') return this.braces();
    if (char === '"' || (this.python && char === "'")) return this.string();
    const word = /^[A-Za-z_]\w*/.exec(this.text.slice(this.index))?.[0];
    if (word) {
      const words: Record<string, Value> = this.python
        ? { True: { kind: 'bool', value: true }, False: { kind: 'bool', value: false }, None: { kind: 'none' } }
        : { true: { kind: 'bool', value: true }, false: { kind: 'bool', value: false }, null: { kind: 'none' } };
      if (!Object.prototype.hasOwnProperty.call(words, word)) return null;
      this.index += word.length;
      return { ...words[word], at: null };
    }
    return this.number();
  }

  private number(): Value | null {
    const rest = this.text.slice(this.index);
    const shape = this.python ? /^-?(?:\d+(?:_\d+)*)(?:\.\d*)?(?:[eE][+-]?\d+)?|^-?\.\d+(?:[eE][+-]?\d+)?/ : /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
    const match = shape.exec(rest);
    if (!match) return null;
    const text = match[0].replace(/_/g, '');
    this.index += match[0].length;
    if (this.python && /^-?0\d/.test(text) && !/[.eE]/.test(text)) return null; // 012 is a syntax error
    if (/[.eE]/.test(text)) return { kind: 'float', value: Number(text), at: null };
    const value = Number(text);
    return Number.isSafeInteger(value) ? { kind: 'int', value, at: null } : null;
  }

  private string(): Value | null {
    const quote = this.text[this.index];
    if (this.python && this.text.startsWith(quote.repeat(3), this.index)) return null;
    let out = '';
    for (this.index++; this.index < this.text.length; this.index++) {
      const char = this.text[this.index];
      if (char === quote) {
        this.index++;
        return { kind: 'str', value: out, at: null };
      }
      if (char === '\n' || (!this.python && char < ' ')) return null;
      if (char !== '\\') {
        out += char;
        continue;
      }
      const next = this.text[++this.index];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', ...(this.python ? { "'": "'" } : {}) };
      if (next !== undefined && Object.prototype.hasOwnProperty.call(simple, next) && !(this.python && next === '/')) out += simple[next];
      else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.index + 1, this.index + 5))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.index + 1, this.index + 5), 16));
        this.index += 4;
      } else return null; // other escapes (\x, octal, \N{…}, a Python backslash kept as is) are not read
    }
    return null;
  }

  private sequence(close: string, kind: 'list' | 'tuple' | 'set'): Value | null {
    this.index++;
    const items: Value[] = [];
    let sawComma = false;
    for (;;) {
      this.space();
      if (this.text[this.index] === close) {
        this.index++;
        // (x) is x, not a tuple.
        if (kind === 'tuple' && items.length === 1 && !sawComma) return items[0];
        return { kind, items, at: null };
      }
      if (items.length > 0) {
        if (this.text[this.index] !== ',') return null;
        this.index++;
        sawComma = true;
        this.space();
        if (this.text[this.index] === close) {
          if (!this.python) return null; // json has no trailing comma
          continue;
        }
      }
      const item = this.value();
      if (item === null) return null;
      items.push(item);
    }
  }

  private braces(): Value | null {
    const start = this.index;
    this.index++;
    this.space();
    if (this.text[this.index] === '}') {
      this.index++;
      return { kind: 'dict', entries: [], at: null };
    }
    const first = this.value();
    if (first === null) return null;
    this.space();
    if (this.text[this.index] !== ':') {
      // {a, b}: a set (Python only).
      if (!this.python) return null;
      this.index = start;
      const set = this.sequence('}', 'set');
      return set;
    }
    const entries: DictEntry[] = [];
    let key: Value | null = first;
    for (;;) {
      if (key === null || (!this.python && key.kind !== 'str')) return null;
      this.space();
      if (this.text[this.index] !== ':') return null;
      this.index++;
      const value = this.value();
      if (value === null) return null;
      const existing = entries.findIndex((entry) => entry.key.kind === key!.kind && 'value' in entry.key && 'value' in key! && entry.key.value === key!.value);
      if (existing >= 0) entries[existing] = { key: entries[existing].key, value };
      else entries.push({ key, value });
      this.space();
      if (this.text[this.index] === '}') {
        this.index++;
        return { kind: 'dict', entries, at: null };
      }
      if (this.text[this.index] !== ',') return null;
      this.index++;
      this.space();
      if (this.text[this.index] === '}') {
        if (!this.python) return null;
        this.index++;
        return { kind: 'dict', entries, at: null };
      }
      key = this.value();
    }
  }
}

/** `json.loads(text)`; null where it raises or where the form is not read here. */
export function jsonLoads(text: string): Value | null {
  return new LiteralReader(text, false).read();
}

/** `ast.literal_eval(text)`; null where it raises or where the form is not read here. */
export function literalEval(text: string): Value | null {
  // literal_eval strips leading spaces and tabs (mode='eval' would reject an indented expression).
  return new LiteralReader(text.replace(/^[ \t]+/, ''), true).read();
}
