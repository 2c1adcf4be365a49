import { rule } from '../../../server/src/rules/DJ609-sentry-not-configured';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const DSN = 'https://abc123@o1.ingest.sentry.io/42';
const READS_DSN = 'import os\nimport sentry_sdk\nsentry_sdk.init(dsn=os.environ.get("SENTRY_DSN", ""))\n';
/** Production's environment without an env file: the compose service's own `environment:`. */
const COMPOSE_ONLY = {
  'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    environment:\n      DJANGO_SETTINGS_MODULE: config.settings.production\n',
};

// The env side: a production env file, judged against what the production settings read.
ruleTester(rule, {
  valid: [
    { text: 'DJANGO_DEBUG=False\n', files: { [PRODUCTION]: 'def setup():\n    import sentry_sdk\n    sentry_sdk.init()\n\nsetup()\n' }, name: 'Sentry started inside a helper the settings call: the helper is interpreted, so the tracker counts' },
    { text: 'DJANGO_DEBUG=False\n', files: { [PRODUCTION]: `import sentry_sdk\nsentry_sdk.init(dsn="${DSN}")\n` }, name: 'absent, but the production settings call sentry_sdk.init' },
    { text: 'DJANGO_DEBUG=False\n', files: { [PRODUCTION]: `SENTRY_DSN = "${DSN}"\n` }, name: 'absent, but the production settings set SENTRY_DSN' },
    { text: 'DJANGO_DEBUG=False\n', files: { [PRODUCTION]: 'ROLLBAR = {"access_token": "x", "environment": "production"}\n' }, name: 'absent, and the settings configure Rollbar' },
    { text: 'DJANGO_DEBUG=False\n', files: { [PRODUCTION]: `import sentry_sdk as sentry\nsentry.init(dsn="${DSN}")\n` }, name: 'absent, and the settings call an alias of sentry_sdk' },
    { text: 'DJANGO_DEBUG=False\n', files: { [PRODUCTION]: `from sentry_sdk import (\n    init as start_sentry,\n)\nstart_sentry(dsn="${DSN}")\n` }, name: 'absent, and the settings call an alias of init' },
    { text: 'DJANGO_DEBUG=False\n', files: { [PRODUCTION]: 'DEBUG = False\n', 'config/wsgi.py': 'import sentry_sdk\nsentry_sdk.init()\n' }, name: 'absent, and wsgi.py starts Sentry' },
    { text: 'DJANGO_DEBUG=False\n', files: { [PRODUCTION]: 'DEBUG = False\n' }, name: 'the settings configure no tracker: said once, in the settings' },
    { text: `DJANGO_DEBUG=False\nSENTRY_DSN=${DSN}\n`, files: { [PRODUCTION]: READS_DSN }, name: 'set, and read by the settings' },
    { text: `DJANGO_DEBUG=False\nSENTRY_DSN=${DSN}\n` },
    { text: `DJANGO_DEBUG=False\nDJANGO_SENTRY_DSN=${DSN}\n`, name: 'the DJANGO_ prefixed name' },
    { text: 'DJANGO_DEBUG=False\n', path: '.env', name: 'unknown context: absence is not judged' },
    { text: 'POSTGRES_HOST=postgres\nPOSTGRES_DB=app\n', path: '.envs/.production/.postgres', name: 'not a Django env file' },
    { text: 'DJANGO_DEBUG=False\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    { text: `DJANGO_DEBUG=False\nSENTRY_DSN=\nDJANGO_SENTRY_DSN=${DSN}\n`, name: 'one of the two names is set' },
  ],
  invalid: [
    { text: 'DJANGO_SECRET_KEY=x\nDJANGO_DEBUG=False\n', errors: [{ line: 1, column: 1, severity: 'info', message: 'SENTRY_DSN is not set' }] },
    { text: '# General\nDJANGO_DEBUG=False\n', name: 'lands on the first line, a comment too', errors: [{ line: 1, column: 1, endColumn: 10 }] },
    { text: 'DJANGO_DEBUG=False\nSENTRY_DSN=\n', errors: [{ line: 2, column: 1, endColumn: 11, message: 'SENTRY_DSN is empty' }] },
    { path: '.env.production', text: 'DJANGO_ALLOWED_HOSTS=example.com\nSENTRY_DSN=""\n', errors: [{ line: 2, column: 1 }] },
    {
      name: 'the settings read SENTRY_DSN and the env file leaves it out',
      text: 'DJANGO_DEBUG=False\n',
      files: { [PRODUCTION]: READS_DSN },
      errors: [{ line: 1, column: 1, message: 'SENTRY_DSN is not set in this production env file, and the production settings read it (os.environ.get("SENTRY_DSN"))' }],
    },
    {
      name: 'the settings read DJANGO_SENTRY_DSN; SENTRY_DSN is the wrong name',
      text: `DJANGO_DEBUG=False\nSENTRY_DSN=${DSN}\n`,
      files: { [PRODUCTION]: 'import environ\nimport sentry_sdk\nenv = environ.Env()\nsentry_sdk.init(dsn=env("DJANGO_SENTRY_DSN", default=""))\n' },
      errors: [{ line: 1, column: 1, message: 'DJANGO_SENTRY_DSN is not set' }],
    },
    {
      name: 'read by the settings and empty',
      text: 'DJANGO_DEBUG=False\nSENTRY_DSN=\n',
      files: { [PRODUCTION]: READS_DSN },
      errors: [{ line: 2, column: 1, message: 'SENTRY_DSN is empty: the production settings read it' }],
    },
  ],
});

// The settings side: the production settings chain, with or without a production env file.
ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: `import sentry_sdk\nsentry_sdk.init(dsn="${DSN}")\n`, name: 'sentry_sdk.init' },
    { path: PRODUCTION, text: `import sentry_sdk as sentry\nsentry.init(dsn="${DSN}")\n`, name: 'an alias of the module' },
    { path: PRODUCTION, text: `from sentry_sdk import init as start_sentry\nstart_sentry(dsn="${DSN}")\n`, name: 'an alias of the function' },
    { path: PRODUCTION, text: 'from .base import *\n', files: { [BASE]: `import sentry_sdk\nsentry_sdk.init(dsn="${DSN}")\n` }, name: 'called in the base module' },
    { path: PRODUCTION, text: 'ROLLBAR = {"access_token": "x"}\n', name: 'Rollbar' },
    { path: PRODUCTION, text: 'MIDDLEWARE = ["bugsnag.django.middleware.BugsnagMiddleware"]\n', name: 'Bugsnag middleware' },
    { path: PRODUCTION, text: 'INSTALLED_APPS = ["raven.contrib.django.raven_compat"]\nRAVEN_CONFIG = {"dsn": "x"}\n', name: 'the old raven client' },
    { path: PRODUCTION, text: 'INSTALLED_APPS = ["elasticapm.contrib.django"]\n', name: 'Elastic APM' },
    { path: PRODUCTION, text: 'DEBUG = False\n', files: { 'config/wsgi.py': `import sentry_sdk\nsentry_sdk.init(dsn="${DSN}")\n` }, name: 'started in wsgi.py' },
    { path: PRODUCTION, text: 'def setup():\n    import sentry_sdk\n    sentry_sdk.init()\n\nsetup()\n', name: 'started inside a helper: not judged' },
    { path: PRODUCTION, text: 'from .unknown_module import *\n', name: 'names that cannot be known' },
    { path: PRODUCTION, text: READS_DSN, files: { '.envs/.production/.django': 'DJANGO_DEBUG=False\n' }, name: 'a DSN read with a production env file: the env side reports it' },
    { path: PRODUCTION, text: READS_DSN, name: 'a DSN read, production\'s environment unknown' },
    { path: PRODUCTION, text: READS_DSN, files: { ...COMPOSE_ONLY, 'docker-compose.production.yml': `${COMPOSE_ONLY['docker-compose.production.yml']}      SENTRY_DSN: ${DSN}\n` }, name: 'a DSN read that compose sets' },
    { path: 'config/settings/local.py', text: 'DEBUG = True\n', name: 'development module' },
    { path: 'mysite/settings.py', text: 'DEBUG = False\n', name: 'unknown context: absence is not judged' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'no error tracker at all, and no env file',
      text: 'DEBUG = False\nALLOWED_HOSTS = ["example.com"]\n',
      errors: [{ line: 1, column: 1, endColumn: 14, severity: 'info', message: 'The production settings (config/settings/production.py) configure no error tracker' }],
    },
    {
      path: PRODUCTION,
      name: 'lands on the import * line',
      text: '"""Production."""\nfrom .base import *\n\nDEBUG = False\n',
      files: { [BASE]: 'SECRET_KEY = "x"\n' },
      errors: [{ line: 2, column: 1, message: 'configure no error tracker' }],
    },
    {
      path: PRODUCTION,
      name: 'a DSN read that production\'s compose environment leaves unset',
      text: READS_DSN,
      files: COMPOSE_ONLY,
      errors: [{ line: 3, column: 21, message: 'os.environ.get("SENTRY_DSN") gets no value in production' }],
    },
  ],
});
