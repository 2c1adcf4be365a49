import type { SettingsView } from '../../settings/project-settings';
import type { Fix, RelatedLocation, RuleContext } from '../rule';
import { SECURITY_MIDDLEWARE, describeSetting, hasMiddleware, knownOnEveryPath, middlewareSetting, reportSetting } from './settings-findings';
import type { KnownLookup } from './settings-findings';

/** A middleware Django's deploy checks require in MIDDLEWARE. */
export interface RequiredMiddleware {
  middleware: string;
  /** What is lost without it, as a sentence. */
  consequence: string;
  /** The deploy check that asks for it; absent for a middleware Django does not check. */
  djangoCheck?: string;
  /** Insert at the top (SecurityMiddleware) or after SecurityMiddleware. */
  first: boolean;
  /** Places that explain why it is required (where a package that needs it is installed). */
  related?: RelatedLocation[];
}

/** Reports a MIDDLEWARE (set or Django's empty default) that lacks the middleware. */
export function reportMissingMiddleware(settings: SettingsView, context: RuleContext, required: RequiredMiddleware): void {
  if (hasMiddleware(settings, required.middleware) !== false) return;
  const name = middlewareSetting(settings);
  const lookups = knownOnEveryPath(settings, name)!;
  // Several paths (a conditional prepend): the finding and the fix go to the list they all start from.
  const lookup = lookups.length === 1 ? lookups[0] : baseList(lookups);
  const paths = lookups.length > 1 ? ` on every path the settings may take (${lookups.length} lists)` : '';
  reportSetting(settings, lookup, context, {
    message: `${lookup.state === 'default' ? describeSetting(name, lookup) : name} lacks ${required.middleware}${paths}: ${required.consequence}`,
    fixes: insertMiddlewareFix(settings, required, lookup, lookups, name),
    ...(required.related ? { related: required.related } : {}),
  });
}

/** Of the paths' lists, the one written first (the others add to it). */
function baseList(lookups: KnownLookup[]): KnownLookup {
  const line = (lookup: KnownLookup) => (lookup.value.at?.path === lookups[0].value.at?.path ? lookup.value.at?.range.start.line ?? Infinity : Infinity);
  return [...lookups].sort((a, b) => line(a) - line(b))[0];
}

export function insertMiddlewareFix(settings: SettingsView, required: RequiredMiddleware, lookup: KnownLookup, lookups: KnownLookup[], name: string): Fix[] {
  const title = `Add ${required.middleware} to ${name}`;
  if (lookup.state === 'default') {
    const source = settings.namespace.module.python.source;
    const end = source.positionAt(source.text.length);
    const separator = source.text === '' || /[\r\n]$/.test(source.text) ? '' : source.eol;
    return [{ title, safe: false, preferred: true, edits: [{ path: settings.entry.path, range: { start: end, end }, newText: `${separator}MIDDLEWARE = ["${required.middleware}"]${source.eol}` }] }];
  }
  const value = lookup.value;
  if (value.kind !== 'list' && value.kind !== 'tuple') return [];
  // Before the first item (after SecurityMiddleware unless this is SecurityMiddleware itself).
  const anchor = value.items.find((item, index) => required.first || !(index === 0 && item.kind === 'str' && item.value === SECURITY_MIDDLEWARE));
  if (!anchor?.at || !anchor.at.path.endsWith('.py') || anchor.env) return [];
  // Every path must hold the item the new one goes before, or the fix mends one path only.
  if (lookups.some((other) => (other.value.kind !== 'list' && other.value.kind !== 'tuple') || !other.value.items.includes(anchor))) return [];
  const { start } = anchor.at.range;
  const sameLine = value.at && value.at.path === anchor.at.path && value.at.range.start.line === start.line;
  const indent = ' '.repeat(start.character);
  const newText = sameLine ? `"${required.middleware}", ` : `"${required.middleware}",\n${indent}`;
  return [{ title, safe: false, preferred: true, edits: [{ path: anchor.at.path, range: { start, end: start }, newText }] }];
}
