import { environInt, isEnvironReference } from '../parse/django-environ';
import type { EnvEntry, EnvFile } from '../parse/env';
import type { ProjectFile } from '../project/model';
import { appendLinesFix, isDjangoEnvFile, readSettingEntries, replaceValueFix, settingEntries, startOfFile } from './shared/env-settings';
import { productionReads } from './shared/production-reads';
import { HSTS_ONE_YEAR } from './shared/hsts';
import { Fix, Rule } from './rule';
import { truthy } from '../settings/value';
import { describeSetting, fixes, known, reportSetting, securityMiddleware, setValueFix } from './shared/settings-findings';
import { productionSettings } from '../settings/project-settings';

const HARD_TO_UNDO = 'hard to undo: browsers remember HSTS for as long as it says';

export const rule: Rule = {
  meta: {
    code: 'DJ402',
    name: 'hsts-missing',
    description: 'SECURE_HSTS_SECONDS is absent, zero or unreadable in a Django env file, or shorter than the one year the seed asks for.',
    category: 'https',
    severity: 'warning',
    checklistItem: 'HSTS enabled',
    djangoCheck: 'security.W004',
  },
  checkEnv(env, { file, project, report }) {
    if (settingEntries(env, 'SECURE_HSTS_SECONDS').length === 0) {
      if (!isDjangoEnvFile(env)) return;
      // Known production settings judge SECURE_HSTS_SECONDS themselves, from whichever variable
      // they read (the default in effect, at the read): the env side speaks of absence only
      // while what production reads is unknown, and says so.
      if (productionReads(project, 'DJANGO_SECURE_HSTS_SECONDS') !== null) return;
      // Without SecurityMiddleware Django does not judge HSTS (DJ401 reports the middleware).
      const production = productionSettings(project);
      if (production && securityMiddleware(production) === false) return;
      report({
        range: startOfFile(env),
        message:
          `DJANGO_SECURE_HSTS_SECONDS (or SECURE_HSTS_SECONDS) is not set: unless the settings module sets it, HSTS stays off ` +
          `(Django's default is 0) and browsers can be downgraded to plain HTTP. The seed asks for ${HSTS_ONE_YEAR} (one year). ` +
          `(No production settings module is known, so which variable the settings read cannot be checked.)`,
        fixes: hstsBlockFixes(file, env),
      });
      return;
    }
    const entries = readSettingEntries(env, 'SECURE_HSTS_SECONDS', { file, project });
    for (const entry of entries) {
      if (isEnvironReference(entry.value)) continue;
      const problem = hstsProblem(entry);
      if (!problem) continue;
      report({
        range: entry.valueRange,
        message: problem.message,
        severity: problem.severity,
        fixes: [replaceValueFix(file, entry, String(HSTS_ONE_YEAR), `Set ${entry.key}=${HSTS_ONE_YEAR} (${HARD_TO_UNDO})`, false)],
      });
    }
  },
  checkSettings(settings, context) {
    if (securityMiddleware(settings) !== true) return;
    const lookup = known(settings, 'SECURE_HSTS_SECONDS');
    if (!lookup) return;
    const fix = () => fixes(setValueFix(settings, 'SECURE_HSTS_SECONDS', lookup, String(HSTS_ONE_YEAR), String(HSTS_ONE_YEAR), false, ` (${HARD_TO_UNDO})`));
    const on = truthy(lookup.value);
    if (on === false) {
      reportSetting(settings, lookup, context, {
        message: `${describeSetting('SECURE_HSTS_SECONDS', lookup)}: HSTS is off, so browsers keep trying plain HTTP first, which an attacker on the network can intercept. The seed asks for ${HSTS_ONE_YEAR} (one year).`,
        fixes: fix(),
      });
      return;
    }
    const seconds = lookup.value.kind === 'int' ? lookup.value.value : null;
    if (seconds !== null && seconds > 0 && seconds < HSTS_ONE_YEAR) {
      reportSetting(settings, lookup, context, {
        message: `${describeSetting('SECURE_HSTS_SECONDS', lookup)} (${duration(seconds)}), shorter than the one year (${HSTS_ONE_YEAR}) the seed asks for.`,
        severity: 'info',
        djangoCheck: null,
        fixes: fix(),
      });
    }
  },
};

function hstsProblem(entry: EnvEntry): { message: string; severity?: 'info' } | null {
  const seconds = environInt(entry.value);
  if (seconds === null) {
    const shown = entry.value === '' ? `${entry.key} is empty, not` : `${entry.key}=${entry.value} is not`;
    return { message: `${shown} a whole number of seconds: env.int rejects it, so either the settings fail to load or HSTS stays off.` };
  }
  if (seconds === 0) {
    return { message: `${entry.key}=${entry.value} turns HSTS off: browsers keep trying plain HTTP first, which an attacker on the network can intercept.` };
  }
  if (seconds < 0) {
    // Django sends "max-age=-1"; RFC 6797 makes browsers ignore a header outside its grammar.
    return { message: `${entry.key}=${entry.value} is negative: browsers ignore an HSTS header with a negative max-age, so HSTS is off.` };
  }
  if (seconds < HSTS_ONE_YEAR) {
    return {
      message: `${entry.key}=${entry.value} (${duration(seconds)}) is shorter than the one year (${HSTS_ONE_YEAR}) the seed asks for.`,
      severity: 'info',
    };
  }
  return null;
}

function duration(seconds: number): string {
  const units: [number, string][] = [[86400, 'day'], [3600, 'hour'], [60, 'minute'], [1, 'second']];
  const [size, unit] = units.find(([size]) => seconds >= size)!;
  const count = Math.floor(seconds / size);
  return `${seconds % size === 0 ? '' : 'about '}${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * The seed's HSTS block: one year and subdomains, and preload as a second, clearly labelled
 * action, because a preloaded domain stays HTTPS-only in browsers for months after it is undone.
 * Variables the file already sets are left alone.
 */
function hstsBlockFixes(file: ProjectFile, env: EnvFile): Fix[] {
  const missing = (setting: string) => settingEntries(env, setting).length === 0;
  const block = [`DJANGO_SECURE_HSTS_SECONDS=${HSTS_ONE_YEAR}`];
  if (missing('SECURE_HSTS_INCLUDE_SUBDOMAINS')) block.push('DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS=True');
  const withPreload = missing('SECURE_HSTS_PRELOAD') ? [...block, 'DJANGO_SECURE_HSTS_PRELOAD=True'] : block;
  const fixes = [appendLinesFix(file, env, block, `Add the HSTS block: one year, subdomains included (${HARD_TO_UNDO})`, false)];
  if (withPreload !== block) {
    fixes.push({ ...appendLinesFix(file, env, withPreload, 'Add the HSTS block with preload (preload is very hard to undo: read the docs first)', false), preferred: false });
  }
  return fixes;
}
