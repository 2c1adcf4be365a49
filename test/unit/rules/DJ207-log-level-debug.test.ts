import { rule } from '../../../server/src/rules/DJ207-log-level-debug';
import { ruleTester } from '../rule-tester';
import { PRODUCTION } from './settings-cases';

ruleTester(rule, {
  valid: [
    { text: 'LOG_LEVEL=INFO\n' },
    { text: 'DJANGO_LOG_LEVEL=WARNING\nLOGLEVEL=error\n' },
    { text: 'LOG_LEVEL=DEBUGGING\n', name: 'not the DEBUG level' },
    { text: 'CELERY_LOG_LEVEL=DEBUG\n', name: 'not a variable this rule reads' },
    { text: 'DJANGO_DEBUG=False\nLOG_LEVEL=\n', name: 'empty' },
    { text: 'LOG_LEVEL=DEBUG\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    {
      text: 'DJANGO_DEBUG=False\nLOG_LEVEL=DEBUG\n',
      files: { [PRODUCTION]: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n' },
      name: 'a production env file whose level nothing reads: DJ803 calls it unused, no second finding',
    },
    { text: 'LOG_LEVEL=DEBUG\n', path: '.env.sample', name: 'sample file reports nothing' },
    { path: PRODUCTION, text: 'LOGGING = {"version": 1, "root": {"level": "INFO"}}\n', name: 'settings: root at INFO' },
    { path: PRODUCTION, text: 'LOGGING = {"version": 1, "loggers": {"myapp": {"level": "DEBUG"}}}\n', name: 'settings: an application logger of its own at DEBUG' },
    { path: PRODUCTION, text: 'import os\nLOG_LEVEL = os.environ["LOG_LEVEL"]\n', name: 'settings: required variable, no environment: unknown' },
    { path: 'config/settings/local.py', text: 'LOG_LEVEL = "DEBUG"\n', name: 'settings: development module' },
  ],
  invalid: [
    {
      text: 'LOG_LEVEL=DEBUG\n',
      errors: [{ line: 1, column: 11, endColumn: 16, severity: 'warning', message: 'LOG_LEVEL=DEBUG makes production logs' }],
      output: 'LOG_LEVEL=INFO\n',
    },
    { text: 'A=1\nDJANGO_LOG_LEVEL=debug\n', errors: [{ line: 2, column: 18 }], output: 'A=1\nDJANGO_LOG_LEVEL=INFO\n' },
    { text: "DJANGO_LOGLEVEL=' Debug ' # verbose\n", name: 'quoted, trimmed, any case', errors: [{ line: 1, column: 17 }], output: 'DJANGO_LOGLEVEL=INFO # verbose\n' },
    {
      text: 'LOGLEVEL=DEBUG\nDJANGO_LOG_LEVEL=DEBUG\n',
      name: 'each variable, in file order',
      errors: [{ line: 1, column: 10 }, { line: 2, column: 18 }],
      output: 'LOGLEVEL=INFO\nDJANGO_LOG_LEVEL=DEBUG\n',
    },
    { text: 'LOG_LEVEL=DEBUG\n', path: '.env', name: 'unknown context keeps the warning', errors: [{ line: 1, column: 11, severity: 'warning' }] },
    {
      path: PRODUCTION,
      name: 'settings: LOG_LEVEL literal',
      text: 'LOG_LEVEL = "DEBUG"\n',
      errors: [{ line: 1, column: 13, severity: 'warning', message: 'LOG_LEVEL is "DEBUG"' }],
      output: 'LOG_LEVEL = "INFO"\n',
    },
    {
      path: PRODUCTION,
      name: 'settings: the root logger in LOGGING',
      text: 'LOGGING = {\n    "version": 1,\n    "root": {"handlers": ["console"], "level": "DEBUG"},\n}\n',
      errors: [{ line: 3, column: 48, message: 'LOGGING["root"]["level"]' }],
      output: 'LOGGING = {\n    "version": 1,\n    "root": {"handlers": ["console"], "level": "INFO"},\n}\n',
    },
    {
      path: PRODUCTION,
      name: 'settings: a variable used by the django logger, reported once',
      text: 'import os\nDJANGO_LOG_LEVEL = os.getenv("DJANGO_LOG_LEVEL", "DEBUG")\nLOGGING = {"version": 1, "loggers": {"django": {"level": DJANGO_LOG_LEVEL}}}\n',
      errors: [{ line: 2, column: 20 }],
      output: 'import os\nDJANGO_LOG_LEVEL = os.getenv("DJANGO_LOG_LEVEL", "INFO")\nLOGGING = {"version": 1, "loggers": {"django": {"level": DJANGO_LOG_LEVEL}}}\n',
    },
  ],
});
