/**
 * Django's defaults (django/conf/global_settings.py) for the settings the rules read: an unset
 * setting takes these, exactly as `manage.py check --deploy` sees it.
 */
import type { DjangoVersion } from '../project/django-version';
import { definedBy, seriesText } from './django-checks-by-version';
import type { Value } from './value';

const s = (value: string): Value => ({ kind: 'str', value, at: null });
const b = (value: boolean): Value => ({ kind: 'bool', value, at: null });

const DEFAULTS: Record<string, () => Value> = {
  DEBUG: () => b(false),
  DEBUG_PROPAGATE_EXCEPTIONS: () => b(false),
  SECRET_KEY: () => s(''),
  SECRET_KEY_FALLBACKS: () => ({ kind: 'list', items: [], at: null }),
  ALLOWED_HOSTS: () => ({ kind: 'list', items: [], at: null }),
  CSRF_TRUSTED_ORIGINS: () => ({ kind: 'list', items: [], at: null }),
  INSTALLED_APPS: () => ({ kind: 'list', items: [], at: null }),
  MIDDLEWARE: () => ({ kind: 'list', items: [], at: null }),
  DATABASES: () => ({ kind: 'dict', entries: [], at: null }),
  SECURE_HSTS_SECONDS: () => ({ kind: 'int', value: 0, at: null }),
  SECURE_HSTS_INCLUDE_SUBDOMAINS: () => b(false),
  SECURE_HSTS_PRELOAD: () => b(false),
  SECURE_CONTENT_TYPE_NOSNIFF: () => b(true),
  SECURE_SSL_REDIRECT: () => b(false),
  SECURE_PROXY_SSL_HEADER: () => ({ kind: 'none', at: null }),
  SECURE_REFERRER_POLICY: () => s('same-origin'),
  SECURE_CROSS_ORIGIN_OPENER_POLICY: () => s('same-origin'),
  SECURE_BROWSER_XSS_FILTER: () => b(false),
  SECURE_CSP: () => ({ kind: 'dict', entries: [], at: null }),
  SECURE_CSP_REPORT_ONLY: () => ({ kind: 'dict', entries: [], at: null }),
  SESSION_COOKIE_SECURE: () => b(false),
  SESSION_COOKIE_HTTPONLY: () => b(true),
  SESSION_COOKIE_SAMESITE: () => s('Lax'),
  CSRF_COOKIE_SECURE: () => b(false),
  CSRF_COOKIE_SAMESITE: () => s('Lax'),
  CSRF_USE_SESSIONS: () => b(false),
  X_FRAME_OPTIONS: () => s('DENY'),
  EMAIL_BACKEND: () => s('django.core.mail.backends.smtp.EmailBackend'),
  STATIC_ROOT: () => ({ kind: 'none', at: null }),
  MEDIA_ROOT: () => s(''),
  LOGGING: () => ({ kind: 'dict', entries: [], at: null }),
  TEMPLATES: () => ({ kind: 'list', items: [], at: null }),
  // 2.5 MB in every series from 3.2 to 6.1.
  DATA_UPLOAD_MAX_MEMORY_SIZE: () => ({ kind: 'int', value: 2621440, at: null }),
};

/**
 * Django's default for a setting in the series that may run: absent from global_settings.py
 * (SECRET_KEY_FALLBACKS before 4.1, SECURE_BROWSER_XSS_FILTER since 4.0, SECURE_CSP before 6.0)
 * is `missing`, which Django's checks read as not set; unknown where the series differ or for
 * settings the rules do not read.
 */
export function defaultSetting(name: string, version: DjangoVersion): Value {
  const make = DEFAULTS[name];
  if (!make) return { kind: 'unknown', reason: `Django's default for ${name} is not recorded`, at: null };
  const defined = definedBy(version, name);
  if (defined === true) return make();
  if (defined === false) return { kind: 'none', at: null };
  return { kind: 'unknown', reason: `${seriesText(version)}: some of these series define ${name} and some do not`, at: null };
}

export const SECURITY_MIDDLEWARE = 'django.middleware.security.SecurityMiddleware';
/** Django 6.0+'s Content Security Policy middleware (django/middleware/csp.py). */
export const CSP_MIDDLEWARE = 'django.middleware.csp.ContentSecurityPolicyMiddleware';
export const XFRAME_MIDDLEWARE = 'django.middleware.clickjacking.XFrameOptionsMiddleware';
export const CSRF_MIDDLEWARE = 'django.middleware.csrf.CsrfViewMiddleware';
export const SESSION_MIDDLEWARE = 'django.contrib.sessions.middleware.SessionMiddleware';
export const SESSIONS_APP = 'django.contrib.sessions';
