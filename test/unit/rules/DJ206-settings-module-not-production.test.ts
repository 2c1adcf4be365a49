import { rule as fullRule } from '../../../server/src/rules/DJ206-settings-module-not-production';
import { withoutCompose } from './compose/compose-side';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const LOCAL = 'config/settings/local.py';

/** Django's entry points as startproject and cookiecutter write them, defaulting to `module`. */
const entryPoint = (module: string, call = `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "${module}")`) =>
  `#!/usr/bin/env python\nimport os\nimport sys\n\nif __name__ == "__main__":\n    ${call}\n    from django.core.management import execute_from_command_line\n    execute_from_command_line(sys.argv)\n`;
const SETTINGS_CHAIN = { [BASE]: 'DEBUG = False\n', [PRODUCTION]: 'from .base import *\n', [LOCAL]: 'from .base import *\nDEBUG = True\n' };

// The env (and settings) side; the compose side has its table in compose/.
const rule = withoutCompose(fullRule);

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: 'from .base import *\nDEBUG = False\n', files: { [BASE]: 'DEBUG = True\n', [LOCAL]: 'from .base import *\nDEBUG = True\n' }, name: 'settings: production builds on the base' },
    { path: LOCAL, text: 'from .base import *\nDEBUG = True\n', files: { [BASE]: 'DEBUG = False\n', [PRODUCTION]: 'from .base import *\n' }, name: 'settings: the local module itself is not production' },
    { path: 'config/settings/production.py', text: 'from .local_settings import *\n', files: { 'config/settings/local_settings.py': 'DEBUG = False\n' }, name: 'settings: local_settings is not a development word (a whole name must be)' },
    {
      path: LOCAL,
      name: 'settings: a development module selected by the env file is the env side\'s finding, at the env line',
      text: 'from .base import *\nDEBUG = True\n',
      files: { '.envs/.production/.django': 'DJANGO_SETTINGS_MODULE=config.settings.local\n', [BASE]: 'DEBUG = False\n' },
    },
    { text: 'DJANGO_SETTINGS_MODULE=config.settings.production\n' },
    { text: 'DJANGO_SETTINGS_MODULE=config.settings\n' },
    { text: 'DJANGO_SETTINGS_MODULE=\n', name: 'empty' },
    { text: 'DJANGO_SETTINGS_MODULE=config.settings.localhost\n', name: 'a segment must be the whole word' },
    { text: 'DJANGO_SETTINGS_MODULE=myproject.local_settings\n', name: 'local_settings is not a "local" segment' },
    { text: 'SETTINGS_MODULE=config.settings.local\n', name: 'only DJANGO_SETTINGS_MODULE selects settings' },
    { text: 'DJANGO_SETTINGS_MODULE=config.settings.local\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: 'DJANGO_SETTINGS_MODULE=config.settings.test\n', path: '.env.example', name: 'example file reports nothing' },
    {
      text: 'DJANGO_DEBUG=False\n',
      name: 'entry points: production sets none, and manage.py and wsgi.py default to production',
      files: { ...SETTINGS_CHAIN, 'manage.py': entryPoint('config.settings.production'), 'config/wsgi.py': entryPoint('config.settings.production') },
    },
    {
      text: 'DJANGO_DEBUG=False\n',
      path: '.envs/.local/.django',
      name: 'entry points: a development env file reports nothing',
      files: { ...SETTINGS_CHAIN, 'manage.py': entryPoint('config.settings.local') },
    },
    {
      text: 'DJANGO_DEBUG=False\n',
      name: 'entry points: a default that is not a literal is not guessed',
      files: { ...SETTINGS_CHAIN, 'manage.py': entryPoint('', 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", MODULE)') },
    },
    {
      text: 'DJANGO_DEBUG=False\n',
      name: 'entry points: another variable\'s default is not the settings module',
      files: { ...SETTINGS_CHAIN, 'manage.py': entryPoint('', 'os.environ.setdefault("OTHER_MODULE", "config.settings.local")') },
    },
  ],
  invalid: [
    {
      text: 'DJANGO_DEBUG=False\n',
      name: 'entry points: production sets none, so cookiecutter\'s manage.py falls back to the local module',
      files: { ...SETTINGS_CHAIN, 'manage.py': entryPoint('config.settings.local'), 'config/wsgi.py': entryPoint('config.settings.production') },
      errors: [{ line: 1, column: 1, severity: 'error', message: 'Production sets no DJANGO_SETTINGS_MODULE, so manage.py falls back to config.settings.local:' }],
      output: 'DJANGO_DEBUG=False\nDJANGO_SETTINGS_MODULE=config.settings.production\n',
    },
    {
      text: 'DJANGO_DEBUG=False',
      name: 'entry points: wsgi.py and asgi.py both fall back to a dev module, one finding names both',
      files: { ...SETTINGS_CHAIN, 'config/settings/dev.py': 'DEBUG = True\n', 'config/wsgi.py': entryPoint('config.settings.dev'), 'config/asgi.py': entryPoint('config.settings.dev') },
      errors: [{ line: 1, column: 1, message: 'config/wsgi.py falls back to config.settings.dev and config/asgi.py falls back to config.settings.dev' }],
      output: 'DJANGO_DEBUG=False\nDJANGO_SETTINGS_MODULE=config.settings.production\n',
    },
    {
      text: 'DJANGO_SETTINGS_MODULE=config.settings.local\n',
      errors: [{ line: 1, column: 24, endColumn: 45, severity: 'error', message: 'DJANGO_SETTINGS_MODULE=config.settings.local selects a "local" settings module' }],
      output: 'DJANGO_SETTINGS_MODULE=config.settings.production\n',
    },
    {
      text: 'DJANGO_DEBUG=False\nDJANGO_SETTINGS_MODULE=config.settings.dev\n',
      name: 'the fix picks the production module the project has',
      files: { 'config/settings/base.py': 'DEBUG = False\n', 'config/settings/prod.py': 'from .base import *\n' },
      errors: [{ line: 2, column: 24 }],
      output: 'DJANGO_DEBUG=False\nDJANGO_SETTINGS_MODULE=config.settings.prod\n',
    },
    {
      text: 'DJANGO_SETTINGS_MODULE=app.settings.Test\n',
      name: 'src layout, any case',
      files: { 'src/app/settings/production.py': 'DEBUG = False\n', 'src/app/settings/live.py': 'DEBUG = False\n' },
      errors: [{ line: 1, column: 24, message: '"Test"' }],
      output: 'DJANGO_SETTINGS_MODULE=app.settings.production\n',
    },
    {
      text: 'export DJANGO_SETTINGS_MODULE="config.settings.ci" # pipeline\n',
      errors: [{ line: 1, column: 31, endColumn: 51 }],
      output: 'export DJANGO_SETTINGS_MODULE=config.settings.production # pipeline\n',
    },
    { text: 'DJANGO_SETTINGS_MODULE=tests.settings\n', name: 'a development package, not leaf: no fix', errors: [{ line: 1, column: 24, message: '"tests"' }] },
    { text: 'DJANGO_SETTINGS_MODULE=config.settings.development\n', path: '.env', name: 'unknown context softens to warning', errors: [{ line: 1, column: 24, severity: 'warning' }] },
      {
      path: PRODUCTION,
      name: 'settings: production builds on the local module',
      text: 'from .local import *  # noqa\nDEBUG = False\n',
      files: { [LOCAL]: 'from .base import *\nEMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"\n', [BASE]: 'DEBUG = False\n' },
      errors: [{ line: 1, column: 1, endColumn: 21, severity: 'error', message: 'The production settings (config/settings/production.py) import config/settings/local.py, a "local" settings module' }],
    },
    {
      path: BASE,
      name: 'settings: the base pulls in a dev module at its end, loaded by production',
      text: 'DEBUG = False\nfrom .dev import *\n',
      files: { [PRODUCTION]: 'from .base import *\n', 'config/settings/dev.py': 'DEBUG = True\n' },
      errors: [{ line: 2, column: 1, message: 'import config/settings/dev.py, a "dev" settings module' }],
    },
  ],
});
