import { rule } from '../../../server/src/rules/DJ302-allowed-hosts-wildcard';
import { ruleTester } from '../rule-tester';
import { PRODUCTION } from './settings-cases';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'import json, os\nALLOWED_HOSTS = json.loads(os.environ.get("ALLOWED_HOSTS", "[\\"example.com\\"]"))\n', name: 'json.loads of an env read, a named host' },
    { path: PRODUCTION, text: 'ALLOWED_HOSTS = ["example.com", ".example.com"]\n', name: 'settings: named hosts' },
    { text: 'DJANGO_ALLOWED_HOSTS=example.com,www.example.com\n' },
    { text: 'DJANGO_ALLOWED_HOSTS=.example.com\n', name: 'a subdomain pattern is not the wildcard' },
    { text: 'ALLOWED_HOSTS=example.com, *\n', name: 'env.list does not trim: " *" is not a wildcard' },
    { text: 'DJANGO_ALLOWED_HOSTS=\n', name: 'empty is DJ301\'s' },
    { text: 'CORS_ALLOWED_ORIGINS=*\n', name: 'another setting' },
    { text: 'DJANGO_ALLOWED_HOSTS=*\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: 'DJANGO_ALLOWED_HOSTS=*\n', path: '.env.example', name: 'example file reports nothing' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'json.loads of an env read whose default is ["*"]',
      text: 'import json, os\nALLOWED_HOSTS = json.loads(os.environ.get("ALLOWED_HOSTS", \'["*"]\'))\n',
      errors: [{ line: 2, column: 17, message: 'ALLOWED_HOSTS contains "*"' }],
    },
    {
      path: PRODUCTION,
      name: 'decouple Csv() of a default "*"',
      text: 'from decouple import config, Csv\nALLOWED_HOSTS = config("ALLOWED_HOSTS", default="*", cast=Csv())\n',
      errors: [{ line: 2, column: 17, message: 'ALLOWED_HOSTS contains "*"' }],
    },
    { path: PRODUCTION, name: 'settings: the "*" item', text: 'ALLOWED_HOSTS = ["example.com", "*"]\n', errors: [{ line: 1, column: 33, endColumn: 36 }] },
    { path: PRODUCTION, name: 'settings: appended', text: 'ALLOWED_HOSTS = []\nALLOWED_HOSTS.append("*")\n', errors: [{ line: 2, column: 22 }] },
    { path: PRODUCTION, name: 'settings: env.list default', text: 'import environ\nenv = environ.Env()\nALLOWED_HOSTS = env.list("HOSTS", default=["*"])\n', errors: [{ line: 3, column: 44 }] },
    {
      text: 'DJANGO_ALLOWED_HOSTS=*\n',
      errors: [{ line: 1, column: 22, endColumn: 23, severity: 'warning', message: 'DJANGO_ALLOWED_HOSTS contains "*"' }],
    },
    { text: 'A=1\nDJANGO_ALLOWED_HOSTS=example.com,*\n', errors: [{ line: 2, column: 34, endColumn: 35 }] },
    { text: 'ALLOWED_HOSTS="localhost,*,example.com"\n', name: 'inside quotes', errors: [{ line: 1, column: 26, endColumn: 27 }] },
    { text: 'DJANGO_ALLOWED_HOSTS=*\nALLOWED_HOSTS=*,*\n', errors: [{ line: 1, column: 22 }, { line: 2, column: 15 }, { line: 2, column: 17 }] },
    {
      text: 'DJANGO_ALLOWED_HOSTS="*,a\\nb"\n',
      name: 'escapes rewrite the value: the whole value is the range',
      errors: [{ line: 1, column: 22, endColumn: 30 }],
    },
    { text: 'DJANGO_ALLOWED_HOSTS=*\n', path: '.env', name: 'unknown context keeps the warning', errors: [{ line: 1, column: 22, severity: 'warning' }] },
  ],
});
