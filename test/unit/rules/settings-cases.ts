/** Shared pieces of the settings rules' tables: the production module's path and common preludes. */
export const PRODUCTION = 'config/settings/production.py';
export const BASE = 'config/settings/base.py';
export const SECURITY = 'django.middleware.security.SecurityMiddleware';

/** A MIDDLEWARE list with SecurityMiddleware, which most deploy checks require before they judge. */
export const WITH_SECURITY = `MIDDLEWARE = ["${SECURITY}"]\n`;

/** The same rule with only its settings check (its env or compose side has its own table). */
export function settingsSide<R extends { meta: unknown; checkSettings?: unknown }>(rule: R): R {
  return { meta: rule.meta, checkSettings: rule.checkSettings } as R;
}

/** The helpers with control flow (issue 13, item 1): a default when unset, and a raise. */
export const ENV_BOOL_HELPER = `import os


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")
`;
/** ENV_BOOL_HELPER is 8 lines long: the first line after it. */
export const AFTER_ENV_BOOL = 9;

export const REQUIRE_HELPER = `import os
from django.core.exceptions import ImproperlyConfigured


def require(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Set {name}")
    return value
`;
/** REQUIRE_HELPER is 9 lines long. */
export const AFTER_REQUIRE = 10;

/** A production env file: production's environment is known. */
export const PRODUCTION_ENV = '.envs/.production/.django';
