import type { SettingsView } from '../settings/project-settings';
import { Value, dictGet } from '../settings/value';
import { RelatedLocation, Rule } from './rule';
import { known, reportSetting } from './shared/settings-findings';

const FILE_BASED_CACHE = 'django.core.cache.backends.filebased.FileBasedCache';

/** What Django compares a file cache's LOCATION with (django/core/checks/caches.py), in its order. */
const EXPOSED_SETTINGS = ['MEDIA_ROOT', 'STATIC_ROOT', 'STATICFILES_DIRS'];

type Relation = 'matches' | 'is inside' | 'contains';

/**
 * A path as `Path.resolve()` makes it, lexically (symlinks are not followed): absolute, or
 * relative to the working directory, which static analysis cannot know — `up` counts the
 * leading `..` that climb out of it.
 */
interface NormalPath {
  absolute: boolean;
  up: number;
  parts: string[];
}

export const rule: Rule = {
  meta: {
    code: 'DJ611',
    name: 'file-cache-overlaps-static',
    description: 'A FileBasedCache LOCATION is, is inside, or contains MEDIA_ROOT, STATIC_ROOT or a STATICFILES_DIRS entry.',
    category: 'data',
    severity: 'warning',
    checklistItem: 'A file-based cache is kept out of the static and media folders',
    djangoCheck: 'caches.W002',
  },
  checkSettings(settings, context) {
    const caches = known(settings, 'CACHES');
    // Unset: Django's default is a LocMemCache.
    if (!caches || caches.state !== 'set' || caches.value.kind !== 'dict') return;
    const exposed = EXPOSED_SETTINGS.map((name) => ({ name, paths: exposedPaths(settings, name) }));
    for (const entry of caches.value.entries) {
      if (entry.key.kind !== 'str' || entry.value.kind !== 'dict') continue;
      const alias = entry.key.value;
      const config = entry.value;
      const backend = dictGet(config, 'BACKEND');
      // A subclass of FileBasedCache would count too, but only the class itself can be known by name.
      if (!backend || backend.kind !== 'str' || backend.value !== FILE_BASED_CACHE) continue;
      const location = dictGet(config, 'LOCATION');
      // Without a LOCATION Django 3.2's own cache checks crash (KeyError), so check --deploy says nothing either.
      if (!location || (location.kind !== 'str' && location.kind !== 'path')) continue;
      const locationText = location.value;
      const cachePath = normalPath(locationText);
      const overlaps: string[] = [];
      const related: RelatedLocation[] = [];
      for (const { name, paths } of exposed) {
        if (!paths) continue;
        const relation = djangoRelation(cachePath, paths);
        if (!relation) continue;
        overlaps.push(`${relation} ${name}`);
        const setting = settings.get(name);
        related.push({ path: setting.location.path, range: setting.location.range, message: `${name} is set here` });
      }
      if (overlaps.length === 0) continue;
      // At the LOCATION expression when it has one; else at the cache's configuration (an env.cache() read).
      const reported: Value = location.at ? location : config.at || config.env ? config : caches.value;
      const lookup = { state: 'set' as const, value: reported, binding: caches.binding, location: reported.at ?? caches.location };
      const shown = locationText === '' ? 'an empty LOCATION (the working directory)' : `LOCATION ${JSON.stringify(locationText)}`;
      reportSetting(settings, lookup, context, {
        message:
          `The '${alias}' cache is a FileBasedCache with ${shown} that ${joinAnd(overlaps)}: the web server publishes those folders, ` +
          `so cached values (pickled, sessions included when the cache holds them) can be downloaded, and collectstatic or the cache's culling deletes the other's files.`,
        related,
      });
    }
  },
};

/** The paths of a setting as Django's check reads them; null when the setting is unset, empty or not fully known. */
function exposedPaths(settings: SettingsView, name: string): (NormalPath | null)[] | null {
  const lookup = known(settings, name);
  if (!lookup) return null;
  const value = lookup.value;
  // `if not setting: continue`: Django skips an empty MEDIA_ROOT, a None STATIC_ROOT, an empty list.
  if (value.kind === 'none' || ((value.kind === 'str' || value.kind === 'path') && value.value === '')) return null;
  if (name !== 'STATICFILES_DIRS') return value.kind === 'str' || value.kind === 'path' ? [normalPath(value.value)] : null;
  if (value.kind !== 'list' && value.kind !== 'tuple') return null;
  if (value.items.length === 0) return null;
  // An entry is a path or a (prefix, path) pair; anything else stays unknown (null).
  return value.items.map((item) => {
    const path = (item.kind === 'list' || item.kind === 'tuple') && item.items.length === 2 ? item.items[1] : item;
    return path.kind === 'str' || path.kind === 'path' ? normalPath(path.value) : null;
  });
}

/**
 * Django's relation of the cache to a setting's paths: any match first, then "is inside", then
 * "contains". Null when none holds, or when an unknown path might change the answer.
 */
function djangoRelation(cache: NormalPath, paths: (NormalPath | null)[]): Relation | null {
  const relations = paths.map((path) => (path ? relationOf(cache, path) : undefined));
  for (const relation of ['matches', 'is inside', 'contains'] as const) {
    if (relations.includes(relation)) return relation;
    // An unknown path might hold this relation, which Django would name first.
    if (relations.includes(undefined)) return null;
  }
  return null;
}

/** How the cache path relates to a setting path: a relation, null for none, undefined when it depends on the working directory. */
function relationOf(cache: NormalPath, path: NormalPath): Relation | null | undefined {
  if (cache.absolute !== path.absolute) return undefined;
  if (!cache.absolute && cache.up !== path.up) return undefined;
  const shorter = Math.min(cache.parts.length, path.parts.length);
  for (let i = 0; i < shorter; i++) if (cache.parts[i] !== path.parts[i]) return null;
  if (cache.parts.length === path.parts.length) return 'matches';
  return cache.parts.length > path.parts.length ? 'is inside' : 'contains';
}

function normalPath(text: string): NormalPath {
  const absolute = text.startsWith('/');
  const parts: string[] = [];
  let up = 0;
  for (const part of text.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.length > 0) parts.pop();
    else if (!absolute) up++;
  }
  return { absolute, up, parts };
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
