import { reportSettingNotTrue } from './shared/boolean-setting';
import { envEnablesHsts } from './shared/hsts';
import { Rule } from './rule';
import { reportSecuritySettingNotTrue } from './shared/true-setting-check';

export const rule: Rule = {
  meta: {
    code: 'DJ404',
    name: 'hsts-preload-missing',
    description: 'The env file turns HSTS on but sets SECURE_HSTS_PRELOAD to a value env.bool reads as false.',
    category: 'https',
    severity: 'info',
    checklistItem: 'HSTS enabled',
    djangoCheck: 'security.W021',
  },
  checkEnv(env, context) {
    if (!envEnablesHsts(env)) return;
    reportSettingNotTrue(env, context, {
      setting: 'SECURE_HSTS_PRELOAD',
      feature: 'the HSTS preload directive',
      consequence: 'the site cannot join the browsers\' preload list, so a first visit can still be downgraded to plain HTTP.',
      safe: false,
      fixNote: 'preload is hard to undo: leaving the browsers\' preload list takes months',
    });
  },
  checkSettings(settings, context) {
    reportSecuritySettingNotTrue(settings, context, {
      setting: 'SECURE_HSTS_PRELOAD',
      onlyWithHsts: true,
      consequence: 'the site cannot be submitted to the browsers\' HSTS preload list, so a first visit can still go over plain HTTP.',
      safe: false,
      fixNote: 'preloading is hard to undo',
    });
  },
};
