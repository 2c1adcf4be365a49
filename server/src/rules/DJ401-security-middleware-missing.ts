import { reportMissingMiddleware } from './shared/middleware-setting';
import { SECURITY_MIDDLEWARE } from './shared/settings-findings';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ401',
    name: 'security-middleware-missing',
    description: 'MIDDLEWARE lacks django.middleware.security.SecurityMiddleware, so HSTS, the SSL redirect and the security headers are never sent.',
    category: 'https',
    severity: 'error',
    checklistItem: 'HTTPS enforced',
    djangoCheck: 'security.W001',
  },
  checkSettings(settings, context) {
    reportMissingMiddleware(settings, context, {
      middleware: SECURITY_MIDDLEWARE,
      consequence: 'SECURE_HSTS_SECONDS, SECURE_SSL_REDIRECT, SECURE_CONTENT_TYPE_NOSNIFF and SECURE_REFERRER_POLICY do nothing without it.',
      djangoCheck: 'security.W001',
      first: true,
    });
  },
};
