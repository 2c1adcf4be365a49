import { rule } from '../../../server/src/rules/DJ501-session-cookie-insecure';
import { ruleTester } from '../rule-tester';
import { PRODUCTION } from './settings-cases';

ruleTester(rule, {
  valid: [
    {
      path: PRODUCTION,
      name: 'the `True if … else False` form: production is production',
      text: 'import os\nINSTALLED_APPS = ["django.contrib.sessions"]\nSESSION_COOKIE_SECURE = True if os.environ.get("DJANGO_ENV") == "production" else False\n',
      files: { '.envs/.production/.django': 'DJANGO_ENV=production\n' },
    },
    {
      path: PRODUCTION,
      name: 'the `True if … else False` form on an unknown condition: the paths disagree',
      text: 'from features import STAGE\nINSTALLED_APPS = ["django.contrib.sessions"]\nSESSION_COOKIE_SECURE = True if STAGE == "production" else False\n',
    },
    { path: PRODUCTION, text: 'INSTALLED_APPS = ["django.contrib.sessions"]\nMIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]\n' + 'SESSION_COOKIE_SECURE = True\n', name: 'settings: True' },
    { path: PRODUCTION, text: 'SESSION_COOKIE_SECURE = False\n', name: 'settings: no sessions at all: Django does not judge it' },
    { path: PRODUCTION, text: 'from plugins import APPS\nINSTALLED_APPS = APPS\nMIDDLEWARE = []\n', name: 'settings: INSTALLED_APPS unknown, no SessionMiddleware: whether sessions are used cannot be told' },
    { text: 'DJANGO_SESSION_COOKIE_SECURE=True\n' },
    { text: 'SESSION_COOKIE_SECURE=1\n', name: 'bare name, 1' },
    { text: 'DJANGO_DEBUG=False\n', name: 'absent: the settings decide' },
    { text: 'DJANGO_SESSION_COOKIE_SECURE=False\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: 'SESSION_COOKIE_SECURE=False\n', path: '.env.test', name: 'test env is development' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'the `True if … else False` form, decided by production\'s environment (issue 13)',
      text: 'import os\nINSTALLED_APPS = ["django.contrib.sessions"]\nSESSION_COOKIE_SECURE = True if os.environ.get("DJANGO_ENV") == "production" else False\n',
      files: { '.envs/.production/.django': 'DJANGO_ENV=staging\n' },
      errors: [{ line: 3, column: 83, message: 'SESSION_COOKIE_SECURE is False' }],
      output: 'import os\nINSTALLED_APPS = ["django.contrib.sessions"]\nSESSION_COOKIE_SECURE = True if os.environ.get("DJANGO_ENV") == "production" else True\n',
    },
    {
      path: PRODUCTION,
      name: 'INSTALLED_APPS appended under a condition: the sessions app is installed on every path',
      text: 'import os\nINSTALLED_APPS = ["django.contrib.sessions"]\nif "SENTRY_DSN" in os.environ:\n    INSTALLED_APPS.append("raven.contrib.django")\nSESSION_COOKIE_SECURE = False\n',
      errors: [{ line: 5, column: 25, message: 'django.contrib.sessions is installed' }],
      output: 'import os\nINSTALLED_APPS = ["django.contrib.sessions"]\nif "SENTRY_DSN" in os.environ:\n    INSTALLED_APPS.append("raven.contrib.django")\nSESSION_COOKIE_SECURE = True\n',
    },
    {
      path: PRODUCTION,
      name: 'settings: unset, app and middleware: W012',
      text: 'INSTALLED_APPS = ["django.contrib.sessions"]\nMIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]\n',
      errors: [{ line: 1, column: 1, message: 'SESSION_COOKIE_SECURE is not set' }],
      output: 'INSTALLED_APPS = ["django.contrib.sessions"]\nMIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]\n' + 'SESSION_COOKIE_SECURE = True\n',
    },
    {
      path: PRODUCTION,
      name: 'settings: SessionMiddleware in MIDDLEWARE, INSTALLED_APPS unknown (a plugin loop): reported, both of Django\'s ids named',
      text: 'from plugins import APPS\nINSTALLED_APPS = APPS\nMIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]\n',
      errors: [{ line: 1, column: 1, message: /SessionMiddleware is in MIDDLEWARE: .*\(INSTALLED_APPS could not be fully read: Django reports security.W011, or W012 if django.contrib.sessions is installed.\)/ }],
      output: 'from plugins import APPS\nINSTALLED_APPS = APPS\nMIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]\nSESSION_COOKIE_SECURE = True\n',
    },
    { path: PRODUCTION, name: 'settings: app only: W010', text: 'INSTALLED_APPS = ["django.contrib.sessions"]\nSESSION_COOKIE_SECURE = False\n', errors: [{ line: 2, column: 25, message: 'django.contrib.sessions is installed:' }], output: 'INSTALLED_APPS = ["django.contrib.sessions"]\nSESSION_COOKIE_SECURE = True\n' },
    { path: PRODUCTION, name: 'settings: truthy string: Django 3.2 is silent, 4.2 is not', text: 'INSTALLED_APPS = ["django.contrib.sessions"]\nMIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]\n' + 'SESSION_COOKIE_SECURE = "False"\n', errors: [{ line: 3, column: 25, message: 'truthy but not True' }] },
    {
      text: 'DJANGO_SESSION_COOKIE_SECURE=False\n',
      errors: [{ line: 1, column: 30, endColumn: 35, severity: 'error', message: /^DJANGO_SESSION_COOKIE_SECURE=False turns the session cookie's Secure flag off/ }],
      output: 'DJANGO_SESSION_COOKIE_SECURE=True\n',
    },
    {
      text: 'DJANGO_DEBUG=False\nSESSION_COOKIE_SECURE=0\n',
      name: 'bare name, 0',
      errors: [{ line: 2, column: 23 }],
      output: 'DJANGO_DEBUG=False\nSESSION_COOKIE_SECURE=True\n',
    },
    { text: 'DJANGO_SESSION_COOKIE_SECURE=secure\n', name: 'meant as true, read as false', errors: [{ line: 1, column: 30, message: 'not one of env.bool\'s true values' }] },
    { text: 'DJANGO_SESSION_COOKIE_SECURE=False\n', path: '.env', name: 'unknown context softens to warning', errors: [{ line: 1, column: 30, severity: 'warning' }] },
  ],
});
