import { reportSettingNotTrue } from './shared/boolean-setting';
import { Rule } from './rule';
import { reportSecuritySettingNotTrue } from './shared/true-setting-check';

export const rule: Rule = {
  meta: {
    code: 'DJ407',
    name: 'nosniff-off',
    description: 'SECURE_CONTENT_TYPE_NOSNIFF is set to a value env.bool reads as false.',
    category: 'https',
    severity: 'warning',
    checklistItem: 'Enable content type sniffing protection',
    djangoCheck: 'security.W006',
  },
  checkEnv(env, context) {
    reportSettingNotTrue(env, context, {
      setting: 'SECURE_CONTENT_TYPE_NOSNIFF',
      feature: 'the X-Content-Type-Options nosniff header',
      consequence: 'browsers may guess content types and run an uploaded file as HTML or script.',
      safe: true,
    });
  },
  checkSettings(settings, context) {
    reportSecuritySettingNotTrue(settings, context, {
      setting: 'SECURE_CONTENT_TYPE_NOSNIFF',
      consequence: 'browsers may guess a response\'s type, and run an uploaded file as a script or HTML.',
      safe: true,
    });
  },
};
