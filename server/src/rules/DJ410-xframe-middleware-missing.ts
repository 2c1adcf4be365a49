import { reportMissingMiddleware } from './shared/middleware-setting';
import { XFRAME_MIDDLEWARE } from './shared/settings-findings';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ410',
    name: 'xframe-middleware-missing',
    description: 'MIDDLEWARE lacks django.middleware.clickjacking.XFrameOptionsMiddleware, so pages can be framed by other sites (clickjacking).',
    category: 'https',
    severity: 'warning',
    checklistItem: 'Security headers set',
    djangoCheck: 'security.W002',
  },
  checkSettings(settings, context) {
    reportMissingMiddleware(settings, context, {
      middleware: XFRAME_MIDDLEWARE,
      consequence: 'no X-Frame-Options header is sent, so any site can frame these pages and trick users into clicking (clickjacking).',
      djangoCheck: 'security.W002',
      first: false,
    });
  },
};
