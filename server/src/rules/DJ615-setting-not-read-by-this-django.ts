import type { Binding } from '../settings/namespace';
import type { SettingsView } from '../settings/project-settings';
import type { Range } from '../parse/source-text';
import { atLeast } from '../project/django-version';
import type { DjangoVersion } from '../project/django-version';
import { REMOVED_SETTINGS } from './shared/django-removed-settings';
import type { RemovedSetting } from './shared/django-removed-settings';
import { reportSetting } from './shared/settings-findings';
import type { Fix, Rule, RuleContext } from './rule';

/** Django's own STORAGES entries, which a STORAGES block must repeat for the alias it does not change. */
const DEFAULT_BACKENDS = { default: 'django.core.files.storage.FileSystemStorage', staticfiles: 'django.contrib.staticfiles.storage.StaticFilesStorage' };
const STORAGE_ALIASES = { DEFAULT_FILE_STORAGE: 'default', STATICFILES_STORAGE: 'staticfiles' } as const;
type StorageSetting = keyof typeof STORAGE_ALIASES;

/** What production does instead, per setting; the generated table says when Django stopped reading it. */
const CONSEQUENCES: Record<string, (value: string | null, storagesSet: boolean) => string> = {
  DEFAULT_FILE_STORAGE: (value, storagesSet) =>
    storagesSet
      ? 'STORAGES["default"] alone decides where uploaded files go.'
      : `uploaded files (FileField, ImageField, default_storage) are written by FileSystemStorage to MEDIA_ROOT on the server's own disk${value ? `, not by ${value}` : ''}: in a container they are lost with it, and other instances never see them.`,
  STATICFILES_STORAGE: (value, storagesSet) =>
    storagesSet
      ? 'STORAGES["staticfiles"] alone decides how collectstatic stores static files.'
      : `collectstatic and {% static %} use StaticFilesStorage (plain files, no hashed names or manifest)${value ? `, not ${value}` : ''}: CDN/S3 uploads, compression and far-future caching stop.`,
  USE_L10N: () => 'Django always formats numbers and dates with the active locale, as USE_L10N = True did.',
  USE_DEPRECATED_PYTZ: () => 'time zones are zoneinfo objects, never pytz ones: code calling pytz\'s localize() or normalize() on them fails.',
  CSRF_COOKIE_MASKED: () => 'the CSRF cookie holds the unmasked secret, as CSRF_COOKIE_MASKED = False did.',
  PASSWORD_RESET_TIMEOUT_DAYS: () => 'password reset links expire after PASSWORD_RESET_TIMEOUT seconds (Django\'s default: 3 days).',
  DEFAULT_HASHING_ALGORITHM: () => 'signing (sessions, password reset tokens, messages) uses SHA-256 whatever it says.',
  FORMS_URLFIELD_ASSUME_HTTPS: () => 'forms.URLField assumes "https://" for input without a scheme, as FORMS_URLFIELD_ASSUME_HTTPS = True did.',
};

export const rule: Rule = {
  meta: {
    code: 'DJ615',
    name: 'setting-not-read-by-this-django',
    description: 'A settings module assigns a setting the project\'s Django no longer reads (removed or renamed, such as DEFAULT_FILE_STORAGE since 5.1), so production does not do what the file says.',
    category: 'data',
    severity: 'warning',
    checklistItem: 'Configure media file storage (S3 recommended)',
    djangoCheck: null,
  },
  checkSettings(settings, context) {
    const version = context.project.djangoVersion();
    // The newest LTS is an assumption: a project on 4.2 still reads DEFAULT_FILE_STORAGE, and
    // a finding that rests on a guess is not made.
    if (version.source.kind === 'default') return;
    const storages = settings.get('STORAGES');
    const storagesSet = storages.state !== 'default';
    for (const removed of REMOVED_SETTINGS.values()) {
      // DJ412 owns SECURE_BROWSER_XSS_FILTER (any Django ignores the header it sent).
      if (removed.name === 'SECURE_BROWSER_XSS_FILTER') continue;
      if (!atLeast(version, removed.removedIn)) continue;
      const binding = settings.namespace.names.get(removed.name);
      // Any assignment is dead, whatever its value (an unknown one too); an unset one is not there.
      if (!binding) continue;
      const value = binding.value.kind === 'str' ? binding.value.value : null;
      const consequence = CONSEQUENCES[removed.name]?.(value, storagesSet) ?? 'Django ignores it.';
      const replaced = removed.name in STORAGE_ALIASES ? ` in favour of STORAGES["${STORAGE_ALIASES[removed.name as StorageSetting]}"]` : '';
      const lookup = settings.get(removed.name);
      reportSetting(settings, { ...lookup, value: { ...binding.value, env: null }, location: binding.statement }, context, {
        message: `${removed.name} is not read by ${named(version)} (removed in ${removed.removedIn}${replaced}): ${consequence}`,
        fixes: removed.name in STORAGE_ALIASES ? storagesFix(settings, context, removed, storagesSet) : [],
      });
    }
  },
};

function named(version: DjangoVersion): string {
  if (version.exact) return `Django ${version.exact}`;
  return version.series.length === 1 ? `Django ${version.series[0]}` : `Django ${version.series[0]} to ${version.series[version.series.length - 1]}`;
}

/**
 * The STORAGES block that says what the storage settings said: each expression moved, as
 * written, into its alias's BACKEND, Django's default for the alias no line sets. Offered when
 * every such assignment is a statement of its own, at module level, in the one file, and STORAGES
 * is not set (then the old lines are only deleted). Review-only: the expressions move.
 */
function storagesFix(settings: SettingsView, { project }: RuleContext, removed: RemovedSetting, storagesSet: boolean): Fix[] {
  const names = (Object.keys(STORAGE_ALIASES) as StorageSetting[]).filter((name) => settings.namespace.names.has(name));
  const bindings = names.map((name) => settings.namespace.names.get(name)!);
  const path = bindings[0].statement.path;
  const file = project.get(path);
  if (!file || file.text === null || file.kind !== 'settings' || bindings.some((binding) => binding.statement.path !== path)) return [];
  const source = project.settings(file).source;
  const lines = bindings.map((binding) => wholeLines(source, binding));
  if (lines.some((range) => range === null)) return [];
  if (storagesSet) {
    const own = lines[names.indexOf(removed.name as StorageSetting)]!;
    return [{ title: `Delete the ${removed.name} assignment (STORAGES decides)`, safe: true, preferred: true, edits: [{ path, range: own, newText: '' }] }];
  }
  const expressions = new Map<string, string>();
  for (const [index, name] of names.entries()) {
    const written = new RegExp(`^${name}\\s*(?::[^=]*)?=\\s*([\\s\\S]+)$`).exec(source.textIn(bindings[index].statement.range));
    if (!written || written[1].startsWith('=')) return [];
    expressions.set(STORAGE_ALIASES[name], written[1].trim());
  }
  const eol = source.eol;
  const entry = (alias: 'default' | 'staticfiles') => `    "${alias}": {"BACKEND": ${expressions.get(alias) ?? `"${DEFAULT_BACKENDS[alias]}"`}},`;
  const block = ['STORAGES = {', entry('default'), entry('staticfiles'), '}'].join(eol) + eol;
  // The block goes where the last of the old lines was (what it reads is set by then).
  const order = lines.map((range, index) => ({ range: range!, index })).sort((a, b) => a.range.start.line - b.range.start.line);
  const last = order[order.length - 1];
  const edits = order.map(({ range }) => ({ path, range, newText: range === last.range ? block : '' }));
  return [{ title: `Replace ${names.join(' and ')} with a STORAGES block`, safe: false, preferred: true, edits }];
}

/** The statement's whole lines (to delete or replace), when it is alone on them at module level. */
function wholeLines(source: { lineText(line: number): string; lineCount: number; text: string; positionAt(offset: number): { line: number; character: number } }, binding: Binding): Range | null {
  const { start, end } = binding.statement.range;
  if (start.character !== 0 || source.lineText(end.line).slice(end.character).trim() !== '') return null;
  const next = end.line + 1;
  return { start: { line: start.line, character: 0 }, end: next < source.lineCount ? { line: next, character: 0 } : source.positionAt(source.text.length) };
}
