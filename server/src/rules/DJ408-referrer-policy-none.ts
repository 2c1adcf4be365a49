import { describeSetting, fixes, known, reportSetting, securityMiddleware, setValueFix } from './shared/settings-findings';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ408',
    name: 'referrer-policy-none',
    description: 'SECURE_REFERRER_POLICY is None, so no Referrer-Policy header is sent and full URLs leak to other sites.',
    category: 'https',
    severity: 'warning',
    checklistItem: 'Security headers set',
    djangoCheck: 'security.W022',
  },
  checkSettings(settings, context) {
    if (securityMiddleware(settings) !== true) return;
    const lookup = known(settings, 'SECURE_REFERRER_POLICY');
    if (!lookup || lookup.value.kind !== 'none') return;
    reportSetting(settings, lookup, context, {
      message: `${describeSetting('SECURE_REFERRER_POLICY', lookup)}: no Referrer-Policy header is sent, so browsers send full URLs (tokens in query strings included) to other sites.`,
      fixes: fixes(setValueFix(settings, 'SECURE_REFERRER_POLICY', lookup, '"same-origin"', 'same-origin', true)),
    });
  },
};
