import { reportSettingNotTrue } from './shared/boolean-setting';
import { withProxyRedirect } from './shared/proxy-https-redirect';
import { Rule } from './rule';
import { reportSecuritySettingNotTrue } from './shared/true-setting-check';

export const rule: Rule = {
  meta: {
    code: 'DJ405',
    name: 'ssl-redirect-off',
    description: 'SECURE_SSL_REDIRECT is set to a value env.bool reads as false.',
    category: 'https',
    severity: 'warning',
    checklistItem: 'Redirect HTTP to HTTPS',
    djangoCheck: 'security.W008',
  },
  checkEnv(env, context) {
    reportSettingNotTrue(env, withProxyRedirect(context), {
      setting: 'SECURE_SSL_REDIRECT',
      feature: 'the HTTPS redirect',
      consequence: 'Django serves plain-HTTP requests instead of redirecting them to HTTPS, unless a proxy in front does it.',
      // Behind a TLS-terminating proxy without SECURE_PROXY_SSL_HEADER, True redirects forever: review it.
      safe: false,
      fixNote: 'check SECURE_PROXY_SSL_HEADER if a proxy terminates TLS',
    });
  },
  checkSettings(settings, context) {
    reportSecuritySettingNotTrue(settings, withProxyRedirect(context), {
      setting: 'SECURE_SSL_REDIRECT',
      consequence: 'requests over plain HTTP are served as they come instead of being redirected to HTTPS.',
      safe: false,
      fixNote: 'behind a proxy, set SECURE_PROXY_SSL_HEADER too or the redirect loops',
    });
  },
};
