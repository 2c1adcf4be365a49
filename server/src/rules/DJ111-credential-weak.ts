import { isEnvironReference } from '../parse/django-environ';
import { credentialUser, isCredentialVariable, mintedSecrets, regenerateSecretFix, urlPassword } from './shared/credentials';
import { Rule } from './rule';
import { secretPlaceholder } from './shared/secrets';
import { checkComposeEnvironment } from './shared/compose-environment-side';

export const rule: Rule = {
  meta: {
    code: 'DJ111',
    name: 'credential-weak',
    description: 'A database, broker, Flower or API credential that is a placeholder, a well-known default, equal to its user name, or shorter than 12 characters.',
    category: 'secrets',
    severity: 'error',
    checklistItem: 'Database password is strong and unique',
    djangoCheck: null,
  },
  checkCompose(compose, context) {
    checkComposeEnvironment((env, inner) => rule.checkEnv!(env, inner), compose, context);
  },
  checkEnv(env, { file, project, report }) {
    const minted = mintedSecrets(env, file);
    const regenerate = (key: string) => {
      const secret = minted.find((candidate) => candidate.key === key);
      const fix = secret && regenerateSecretFix(project, secret);
      return fix ? [fix] : [];
    };
    for (const entry of env.entries) {
      if (env.get(entry.key) !== entry) continue;
      const url = urlPassword(env, entry);
      if (url) {
        const weakness = credentialWeakness(url.password, url.user ? { name: 'its user', value: url.user } : null);
        if (weakness) report({ range: url.range, message: `${entry.key}'s password ${weakness}: ${CONSEQUENCE}`, fixes: regenerate(entry.key) });
      } else if (isCredentialVariable(entry.key)) {
        const weakness = credentialWeakness(entry.value, credentialUser(env, entry.key));
        if (weakness) report({ range: entry.valueRange, message: `${entry.key} ${weakness}: ${CONSEQUENCE}`, fixes: regenerate(entry.key) });
      }
    }
  },
};

const CONSEQUENCE = 'anyone who can reach the service can guess it.';

/** Defaults and words that credential-stuffing lists try first. */
const TRIVIAL_CREDENTIALS = new Set([
  'postgres', 'postgresql', 'mysql', 'redis', 'rabbitmq', 'guest', 'celery', 'flower', 'django',
  'password', 'passw0rd', 'admin', 'administrator', 'root', 'secret', 'changeme', 'user', 'test',
  'debug', 'default', 'qwerty', 'letmein', 'welcome', '123456', '12345678', '123456789', '1234567890',
]);

const MINIMUM_LENGTH = 12;

interface UserValue {
  /** How the message names it: `POSTGRES_USER`, `its user`. */
  name: string;
  value: string;
}

/** Why a credential is weak, or null; empty values and `${REFERENCES}` are not judged. */
function credentialWeakness(value: string, user: UserValue | null): string | null {
  if (value === '' || isEnvironReference(value)) return null;
  const placeholder = secretPlaceholder(value);
  if (placeholder) return `is ${placeholder}`;
  if (TRIVIAL_CREDENTIALS.has(value.toLowerCase())) return 'is a well-known default';
  if (user && user.value !== '' && value === user.value) return `equals ${user.name}`;
  if (value.length < MINIMUM_LENGTH) return `has only ${value.length} characters (at least ${MINIMUM_LENGTH} expected)`;
  return null;
}
