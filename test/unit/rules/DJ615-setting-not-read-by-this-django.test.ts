import { rule } from '../../../server/src/rules/DJ615-setting-not-read-by-this-django';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const S3 = 'storages.backends.s3.S3Storage';
const WHITENOISE = 'whitenoise.storage.CompressedManifestStaticFilesStorage';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, djangoVersion: '5.0', text: `DEFAULT_FILE_STORAGE = "${S3}"\n`, name: 'Django 5.0 still reads DEFAULT_FILE_STORAGE' },
    { path: PRODUCTION, djangoVersion: '4.2', text: 'USE_L10N = False\nCSRF_COOKIE_MASKED = True\n', name: 'Django 4.2 still reads USE_L10N and CSRF_COOKIE_MASKED' },
    { path: PRODUCTION, djangoVersion: '5.2', text: `STORAGES = {"default": {"BACKEND": "${S3}"}}\n`, name: 'STORAGES is what 5.1+ reads' },
    { path: PRODUCTION, text: `DEFAULT_FILE_STORAGE = "${S3}"\n`, name: 'no version known: the newest LTS is only an assumption, no finding' },
    { path: 'config/settings/local.py', djangoVersion: '5.2', text: 'USE_L10N = True\n', name: 'a development module' },
    { path: PRODUCTION, djangoVersion: '3.2', text: 'PASSWORD_RESET_TIMEOUT_DAYS = 1\nDEFAULT_HASHING_ALGORITHM = "sha1"\n', name: '3.2 reads the 4.0 removals' },
    { path: PRODUCTION, djangoVersion: '5.2', text: 'FORMS_URLFIELD_ASSUME_HTTPS = True\n', name: 'removed in 6.0, read by 5.2' },
    { path: PRODUCTION, djangoVersion: '6.1', text: 'SECURE_BROWSER_XSS_FILTER = True\n', name: 'SECURE_BROWSER_XSS_FILTER is DJ412\'s' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      djangoVersion: '5.2.8',
      name: 'DEFAULT_FILE_STORAGE and STATICFILES_STORAGE: one STORAGES block',
      text: `import os\n\nDEFAULT_FILE_STORAGE = "${S3}"\nSTATICFILES_STORAGE = "${WHITENOISE}"\nAWS_STORAGE_BUCKET_NAME = os.environ["BUCKET"]\n`,
      errors: [
        { line: 3, column: 1, severity: 'warning', message: `DEFAULT_FILE_STORAGE is not read by Django 5.2.8 (removed in 5.1 in favour of STORAGES["default"]): uploaded files (FileField, ImageField, default_storage) are written by FileSystemStorage to MEDIA_ROOT on the server's own disk, not by ${S3}` },
        { line: 4, column: 1, message: `STATICFILES_STORAGE is not read by Django 5.2.8 (removed in 5.1 in favour of STORAGES["staticfiles"]): collectstatic and {% static %} use StaticFilesStorage` },
      ],
      output: `import os\n\nSTORAGES = {\n    "default": {"BACKEND": "${S3}"},\n    "staticfiles": {"BACKEND": "${WHITENOISE}"},\n}\nAWS_STORAGE_BUCKET_NAME = os.environ["BUCKET"]\n`,
    },
    {
      path: PRODUCTION,
      djangoVersion: '6.1',
      name: 'one of them, from the environment: the expression moves, the other alias keeps Django\'s default',
      text: `import environ\nenv = environ.Env()\nSTATICFILES_STORAGE = env("STATIC_BACKEND", default="${WHITENOISE}")`,
      errors: [{ line: 3, column: 1, message: /^STATICFILES_STORAGE is not read by Django 6\.1 \(removed in 5\.1/ }],
      output: `import environ\nenv = environ.Env()\nSTORAGES = {\n    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},\n    "staticfiles": {"BACKEND": env("STATIC_BACKEND", default="${WHITENOISE}")},\n}\n`,
    },
    {
      path: PRODUCTION,
      djangoVersion: '5.2',
      name: 'STORAGES set too: the old line is only dead, and deleted',
      text: `STORAGES = {"default": {"BACKEND": "${S3}"}, "staticfiles": {"BACKEND": "${WHITENOISE}"}}\nDEFAULT_FILE_STORAGE = "${S3}"\n`,
      errors: [{ line: 2, column: 1, message: 'STORAGES["default"] alone decides where uploaded files go.' }],
      output: `STORAGES = {"default": {"BACKEND": "${S3}"}, "staticfiles": {"BACKEND": "${WHITENOISE}"}}\n`,
    },
    {
      path: PRODUCTION,
      djangoVersion: '5.0',
      name: 'Django 5.0: USE_L10N, USE_DEPRECATED_PYTZ and CSRF_COOKIE_MASKED are gone, no fix',
      text: 'USE_L10N = False\nUSE_DEPRECATED_PYTZ = True\nCSRF_COOKIE_MASKED = True\n',
      errors: [
        { line: 1, column: 1, message: 'USE_L10N is not read by Django 5.0 (removed in 5.0): Django always formats numbers and dates with the active locale' },
        { line: 2, column: 1, message: 'zoneinfo' },
        { line: 3, column: 1, message: 'unmasked' },
      ],
    },
    {
      path: PRODUCTION,
      djangoVersion: '4.2',
      name: 'Django 4.2: the 4.0 removals',
      text: 'PASSWORD_RESET_TIMEOUT_DAYS = 1\nDEFAULT_HASHING_ALGORITHM = "sha1"\n',
      errors: [{ line: 1, column: 1, message: 'PASSWORD_RESET_TIMEOUT' }, { line: 2, column: 1, message: 'SHA-256' }],
    },
    {
      path: PRODUCTION,
      djangoVersion: '6.0',
      name: 'a value that cannot be read is still an assignment Django ignores',
      text: 'from somewhere import flag\nFORMS_URLFIELD_ASSUME_HTTPS = flag()\n',
      errors: [{ line: 2, column: 1, message: 'removed in 6.0' }],
    },
    {
      path: BASE,
      djangoVersion: '5.1',
      name: 'in the base module production loads',
      text: `DEFAULT_FILE_STORAGE = "${S3}"\n`,
      files: { [PRODUCTION]: 'from .base import *\n' },
      errors: [{ line: 1, column: 1, related: [{ path: PRODUCTION, line: 1, message: 'production settings module' }] }],
      output: `STORAGES = {\n    "default": {"BACKEND": "${S3}"},\n    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},\n}\n`,
    },
    {
      path: PRODUCTION,
      djangoVersion: '5.2',
      name: 'inside an if block: reported, no fix (the block would not move with it)',
      text: `from deployment import USE_S3\nif USE_S3:\n    DEFAULT_FILE_STORAGE = "${S3}"\n`,
      errors: [{ line: 3, column: 5 }],
    },
  ],
});
