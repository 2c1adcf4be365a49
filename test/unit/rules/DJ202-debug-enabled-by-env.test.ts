import { rule as fullRule } from '../../../server/src/rules/DJ202-debug-enabled-by-env';
import { withoutCompose } from './compose/compose-side';
import { rule as settingsSide } from '../../../server/src/rules/DJ201-debug-enabled';
import { ruleTester } from '../rule-tester';
import { PRODUCTION } from './settings-cases';

const READS_DJANGO_DEBUG = 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n';

// The env (and settings) side; the compose side has its table in compose/.
const rule = withoutCompose(fullRule);

ruleTester(rule, {
  valid: [
    { text: 'DJANGO_DEBUG=False\n' },
    { text: 'DJANGO_DEBUG=0\nDEBUG=off\n' },
    { text: 'DJANGO_DEBUG=\n', name: 'empty is false for env.bool' },
    { text: 'DJANGO_DEBUG=truthy\n', name: 'not one of the true strings' },
    { text: 'DJANGO_DEBUG=True\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: '# preflight: disable-next-line DJ202\nDJANGO_DEBUG=True\n', name: 'suppressed by code' },
    { text: 'DJANGO_DEBUG=True # preflight: disable-line debug-enabled-by-env\n', name: 'suppressed by name' },
    { text: 'DJANGO_DEBUG=True\n', options: { ruleSeverities: { DJ202: 'off' } }, name: 'turned off' },
    {
      text: 'DJANGO_DEBUG=True\n',
      files: { [PRODUCTION]: READS_DJANGO_DEBUG },
      alsoRun: [settingsSide],
      name: 'one root cause: the settings read this line, DJ201 reports it (with this rule merged into it)',
    },
    {
      text: 'DJANGO_DEBUG=False\nDEBUG=True\n',
      files: { [PRODUCTION]: READS_DJANGO_DEBUG },
      name: 'DEBUG is not what production reads: DJ803 calls it unused, DEBUG stays off',
    },
    {
      text: '# preflight: disable-next-line DJ201\nDJANGO_DEBUG=True\n',
      files: { [PRODUCTION]: READS_DJANGO_DEBUG },
      alsoRun: [settingsSide],
      name: 'one root cause: silencing the finding shown silences the cause, not only its rule',
    },
  ],
  invalid: [
    {
      path: '.env',
      text: 'DEBUG=True\n',
      files: { [PRODUCTION]: READS_DJANGO_DEBUG, '.envs/.production/.django': 'DJANGO_DEBUG=False\n' },
      name: 'a root .env that does not feed production: who reads it is unknown, so it is judged',
      errors: [{ line: 1, column: 7, severity: 'warning' }],
      output: 'DEBUG=False\n',
    },
    {
      text: 'DJANGO_DEBUG=False\nDEBUG=True\n',
      files: { [PRODUCTION]: 'import os\nDEBUG = os.environ.get("DEBUG") == "True"\n' },
      name: 'the variable production reads',
      errors: [{ line: 2, column: 7, message: 'DEBUG=True turns DEBUG on' }],
      output: 'DJANGO_DEBUG=False\nDEBUG=False\n',
    },
    { text: 'DJANGO_DEBUG=True\n', errors: [{ line: 1, column: 14, endColumn: 18, severity: 'error' }], output: 'DJANGO_DEBUG=False\n' },
    { text: 'A=1\nDEBUG=yes\n', errors: [{ line: 2, column: 7 }], output: 'A=1\nDEBUG=False\n' },
    { text: "export DJANGO_DEBUG='on' # keep\r\n", errors: [{ line: 1, column: 21 }], output: "export DJANGO_DEBUG=False # keep\r\n" },
    { text: 'DJANGO_DEBUG=1\nDEBUG=OK\n', errors: [{ line: 1, column: 14 }, { line: 2, column: 7 }] },
    { text: 'DJANGO_DEBUG=-2\n', name: 'non-zero integer', errors: [{ line: 1, column: 14 }] },
    { text: 'DJANGO_DEBUG=True\n', path: '.env', name: 'unknown context softens to warning', errors: [{ line: 1, column: 14, severity: 'warning' }] },
    { text: 'DJANGO_DEBUG=True\n', path: '.env', options: { ruleSeverities: { 'debug-enabled-by-env': 'error' } }, errors: [{ line: 1, column: 14, severity: 'error' }] },
  ],
});
