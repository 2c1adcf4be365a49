import { rule } from '../../../server/src/rules/DJ101-secret-key-in-source';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const KEY = 'q9XcT2vLm8RzW4pBn7YkD3sHf6JgA1eUo5NiC0tVbQwErTyUiOp';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n' },
    { path: PRODUCTION, text: 'import environ\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY", default="x")\n', name: 'a default is DJ106\'s' },
    { path: 'config/settings/local.py', text: `SECRET_KEY = "${KEY}"\n`, name: 'development module' },
    { path: PRODUCTION, text: 'SECRET_KEY = ""\n', name: 'empty is DJ102\'s' },
    { path: PRODUCTION, text: `import os\nSECRET_KEY = f"{os.environ['KEY_PART']}${KEY}"\n`, files: { '.envs/.production/.django': 'KEY_PART=abc\n' }, name: 'an f-string with an env read: not all of it is written here' },
    { path: PRODUCTION, text: `import os\nSECRET_KEY = "%s${KEY}" % os.environ["KEY_PART"]\n`, files: { '.envs/.production/.django': 'KEY_PART=abc\n' }, name: 'a %-format with an env read' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'an f-string of literals only is still written in the module',
      text: `PART = "${KEY.slice(0, 20)}"\nSECRET_KEY = f"{PART}${KEY.slice(20)}"\n`,
      errors: [{ line: 2, column: 14, message: 'SECRET_KEY is written in the settings module' }],
    },
    {
      path: PRODUCTION,
      name: 'a literal, moved to the production env file',
      text: `import os\nSECRET_KEY = "${KEY}"\n`,
      files: { '.envs/.production/.django': 'DJANGO_DEBUG=False\n' },
      errors: [{ line: 2, column: 14, severity: 'error', message: 'SECRET_KEY is written in the settings module ("q9X•••"' }],
      output: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
      outputFiles: { '.envs/.production/.django': /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{50,}\n$/ },
      secret: KEY,
    },
    {
      path: PRODUCTION,
      name: 'django-environ module: env(...)',
      text: `import environ\nenv = environ.Env()\nSECRET_KEY = "${KEY}"\n`,
      errors: [{ line: 3, column: 14 }],
      output: 'import environ\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY")\n',
    },
    { path: BASE, name: 'in the base module', text: `SECRET_KEY = "${KEY}"\n`, files: { [PRODUCTION]: 'from .base import *\n' }, errors: [{ line: 1, column: 14 }] },
  ],
});
