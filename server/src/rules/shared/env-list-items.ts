import { environList } from '../../parse/django-environ';
import type { EnvEntry, EnvFile } from '../../parse/env';
import type { Range } from '../../parse/source-text';

/** One item of a variable read with django-environ's `env.list`, and where it is in the file. */
export interface EnvListItem {
  /** The item as `env.list` yields it: not trimmed. */
  text: string;
  /** Offset of the item in the file, or null when its position cannot be known exactly. */
  offset: number | null;
  /** The item's range; the whole value when the offset is null. */
  range: Range;
}

/**
 * The items of an entry's value in `env.list` order. Positions are exact when the value's
 * source text is the value itself; when quoting rules rewrote it (`\n` escapes, CRLF inside a
 * quoted value) every item points at the whole value instead.
 */
export function envListItems(env: EnvFile, entry: EnvEntry): EnvListItem[] {
  if (!env.valueSubRange(entry, 0, 0)) {
    return environList(entry.value).map((text) => ({ text, offset: null, range: entry.valueRange }));
  }
  const innerStart = env.source.offsetAt(entry.innerRange.start);
  const items: EnvListItem[] = [];
  let start = 0;
  for (const part of entry.value.split(',')) {
    if (part !== '') items.push({ text: part, offset: innerStart + start, range: env.valueSubRange(entry, start, start + part.length)! });
    start += part.length + 1;
  }
  return items;
}
