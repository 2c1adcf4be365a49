/**
 * Where a folded string's characters came from: a literal in the settings source, production's
 * environment, the default of an env read. An f-string, `%`-format, `.format()` or `+` that
 * holds an env read is not "written in the settings module", even when production's value of
 * the read is known; the credential rules judge only the characters that are.
 */
import type { EnvRead, Location, StringPart, Value } from './value';

type StrValue = Extract<Value, { kind: 'str' }>;

/** The origin of a value's text as a whole. */
function originOf(value: Value): StringPart['origin'] {
  if (!value.env) return 'source';
  return value.env.source ? 'env' : 'default';
}

/** A value's parts: its own when folded from several, else one part of its whole text. */
export function partsOf(value: StrValue): StringPart[] {
  if (value.parts) return value.parts;
  return [{ length: value.value.length, origin: originOf(value), at: value.at ?? null, env: value.env ?? null }];
}

/** The part a piece of text converted from a value contributes (`f"{PORT}"`, `"%s" % NAME`). */
export function partOf(value: Value, text: string, at: Location | null): StringPart {
  if (value.kind === 'str' && value.value === text && value.parts) return { length: text.length, origin: 'computed', at };
  return { length: text.length, origin: originOf(value), at: value.at ?? at, env: value.env ?? null };
}

/** Adjacent parts of one origin and location merged; null when the whole string is one source literal's (no parts needed). */
export function normalParts(parts: StringPart[]): StringPart[] | undefined {
  const out: StringPart[] = [];
  for (const part of parts) {
    if (part.length === 0) continue;
    const last = out[out.length - 1];
    if (last && last.origin === part.origin && last.at === part.at && last.env === part.env) out[out.length - 1] = { ...last, length: last.length + part.length };
    else out.push(part);
  }
  if (out.length === 0 || out.every((part) => part.origin === 'source')) return undefined;
  return out;
}

/** The first env read a folded string holds (the value's `env`, as `+` has always given). */
export function firstRead(parts: StringPart[] | undefined): EnvRead | null {
  return parts?.find((part) => part.env)?.env ?? null;
}

/** Whether every character of the string is written in the settings source. */
export function writtenInSource(value: Value): boolean {
  if (value.kind !== 'str') return !value.env;
  return value.parts ? value.parts.every((part) => part.origin === 'source') : !value.env;
}

/** Whether the characters from `start` to `end` are all from source literals; the location of the literal that holds them when one does. */
export function sourceSpan(value: StrValue, start: number, end: number): { inSource: boolean; at: Location | null } {
  let offset = 0;
  let inSource = true;
  const covering: StringPart[] = [];
  for (const part of partsOf(value)) {
    const from = offset;
    offset += part.length;
    if (offset <= start || from >= end) continue;
    covering.push(part);
    if (part.origin !== 'source') inSource = false;
  }
  const at = covering.length === 1 ? covering[0].at : value.at ?? null;
  return { inSource, at };
}

/** For messages: where the parts not written in the source came from (`DB_HOST from .envs/.production/.django`). */
export function describeOtherParts(value: StrValue): string | null {
  const others = partsOf(value).filter((part) => part.origin !== 'source');
  if (others.length === 0) return null;
  const names = others.map((part) => {
    const read = part.env;
    if (!read) return 'a computed value';
    if (part.origin === 'env' && read.source) return `${read.variable} from ${read.source.origin}`;
    return `the default of ${read.reader}("${read.variable}")`;
  });
  return [...new Set(names)].join(', ');
}
