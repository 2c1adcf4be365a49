import { replaceValueFix } from './shared/env-settings';
import { Rule } from './rule';
import { SECRET_KEY_VARIABLES, generateSecretKey, secretKeyW009Failure, secretPlaceholder } from './shared/secrets';
import { reportSetting } from './shared/settings-findings';
import { describeSecretKey, secretKeyLookup, secretKeyFix, secretKeyVariables } from './shared/secret-key-setting';

export const rule: Rule = {
  meta: {
    code: 'DJ102',
    name: 'secret-key-weak',
    description: 'The secret key fails Django\'s W009: empty, shorter than 50 characters, or fewer than 5 distinct characters.',
    category: 'secrets',
    severity: 'error',
    checklistItem: 'Unique, strong SECRET_KEY',
    djangoCheck: 'security.W009',
  },
  checkEnv(env, { file, project, report }) {
    for (const key of secretKeyVariables(project)) {
      const entry = env.get(key);
      // Empty keys are DJ105's, placeholders DJ103's: one finding per problem.
      if (!entry || entry.value === '' || secretPlaceholder(entry.value)) continue;
      const failure = secretKeyW009Failure(entry.value);
      if (!failure || failure.startsWith('starts with')) continue;
      report({
        range: entry.valueRange,
        message: `${key} ${failure}: a weak key lets attackers forge sessions, password-reset links and signed data.`,
        // Not safe for fix-all: a new key logs everyone out and invalidates signed data.
        fixes: [replaceValueFix(file, entry, generateSecretKey(), `Replace ${key} with a generated key`, false)],
      });
    }
  },
  checkSettings(settings, context) {
    const secret = secretKeyLookup(settings);
    if (!secret) return;
    const { lookup, key } = secret;
    if (key !== '' && (secretPlaceholder(key) || key.startsWith('django-insecure-'))) return;
    // An empty key from an env line is DJ105's (as on the env side): one finding per problem.
    if (key === '' && lookup.state === 'set' && lookup.value.env?.source?.entry) return;
    const failure = secretKeyW009Failure(key);
    if (!failure) return;
    reportSetting(settings, lookup, context, {
      message: `${describeSecretKey(lookup, key)} ${failure}: a weak key lets attackers forge sessions, password-reset links and signed data.`,
      fixes: secretKeyFix(settings, lookup),
    });
  },
};
