import { environBool } from '../parse/django-environ';
import { replaceValueFix, readSettingEntries } from './shared/env-settings';
import { Rule } from './rule';
import { checkComposeEnvironment } from './shared/compose-environment-side';
import { envValueCause } from './shared/settings-findings';

export const rule: Rule = {
  meta: {
    code: 'DJ202',
    name: 'debug-enabled-by-env',
    description: 'DJANGO_DEBUG or DEBUG is truthy by django-environ rules (true, on, ok, y, yes, or a non-zero number).',
    category: 'debug',
    severity: 'error',
    checklistItem: 'DEBUG is off in production',
    djangoCheck: 'security.W018',
  },
  checkCompose(compose, context) {
    checkComposeEnvironment((env, inner) => rule.checkEnv!(env, inner), compose, context);
  },
  checkEnv(env, { file, project, report }) {
    for (const entry of readSettingEntries(env, 'DEBUG', { file, project })) {
      if (!environBool(entry.value)) continue;
      report({
        range: entry.valueRange,
        message: `${entry.key}=${entry.value} turns DEBUG on: tracebacks, settings and SQL are shown to anyone who triggers an error.`,
        fixes: [replaceValueFix(file, entry, 'False', `Set ${entry.key}=False`)],
        // DJ201 judges the same line when production's settings read it: one diagnostic.
        cause: envValueCause(entry),
      });
    }
  },
};
