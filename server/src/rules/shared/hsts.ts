import { environInt } from '../../parse/django-environ';
import type { EnvFile } from '../../parse/env';
import { settingEntries } from './env-settings';

/** The HSTS max-age the seed checklist asks for: one year, in seconds. */
export const HSTS_ONE_YEAR = 31536000;

/** True when this env file turns HSTS on (a positive SECURE_HSTS_SECONDS). */
export function envEnablesHsts(env: EnvFile): boolean {
  return settingEntries(env, 'SECURE_HSTS_SECONDS').some((entry) => (environInt(entry.value) ?? 0) > 0);
}
