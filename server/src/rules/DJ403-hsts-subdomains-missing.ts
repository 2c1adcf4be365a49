import { reportSettingNotTrue } from './shared/boolean-setting';
import { envEnablesHsts } from './shared/hsts';
import { Rule } from './rule';
import { reportSecuritySettingNotTrue } from './shared/true-setting-check';

export const rule: Rule = {
  meta: {
    code: 'DJ403',
    name: 'hsts-subdomains-missing',
    description: 'The env file turns HSTS on but sets SECURE_HSTS_INCLUDE_SUBDOMAINS to a value env.bool reads as false.',
    category: 'https',
    severity: 'warning',
    checklistItem: 'HSTS enabled',
    djangoCheck: 'security.W005',
  },
  checkEnv(env, context) {
    if (!envEnablesHsts(env)) return;
    reportSettingNotTrue(env, context, {
      setting: 'SECURE_HSTS_INCLUDE_SUBDOMAINS',
      feature: 'HSTS for subdomains',
      consequence: 'subdomains stay reachable over plain HTTP, where an attacker can intercept them and set cookies for the main site.',
      safe: false,
      fixNote: 'every subdomain must then serve HTTPS, and browsers remember it',
    });
  },
  checkSettings(settings, context) {
    reportSecuritySettingNotTrue(settings, context, {
      setting: 'SECURE_HSTS_INCLUDE_SUBDOMAINS',
      onlyWithHsts: true,
      consequence: 'subdomains are not covered by HSTS, so a cookie scoped to the parent domain can leak over plain HTTP on any subdomain.',
      safe: false,
      fixNote: 'every subdomain must then serve HTTPS',
    });
  },
};
