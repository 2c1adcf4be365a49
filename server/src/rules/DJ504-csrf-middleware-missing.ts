import { reportMissingMiddleware } from './shared/middleware-setting';
import { CSRF_MIDDLEWARE } from './shared/settings-findings';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ504',
    name: 'csrf-middleware-missing',
    description: 'MIDDLEWARE lacks django.middleware.csrf.CsrfViewMiddleware, so forms are not protected against cross-site request forgery.',
    category: 'cookies',
    severity: 'warning',
    checklistItem: 'CSRF protection enabled',
    djangoCheck: 'security.W003',
  },
  checkSettings(settings, context) {
    reportMissingMiddleware(settings, context, {
      middleware: CSRF_MIDDLEWARE,
      consequence: 'views not decorated with csrf_protect accept forged cross-site POSTs.',
      djangoCheck: 'security.W003',
      first: false,
    });
  },
};
