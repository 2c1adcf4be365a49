import { Range, SourceText, rangeContains } from '../parse/source-text';
import type { ProjectModel } from '../project/model';
import { envListItems } from './shared/env-list-items';
import { readSettingEntries, settingVariables } from './shared/env-settings';
import { Fix, Rule } from './rule';
import { idIf } from '../settings/django-checks-by-version';
import { maskSecret, secretKeyW009Failure, secretPlaceholder } from './shared/secrets';
import { known, reportSetting } from './shared/settings-findings';

export const rule: Rule = {
  meta: {
    code: 'DJ107',
    name: 'secret-key-fallback-weak',
    description: 'An entry of SECRET_KEY_FALLBACKS fails Django\'s key test (short, repetitive, django-insecure-) or is a placeholder.',
    category: 'secrets',
    severity: 'warning',
    checklistItem: 'Unique, strong SECRET_KEY',
    djangoCheck: 'security.W025',
  },
  checkEnv(env, { file, project, report }) {
    for (const entry of readSettingEntries(env, 'SECRET_KEY_FALLBACKS', { file, project })) {
      // The same split as environList (commas, empty items dropped), keeping each item's offset.
      let offset = 0;
      let index = 0;
      for (const item of entry.value.split(',')) {
        const start = offset;
        const end = start + item.length;
        offset = end + 1;
        if (item === '') continue;
        const position = index++;
        const placeholder = secretPlaceholder(item);
        const failure = placeholder ? `is ${placeholder}` : secretKeyW009Failure(item);
        if (!failure) continue;
        const shown = placeholder ? '' : ` ${maskSecret(item)}`;
        // With one neighbouring comma, so the list stays well-formed.
        const [removeStart, removeEnd] = entry.value[end] === ',' ? [start, end + 1] : start > 0 ? [start - 1, end] : [start, end];
        const removal = env.valueSubRange(entry, removeStart, removeEnd);
        report({
          range: env.valueSubRange(entry, start, end) ?? entry.valueRange,
          message: `${entry.key}[${position}]${shown} ${failure}: Django accepts signatures made with every fallback, so a guessable one lets an attacker forge sessions and tokens.`,
          djangoCheck: placeholder ? null : idIf(project.djangoVersion(), 'security.W025', 'fallbackKeysCheck'),
          // Not safe for fix-all: whatever was signed with the old key stops validating.
          fixes: removal
            ? [{ title: `Remove ${entry.key}[${position}]`, safe: false, preferred: true, edits: [{ path: file.path, range: removal, newText: '' }] }]
            : [],
        });
      }
    }
  },
  checkSettings(settings, context) {
    const lookup = known(settings, 'SECRET_KEY_FALLBACKS');
    // Django's default is an empty list: nothing to judge when it is unset.
    if (!lookup || lookup.state !== 'set') return;
    const list = lookup.value;
    if (list.kind !== 'list' && list.kind !== 'tuple') return;
    // W025 exists since 4.1: before it a weak fallback is ours alone.
    const w025 = idIf(context.project.djangoVersion(), 'security.W025', 'fallbackKeysCheck');
    const read = list.env;
    const entry = read?.source?.entry;
    if (read && entry) {
      // An env line the env side judges item by item is its finding already.
      if (settingVariables('SECRET_KEY_FALLBACKS').includes(entry.key)) return;
      const file = read.source!.file;
      const env = file ? context.project.env(file) : null;
      const items = env ? envListItems(env, entry) : [];
      list.items.forEach((item, index) => {
        const failure = item.kind === 'str' || item.kind === 'bytes' ? fallbackFailure(item.value, w025) : null;
        if (!failure || !file) return;
        // env.list of a `$OTHER` reference: the items are not the line's own text.
        const range = items[index]?.text === (item as { value: string }).value ? items[index].range : entry.valueRange;
        context.report({
          path: file.path,
          range,
          message: `SECRET_KEY_FALLBACKS[${index}] (${read.variable} in ${read.source!.origin})${failure.message}`,
          djangoCheck: failure.djangoCheck,
          related: [{ path: read.at.path, range: read.at.range, message: `read here by ${read.reader}("${read.variable}")` }],
        });
      });
      return;
    }
    list.items.forEach((item, index) => {
      const failure = item.kind === 'str' || item.kind === 'bytes' ? fallbackFailure(item.value, w025) : null;
      if (!failure) return;
      // An item written in the list itself is reported (and removed) there; one from elsewhere at the list.
      const inList = item.at && list.at && item.at.path === list.at.path && rangeContains(list.at.range, item.at.range) ? item.at : null;
      const fix = inList ? removeItemFix(context.project, inList.path, inList.range, list.at!.range, index) : null;
      reportSetting(settings, { ...lookup, value: { ...item, env: read ?? null }, location: inList ?? lookup.location }, context, {
        message: `SECRET_KEY_FALLBACKS[${index}]${failure.message}`,
        djangoCheck: failure.djangoCheck,
        fixes: fix ? [fix] : [],
      });
    });
  },
};

/** What is wrong with a fallback, or null: Django's W025 test (4.1+) fails it, or it is a placeholder. */
function fallbackFailure(key: string, w025: string | null): { message: string; djangoCheck: string | null } | null {
  const placeholder = secretPlaceholder(key);
  const w009 = secretKeyW009Failure(key);
  const failure = placeholder ? `is ${placeholder}` : w009;
  if (!failure) return null;
  const shown = placeholder ? '' : ` ${maskSecret(key)}`;
  return {
    message: `${shown} ${failure}: Django accepts signatures made with every fallback, so a guessable one lets an attacker forge sessions and tokens.`,
    // W025 is Django's own test (4.1+); a long placeholder passes it.
    djangoCheck: w009 ? w025 : null,
  };
}

/**
 * Removes one item of a list display with one neighbouring comma; an item alone on its
 * line goes with its line. Not safe for fix-all: whatever was signed with the old key stops validating.
 */
function removeItemFix(project: ProjectModel, path: string, item: Range, list: Range, index: number): Fix | null {
  const file = project.get(path);
  if (!file || file.text === null) return null;
  const source: SourceText = project.settings(file).source;
  const text = source.text;
  const start = source.offsetAt(item.start);
  const end = source.offsetAt(item.end);
  const listEnd = source.offsetAt(list.end);
  const after = /^[ \t]*,[ \t]*/.exec(text.slice(end, listEnd));
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const alone = text.slice(lineStart, start).trim() === '' && after && /^(#.*)?(\r?\n|$)/.test(text.slice(end + after[0].length));
  let range: Range;
  if (alone) {
    const newline = text.indexOf('\n', end);
    range = source.rangeOf(lineStart, newline < 0 ? text.length : newline + 1);
  } else if (after) {
    range = source.rangeOf(start, end + after[0].length);
  } else {
    const before = /,\s*$/.exec(text.slice(source.offsetAt(list.start), start));
    range = source.rangeOf(before ? start - before[0].length : start, end);
  }
  return { title: `Remove SECRET_KEY_FALLBACKS[${index}]`, safe: false, preferred: true, edits: [{ path, range, newText: '' }] };
}
