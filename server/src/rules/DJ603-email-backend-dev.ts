import { replaceValueFix, readSettingEntries } from './shared/env-settings';
import { Rule } from './rule';
import { describeSetting, fixes, known, reportSetting, setValueFix } from './shared/settings-findings';

const DEVELOPMENT_BACKENDS: Record<string, string> = {
  'django.core.mail.backends.console.EmailBackend': 'prints every email to standard output',
  'django.core.mail.backends.dummy.EmailBackend': 'throws every email away',
  'django.core.mail.backends.filebased.EmailBackend': 'writes every email to a file on the server',
  'django.core.mail.backends.locmem.EmailBackend': 'keeps every email in memory (it is the test backend)',
};

const SMTP_BACKEND = 'django.core.mail.backends.smtp.EmailBackend';

export const rule: Rule = {
  meta: {
    code: 'DJ603',
    name: 'email-backend-dev',
    description: 'EMAIL_BACKEND selects one of Django\'s development backends (console, dummy, filebased, locmem).',
    category: 'data',
    severity: 'error',
    checklistItem: 'Configure production email backend',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    for (const entry of readSettingEntries(env, 'EMAIL_BACKEND', { file, project })) {
      const behaviour = DEVELOPMENT_BACKENDS[entry.value.trim()];
      if (!behaviour) continue;
      report({
        range: entry.valueRange,
        message: `${entry.key}=${entry.value} ${behaviour}: password resets, notifications and error reports never reach anyone.`,
        // Not safe for fix-all: SMTP also needs EMAIL_HOST and credentials, or sending fails.
        fixes: [replaceValueFix(file, entry, SMTP_BACKEND, `Set ${entry.key} to the SMTP backend`, false)],
      });
    }
  },
  checkSettings(settings, context) {
    const lookup = known(settings, 'EMAIL_BACKEND');
    if (!lookup || lookup.value.kind !== 'str') return;
    const behaviour = DEVELOPMENT_BACKENDS[lookup.value.value.trim()];
    if (!behaviour) return;
    reportSetting(settings, lookup, context, {
      message: `${describeSetting('EMAIL_BACKEND', lookup)}, which ${behaviour}: password resets, notifications and error reports never reach anyone.`,
      // Not safe for fix-all: SMTP also needs EMAIL_HOST and credentials, or sending fails.
      fixes: fixes(setValueFix(settings, 'EMAIL_BACKEND', lookup, `"${SMTP_BACKEND}"`, SMTP_BACKEND, false)),
    });
  },
};
