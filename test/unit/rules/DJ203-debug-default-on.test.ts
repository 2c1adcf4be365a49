import { rule as debugDefaultOn } from '../../../server/src/rules/DJ203-debug-default-on';
import { rule as debugEnabled } from '../../../server/src/rules/DJ201-debug-enabled';
import { ruleTester } from '../rule-tester';
import { AFTER_ENV_BOOL, ENV_BOOL_HELPER, PRODUCTION, PRODUCTION_ENV, settingsSide } from './settings-cases';

/** The env_bool with its own default on. */
const DEFAULT_ON_HELPER = ENV_BOOL_HELPER.replace('default=False', 'default=True');

const ENV = 'import environ\nenv = environ.Env()\n';

// The settings side; the compose side has its table in compose/.
const rule = settingsSide(debugDefaultOn);

ruleTester(rule, {
  valid: [
    {
      path: PRODUCTION,
      text: ENV + 'DEBUG = env.bool("DJANGO_DEBUG", default=True)\n',
      alsoRun: [debugEnabled],
      name: 'one root cause: the default in effect is DJ201\'s finding (this one is its related information)',
    },
    { path: PRODUCTION, text: 'from decouple import config\nDEBUG = config("DEBUG", default="no", cast=bool)\n', name: 'decouple casts the default: "no" is False' },
    { path: PRODUCTION, text: `${ENV_BOOL_HELPER}DEBUG = env_bool("DEBUG", False)\n`, files: { [PRODUCTION_ENV]: 'A=1\n' }, name: 'a helper with branches, its default off' },
    { path: PRODUCTION, text: `${ENV_BOOL_HELPER}DEBUG = env_bool("DEBUG", True)\n`, files: { [PRODUCTION_ENV]: 'DEBUG=no\n' }, name: 'a helper with branches: production sets the variable' },
    { path: PRODUCTION, text: ENV + 'DEBUG = env.bool("DJANGO_DEBUG", default=False)\n' },
    { path: PRODUCTION, text: ENV + 'DEBUG = env.bool("DJANGO_DEBUG")\n', name: 'no default' },
    { path: PRODUCTION, text: 'DEBUG = True\n', name: 'a literal is DJ201\'s' },
    { path: PRODUCTION, text: 'import os\nDEBUG = os.getenv("DEBUG", "False") == "True"\n', name: 'os.getenv default that leaves DEBUG off' },
    {
      path: PRODUCTION,
      name: 'production sets the variable to False; an os.getenv default is judged through the comparison only when in effect',
      text: 'import os\nDEBUG = os.getenv("DJANGO_DEBUG", "True") == "True"\n',
      files: { '.envs/.production/.django': 'DJANGO_DEBUG=False\n' },
    },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'decouple: the default is cast, "yes" is True',
      text: 'from decouple import config\nDEBUG = config("DEBUG", default="yes", cast=bool)\n',
      errors: [{ line: 2, column: 33, message: 'config("DEBUG") defaults to True' }],
      output: 'from decouple import config\nDEBUG = config("DEBUG", default=False, cast=bool)\n',
    },
    {
      path: PRODUCTION,
      name: 'a helper with branches: the default passed at the call is in effect',
      text: `${ENV_BOOL_HELPER}DEBUG = env_bool("DEBUG", True)\n`,
      files: { [PRODUCTION_ENV]: 'A=1\n' },
      errors: [{ line: AFTER_ENV_BOOL, column: 27, message: 'env_bool("DEBUG") defaults to True' }],
      output: `${ENV_BOOL_HELPER}DEBUG = env_bool("DEBUG", False)\n`,
    },
    {
      path: PRODUCTION,
      name: "the helper's own default: reported at the call, the default as related information (no fix: it changes every call)",
      text: `${DEFAULT_ON_HELPER}DEBUG = env_bool("DEBUG")\n`,
      files: { [PRODUCTION_ENV]: 'A=1\n' },
      errors: [{ line: AFTER_ENV_BOOL, column: 9, message: "(the helper's default)", related: { message: 'the default of env_bool() is written here', line: 4 } }],
    },
    {
      path: PRODUCTION,
      text: ENV + 'DEBUG = env.bool("DJANGO_DEBUG", default=True)\n',
      errors: [{ line: 3, column: 42, endColumn: 46, severity: 'warning', message: 'env.bool("DJANGO_DEBUG") defaults to True' }],
      output: ENV + 'DEBUG = env.bool("DJANGO_DEBUG", default=False)\n',
    },
    {
      path: PRODUCTION,
      name: 'os.getenv with a string default',
      text: 'import os\nDEBUG = os.getenv("DEBUG", "True") == "True"\n',
      errors: [{ line: 2, column: 28 }],
      output: 'import os\nDEBUG = os.getenv("DEBUG", "False") == "True"\n',
    },
    {
      path: PRODUCTION,
      name: 'environ.Env scheme default',
      text: 'import environ\nenv = environ.Env(DJANGO_DEBUG=(bool, True))\nDEBUG = env("DJANGO_DEBUG", default=True)\n',
      errors: [{ line: 3, column: 37 }],
    },
    {
      path: PRODUCTION,
      name: 'the env sets the variable to False, but the default still turns DEBUG on where it is missing',
      text: ENV + 'DEBUG = env.bool("DJANGO_DEBUG", default=True)\n',
      files: { '.envs/.production/.django': 'DJANGO_DEBUG=False\n' },
      errors: [{ line: 3, column: 42, message: 'defaults to True' }],
    },
  ],
});
