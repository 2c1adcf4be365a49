import type { SettingsView } from '../../settings/project-settings';
import type { RuleContext } from '../rule';
import { idIf } from '../../settings/django-checks-by-version';
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
  // One of them known to use sessions is enough for the finding; only the check's id then depends on the other.
  if (!app && !middleware) return;
  const decided = sameOnEveryPath(settings, check.setting, (lookup) => flagVerdict(lookup.value));
  if (!decided || decided.verdict === 'true') return;
  const [lookup] = decided.lookups;
  const on = decided.verdict === 'truthy';
  const paths = onEveryPathNote(decided.lookups);
  const id = app === null || middleware === null ? null : app && middleware ? check.ids[2] : app ? check.ids[0] : check.ids[1];
  const uses = app && middleware ? `${SESSIONS_APP} is installed and SessionMiddleware is in MIDDLEWARE` : app ? `${SESSIONS_APP} is installed` : 'SessionMiddleware is in MIDDLEWARE';
  // Which of Django's ids applies when the other list could not be read: both are named, none is claimed.
  const unread = app === null ? `INSTALLED_APPS could not be fully read: Django reports security.${check.ids[1]}, or ${check.ids[2]} if ${SESSIONS_APP} is installed` : middleware === null ? `MIDDLEWARE could not be fully read: Django reports security.${check.ids[0]}, or ${check.ids[2]} if SessionMiddleware is in it` : null;
  reportSetting(settings, lookup, context, {
    message: on
      ? `${describeSetting(check.setting, lookup)}${paths}: truthy but not True. Django 3.2 accepts it; Django 4.2 and later require True.`
      : `${describeSetting(check.setting, lookup)}${paths} while ${uses}: ${check.consequence}${unread ? ` (${unread}.)` : ''}`,
    related: otherPaths(check.setting, decided.lookups),
    // Django 3.2 tests truthiness only; 4.2+ wants True: a truthy non-True value is Django's where every series that may run says so.
    djangoCheck: !id ? null : on ? idIf(context.project.djangoVersion(), `security.${id}`, 'cookieFlagIsTrue') : `security.${id}`,
    fixes: decided.lookups.length === 1 ? fixes(setTrueFix(settings, check.setting, lookup, true)) : [],
  });
}
