import { describeSetting, fixes, onEveryPathNote, otherPaths, reportSetting, sameOnEveryPath, setValueFix } from './shared/settings-findings';
import { truthy } from '../settings/value';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ201',
    name: 'debug-enabled',
    description: 'DEBUG evaluates truthy in the settings Django loads for production.',
    category: 'debug',
    severity: 'error',
    checklistItem: 'DEBUG is off in production',
    djangoCheck: 'security.W018',
  },
  checkSettings(settings, context) {
    // On every path the settings may take (`DEBUG = True if … else 1` is on either way).
    const decided = sameOnEveryPath(settings, 'DEBUG', (lookup) => truthy(lookup.value));
    if (!decided || !decided.verdict) return;
    const [lookup] = decided.lookups;
    const single = decided.lookups.length === 1;
    reportSetting(settings, lookup, context, {
      message: `${describeSetting('DEBUG', lookup)}${onEveryPathNote(decided.lookups)}: every error page shows the traceback, local variables, settings and SQL to whoever triggers it.`,
      related: otherPaths('DEBUG', decided.lookups),
      fixes: single ? fixes(setValueFix(settings, 'DEBUG', lookup, 'False', 'False', true)) : [],
    });
  },
};
