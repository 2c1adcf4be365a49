import { rule } from '../../../server/src/rules/DJ418-hsts-conflicting';
import { ruleTester } from '../rule-tester';
import { PRODUCTION_SETTINGS, SITE, site } from './nginx-cases';

const SECURITY = 'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n';
const DJANGO_HSTS = { [PRODUCTION_SETTINGS]: `${SECURITY}SECURE_HSTS_SECONDS = 31536000\nSECURE_HSTS_INCLUDE_SUBDOMAINS = True\nSECURE_HSTS_PRELOAD = True\n` };
const header = (value: string) => `add_header Strict-Transport-Security "${value}" always;`;

ruleTester(rule, {
  valid: [
    { path: SITE, files: DJANGO_HSTS, text: site([], [header('max-age=31536000; includeSubDomains; preload')]), name: 'the same policy twice' },
    { path: SITE, files: DJANGO_HSTS, text: site([], [header('max-age=31536000; includesubdomains; preload')]), name: 'directive names are case-insensitive' },
    { path: SITE, files: { [PRODUCTION_SETTINGS]: `${SECURITY}SECURE_HSTS_SECONDS = 0\n` }, text: site([], [header('max-age=63072000')]), name: 'Django sends none: nginx alone' },
    { path: SITE, files: { [PRODUCTION_SETTINGS]: 'SECURE_HSTS_SECONDS = 3600\n' }, text: site([], [header('max-age=63072000')]), name: 'no SecurityMiddleware: Django sends none' },
    { path: SITE, files: { [PRODUCTION_SETTINGS]: `import os\n${SECURITY}SECURE_HSTS_SECONDS = int(os.environ["HSTS"])\n` }, text: site([], [header('max-age=63072000')]), name: 'unknown seconds: silent' },
    { path: SITE, files: DJANGO_HSTS, text: site([], [header('$hsts_policy')]), name: 'a variable: unknown' },
    { path: SITE, files: DJANGO_HSTS, text: site(['add_header X-Frame-Options DENY;'], [header('max-age=60')]), name: 'the location sets its own headers: the server-level one does not reach Django responses' },
    { path: SITE, text: site([], [header('max-age=60')]), name: 'no production settings' },
  ],
  invalid: [
    {
      path: SITE,
      files: DJANGO_HSTS,
      name: 'a shorter policy at the server level',
      text: site([], [header('max-age=63072000')]),
      errors: [{ line: 4, column: 5, severity: 'warning', message: 'nginx adds Strict-Transport-Security "max-age=63072000" to responses where Django\'s production settings already send "max-age=31536000; includeSubDomains; preload"', related: [{ path: PRODUCTION_SETTINGS, line: 2 }, { line: 6 }] }],
    },
    {
      path: SITE,
      files: { [PRODUCTION_SETTINGS]: `${SECURITY}SECURE_HSTS_SECONDS = 3600\n` },
      name: "Django's defaults for the flags",
      text: site([header('max-age=3600; includeSubDomains')]),
      errors: [{ line: 5, column: 9, message: 'already send "max-age=3600"' }],
    },
  ],
});
