import { reportSettingNotTrue } from './shared/boolean-setting';
import { Rule } from './rule';
import { reportSessionCookieFlag } from './shared/session-cookie-check';

export const rule: Rule = {
  meta: {
    code: 'DJ501',
    name: 'session-cookie-insecure',
    description: 'SESSION_COOKIE_SECURE is set to a value env.bool reads as false.',
    category: 'cookies',
    severity: 'error',
    checklistItem: 'Cookie security enabled',
    djangoCheck: 'security.W012',
  },
  checkEnv(env, context) {
    reportSettingNotTrue(env, context, {
      setting: 'SESSION_COOKIE_SECURE',
      feature: 'the session cookie\'s Secure flag',
      consequence: 'browsers send the session cookie over plain HTTP too, where anyone on the network can read it and take over the session.',
      safe: true,
    });
  },
  checkSettings(settings, context) {
    reportSessionCookieFlag(settings, context, {
      setting: 'SESSION_COOKIE_SECURE',
      ids: ['W010', 'W011', 'W012'],
      consequence: 'browsers send the session cookie over plain HTTP too, where anyone on the network can read it and take over the session.',
    });
  },
};
