import { rule } from '../../../server/src/rules/DJ616-django-unsupported';
import { DJANGO_SUPPORT, DJANGO_SUPPORT_MADE } from '../../../server/src/rules/shared/django-support';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

// The table's newest security release of 5.2: pinning it is up to date.
const LATEST_52 = DJANGO_SUPPORT.get('5.2')!.securityReleases.at(-1)!.version;
const TABLE = `(Preflight's Django support table of ${DJANGO_SUPPORT_MADE})`;

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'DEBUG = False\n', name: 'no version known: the assumed newest LTS is no finding' },
    { path: PRODUCTION, djangoVersion: '5.2', text: 'DEBUG = False\n', name: 'a supported series, no exact release' },
    { path: PRODUCTION, djangoVersion: LATEST_52, text: 'DEBUG = False\n', name: 'the latest security release of 5.2' },
    { path: PRODUCTION, djangoVersion: '5.2.99', text: 'DEBUG = False\n', name: 'newer than the table knows: nothing missed that it knows of' },
    { path: PRODUCTION, djangoVersion: '6.1', text: 'DEBUG = False\n', name: '6.1' },
    { path: BASE, djangoVersion: '4.2', text: 'DEBUG = False\n', files: { [PRODUCTION]: 'from .base import *\n' }, name: 'the base module: the finding is on the module Django loads' },
    { path: 'requirements.txt', text: `Django==${LATEST_52}\n`, name: 'a requirements file pinning the latest 5.2' },
    { path: 'requirements.txt', text: 'Django>=5.2,<6.2\n', name: 'a range of supported series' },
    { path: 'config/settings/local.py', djangoVersion: '3.2', text: 'DEBUG = True\n', files: { [PRODUCTION]: 'DEBUG = False\n' }, name: 'a development module' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      djangoVersion: '4.2',
      name: 'Django 4.2: the LTS ended in April 2026',
      text: 'DEBUG = False\n',
      errors: [{ line: 1, column: 1, endColumn: 14, severity: 'error', message: `Django 4.2 gets no more security fixes: support ended for 4.2 (LTS) in April 2026 ${TABLE}. Upgrade to a supported series (5.2 LTS, 6.0, 6.1).` }],
    },
    {
      path: PRODUCTION,
      djangoVersion: '3.2.25',
      name: 'the last 3.2 release is still past the end of support',
      text: 'DEBUG = False\n',
      errors: [{ line: 1, column: 1, severity: 'error', message: /^Django 3\.2\.25 gets no more security fixes: support ended for 3\.2 \(LTS\) in April 2024/ }],
    },
    {
      path: PRODUCTION,
      djangoVersion: '5.1.2',
      name: 'a feature release ends with the second one after it; the pin misses fixes too',
      text: 'DEBUG = False\n',
      errors: [{ line: 1, column: 1, severity: 'error', message: /support ended for 5\.1 in 2025-12-03 .* It also misses the security fixes released in 5\.1\.4 \(2024-12-04\) and \d+ later releases, the latest 5\.1\.15 / }],
    },
    {
      path: PRODUCTION,
      djangoVersion: '5.2.8',
      name: 'a supported series, a pin older than its security releases',
      text: 'DEBUG = False\n',
      errors: [{ line: 1, column: 1, severity: 'warning', message: new RegExp(`^Django 5\\.2\\.8 misses security fixes released in 5\\.2\\.9 \\(2025-12-02\\) and \\d+ later releases \\(Preflight's Django support table of ${DJANGO_SUPPORT_MADE}\\)\\. Upgrade to ${LATEST_52.replace(/\./g, '\\.')} or later\\.$`) }],
    },
    {
      path: PRODUCTION,
      djangoVersion: '4.0',
      name: 'the production module that star-imports the base: its first line',
      text: 'from .base import *\n\nDEBUG = False\n',
      files: { [BASE]: 'DEBUG = True\n' },
      errors: [{ line: 1, column: 1, endColumn: 20, message: 'support ended for 4.0 in 2023-04-03' }],
    },
    {
      path: 'requirements/production.txt',
      name: 'pinned in a requirements file: the finding is on its line, an error even where the path says nothing of production',
      text: 'gunicorn==23.0.0\nDjango==4.2.1\n',
      errors: [{ line: 2, column: 1, endColumn: 14, severity: 'error', message: /^Django 4\.2\.1 gets no more security fixes: support ended for 4\.2 \(LTS\) in April 2026 .* It also misses the security fixes released in 4\.2\.3 / }],
    },
    {
      path: 'requirements.txt',
      name: 'a range whose every series has ended',
      text: 'Django>=4.1,<5.0\n',
      errors: [{ line: 1, column: 1, severity: 'error', message: /^Django 4\.1 to 4\.2 gets no more security fixes/ }],
    },
    {
      path: 'uv.lock',
      name: 'pinned in a lock file: on the locked version',
      text: 'version = 1\n\n[[package]]\nname = "django"\nversion = "5.1.2"\n',
      errors: [{ line: 5, column: 1, severity: 'error', message: /^Django 5\.1\.2 gets no more security fixes/ }],
    },
    {
      path: 'Dockerfile',
      name: 'pinned by a Dockerfile, a linted file since Dockerfiles are deployment files: on its pip install line',
      text: 'FROM python:3.12\nRUN pip install Django==5.1.2 gunicorn\n',
      files: { [PRODUCTION]: 'DEBUG = False\n' },
      errors: [{ line: 2, column: 1, severity: 'error', message: /^Django 5\.1\.2 gets no more security fixes/ }],
    },
  ],
});
