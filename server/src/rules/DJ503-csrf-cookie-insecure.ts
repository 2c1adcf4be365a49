import { reportSettingNotTrue } from './shared/boolean-setting';
import { Rule } from './rule';
import { idIf } from '../settings/django-checks-by-version';
import { truthy } from '../settings/value';
import { CSRF_MIDDLEWARE, describeSetting, fixes, flagVerdict, hasMiddleware, known, onEveryPathNote, otherPaths, reportSetting, sameOnEveryPath, setTrueFix } from './shared/settings-findings';

export const rule: Rule = {
  meta: {
    code: 'DJ503',
    name: 'csrf-cookie-insecure',
    description: 'CSRF_COOKIE_SECURE is set to a value env.bool reads as false.',
    category: 'cookies',
    severity: 'error',
    checklistItem: 'Cookie security enabled',
    djangoCheck: 'security.W016',
  },
  checkEnv(env, context) {
    reportSettingNotTrue(env, context, {
      setting: 'CSRF_COOKIE_SECURE',
      feature: 'the CSRF cookie\'s Secure flag',
      consequence: 'browsers send the CSRF token over plain HTTP too, where anyone on the network can read it.',
      safe: true,
    });
  },
  checkSettings(settings, context) {
    if (hasMiddleware(settings, CSRF_MIDDLEWARE) !== true) return;
    const sessions = known(settings, 'CSRF_USE_SESSIONS');
    if (!sessions || truthy(sessions.value) !== false) return;
    const decided = sameOnEveryPath(settings, 'CSRF_COOKIE_SECURE', (lookup) => flagVerdict(lookup.value));
    if (!decided || decided.verdict === 'true') return;
    const [lookup] = decided.lookups;
    const on = decided.verdict === 'truthy';
    const paths = onEveryPathNote(decided.lookups);
    reportSetting(settings, lookup, context, {
      message: on
        ? `${describeSetting('CSRF_COOKIE_SECURE', lookup)}${paths}: truthy but not True. Django 3.2 accepts it; Django 4.2 and later require True (W016).`
        : `${describeSetting('CSRF_COOKIE_SECURE', lookup)}${paths}: the CSRF cookie is sent over plain HTTP too, where it can be read and used to forge requests.`,
      related: otherPaths('CSRF_COOKIE_SECURE', decided.lookups),
      // Django 3.2 tests truthiness only; 4.2+ wants True.
      djangoCheck: on ? idIf(context.project.djangoVersion(), 'security.W016', 'cookieFlagIsTrue') : 'security.W016',
      fixes: decided.lookups.length === 1 ? fixes(setTrueFix(settings, 'CSRF_COOKIE_SECURE', lookup, true)) : [],
    });
  },
};
