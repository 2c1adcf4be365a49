import { rule } from '../../../server/src/rules/DJ110-credential-in-source';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const ENV_FILE = '.envs/.production/.django';
const PASSWORD = 'Tr0ub4dor&3-production';

ruleTester(rule, {
  valid: [
    // Built from an env read (issue 13, item 5): not written in the module, even when production's value is known.
    { path: PRODUCTION, text: `import os\nDATABASE_URL = f"postgres://app:{os.environ['DB_PASSWORD']}@db/app"\n`, files: { [ENV_FILE]: `DB_PASSWORD=${PASSWORD}\n` }, name: 'an f-string whose password is an env read' },
    { path: PRODUCTION, text: `import os\nDATABASE_URL = "postgres://app:%s@db/app" % os.environ["DB_PASSWORD"]\n`, files: { [ENV_FILE]: `DB_PASSWORD=${PASSWORD}\n` }, name: 'a %-format whose password is an env read' },
    { path: PRODUCTION, text: `import os\nDATABASE_URL = "postgres://app:{}@db/app".format(os.environ["DB_PASSWORD"])\n`, files: { [ENV_FILE]: `DB_PASSWORD=${PASSWORD}\n` }, name: '.format() whose password is an env read' },
    { path: PRODUCTION, text: `import os\nEMAIL_HOST_PASSWORD = os.environ["PREFIX"] + "${PASSWORD}"\n`, files: { [ENV_FILE]: 'PREFIX=x\n' }, name: 'a password partly read from the environment: not all of it is written here' },
    { path: PRODUCTION, text: `import os\nREDIS_URL = f"redis://:{os.environ.get('REDIS_PASSWORD')}@redis:6379/0"\n`, files: { [ENV_FILE]: 'A=1\n' }, name: 'an unset read never becomes the text None' },
    { path: PRODUCTION, text: 'import os\nEMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]\n' },
    { path: PRODUCTION, text: 'EMAIL_HOST_PASSWORD = ""\n', name: 'empty' },
    { path: PRODUCTION, text: 'SECRET_KEY = "x" * 50\n', name: 'SECRET_KEY is DJ101\'s' },
    { path: PRODUCTION, text: 'AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}]\n', name: 'a setting named after passwords that holds none' },
    { path: PRODUCTION, text: 'CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "redis://redis:6379/0"}}\n', name: 'a URL without a password' },
    { path: PRODUCTION, text: 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL", default="postgres://u:p@db/app")}\n', name: 'an env read (DJ106 judges defaults)' },
    { path: 'config/settings/local.py', text: `EMAIL_HOST_PASSWORD = "${PASSWORD}"\n`, name: 'development module' },
    { path: PRODUCTION, text: `SECRET_KEY = "${PASSWORD}"\nSIMPLE_JWT = {"SIGNING_KEY": SECRET_KEY}\n`, name: 'SECRET_KEY reused as the signing key: DJ101\'s, once' },
    { path: PRODUCTION, text: `SECRET_KEY_FALLBACKS = ["${PASSWORD}"]\n`, name: 'old keys are DJ107\'s' },
    { path: PRODUCTION, text: 'PASSWORD_RESET_TIMEOUT = 3600\nPASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]\nCSRF_COOKIE_NAME = "csrftoken"\nTOKEN_MODEL = "rest_framework.authtoken.models.Token"\n', name: 'Django settings named after passwords and tokens that hold none' },
    { path: PRODUCTION, text: 'AWS_ACCESS_KEY_ID = "app-uploads"\nSTRIPE_PUBLISHABLE_KEY = "pk_test_abc123"\nRECAPTCHA_PUBLIC_KEY = "6Lc-abc"\n', name: 'identifiers and public keys' },
    { path: PRODUCTION, text: 'SENTRY_DSN = "https://abc123def456@o0.ingest.sentry.io/1"\n', name: 'a Sentry DSN carries a public key, no password' },
    { path: PRODUCTION, text: 'EMAIL_HOST_PASSWORD = "<your password>"\nSTRIPE_API_KEY = "{stripe_api_key}"\nAPI_TOKEN = "None"\n', name: 'templates and null words (detect-secrets\' filters)' },
    { path: PRODUCTION, text: 'ACCOUNT_FORMS = {"reset_password": "cookbook.forms.AllAuthPasswordResetForm"}\nACCOUNT_RATE_LIMITS = {"change_password": "5/m/user", "reset_password": "20/m/ip,5/m/key"}\n', name: 'allauth\'s forms and rate limits keyed by actions on a password (reset_password, change_password)' },
    { path: PRODUCTION, text: 'import os\nCONSTANCE_CONFIG = {"MAP_API_KEY": (os.environ.get("MAPBOX_API_KEY", ""), "Map Box API Key", str)}\n', name: 'django-constance: the help text after the default is no credential' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'django-constance: a literal default of a secret option is one',
      text: `CONSTANCE_CONFIG = {"MAP_API_KEY": ("${PASSWORD}", "Map Box API Key", str)}\n`,
      errors: [{ line: 1, column: 37, message: 'CONSTANCE_CONFIG["MAP_API_KEY"][0]' }],
      secret: PASSWORD,
    },
    {
      path: PRODUCTION,
      name: 'a password set for a new account is still a password',
      text: `DEFAULT_USERS = {"admin": {"new_password": "${PASSWORD}"}}\n`,
      errors: [{ line: 1, column: 44 }],
      secret: PASSWORD,
    },
    {
      path: PRODUCTION,
      name: 'an f-string whose password is a literal and whose host is an env read: the literal is reported, the rest is named',
      text: `import os\nDATABASE_URL = f"postgres://app:${PASSWORD}@{os.environ['DB_HOST']}/app"\n`,
      files: { [ENV_FILE]: 'DB_HOST=db.internal\n' },
      errors: [{ line: 2, column: 16, message: 'the rest of the URL comes from DB_HOST from .envs/.production/.django' }],
      secret: PASSWORD,
    },
    {
      path: PRODUCTION,
      name: 'concatenation: the literal holding the password is reported',
      text: `import os\nDATABASE_URL = "postgres://app:${PASSWORD}@" + os.environ["DB_HOST"] + "/app"\n`,
      files: { [ENV_FILE]: 'DB_HOST=db.internal\n' },
      errors: [{ line: 2, column: 16, endColumn: 56, message: 'is a URL whose password' }],
      secret: PASSWORD,
    },
    {
      path: PRODUCTION,
      name: 'a password literal: env read and a stub in production\'s env file',
      text: `import environ\nenv = environ.Env()\nEMAIL_HOST_PASSWORD = "${PASSWORD}"\n`,
      files: { [ENV_FILE]: 'DJANGO_DEBUG=False\n' },
      errors: [{ line: 3, column: 23, severity: 'error', message: 'EMAIL_HOST_PASSWORD ("Tr0•••" (22 characters)) is written in the settings module' }],
      output: 'import environ\nenv = environ.Env()\nEMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")\n',
      outputFiles: { [ENV_FILE]: 'DJANGO_DEBUG=False\nEMAIL_HOST_PASSWORD=\n' },
      secret: PASSWORD,
    },
    {
      path: PRODUCTION,
      name: 'DATABASES password: os.environ',
      text: `import os\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "PASSWORD": "${PASSWORD}",\n    }\n}\n`,
      errors: [{ line: 5, column: 21, message: 'DATABASES["default"]["PASSWORD"]' }],
      output: 'import os\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "PASSWORD": os.environ["DB_PASSWORD"],\n    }\n}\n',
      secret: PASSWORD,
    },
    {
      path: PRODUCTION,
      name: 'a URL with a password',
      text: `CELERY_BROKER_URL = "redis://:${PASSWORD}@redis:6379/0"\n`,
      errors: [{ line: 1, column: 21, message: 'CELERY_BROKER_URL is a URL whose password' }],
      secret: PASSWORD,
    },
    {
      path: PRODUCTION,
      name: 'AWS secret access key and an API token',
      text: `AWS_SECRET_ACCESS_KEY = "${PASSWORD}"\nSTRIPE_API_KEY = "${PASSWORD}x"\n`,
      errors: [{ line: 1, column: 25 }, { line: 2, column: 18 }],
    },
    {
      path: PRODUCTION,
      name: 'client, webhook and signing secrets, private keys (detect-secrets\' keywords)',
      text: `GOOGLE_CLIENT_SECRET = "${PASSWORD}1"\nSTRIPE_WEBHOOK_SECRET = "${PASSWORD}2"\nRECAPTCHA_PRIVATE_KEY = "${PASSWORD}3"\nSIMPLE_JWT = {"SIGNING_KEY": "${PASSWORD}4"}\nDB_PASS = "${PASSWORD}5"\n`,
      errors: [
        { line: 1, column: 24, message: 'GOOGLE_CLIENT_SECRET (' },
        { line: 2, column: 25, message: 'STRIPE_WEBHOOK_SECRET (' },
        { line: 3, column: 25, message: 'RECAPTCHA_PRIVATE_KEY (' },
        { line: 4, column: 30, message: 'SIMPLE_JWT["SIGNING_KEY"] (' },
        { line: 5, column: 11, message: 'DB_PASS (' },
      ],
    },
    {
      path: PRODUCTION,
      name: 'a lower-case dict key: allauth\'s provider secret',
      text: `SOCIALACCOUNT_PROVIDERS = {"google": {"APP": {"client_id": "123.apps.googleusercontent.com", "secret": "${PASSWORD}"}}}\n`,
      errors: [{ line: 1, column: 104, message: 'SOCIALACCOUNT_PROVIDERS["google"]["APP"]["secret"]' }],
      secret: PASSWORD,
    },
    {
      path: PRODUCTION,
      name: 'a DSN with a password is a credential',
      text: `SENTRY_DSN = "https://abc123:${PASSWORD}@sentry.example.com/1"\n`,
      errors: [{ line: 1, column: 14, message: 'SENTRY_DSN is a URL whose password' }],
      secret: PASSWORD,
    },
    {
      path: BASE,
      name: 'in the base module, loaded by production',
      text: `import os\nEMAIL_HOST_PASSWORD = '${PASSWORD}'\n`,
      files: { [PRODUCTION]: 'from .base import *\n' },
      errors: [{ line: 2, column: 23 }],
      output: 'import os\nEMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]\n',
    },
  ],
});
