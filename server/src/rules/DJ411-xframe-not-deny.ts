import { isEnvironReference } from '../parse/django-environ';
import { replaceValueFix, readSettingEntries } from './shared/env-settings';
import { Rule } from './rule';
import { XFRAME_MIDDLEWARE, describeSetting, fixes, hasMiddleware, known, reportSetting, setValueFix } from './shared/settings-findings';

export const rule: Rule = {
  meta: {
    code: 'DJ411',
    name: 'xframe-not-deny',
    description: 'X_FRAME_OPTIONS is set to anything but exactly DENY.',
    category: 'https',
    severity: 'warning',
    checklistItem: 'Configure X-Frame-Options',
    djangoCheck: 'security.W019',
  },
  checkEnv(env, { file, project, report }) {
    for (const entry of readSettingEntries(env, 'X_FRAME_OPTIONS', { file, project })) {
      if (entry.value === 'DENY' || isEnvironReference(entry.value)) continue;
      report({
        range: entry.valueRange,
        message: notDenyMessage(entry.key, entry.value),
        // Only a change of case is safe: from SAMEORIGIN, DENY breaks pages the site frames itself.
        fixes: [replaceValueFix(file, entry, 'DENY', `Set ${entry.key}=DENY`, entry.value.trim().toUpperCase() === 'DENY')],
      });
    }
  },
  checkSettings(settings, context) {
    if (hasMiddleware(settings, XFRAME_MIDDLEWARE) !== true) return;
    const lookup = known(settings, 'X_FRAME_OPTIONS');
    if (!lookup || (lookup.value.kind === 'str' && lookup.value.value === 'DENY')) return;
    reportSetting(settings, lookup, context, {
      message: `${describeSetting('X_FRAME_OPTIONS', lookup)}, not "DENY": pages can be framed${lookup.value.kind === 'str' && lookup.value.value.toUpperCase() === 'SAMEORIGIN' ? ' by this origin' : ''}, which Django's check asks to forbid unless the site frames itself.`,
      fixes: fixes(setValueFix(settings, 'X_FRAME_OPTIONS', lookup, '"DENY"', 'DENY', false, ' (breaks pages that frame this site)')),
    });
  },
};

function notDenyMessage(key: string, value: string): string {
  const upper = value.trim().toUpperCase();
  if (upper === 'DENY') {
    // XFrameOptionsMiddleware upper-cases the value; only the deploy check is case-sensitive.
    return `${key}=${value} is not exactly DENY: the header sent is still DENY, but Django's deploy check compares case-sensitively and reports security.W019.`;
  }
  if (upper === 'SAMEORIGIN') {
    return `${key}=${value} lets any page of the same origin frame the site (an uploaded HTML file is enough for clickjacking); Django's deploy check wants DENY.`;
  }
  if (value === '') return `${key} is empty: browsers ignore a blank X-Frame-Options header, so any site can frame this one for clickjacking.`;
  return `${key}=${value} is not a value browsers honour (only DENY and SAMEORIGIN are), so any site can frame this one for clickjacking.`;
}
