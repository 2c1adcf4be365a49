import { envListItems } from './shared/env-list-items';
import { readSettingEntries, settingVariables } from './shared/env-settings';
import { Fix, Rule } from './rule';
import { idIf } from '../settings/django-checks-by-version';
import { known, reportSetting } from './shared/settings-findings';

export const rule: Rule = {
  meta: {
    code: 'DJ303',
    name: 'csrf-trusted-origin-invalid',
    description: 'A DJANGO_CSRF_TRUSTED_ORIGINS or CSRF_TRUSTED_ORIGINS entry has no scheme (error) or uses http:// (warning).',
    category: 'hosts',
    severity: 'error',
    checklistItem: 'CSRF protection is enabled',
    djangoCheck: '4_0.E001',
  },
  checkEnv(env, { file, project, report }) {
    for (const entry of readSettingEntries(env, 'CSRF_TRUSTED_ORIGINS', { file, project })) {
      for (const item of envListItems(env, entry)) {
        const origin = item.text.trim();
        if (origin === '') continue;
        // Positions of the trimmed origin; null when the value's text was rewritten by its quotes.
        const start = item.offset === null ? null : item.offset + item.text.indexOf(origin);
        const range = start === null ? item.range : env.source.rangeOf(start, start + origin.length);
        const edit = (from: number, to: number, newText: string): Fix['edits'] =>
          start === null ? [] : [{ path: file.path, range: env.source.rangeOf(start + from, start + to), newText }];

        if (!origin.includes('://')) {
          const edits = edit(0, 0, 'https://');
          report({
            range,
            message: `${entry.key} entry "${origin}" has no scheme: Django 4.0+ rejects it with 4_0.E001 (which stops manage.py commands such as migrate), and it never matches a browser's Origin header.`,
            djangoCheck: idIf(project.djangoVersion(), '4_0.E001', 'trustedOriginsScheme'),
            fixes: edits.length ? [{ title: `Prefix "${origin}" with https://`, safe: true, preferred: true, edits }] : [],
          });
        } else if (origin.toLowerCase().startsWith('http://')) {
          const edits = edit(0, 'http://'.length, 'https://');
          report({
            range,
            severity: 'warning',
            message: `${entry.key} entry "${origin}" trusts a plain-HTTP origin: over HTTPS browsers send an https:// Origin, so the entry only matters if the site is also served unencrypted.`,
            fixes: edits.length ? [{ title: `Use https:// for "${origin}"`, safe: false, preferred: true, edits }] : [],
          });
        }
      }
    }
  },
  checkSettings(settings, context) {
    const lookup = known(settings, 'CSRF_TRUSTED_ORIGINS');
    if (!lookup || lookup.state !== 'set') return;
    const list = lookup.value;
    if (list.kind !== 'list' && list.kind !== 'tuple' && list.kind !== 'set') return;
    // An env line that carries the setting's own variable is judged item by item by checkEnv.
    const read = list.env;
    if (read?.source && settingVariables('CSRF_TRUSTED_ORIGINS').includes(read.variable)) return;
    for (const item of list.items) {
      if (item.kind !== 'str') continue;
      const origin = item.value.trim();
      if (origin === '') continue;
      const scheme = !origin.includes('://') ? 'none' : origin.toLowerCase().startsWith('http://') ? 'http' : null;
      if (!scheme) continue;
      const at = item.at && !item.env ? item.at : null;
      const file = at ? context.project.get(at.path) : null;
      const source = at && file && file.text !== null && at.path.endsWith('.py') ? context.project.settings(file).source : null;
      // The literal's first character after its quote (and prefix): where the origin's text starts.
      const written = source && at ? source.textIn(at.range) : '';
      const opening = /^[rRuU]?(['"])/.exec(written);
      const textStart = at && opening && written.slice(opening[0].length).startsWith(origin) ? source!.offsetAt(at.range.start) + opening[0].length : null;
      const edit = (length: number, newText: string): Fix['edits'] =>
        textStart === null || !source || !at ? [] : [{ path: at.path, range: source.rangeOf(textStart, textStart + length), newText }];
      const where = { ...lookup, value: item, location: at ?? lookup.location };
      if (scheme === 'none') {
        const edits = edit(0, 'https://');
        reportSetting(settings, at ? where : lookup, context, {
          message: `CSRF_TRUSTED_ORIGINS entry "${origin}" has no scheme: Django 4.0+ rejects it with 4_0.E001 (which stops manage.py commands such as migrate), and it never matches a browser's Origin header.`,
          // 4_0.E001 exists since 4.0: 3.2 accepts the entry (it then never matches).
          djangoCheck: idIf(context.project.djangoVersion(), '4_0.E001', 'trustedOriginsScheme'),
          fixes: edits.length ? [{ title: `Prefix "${origin}" with https://`, safe: true, preferred: true, edits }] : [],
        });
      } else {
        const edits = edit('http://'.length, 'https://');
        reportSetting(settings, at ? where : lookup, context, {
          severity: 'warning',
          // Django accepts http:// origins: this one is ours alone.
          djangoCheck: null,
          message: `CSRF_TRUSTED_ORIGINS entry "${origin}" trusts a plain-HTTP origin: over HTTPS browsers send an https:// Origin, so the entry only matters if the site is also served unencrypted.`,
          fixes: edits.length ? [{ title: `Use https:// for "${origin}"`, safe: false, preferred: true, edits }] : [],
        });
      }
    }
  },
};
