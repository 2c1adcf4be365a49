import { truthy } from '../settings/value';
import { Rule } from './rule';
import { describeSetting, fixes, known, reportSetting, setValueFix } from './shared/settings-findings';

export const rule: Rule = {
  meta: {
    code: 'DJ204',
    name: 'debug-propagate-exceptions',
    description: 'DEBUG_PROPAGATE_EXCEPTIONS is truthy, so unhandled exceptions escape Django\'s error handling.',
    category: 'debug',
    severity: 'warning',
    checklistItem: 'DEBUG is off in production',
    djangoCheck: null,
  },
  checkSettings(settings, context) {
    const lookup = known(settings, 'DEBUG_PROPAGATE_EXCEPTIONS');
    if (!lookup || truthy(lookup.value) !== true) return;
    reportSetting(settings, lookup, context, {
      message: `${describeSetting('DEBUG_PROPAGATE_EXCEPTIONS', lookup)}: unhandled exceptions bypass Django's 500 page and error reporting (ADMINS mail, logging) and reach the WSGI/ASGI server, which may show them to the client.`,
      fixes: fixes(setValueFix(settings, 'DEBUG_PROPAGATE_EXCEPTIONS', lookup, 'False', 'False', true)),
    });
  },
};
