import type { SettingsView } from '../../settings/project-settings';
import type { RuleContext } from '../rule';
import { SESSION_MIDDLEWARE, SESSIONS_APP, describeSetting, fixes, flagVerdict, hasMiddleware, listHas, onEveryPathNote, otherPaths, reportSetting, sameOnEveryPath, setTrueFix } from './settings-findings';

/**
 * Django's session-cookie checks: the id says what uses sessions — the app (W010/W013), the
 * middleware (W011/W014), or both (W012/W015). Neither: the setting does not matter.
 */
export function reportSessionCookieFlag(
  settings: SettingsView,
  context: RuleContext,
  check: { setting: string; ids: [string, string, string]; consequence: string },
): void {
  const app = listHas(settings, 'INSTALLED_APPS', SESSIONS_APP);
  const middleware = hasMiddleware(settings, SESSION_MIDDLEWARE);
  if (app === null || middleware === null || (!app && !middleware)) return;
  const decided = sameOnEveryPath(settings, check.setting, (lookup) => flagVerdict(lookup.value));
  if (!decided || decided.verdict === 'true') return;
  const [lookup] = decided.lookups;
  const on = decided.verdict === 'truthy';
  const paths = onEveryPathNote(decided.lookups);
  const id = app && middleware ? check.ids[2] : app ? check.ids[0] : check.ids[1];
  const uses = app && middleware ? `${SESSIONS_APP} is installed and SessionMiddleware is in MIDDLEWARE` : app ? `${SESSIONS_APP} is installed` : 'SessionMiddleware is in MIDDLEWARE';
  reportSetting(settings, lookup, context, {
    message: on
      ? `${describeSetting(check.setting, lookup)}${paths}: truthy but not True. Django 3.2 accepts it; Django 4.2 and later require True.`
      : `${describeSetting(check.setting, lookup)}${paths} while ${uses}: ${check.consequence}`,
    related: otherPaths(check.setting, decided.lookups),
    // Django 3.2 tests truthiness only; a truthy non-True value is ours alone (4.2+ agrees).
    djangoCheck: on ? null : `security.${id}`,
    fixes: decided.lookups.length === 1 ? fixes(setTrueFix(settings, check.setting, lookup, true)) : [],
  });
}
