import { Rule } from './rule';
import { appendToModuleFix, describeSetting, fixes, isTrue, known, replaceExpressionFix, reportSetting, securityMiddleware } from './shared/settings-findings';

const HEADER = '("HTTP_X_FORWARDED_PROTO", "https")';

export const rule: Rule = {
  meta: {
    code: 'DJ406',
    name: 'proxy-ssl-header-missing',
    description: 'SECURE_SSL_REDIRECT is on but SECURE_PROXY_SSL_HEADER is unset, so behind a TLS-terminating proxy every request looks like plain HTTP.',
    category: 'https',
    severity: 'warning',
    checklistItem: 'Redirect HTTP to HTTPS',
    djangoCheck: null,
  },
  checkSettings(settings, context) {
    // The redirect only runs in SecurityMiddleware.
    if (securityMiddleware(settings) !== true) return;
    const redirect = known(settings, 'SECURE_SSL_REDIRECT');
    if (!redirect || !isTrue(redirect.value)) return;
    const lookup = known(settings, 'SECURE_PROXY_SSL_HEADER');
    if (!lookup || lookup.value.kind !== 'none') return;
    if (lookup.state === 'set' && lookup.value.env) return;
    const title = `Set SECURE_PROXY_SSL_HEADER = ${HEADER} (only if the proxy sets X-Forwarded-Proto and strips it from clients)`;
    const fix = lookup.state === 'default' ? appendToModuleFix(settings, [`SECURE_PROXY_SSL_HEADER = ${HEADER}`], title, false) : replaceExpressionFix(lookup, HEADER, title, false);
    reportSetting(settings, lookup, context, {
      message: `${describeSetting('SECURE_PROXY_SSL_HEADER', lookup)} while SECURE_SSL_REDIRECT is True: behind a proxy that terminates TLS (nginx, Traefik, Caddy, a load balancer) Django sees every request as HTTP and redirects it again, forever; request.is_secure() is False, so secure cookies and CSRF checks misbehave.`,
      // Not safe: trusting the header without a proxy that sets it lets clients claim HTTPS.
      fixes: fixes(fix),
    });
  },
};
