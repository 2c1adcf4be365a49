import { rule } from '../../../server/src/rules/DJ201-debug-enabled';
import { rule as envSide } from '../../../server/src/rules/DJ202-debug-enabled-by-env';
import { rule as defaultOn } from '../../../server/src/rules/DJ203-debug-default-on';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const COMPOSE_SETS = (entries: string) => `services:\n  django:\n    image: app:1.0\n    command: gunicorn config.wsgi\n    environment:\n      DJANGO_SETTINGS_MODULE: config.settings.production\n${entries}`;

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'from decouple import config\nDEBUG = config("DEBUG", default=False, cast=bool)\n', files: { '.env': 'DEBUG=True\n' }, git: { tracked: [PRODUCTION], ignored: ['.env'] }, name: 'decouple: a .env git ignores is a developer file, production reads the default' },
    { path: PRODUCTION, text: 'from decouple import config\nDEBUG = config("DEBUG", default=False, cast=bool)\n', name: 'decouple, default False' },
    { path: PRODUCTION, text: 'from decouple import config\nDEBUG = config("DEBUG", default="True", cast=bool)\n', files: { '.envs/.production/.django': 'DEBUG=off\n', 'docker-compose.production.yml': 'services:\n  django:\n    command: gunicorn config.wsgi\n    env_file: .envs/.production/.django\n' }, name: 'decouple: production sets DEBUG=off (strtobool)' },
    { path: PRODUCTION, text: 'DEBUG = False\n' },
    { path: PRODUCTION, text: 'SECRET_KEY = "x"\n', name: 'unset: Django\'s default is False' },
    { path: PRODUCTION, text: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n', name: 'env read, default False, no environment known' },
    { path: PRODUCTION, text: 'import os\nDEBUG = os.environ["DJANGO_DEBUG"] == "True"\n', name: 'required variable, no environment: unknown, silent' },
    { path: PRODUCTION, text: 'from somewhere import DEBUG\n', name: 'imported from outside the settings: unknown' },
    { path: PRODUCTION, text: 'import os\nif os.getenv("STAGE") == "dev":\n    DEBUG = True\n', name: 'unknown branch: unknown, silent' },
    { path: 'config/settings/local.py', text: 'DEBUG = True\n', name: 'development module' },
    { path: PRODUCTION, text: 'from .base import *\nDEBUG = False\n', files: { [BASE]: 'DEBUG = True\n' }, name: 'production overrides the base' },
    { path: BASE, text: 'DEBUG = True\n', files: { [PRODUCTION]: 'from .base import *\nDEBUG = False\n' }, name: 'the base value is overridden in production' },
  ],
  invalid: [
    {
      path: 'docker-compose.production.yml',
      name: 'one root cause: set by compose `environment:`, the finding is on that value (DJ202 merged into it), the fix writes YAML',
      text: COMPOSE_SETS('      DJANGO_DEBUG: "True"\n'),
      files: { [PRODUCTION]: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n' },
      alsoRun: [envSide],
      errors: [{ line: 7, column: 21, message: 'DEBUG is True (DJANGO_DEBUG=True in docker-compose.production.yml line 7)', related: [{ path: PRODUCTION, line: 3, message: 'read here by env.bool("DJANGO_DEBUG")' }, { path: PRODUCTION, line: 1 }] }],
      output: COMPOSE_SETS('      DJANGO_DEBUG: "False"\n'),
    },
    {
      name: 'one root cause: DJANGO_DEBUG=True read by the settings is this one finding on the env line (DJ202 merged into it)',
      text: 'DJANGO_DEBUG=True\n',
      files: { [PRODUCTION]: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n' },
      alsoRun: [envSide],
      errors: [
        {
          line: 1,
          column: 14,
          message: 'DEBUG is True (DJANGO_DEBUG=True in .envs/.production/.django line 1)',
          related: [{ path: PRODUCTION, line: 3, message: 'read here by env.bool("DJANGO_DEBUG")' }, { path: PRODUCTION, line: 1, message: 'loads this value' }],
        },
      ],
      output: 'DJANGO_DEBUG=False\n',
    },
    {
      path: PRODUCTION,
      name: 'one root cause: a true default in effect is this one finding, DJ203 on the default related',
      text: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=True)\n',
      alsoRun: [defaultOn],
      errors: [{ line: 3, column: 9, related: [{ path: PRODUCTION, line: 3, message: /^DJ203: env\.bool\("DJANGO_DEBUG"\) defaults to True/ }] }],
      output: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n',
    },
    {
      path: PRODUCTION,
      name: 'decouple reads the committed .env found above the settings (after os.environ)',
      text: 'from decouple import config\nDEBUG = config("DEBUG", default=False, cast=bool)\n',
      files: { '.env': '# committed\nDEBUG = "yes"\n' },
      git: { tracked: [PRODUCTION, '.env'] },
      errors: [{ line: 2, column: 9, message: 'DEBUG is True (DEBUG=yes in .env line 2 (read by python-decouple))' }],
    },
    {
      path: PRODUCTION,
      name: 'decouple config default in effect (cast=bool): the fix flips the default',
      text: 'from decouple import config\nDEBUG = config("DEBUG", default=True, cast=bool)\n',
      errors: [{ line: 2, column: 9, message: 'DEBUG is True (the default of config("DEBUG")' }],
      output: 'from decouple import config\nDEBUG = config("DEBUG", default=False, cast=bool)\n',
    },
    {
      path: PRODUCTION,
      name: 'environs env.bool default in effect',
      text: 'from environs import Env\nenv = Env()\nenv.read_env()\nDEBUG = env.bool("DEBUG", True)\n',
      errors: [{ line: 4, column: 9, message: 'the default of env.bool("DEBUG")' }],
      output: 'from environs import Env\nenv = Env()\nenv.read_env()\nDEBUG = env.bool("DEBUG", False)\n',
    },
    {
      path: PRODUCTION,
      text: 'DEBUG = True\n',
      errors: [{ line: 1, column: 9, endColumn: 13, severity: 'error', message: 'DEBUG is True' }],
      output: 'DEBUG = False\n',
    },
    { path: PRODUCTION, name: 'annotated', text: 'DEBUG: bool = 1\n', errors: [{ line: 1, column: 15, message: 'DEBUG is 1' }], output: 'DEBUG: bool = False\n' },
    { path: PRODUCTION, name: 'chained', text: 'DEBUG = TEMPLATE_DEBUG = True\n', errors: [{ line: 1, column: 26 }], output: 'DEBUG = TEMPLATE_DEBUG = False\n' },
    {
      path: PRODUCTION,
      name: 'env.bool default in effect: the fix flips the default',
      text: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=True)\n',
      errors: [{ line: 3, column: 9, message: 'the default of env.bool("DJANGO_DEBUG")' }],
      output: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n',
    },
    {
      path: PRODUCTION,
      name: 'os.getenv compared to a string',
      text: 'import os\nDEBUG = os.getenv("DEBUG", "True") == "True"\n',
      errors: [{ line: 2, column: 9 }],
    },
    {
      path: PRODUCTION,
      name: 'a helper of the project: substituted',
      text: 'import os\n\ndef env_bool(name, default="0"):\n    return os.getenv(name, default).lower() in ("1", "true")\n\nDEBUG = env_bool("DEBUG", "true")\n',
      errors: [{ line: 6, column: 9 }],
    },
    {
      path: PRODUCTION,
      name: 'if/else on a known value',
      text: 'STAGE = "production"\nif STAGE == "production":\n    DEBUG = True\nelse:\n    DEBUG = False\n',
      errors: [{ line: 3, column: 13 }],
      output: 'STAGE = "production"\nif STAGE == "production":\n    DEBUG = False\nelse:\n    DEBUG = False\n',
    },
    {
      path: PRODUCTION,
      name: 'try/except KeyError: the handler runs when the variable is absent',
      text: 'import os\ntry:\n    DEBUG = os.environ["DEBUG"] == "1"\nexcept KeyError:\n    DEBUG = True\n',
      errors: [{ line: 5, column: 13 }],
    },
    {
      path: BASE,
      name: 'set in the base module, loaded by production: reported in the base at the assignment',
      text: 'DEBUG = True\n',
      files: { [PRODUCTION]: 'from .base import *  # noqa\n' },
      errors: [{ line: 1, column: 9, severity: 'error' }],
      output: 'DEBUG = False\n',
    },
    {
      path: PRODUCTION,
      name: 'absolute star import of the base',
      text: 'from config.settings.base import *\nDEBUG = not DEBUG\n',
      files: { [BASE]: 'DEBUG = False\n' },
      errors: [{ line: 2, column: 9 }],
    },
    {
      path: '.envs/.production/.django',
      name: 'env-driven: reported at the env line that set it',
      text: 'DJANGO_DEBUG=yes\n',
      files: { [PRODUCTION]: 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n' },
      errors: [{ line: 1, column: 14, message: 'DJANGO_DEBUG=yes in .envs/.production/.django line 1' }],
      output: 'DJANGO_DEBUG=False\n',
    },
    { path: 'config/settings.py', name: 'a lone settings.py: unknown context, a warning', text: 'INSTALLED_APPS = []\nDEBUG = True\n', errors: [{ line: 2, column: 9, severity: 'warning' }] },
  ],
});
