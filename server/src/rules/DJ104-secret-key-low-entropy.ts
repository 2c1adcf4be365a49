import { replaceValueFix } from './shared/env-settings';
import { Rule } from './rule';
import { SECRET_KEY_VARIABLES, generateSecretKey, maskSecret, secretKeyW009Failure, secretLowEntropyReason, secretPlaceholder } from './shared/secrets';
import { describeSecretKey, secretKeyFix, secretKeyLookup, secretKeyVariables } from './shared/secret-key-setting';
import { reportSetting } from './shared/settings-findings';

export const rule: Rule = {
  meta: {
    code: 'DJ104',
    name: 'secret-key-low-entropy',
    description: 'The secret key passes Django\'s W009 but is not random: repetitive characters, runs, a repeated pattern or a dictionary word.',
    category: 'secrets',
    severity: 'warning',
    checklistItem: 'Unique, strong SECRET_KEY',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    for (const key of secretKeyVariables(project)) {
      const entry = env.get(key);
      // Keys failing W009 are DJ102's or DJ105's, placeholders DJ103's.
      if (!entry || secretKeyW009Failure(entry.value) || secretPlaceholder(entry.value)) continue;
      const reason = secretLowEntropyReason(entry.value);
      if (!reason) continue;
      report({
        range: entry.valueRange,
        message: `${key} ${maskSecret(entry.value)} is long enough for Django but not random: ${reason}. A guessable key lets an attacker forge sessions and signed tokens.`,
        fixes: [replaceValueFix(file, entry, generateSecretKey(), `Replace ${key} with a generated key`, false)],
      });
    }
  },
  checkSettings(settings, context) {
    const secret = secretKeyLookup(settings);
    if (!secret) return;
    const { lookup, key } = secret;
    // The same division of labour as the env side: W009 failures and placeholders are other rules'.
    if (secretKeyW009Failure(key) || secretPlaceholder(key)) return;
    const reason = secretLowEntropyReason(key);
    if (!reason) return;
    reportSetting(settings, lookup, context, {
      message: `${describeSecretKey(lookup, key)} is long enough for Django but not random: ${reason}. A guessable key lets an attacker forge sessions and signed tokens.`,
      fixes: secretKeyFix(settings, lookup),
    });
  },
};
