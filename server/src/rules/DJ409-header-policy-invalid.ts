import { describeSetting, fixes, known, reportSetting, securityMiddleware, setValueFix } from './shared/settings-findings';
import type { Value } from '../settings/value';
import { Rule } from './rule';
import { behaviour, idIf } from '../settings/django-checks-by-version';

const REFERRER_POLICIES = new Set([
  'no-referrer',
  'no-referrer-when-downgrade',
  'origin',
  'origin-when-cross-origin',
  'same-origin',
  'strict-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
]);
const OPENER_POLICIES = new Set(['same-origin', 'same-origin-allow-popups', 'unsafe-none']);

export const rule: Rule = {
  meta: {
    code: 'DJ409',
    name: 'header-policy-invalid',
    description: 'SECURE_REFERRER_POLICY holds a token that is not a referrer policy, SECURE_CROSS_ORIGIN_OPENER_POLICY is not a valid value, or (Django 6) SECURE_CSP / SECURE_CSP_REPORT_ONLY is not a dictionary.',
    category: 'https',
    severity: 'error',
    checklistItem: 'Security headers set',
    djangoCheck: 'security.E023',
  },
  checkSettings(settings, context) {
    // E026 (6.0+) judges the CSP settings whether or not any middleware sends them.
    if (behaviour(context.project.djangoVersion(), 'cspChecks') === true) {
      for (const name of ['SECURE_CSP', 'SECURE_CSP_REPORT_ONLY']) {
        const policy = known(settings, name);
        if (!policy || policy.state !== 'set' || policy.value.kind === 'dict' || policy.value.kind === 'none' || policy.value.kind === 'object') continue;
        reportSetting(settings, policy, context, {
          message: `${describeSetting(name, policy)}: not a dictionary (or None), so Django 6 reports it as an error (E026) and sends no policy from it.`,
          djangoCheck: 'security.E026',
        });
      }
    }
    if (securityMiddleware(settings) !== true) return;
    const referrer = known(settings, 'SECURE_REFERRER_POLICY');
    if (referrer && referrer.value.kind !== 'none') {
      const tokens = policyTokens(referrer.value);
      const invalid = tokens?.filter((token) => !REFERRER_POLICIES.has(token));
      if (invalid && invalid.length > 0) {
        reportSetting(settings, referrer, context, {
          message: `${describeSetting('SECURE_REFERRER_POLICY', referrer)}: ${invalid.map((token) => `"${token}"`).join(', ')} is not a referrer policy: browsers ignore the header, and Django reports it as an error (E023). Valid: ${[...REFERRER_POLICIES].join(', ')}.`,
          fixes: fixes(setValueFix(settings, 'SECURE_REFERRER_POLICY', referrer, '"same-origin"', 'same-origin', false)),
        });
      }
    }
    const opener = known(settings, 'SECURE_CROSS_ORIGIN_OPENER_POLICY');
    if (opener && opener.state === 'set' && opener.value.kind === 'str' && !OPENER_POLICIES.has(opener.value.value)) {
      reportSetting(settings, opener, context, {
        message: `${describeSetting('SECURE_CROSS_ORIGIN_OPENER_POLICY', opener)}: not one of ${[...OPENER_POLICIES].join(', ')} (Django 4.0+ reports E024).`,
        // E024 exists since 4.0: on 3.2 the value is ours alone.
        djangoCheck: idIf(context.project.djangoVersion(), 'security.E024', 'openerPolicyCheck'),
        fixes: fixes(setValueFix(settings, 'SECURE_CROSS_ORIGIN_OPENER_POLICY', opener, '"same-origin"', 'same-origin', false)),
      });
    }
  },
};

/** As Django: a string is split on commas and stripped; a list or tuple is taken item by item. */
function policyTokens(value: Value): string[] | null {
  if (value.kind === 'str') return value.value.split(',').map((token) => token.trim());
  if (value.kind === 'list' || value.kind === 'tuple' || value.kind === 'set') {
    const tokens = value.items.map((item) => (item.kind === 'str' ? item.value : null));
    return tokens.includes(null) ? null : (tokens as string[]);
  }
  return null;
}
