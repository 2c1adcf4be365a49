import { rule } from '../../../server/src/rules/DJ504-csrf-middleware-missing';
import { ruleTester } from '../rule-tester';
import { PRODUCTION, SECURITY } from './settings-cases';

const CSRF = 'django.middleware.csrf.CsrfViewMiddleware';
const SESSION = 'django.contrib.sessions.middleware.SessionMiddleware';
const TRY = 'try:\n    from .local_settings import *\nexcept ImportError:\n    pass\n';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: `MIDDLEWARE = ["${SECURITY}", "${SESSION}", "${CSRF}"]\n` },
    { path: PRODUCTION, text: `BASE = ["${SECURITY}"]\nMIDDLEWARE = [*BASE, "${CSRF}"]\n`, name: 'star unpacking' },
    { path: PRODUCTION, text: `MIDDLEWARE = ["${SECURITY}"]\n${TRY}`, files: { 'config/settings/local_settings.py': `MIDDLEWARE = ["${SECURITY}", "${CSRF}"]\n` }, name: 'an optional module that is there and tracked adds it' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'an optional local_settings the repository lacks: production runs without it, and the message says so',
      text: `MIDDLEWARE = ["${SECURITY}", "${SESSION}"]\n${TRY}`,
      errors: [{ line: 1, column: 14, message: /lacks django.middleware.csrf.CsrfViewMiddleware.*\(unless `config\/settings\/local_settings.py`, which is not in the repository, sets MIDDLEWARE\)/ }],
      output: `MIDDLEWARE = ["${SECURITY}", "${CSRF}", "${SESSION}"]\n${TRY}`,
    },
    {
      path: PRODUCTION,
      name: 'an optional local_settings that git ignores: a developer file, not deployed',
      text: `MIDDLEWARE = ["${SECURITY}", "${SESSION}"]\n${TRY}`,
      files: { 'config/settings/local_settings.py': `MIDDLEWARE = ["${SECURITY}", "${CSRF}"]\n` },
      git: { tracked: ['config/settings/production.py'], ignored: ['config/settings/local_settings.py'] },
      errors: [{ line: 1, column: 14, message: 'git ignores it, so it is a developer\'s file that production does not get' }],
      output: `MIDDLEWARE = ["${SECURITY}", "${CSRF}", "${SESSION}"]\n${TRY}`,
    },
    {
      path: PRODUCTION,
      text: `MIDDLEWARE = ["${SECURITY}", "${SESSION}"]\n`,
      errors: [{ line: 1, column: 14, severity: 'warning', message: 'lacks django.middleware.csrf.CsrfViewMiddleware' }],
      output: `MIDDLEWARE = ["${SECURITY}", "${CSRF}", "${SESSION}"]\n`,
    },
    { path: PRODUCTION, name: 'a tuple', text: `MIDDLEWARE = ("${SESSION}",)\n`, errors: [{ line: 1, column: 14 }], output: `MIDDLEWARE = ("${CSRF}", "${SESSION}",)\n` },
  ],
});
