import { rule as fullRule } from '../../../server/src/rules/DJ301-allowed-hosts-empty';
import { withoutCompose } from './compose/compose-side';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION, WITH_SECURITY } from './settings-cases';

// The env (and settings) side; the compose side has its table in compose/.
const rule = withoutCompose(fullRule);

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'ALLOWED_HOSTS = ["example.com"]\n', name: 'settings: a host' },
    { path: PRODUCTION, text: 'ALLOWED_HOSTS = ["*"]\n', name: 'settings: wildcard passes W020 (DJ302 reports it)' },
    { path: PRODUCTION, text: 'import os\nALLOWED_HOSTS = os.environ["HOSTS"].split(",")\n', name: 'settings: required env read: unknown' },
    { text: 'DJANGO_ALLOWED_HOSTS=example.com,www.example.com\n' },
    { text: 'ALLOWED_HOSTS=*\n', name: 'a wildcard passes W020 (it is DJ302\'s)' },
    { text: 'DJANGO_ALLOWED_HOSTS=$HOSTS\n', name: 'a $ value is read from another variable' },
    { text: 'DJANGO_DEBUG=False\n', name: 'absence is for the settings analysis' },
    { text: 'DJANGO_ALLOWED_HOSTS=\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: 'DJANGO_ALLOWED_HOSTS=\n', path: '.env.template', name: 'template file reports nothing' },
  ],
  invalid: [
    {
      name: 'one root cause: the env line and the settings value it gives are one finding, the settings side related',
      text: 'DJANGO_ALLOWED_HOSTS=\n',
      files: { [PRODUCTION]: 'import environ\nenv = environ.Env()\nALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")\n' },
      errors: [
        {
          line: 1,
          column: 1,
          message: 'DJANGO_ALLOWED_HOSTS holds no host',
          related: [
            { line: 1, message: /^DJ301: ALLOWED_HOSTS is \[\] \(DJANGO_ALLOWED_HOSTS= in \.envs\/\.production\/\.django line 1\)/ },
            { path: PRODUCTION, line: 3, message: 'read here by env.list("DJANGO_ALLOWED_HOSTS")' },
            { path: PRODUCTION, line: 1, message: 'loads this value' },
          ],
        },
      ],
    },
    { path: PRODUCTION, name: 'settings: empty list', text: 'ALLOWED_HOSTS = []\n', errors: [{ line: 1, column: 17, message: 'ALLOWED_HOSTS is []' }], output: 'ALLOWED_HOSTS = ["example.com"]\n' },
    { path: PRODUCTION, name: 'settings: unset', text: 'DEBUG = False\n', errors: [{ line: 1, column: 1, message: 'not set' }], output: 'DEBUG = False\nALLOWED_HOSTS = ["example.com"]\n' },
    { path: PRODUCTION, name: 'settings: env.list with an empty default', text: 'import environ\nenv = environ.Env()\nALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])\n', errors: [{ line: 3, column: 17 }], output: 'import environ\nenv = environ.Env()\nALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["example.com"])\n' },
    { path: PRODUCTION, name: 'settings: a comprehension that filters every item out', text: 'ALLOWED_HOSTS = [h for h in "".split(",") if h]\n', errors: [{ line: 1, column: 17 }] },
    {
      text: 'DJANGO_ALLOWED_HOSTS=\n',
      errors: [{ line: 1, column: 1, endColumn: 21, severity: 'error', message: 'DJANGO_ALLOWED_HOSTS holds no host' }],
      output: 'DJANGO_ALLOWED_HOSTS=example.com\n',
    },
    { text: 'A=1\nALLOWED_HOSTS=,\n', name: 'only commas', errors: [{ line: 2, column: 1 }], output: 'A=1\nALLOWED_HOSTS=example.com\n' },
    { text: 'DJANGO_ALLOWED_HOSTS="" # fill in\n', errors: [{ line: 1, column: 1 }], output: 'DJANGO_ALLOWED_HOSTS=example.com # fill in\n' },
    {
      text: 'DJANGO_ALLOWED_HOSTS= # fill in\n',
      name: 'the placeholder goes right after =, not against the #',
      errors: [{ line: 1, column: 1 }],
      output: 'DJANGO_ALLOWED_HOSTS=example.com # fill in\n',
    },
    { text: 'DJANGO_ALLOWED_HOSTS=\nALLOWED_HOSTS=\n', errors: [{ line: 1, column: 1 }, { line: 2, column: 1 }] },
    { text: 'DJANGO_ALLOWED_HOSTS=\n', path: '.env', name: 'unknown context softens to warning', errors: [{ line: 1, column: 1, severity: 'warning' }] },
  ],
});
