import { reportSessionCookieFlag } from './shared/session-cookie-check';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ502',
    name: 'session-cookie-httponly-off',
    description: 'SESSION_COOKIE_HTTPONLY is not True, so scripts on the page (an XSS payload included) can read the session cookie.',
    category: 'cookies',
    severity: 'warning',
    checklistItem: 'Cookie security enabled',
    djangoCheck: 'security.W015',
  },
  checkSettings(settings, context) {
    reportSessionCookieFlag(settings, context, {
      setting: 'SESSION_COOKIE_HTTPONLY',
      ids: ['W013', 'W014', 'W015'],
      consequence: 'JavaScript can read the session cookie, so one XSS hole hands over every session it touches.',
    });
  },
};
