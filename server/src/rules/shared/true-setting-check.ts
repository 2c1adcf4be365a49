import type { SettingsView } from '../../settings/project-settings';
import { truthy } from '../../settings/value';
import type { RuleContext } from '../rule';
import { describeSetting, fixes, known, onEveryPathNote, otherPaths, reportSetting, sameOnEveryPath, securityMiddleware, setTrueFix } from './settings-findings';

/** A setting Django's deploy check wants to be exactly True, only when SecurityMiddleware runs (W005, W006, W008, W021). */
export interface SecurityTrueSetting {
  setting: string;
  /** As Django: judged only while HSTS is on (W005, W021). */
  onlyWithHsts?: boolean;
  consequence: string;
  safe: boolean;
  fixNote?: string;
}

export function reportSecuritySettingNotTrue(settings: SettingsView, context: RuleContext, check: SecurityTrueSetting): void {
  if (securityMiddleware(settings) !== true) return;
  if (check.onlyWithHsts) {
    const hsts = known(settings, 'SECURE_HSTS_SECONDS');
    if (!hsts || truthy(hsts.value) !== true) return;
  }
  const decided = sameOnEveryPath(settings, check.setting, (lookup) => lookup.value.kind === 'bool' && lookup.value.value);
  if (!decided || decided.verdict) return;
  const [lookup] = decided.lookups;
  reportSetting(settings, lookup, context, {
    message: `${describeSetting(check.setting, lookup)}, not True${onEveryPathNote(decided.lookups)}: ${check.consequence}`,
    related: otherPaths(check.setting, decided.lookups),
    fixes: decided.lookups.length === 1 ? fixes(setTrueFix(settings, check.setting, lookup, check.safe, check.fixNote ? ` (${check.fixNote})` : '')) : [],
  });
}
