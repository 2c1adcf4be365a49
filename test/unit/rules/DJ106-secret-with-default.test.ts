import { rule } from '../../../server/src/rules/DJ106-secret-with-default';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const ENVIRON = 'import environ\nenv = environ.Env()\n';
const FALLBACK = 'a-development-key-that-ends-up-in-production-0123456789';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'import os\nGITHUB_ACCESS_TOKEN = os.environ.get("GITHUB_ACCESS_TOKEN", False)\n', name: 'a False default turns the feature off: no secret falls back (plane, ecosystem check)' },
    { path: PRODUCTION, text: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\n', name: 'decouple without a default' },
    { path: PRODUCTION, text: `${ENVIRON}SECRET_KEY = env("DJANGO_SECRET_KEY")\n` },
    { path: PRODUCTION, text: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n', name: 'os.environ[]' },
    { path: PRODUCTION, text: `${ENVIRON}DEBUG = env.bool("DJANGO_DEBUG", default=False)\n`, name: 'not a secret' },
    { path: PRODUCTION, text: 'import os\nEMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD")\n', name: 'no default (None)' },
    { path: PRODUCTION, text: `${ENVIRON}SECRET_KEY = env("DJANGO_SECRET_KEY", default=None)\n`, name: 'default None fails loudly' },
    { path: PRODUCTION, text: `${ENVIRON}SECRET_KEY = env("DJANGO_SECRET_KEY", default=env("SECRET_KEY"))\n`, name: 'another variable as the fallback' },
    { path: 'config/settings/local.py', text: `${ENVIRON}SECRET_KEY = env("DJANGO_SECRET_KEY", default="${FALLBACK}")\n`, name: 'development module' },
    {
      path: 'config/settings/staging.py',
      text: `${ENVIRON}SECRET_KEY = env("DJANGO_SECRET_KEY", default="${FALLBACK}")\n`,
      files: { [PRODUCTION]: 'SECRET_KEY = "x"\n' },
      name: 'a module of its own beside a known production module is not production',
    },
    {
      path: 'recipes/settings.py',
      text: 'import os\nINSTALLED_APPS = []\nHCAPTCHA_SECRET = os.getenv("HCAPTCHA_SECRET", "")\nEMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "")\n',
      name: 'a lone settings.py with no production module known: an empty fallback leaves the feature off (tandoor, ecosystem check)',
    },
    { path: PRODUCTION, text: 'import os\nPASSWORD_RESET_TIMEOUT = int(os.getenv("PASSWORD_RESET_TIMEOUT", "3600"))\nTOKEN_EXPIRY_SECONDS = int(os.getenv("TOKEN_EXPIRY_SECONDS", "600"))\n', name: 'names that merely contain a keyword' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: "a helper's read lands at the call, where the default is written, with no fix (healthchecks' envsecret, ecosystem check)",
      text: 'import os\ndef envsecret(name, default):\n    return os.getenv(name, default)\n\nSECRET_KEY = envsecret("SECRET_KEY", "---")\n',
      errors: [{ line: 5, column: 14, message: 'os.getenv("SECRET_KEY") falls back to "•••" (3 characters)' }],
    },
    {
      path: 'sandbox/settings.py',
      name: 'a lone settings.py and no production module known: what a deployment loads (oscar sandbox, ecosystem check)',
      text: `${ENVIRON}INSTALLED_APPS = []\nSECRET_KEY = env.str("SECRET_KEY", default="${FALLBACK}")\n`,
      errors: [{ line: 4, column: 14, message: 'env.str("SECRET_KEY") falls back to "a-d•••"' }],
      output: `${ENVIRON}INSTALLED_APPS = []\nSECRET_KEY = env.str("SECRET_KEY")\n`,
      secret: FALLBACK,
    },
    {
      path: PRODUCTION,
      name: 'a client secret and an S3 secret access key (detect-secrets\' keywords)',
      text: 'import os\nGOOGLE_CLIENT_SECRET = os.getenv("GOOGLE_CLIENT_SECRET", "dev-secret")\nAWS_SECRET_ACCESS_KEY = os.environ.get("MINIO_SECRET_ACCESS_KEY", "minioadmin")\n',
      errors: [
        { line: 2, column: 24, message: 'os.getenv("GOOGLE_CLIENT_SECRET") falls back to' },
        { line: 3, column: 25, message: 'os.environ.get("MINIO_SECRET_ACCESS_KEY") falls back to' },
      ],
      output: 'import os\nGOOGLE_CLIENT_SECRET = os.environ["GOOGLE_CLIENT_SECRET"]\nAWS_SECRET_ACCESS_KEY = os.environ.get("MINIO_SECRET_ACCESS_KEY", "minioadmin")\n',
    },
    {
      path: PRODUCTION,
      name: 'decouple: the fix drops the default',
      text: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY", default="not-so-secret-but-long-enough-to-pass-length-checks-x")\n',
      errors: [{ line: 2, column: 14, message: 'config("SECRET_KEY") falls back to' }],
      output: 'from decouple import config\nSECRET_KEY = config("SECRET_KEY")\n',
      secret: 'not-so-secret-but-long-enough-to-pass-length-checks-x',
    },
    {
      path: PRODUCTION,
      text: `${ENVIRON}SECRET_KEY = env("DJANGO_SECRET_KEY", default="${FALLBACK}")\n`,
      errors: [{ line: 3, column: 14, severity: 'error', message: 'env("DJANGO_SECRET_KEY") falls back to "a-d•••"' }],
      output: `${ENVIRON}SECRET_KEY = env("DJANGO_SECRET_KEY")\n`,
      secret: FALLBACK,
    },
    {
      path: PRODUCTION,
      name: 'os.getenv with a fallback: os.environ[] instead',
      text: 'import os\nEMAIL_HOST_PASSWORD = os.getenv("EMAIL_HOST_PASSWORD", "hunter2")\n',
      errors: [{ line: 2, column: 23, message: 'os.getenv("EMAIL_HOST_PASSWORD")' }],
      output: 'import os\nEMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]\n',
      secret: 'hunter2',
    },
    {
      path: PRODUCTION,
      name: 'os.environ.get with an empty fallback',
      text: 'import os\nAPI_TOKEN = os.environ.get("API_TOKEN", "")\n',
      errors: [{ line: 2, column: 13, message: 'an empty string' }],
      output: 'import os\nAPI_TOKEN = os.environ["API_TOKEN"]\n',
    },
    {
      path: PRODUCTION,
      name: 'env.str with a positional default',
      text: `${ENVIRON}REDIS_PASSWORD = env.str("REDIS_PASSWORD", "redis")\n`,
      errors: [{ line: 3, column: 18 }],
      output: `${ENVIRON}REDIS_PASSWORD = env.str("REDIS_PASSWORD")\n`,
    },
    {
      path: BASE,
      name: 'read in the base module, loaded by production',
      text: `${ENVIRON}SECRET_KEY = env(\n    "DJANGO_SECRET_KEY",\n    default="${FALLBACK}",\n)\n`,
      files: { [PRODUCTION]: 'from .base import *\n' },
      errors: [{ line: 3, column: 14 }],
      output: `${ENVIRON}SECRET_KEY = env(\n    "DJANGO_SECRET_KEY")\n`,
    },
  ],
});
