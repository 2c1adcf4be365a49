/**
 * Which variable and setting names hold a secret, as data.
 *
 * The keywords are the DENYLIST of detect-secrets' keyword detector (Yelp/detect-secrets,
 * detect_secrets/plugins/keyword.py at 010e929eb1e4fa350c8325dfe85f69a2ef81821b), plus the
 * few names Preflight adds below. detect-secrets matches a keyword anywhere in a line and then
 * filters the value; Preflight judges names alone, so a keyword counts only as the name's last
 * words, its head noun: `EMAIL_HOST_PASSWORD` is a password, `PASSWORD_RESET_TIMEOUT` is a
 * timeout, `AUTH_PASSWORD_VALIDATORS` a list of validators, `SECRET_KEY_FALLBACKS` a list of
 * old keys (DJ107's), `AWS_ACCESS_KEY_ID` an identifier (detect-secrets' is_likely_id_string).
 */

/** detect-secrets' DENYLIST, verbatim (lowercase; `_` separates words). */
export const DETECT_SECRETS_KEYWORDS: readonly string[] = [
  'apikey', 'api_key', 'appkey', 'app_key', 'authkey', 'auth_key', 'servicekey', 'service_key',
  'applicationkey', 'application_key', 'accountkey', 'account_key', 'dbkey', 'db_key',
  'databasekey', 'database_key', 'clientkey', 'client_key', 'aws_secret_access_key', 'db_pass',
  'password', 'passwd', 'pass', 'pwd', 'private_key', 'privatekey', 'priv_key', 'privkey',
  'secret', 'secrete', 'secreto', 'keypass', 'token', 'contrasena', 'contraseña',
];

/**
 * Head nouns detect-secrets reaches through its affix (`secret_key`, `secret_access_key`) or does
 * not list, which Django projects use for secrets: simplejwt's SIGNING_KEY, django-fernet-fields'
 * FIELD_ENCRYPTION_KEY, S3-compatible stores' `*_SECRET_ACCESS_KEY`, Rails-style master keys.
 */
export const PREFLIGHT_KEYWORDS: readonly string[] = [
  'secret_key', 'secretkey', 'secret_access_key', 'signing_key', 'encryption_key', 'master_key',
];

/** Keywords of a login credential a person or a service picks (DJ111 judges their strength). */
const CREDENTIAL_KEYWORDS: readonly string[] = ['password', 'passwd', 'pass', 'pwd', 'db_pass', 'keypass', 'contrasena', 'contraseña', 'api_key', 'apikey'];

/** Whole names that end in a keyword and hold no secret: `PWD` is the shell's working directory. */
export const NOT_SECRET_NAMES: readonly string[] = ['PWD', 'OLDPWD'];

/**
 * Value suffixes of a URL that may carry `user:password@`: DATABASE_URL, MONGO_URI, SENTRY_DSN.
 * Only a password makes it a credential: a Sentry DSN's `https://key@…` carries the project's
 * public key, which Sentry documents as safe to publish (browser SDKs embed it).
 */
const URL_SUFFIXES: readonly string[] = ['url', 'uri', 'dsn'];

/** The words of a name: `EMAIL_HOST_PASSWORD`, `clientSecret`, `api-key` and `db.pass` all split. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => word.toUpperCase());
}

function keywordWords(keywords: readonly string[]): string[][] {
  return keywords.map((keyword) => keyword.split('_').map((word) => word.toUpperCase()));
}

const SECRET_TAILS = keywordWords([...DETECT_SECRETS_KEYWORDS, ...PREFLIGHT_KEYWORDS]);
const CREDENTIAL_TAILS = keywordWords(CREDENTIAL_KEYWORDS);
const URL_TAILS = keywordWords(URL_SUFFIXES);

function endsWithOneOf(words: string[], tails: string[][]): boolean {
  return tails.some((tail) => tail.length <= words.length && tail.every((word, index) => words[words.length - tail.length + index] === word));
}

/**
 * Verbs that make a name an action on a password rather than the password: allauth's
 * ACCOUNT_FORMS["reset_password"] is a form class and ACCOUNT_RATE_LIMITS["change_password"] a
 * rate such as "5/m"; URL names and views say `reset_password` and `forgot_password` too.
 */
const PASSWORD_ACTIONS: readonly string[] = ['RESET', 'CHANGE', 'FORGOT', 'FORGOTTEN', 'RECOVER', 'SET'];

/** `reset_password`, `change_password`: a verb and the keyword alone, an action's name. */
function isPasswordAction(words: string[]): boolean {
  return words.length === 2 && PASSWORD_ACTIONS.includes(words[0]) && words[1] === 'PASSWORD';
}

/** A name whose whole value is a secret: keys, passwords, tokens, API keys, client secrets. */
export function isSecretName(name: string): boolean {
  if (NOT_SECRET_NAMES.includes(name.toUpperCase())) return false;
  const words = nameWords(name);
  return endsWithOneOf(words, SECRET_TAILS) && !isPasswordAction(words);
}

/** A name holding a login credential for a service (database, broker, Flower, an API). */
export function isCredentialName(name: string): boolean {
  if (NOT_SECRET_NAMES.includes(name.toUpperCase())) return false;
  const words = nameWords(name);
  return endsWithOneOf(words, CREDENTIAL_TAILS) && !isPasswordAction(words);
}

/** A name whose value is a service URL: DATABASE_URL, CELERY_BROKER_URL, MONGO_URI, SENTRY_DSN. */
export function isUrlName(name: string): boolean {
  return endsWithOneOf(nameWords(name), URL_TAILS);
}

/**
 * Whole values that detect-secrets' keyword detector drops as no secret (its FALSE_POSITIVES
 * words that can be a whole value; the rest of that set are code fragments a line scanner meets).
 */
export const NOT_SECRET_VALUES: readonly string[] = [
  'dummy_secret', 'dummy_value', 'false', 'none', 'nopasswd', 'not_real_key', 'null', 'redacted',
  'thisisnottherealsecret', 'true', 'undef',
];

/**
 * A value that is no secret whatever its name: a boolean or null word, or a template to fill in
 * (`{secret}`, `<secret>`, `${SECRET}`: detect-secrets' is_templated_secret). A placeholder still
 * used as a password is DJ111's finding (weak), not a leaked secret.
 */
export function isNotASecretValue(value: string): boolean {
  const trimmed = value.trim();
  if (NOT_SECRET_VALUES.includes(trimmed.toLowerCase())) return true;
  return /^(?:\{.*\}|<.*>|\$\{.*\})$/s.test(trimmed);
}
