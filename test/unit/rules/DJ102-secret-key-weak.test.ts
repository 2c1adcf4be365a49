import { rule } from '../../../server/src/rules/DJ102-secret-key-weak';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION, WITH_SECURITY } from './settings-cases';

const strongKey = 'q9XcT2vLm8RzW4pBn7YkD3sHf6JgA1eUo5NiC0tVbQwErTyUiOpLkJhGfDsAzXcV';

ruleTester(rule, {
  valid: [
    {
      text: 'DJANGO_SECRET_KEY=\n',
      files: { [PRODUCTION]: 'import environ\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY")\n' },
      name: 'an empty key from an env line is DJ105\'s, on the settings side too (one finding per problem)',
    },
    { path: PRODUCTION, text: 'SECRET_KEY = "a8Fk2LqP0zXv9NwR4tYb7HcJ1mUe5GsD3oIa6ZrQ8xWn2VkLp0"\n', name: 'settings: a strong literal (DJ101 says it should not be in source)' },
    { path: PRODUCTION, text: 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n', name: 'settings: required env read, no environment known: unknown' },
    { text: `DJANGO_SECRET_KEY=${strongKey}\n` },
    { text: 'DJANGO_SECRET_KEY=\n', name: 'empty is DJ105' },
    { text: 'DJANGO_SECRET_KEY=changeme\n', name: 'placeholders are DJ103' },
    { text: 'DJANGO_SECRET_KEY=django-insecure-abc\n', name: 'the insecure prefix is DJ103' },
    { text: 'OTHER=short\n' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'settings: a short literal',
      text: 'SECRET_KEY = "too-short"\n',
      errors: [{ line: 1, column: 14, message: 'has 9 characters' }],
      output: 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\n',
      secret: 'too-short',
    },
    { path: PRODUCTION, name: 'settings: unset', text: 'DEBUG = False\n', errors: [{ line: 1, column: 1, message: 'SECRET_KEY is not set' }] },
    { path: PRODUCTION, name: 'settings: f-string of known parts', text: 'PREFIX = "ab"\nSECRET_KEY = f"{PREFIX}ab" * 20\n', errors: [{ line: 2, column: 14, message: 'only 2 distinct characters' }] },
    { path: PRODUCTION, name: 'settings: env default in effect', text: 'import environ\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY", default="dev")\n', errors: [{ line: 3, column: 14, message: 'the default of env' }] },
    {
      text: 'DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=short\n',
      errors: [{ line: 2, column: 19, message: '5 characters' }],
      secret: 'short',
      output: /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/,
    },
    {
      text: `SECRET_KEY=${'ab'.repeat(30)}\n`,
      errors: [{ line: 1, column: 12, message: '2 distinct characters' }],
      secret: 'ab'.repeat(30),
    },
    {
      text: `SECRET_KEY="${strongKey.slice(0, 40)}"\n`,
      name: 'quoted, 40 characters',
      errors: [{ line: 1, column: 12, endColumn: 54, message: '40 characters' }],
      secret: strongKey.slice(0, 40),
      output: /^SECRET_KEY=[A-Za-z0-9]{64}\n$/,
    },
  ],
});
