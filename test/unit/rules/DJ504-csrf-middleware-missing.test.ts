import { rule } from '../../../server/src/rules/DJ504-csrf-middleware-missing';
import { ruleTester } from '../rule-tester';
import { PRODUCTION, SECURITY } from './settings-cases';

const CSRF = 'django.middleware.csrf.CsrfViewMiddleware';
const SESSION = 'django.contrib.sessions.middleware.SessionMiddleware';
const TRY = 'try:\n    from .local_settings import *\nexcept ImportError:\n    pass\n';
const CORS = 'corsheaders.middleware.CorsMiddleware';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: `MIDDLEWARE = ["${SECURITY}", "${SESSION}", "${CSRF}"]\n` },
    { path: PRODUCTION, text: `BASE = ["${SECURITY}"]\nMIDDLEWARE = [*BASE, "${CSRF}"]\n`, name: 'star unpacking' },
    { path: PRODUCTION, text: `MIDDLEWARE = ["${SECURITY}"]\n${TRY}`, files: { 'config/settings/local_settings.py': `MIDDLEWARE = ["${SECURITY}", "${CSRF}"]\n` }, name: 'an optional module that is there and tracked adds it' },
    { path: PRODUCTION, text: `from features import USE_CORS\nMIDDLEWARE = ["${SECURITY}", "${CSRF}"]\nif USE_CORS:\n    MIDDLEWARE = ["${CORS}"] + MIDDLEWARE\n`, name: 'a conditional CORS prepend: CsrfViewMiddleware on every path' },
    { path: PRODUCTION, text: `from features import STRICT\nMIDDLEWARE = ["${SECURITY}"]\nif STRICT:\n    MIDDLEWARE.append("${CSRF}")\n`, name: 'paths disagree: silent' },
    { path: PRODUCTION, text: `import os\nMIDDLEWARE = ["${SECURITY}"]\nif "CSRF" not in os.environ:\n    MIDDLEWARE.append("${CSRF}")\n`, name: 'a membership test, no production environment: the paths disagree' },
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
      name: 'a conditional CORS prepend (issue 13): missing on every path, reported and fixed in the list both start from',
      text: `from features import USE_CORS\nMIDDLEWARE = ["${SECURITY}", "${SESSION}"]\nif USE_CORS:\n    MIDDLEWARE = ["${CORS}"] + MIDDLEWARE\n`,
      errors: [{ line: 2, column: 14, message: 'lacks django.middleware.csrf.CsrfViewMiddleware on every path the settings may take (2 lists)' }],
      output: `from features import USE_CORS\nMIDDLEWARE = ["${SECURITY}", "${CSRF}", "${SESSION}"]\nif USE_CORS:\n    MIDDLEWARE = ["${CORS}"] + MIDDLEWARE\n`,
    },
    {
      path: PRODUCTION,
      name: 'a membership test production decides',
      text: `import os\nMIDDLEWARE = ["${SECURITY}", "${SESSION}"]\nif "SENTRY_DSN" in os.environ:\n    MIDDLEWARE.append("${CSRF}")\n`,
      files: { '.envs/.production/.django': 'A=1\n' },
      errors: [{ line: 2, column: 14 }],
      output: `import os\nMIDDLEWARE = ["${SECURITY}", "${CSRF}", "${SESSION}"]\nif "SENTRY_DSN" in os.environ:\n    MIDDLEWARE.append("${CSRF}")\n`,
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
