import { replaceValueFix } from './shared/env-settings';
import { Rule } from './rule';
import { SECRET_KEY_VARIABLES, generateSecretKey, secretPlaceholder } from './shared/secrets';
import { secretKeyW009Failure } from './shared/secrets';
import { reportSetting } from './shared/settings-findings';
import { describeSecretKey, secretKeyLookup, secretKeyFix, secretKeyVariables } from './shared/secret-key-setting';

export const rule: Rule = {
  meta: {
    code: 'DJ103',
    name: 'secret-key-insecure-value',
    description: 'The secret key is a placeholder (changeme, !!!SET ...!!!, <generated-key-here>, your-secret-key) or a django-insecure- development key.',
    category: 'secrets',
    severity: 'error',
    checklistItem: 'Never use development SECRET_KEY in production',
    djangoCheck: 'security.W009',
  },
  checkEnv(env, { file, project, report }) {
    for (const key of secretKeyVariables(project)) {
      const entry = env.get(key);
      if (!entry || entry.value === '') continue;
      const message = entry.value.startsWith('django-insecure-')
        ? `${key} starts with "django-insecure-": it is a development key made by startproject, and Django's deploy check rejects it.`
        : insecurePlaceholderMessage(key, entry.value);
      if (!message) continue;
      report({
        range: entry.valueRange,
        message,
        // Not safe for fix-all: a new key logs everyone out and invalidates signed data.
        fixes: [replaceValueFix(file, entry, generateSecretKey(), `Replace ${key} with a generated key`, false)],
      });
    }
  },
  checkSettings(settings, context) {
    const secret = secretKeyLookup(settings);
    if (!secret || secret.key === '') return;
    const { lookup, key } = secret;
    const subject = describeSecretKey(lookup, key);
    const message = key.startsWith('django-insecure-')
      ? `${subject} starts with "django-insecure-": it is a development key made by startproject, and Django's deploy check rejects it.`
      : secretPlaceholder(key)
        ? `${subject} is ${secretPlaceholder(key)}, not a key: anyone who has seen the template can forge sessions and password-reset links.`
        : null;
    if (!message) return;
    reportSetting(settings, lookup, context, {
      message,
      // Django's W009 only when its own test fails (a long placeholder passes it).
      djangoCheck: secretKeyW009Failure(key) ? 'security.W009' : null,
      fixes: secretKeyFix(settings, lookup),
    });
  },
};

function insecurePlaceholderMessage(key: string, value: string): string | null {
  const placeholder = secretPlaceholder(value);
  if (!placeholder) return null;
  return `${key} is ${placeholder}, not a key: anyone who has seen the template can forge sessions and password-reset links.`;
}
