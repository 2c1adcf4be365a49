/** Which names hold a secret: detect-secrets' keywords as head nouns, Django's look-alike settings not. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DETECT_SECRETS_KEYWORDS, isCredentialName, isNotASecretValue, isSecretName, isUrlName, nameWords } from '../../../server/src/rules/shared/secret-names';

const SECRETS = [
  'SECRET_KEY', 'DJANGO_SECRET_KEY', 'JWT_SECRET_KEY', 'AWS_SECRET_ACCESS_KEY', 'DJANGO_AWS_SECRET_ACCESS_KEY',
  'MINIO_SECRET_ACCESS_KEY', 'RECAPTCHA_PRIVATE_KEY', 'GITHUB_APP_PRIVATE_KEY', 'SOCIAL_AUTH_GOOGLE_OAUTH2_SECRET',
  'GOOGLE_CLIENT_SECRET', 'STRIPE_WEBHOOK_SECRET', 'SIGNING_KEY', 'JWT_SIGNING_KEY', 'FIELD_ENCRYPTION_KEY',
  'EMAIL_HOST_PASSWORD', 'POSTGRES_PASSWORD', 'DB_PASS', 'MYSQL_PWD', 'REDIS_PASSWD', 'GITHUB_TOKEN',
  'SLACK_BOT_TOKEN', 'TWILIO_AUTH_TOKEN', 'STRIPE_API_KEY', 'SENDGRID_APIKEY', 'MAILGUN_API_KEY', 'FIREBASE_APP_KEY',
  'AZURE_ACCOUNT_KEY', 'TOKEN', 'PASSWORD', 'secret', 'password', 'clientSecret', 'apiKey', 'privateKey',
  'api-key', 'client_secret', 'DB_CONTRASENA', 'KEYSTORE_KEYPASS', 'MASTER_KEY', 'RESET_TOKEN', 'ADMIN_RESET_PASSWORD_SECRET',
  'NEW_PASSWORD', 'DEFAULT_PASSWORD',
];

const NOT_SECRETS = [
  'SECRET_KEY_FALLBACKS', 'PASSWORD_HASHERS', 'AUTH_PASSWORD_VALIDATORS', 'PASSWORD_RESET_TIMEOUT',
  'PASSWORD_RESET_TIMEOUT_DAYS', 'TOKEN_EXPIRY_SECONDS', 'SESSION_COOKIE_AGE', 'CSRF_COOKIE_SECURE',
  'CSRF_COOKIE_NAME', 'CSRF_HEADER_NAME', 'CSRF_TRUSTED_ORIGINS', 'SESSION_COOKIE_HTTPONLY', 'AWS_ACCESS_KEY_ID',
  'STRIPE_PUBLISHABLE_KEY', 'RECAPTCHA_PUBLIC_KEY', 'VERIFYING_KEY', 'SOCIAL_AUTH_GITHUB_KEY', 'KEY_PREFIX',
  'CACHE_KEY_PREFIX', 'ACCESS_TOKEN_LIFETIME', 'REFRESH_TOKEN_LIFETIME', 'TOKEN_MODEL', 'TOKEN_SERIALIZER',
  'DJANGO_SECRET_KEY_FILE', 'POSTGRES_PASSWORD_FILE', 'ACCOUNT_PASSWORD_MIN_LENGTH', 'LOGOUT_ON_PASSWORD_CHANGE',
  'OLD_PASSWORD_FIELD_ENABLED', 'CACHE_BYPASS', 'COMPASS', 'PWD', 'OLDPWD', 'SECRETARY_EMAIL', 'TOKENIZER',
  'PASSWORDLESS_AUTH', 'DJANGO_DEBUG', 'DATABASE_URL', 'reset_password', 'change_password', 'FORGOT_PASSWORD', 'set_password',
];

describe('secret names', () => {
  for (const name of SECRETS) it(`${name} holds a secret`, () => assert.equal(isSecretName(name), true));
  for (const name of NOT_SECRETS) it(`${name} holds none`, () => assert.equal(isSecretName(name), false));

  it('every detect-secrets keyword is a secret name, alone and as a suffix', () => {
    for (const keyword of DETECT_SECRETS_KEYWORDS) {
      if (keyword === 'pwd') continue; // PWD alone is the shell's working directory
      assert.equal(isSecretName(keyword.toUpperCase()), true, keyword);
      assert.equal(isSecretName(`SERVICE_${keyword.toUpperCase()}`), true, keyword);
      assert.equal(isSecretName(`${keyword.toUpperCase()}_TIMEOUT`), false, keyword);
    }
    assert.equal(isSecretName('DB_PWD'), true);
  });
});

describe('credential names (DJ111 judges their strength)', () => {
  for (const name of ['POSTGRES_PASSWORD', 'DB_PASS', 'MYSQL_PWD', 'CELERY_FLOWER_PASSWORD', 'STRIPE_API_KEY', 'REDIS_PASSWD']) {
    it(`${name} is a credential`, () => assert.equal(isCredentialName(name), true));
  }
  // Tokens and keys come from their provider; their length says nothing about a person's choice.
  for (const name of ['GITHUB_TOKEN', 'DJANGO_SECRET_KEY', 'AWS_SECRET_ACCESS_KEY', 'PASSWORD_HASHERS', 'PWD']) {
    it(`${name} is not a credential`, () => assert.equal(isCredentialName(name), false));
  }
});

describe('URL names', () => {
  for (const name of ['DATABASE_URL', 'CELERY_BROKER_URL', 'MONGO_URI', 'SENTRY_DSN', 'DJANGO_SENTRY_DSN']) it(`${name} is a URL`, () => assert.equal(isUrlName(name), true));
  for (const name of ['URL_PREFIX', 'DSN_TIMEOUT', 'STATIC_ROOT']) it(`${name} is not`, () => assert.equal(isUrlName(name), false));
});

describe('values that are no secret', () => {
  for (const value of ['true', 'False', 'None', 'null', '<password>', '{db_password}', '${POSTGRES_PASSWORD}', 'REDACTED']) {
    it(`${JSON.stringify(value)} is none`, () => assert.equal(isNotASecretValue(value), true));
  }
  for (const value of ['hunter2hunter2', 'Tr0ub4dor&3', 'x<y>z', 'changeme']) it(`${JSON.stringify(value)} may be one`, () => assert.equal(isNotASecretValue(value), false));
});

it('name words split snake, kebab, dotted and camel case', () => {
  assert.deepEqual(nameWords('clientSecret'), ['CLIENT', 'SECRET']);
  assert.deepEqual(nameWords('db.pass'), ['DB', 'PASS']);
  assert.deepEqual(nameWords('EMAIL_HOST_PASSWORD'), ['EMAIL', 'HOST', 'PASSWORD']);
  assert.deepEqual(nameWords('APIKey'), ['APIKEY']);
});
