import { rule } from '../../../server/src/rules/DJ107-secret-key-fallback-weak';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const oldKey = 'ULKc4aj0OO7zTHA3gvfWCsi34HusUMVU1to4IEwOP6y3gDWasilzNoaWC4AeLoCl';
const olderKey = 'Opz56uRJCPFQwlzTrJll3p494fo91QpRDzytC4vqMp8WzjsSsfYHitaRfjhOpV77';
const insecureKey = 'django-insecure-7xk2m9!q4w@p8z&v3n6b1c5r0t=y^u*i(o)p_l-j+h%g0a';
const shortKey = 'q9XcT2vLm8RzW4pB';

ruleTester(rule, {
  valid: [
    { text: `DJANGO_SECRET_KEY_FALLBACKS=${oldKey},${olderKey}\n` },
    { text: `SECRET_KEY_FALLBACKS=${oldKey}\n` },
    { text: 'DJANGO_SECRET_KEY_FALLBACKS=\n', name: 'no fallbacks' },
    { text: `DJANGO_SECRET_KEY_FALLBACKS=${oldKey},\n`, name: 'a trailing comma makes no empty entry' },
    { text: `DJANGO_SECRET_KEY=${shortKey}\n`, name: 'the key itself is DJ102' },
    { text: `DJANGO_SECRET_KEY_FALLBACKS=${shortKey}\n`, path: '.envs/.local/.django', name: 'development context reports nothing' },
    { path: PRODUCTION, text: `SECRET_KEY_FALLBACKS = ["${oldKey}", "${olderKey}"]\n`, name: 'settings: strong fallbacks' },
    { path: PRODUCTION, text: 'DEBUG = False\n', name: 'settings: unset (Django\'s default is an empty list)' },
    { path: PRODUCTION, text: 'import os\nSECRET_KEY_FALLBACKS = [os.environ["OLD_KEY"]]\n', name: 'settings: an unknown item is not judged' },
    { path: PRODUCTION, text: 'import os\nSECRET_KEY_FALLBACKS = os.environ["OLD_KEYS"].split(",")\n', name: 'settings: an unknown list' },
    { path: 'config/settings/local.py', text: `SECRET_KEY_FALLBACKS = ["${shortKey}"]\n`, name: 'settings: development module' },
    {
      name: 'settings: env.list of the variable the env side reads reports nothing twice',
      text: `DJANGO_SECRET_KEY_FALLBACKS=${oldKey}\n`,
      files: { [PRODUCTION]: 'import environ\nenv = environ.Env()\nSECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])\n' },
    },
  ],
  invalid: [
    {
      text: `DJANGO_SECRET_KEY_FALLBACKS=${oldKey},${shortKey},${olderKey}\n`,
      errors: [{ line: 1, column: 94, endColumn: 110, severity: 'warning', message: 'DJANGO_SECRET_KEY_FALLBACKS[1]' }],
      output: `DJANGO_SECRET_KEY_FALLBACKS=${oldKey},${olderKey}\n`,
      secret: shortKey,
    },
    {
      text: `SECRET_KEY_FALLBACKS="${oldKey},changeme"\n`,
      name: 'last entry, double-quoted',
      errors: [{ line: 1, column: 88, endColumn: 96, message: 'SECRET_KEY_FALLBACKS[1] is a "change me" placeholder' }],
      output: `SECRET_KEY_FALLBACKS="${oldKey}"\n`,
    },
    {
      text: `DJANGO_SECRET_KEY_FALLBACKS=${insecureKey}\n`,
      name: 'the only entry',
      errors: [{ line: 1, column: 29, message: 'is the django-insecure- development key' }],
      output: 'DJANGO_SECRET_KEY_FALLBACKS=\n',
      secret: insecureKey,
    },
    {
      text: `DJANGO_DEBUG=False\nDJANGO_SECRET_KEY_FALLBACKS=${shortKey},,${'ab'.repeat(30)}\n`,
      name: 'two weak entries; empty items do not count',
      errors: [
        { line: 2, column: 29, message: '[0]' },
        { line: 2, column: 47, message: 'DJANGO_SECRET_KEY_FALLBACKS[1] "aba•••" (60 characters) has only 2 distinct characters' },
      ],
      output: `DJANGO_DEBUG=False\nDJANGO_SECRET_KEY_FALLBACKS=,${'ab'.repeat(30)}\n`,
      secret: shortKey,
    },
    {
      text: `SECRET_KEY_FALLBACKS=${shortKey}\n`,
      path: '.env',
      name: 'unknown context keeps the warning',
      errors: [{ line: 1, column: 22, severity: 'warning' }],
      secret: shortKey,
    },
      {
      path: PRODUCTION,
      name: 'settings: a short literal among strong ones, alone on its line',
      text: `SECRET_KEY_FALLBACKS = [\n    "${oldKey}",\n    "${shortKey}",\n    "${olderKey}",\n]\n`,
      errors: [{ line: 3, column: 5, endColumn: 23, severity: 'warning', message: 'SECRET_KEY_FALLBACKS[1] "•••" (16 characters) has 16 characters' }],
      output: `SECRET_KEY_FALLBACKS = [\n    "${oldKey}",\n    "${olderKey}",\n]\n`,
      secret: shortKey,
    },
    {
      path: PRODUCTION,
      name: 'settings: the last item on one line',
      text: `SECRET_KEY_FALLBACKS = ("${oldKey}", "${insecureKey}")\n`,
      errors: [{ line: 1, column: 93, message: 'is the django-insecure- development key' }],
      output: `SECRET_KEY_FALLBACKS = ("${oldKey}")\n`,
      secret: insecureKey,
    },
    {
      path: PRODUCTION,
      name: 'settings: a placeholder passing W009 has no Django id',
      text: `SECRET_KEY_FALLBACKS = ["changeme"]\n`,
      errors: [{ line: 1, column: 25, message: 'SECRET_KEY_FALLBACKS[0] is a "change me" placeholder' }],
      output: 'SECRET_KEY_FALLBACKS = []\n',
    },
    {
      path: BASE,
      name: 'settings: in the base module, loaded by production',
      text: `OLD = "${'ab'.repeat(30)}"\nSECRET_KEY_FALLBACKS = [OLD]\n`,
      files: { [PRODUCTION]: 'from .base import *  # noqa\n' },
      // The item is a name: reported at the list, no removal offered (the value is written elsewhere).
      errors: [{ line: 2, column: 24, message: 'has only 2 distinct characters' }],
    },
    {
      path: PRODUCTION,
      name: 'settings: appended in production to a base list',
      text: `from .base import *\nSECRET_KEY_FALLBACKS += ["${shortKey}"]\n`,
      files: { [BASE]: `SECRET_KEY_FALLBACKS = ["${oldKey}"]\n` },
      errors: [{ line: 2, column: 26, message: 'SECRET_KEY_FALLBACKS[1]' }],
      secret: shortKey,
    },
    {
      path: PRODUCTION,
      name: 'settings: env.list default in effect',
      text: `import environ\nenv = environ.Env()\nSECRET_KEY_FALLBACKS = env.list("OLD_KEYS", default=["${shortKey}"])\n`,
      errors: [{ line: 3, column: 54 }],
      output: 'import environ\nenv = environ.Env()\nSECRET_KEY_FALLBACKS = env.list("OLD_KEYS", default=[])\n',
      secret: shortKey,
    },
    {
      name: 'settings: env.list of another variable, reported at the weak item of the env line',
      text: `OLD_KEYS=${oldKey},${shortKey}\n`,
      files: { [PRODUCTION]: 'import environ\nenv = environ.Env()\nSECRET_KEY_FALLBACKS = env.list("OLD_KEYS")\n' },
      errors: [{ line: 1, column: 75, endColumn: 91, message: 'SECRET_KEY_FALLBACKS[1] (OLD_KEYS in .envs/.production/.django line 1)' }],
      secret: shortKey,
    },
  ],
});
