import { Rule } from './rule';
import { describeSetting, fixes, known, reportSetting, setValueFix } from './shared/settings-findings';

const SETTINGS = ['SESSION_COOKIE_SAMESITE', 'CSRF_COOKIE_SAMESITE'];

export const rule: Rule = {
  meta: {
    code: 'DJ505',
    name: 'cookie-samesite-none',
    description: 'SESSION_COOKIE_SAMESITE or CSRF_COOKIE_SAMESITE is the string "None", so browsers send the cookie on cross-site requests.',
    category: 'cookies',
    severity: 'warning',
    checklistItem: 'Cookie security enabled',
    djangoCheck: null,
  },
  checkSettings(settings, context) {
    for (const name of SETTINGS) {
      const lookup = known(settings, name);
      // Python None (not the string) leaves the attribute out: browsers then default to Lax.
      if (!lookup || lookup.value.kind !== 'str' || lookup.value.value.trim().toLowerCase() !== 'none') continue;
      reportSetting(settings, lookup, context, {
        message: `${describeSetting(name, lookup)}: browsers attach the cookie to requests from any other site (forms, images, scripts), which opens the door to cross-site request forgery and tracking.`,
        // Not safe for fix-all: a site embedded in another (an iframe, a cross-site POST flow) may rely on it.
        fixes: fixes(setValueFix(settings, name, lookup, '"Lax"', 'Lax', false)),
      });
    }
  },
};
