import { rule } from '../../../server/src/rules/DJ405-ssl-redirect-off';
import { ruleTester } from '../rule-tester';
import { AFTER_ENV_BOOL, ENV_BOOL_HELPER, PRODUCTION, PRODUCTION_ENV, WITH_SECURITY } from './settings-cases';

const COMPOSE_SETS = (entries: string) => `services:\n  django:\n    image: app:1.0\n    command: gunicorn config.wsgi\n    environment:\n      DJANGO_SETTINGS_MODULE: config.settings.production\n${entries}`;

const TRAEFIK_REDIRECTS =
  'services:\n  traefik:\n    image: traefik:v3.1\n    ports: ["80:80", "443:443"]\n    command:\n' +
  '      - --entrypoints.web.address=:80\n      - --entrypoints.web.http.redirections.entryPoint.to=websecure\n';

ruleTester(rule, {
  valid: [
    {
      path: PRODUCTION,
      text: `import environ\nenv = environ.Env()\n${WITH_SECURITY}SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)\n`,
      files: { 'docker-compose.production.yml': COMPOSE_SETS('      DJANGO_SECURE_SSL_REDIRECT: "False"\n') },
      name: 'set by compose `environment:`: the compose file holds the finding, not the read',
    },
    { path: PRODUCTION, text: `${ENV_BOOL_HELPER}${WITH_SECURITY}SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT")\n`, files: { [PRODUCTION_ENV]: 'DJANGO_SECURE_SSL_REDIRECT=on\n' }, name: 'a helper with branches: production sets it on' },
    { path: PRODUCTION, text: `from features import FLAG\n${WITH_SECURITY}SECURE_SSL_REDIRECT = True if FLAG else False\n`, name: 'paths disagree: silent' },
    { path: PRODUCTION, text: WITH_SECURITY + 'SECURE_SSL_REDIRECT = True\n', name: 'settings: True' },
    { path: PRODUCTION, text: 'SECURE_SSL_REDIRECT = False\n', name: 'settings: without SecurityMiddleware Django does not judge it' },
    { text: 'DJANGO_SECURE_SSL_REDIRECT=True\n', name: 'the seed\'s line' },
    { text: 'SECURE_SSL_REDIRECT=on\n', name: 'bare name, on' },
    { text: 'DJANGO_DEBUG=False\n', name: 'absent: Django\'s default or the settings decide' },
    { text: 'DJANGO_SECURE_SSL_REDIRECT=$REDIRECT\n', name: 'a $reference is unknown' },
    { text: 'DJANGO_SECURE_SSL_REDIRECT=False\n', path: '.envs/.local/.django', name: 'development context reports nothing' },
    {
      path: PRODUCTION,
      name: 'production silences security.W008: Django does not report it, nor does the rule',
      text: WITH_SECURITY + 'SILENCED_SYSTEM_CHECKS = ["security.W008"]  # nginx redirects\nSECURE_SSL_REDIRECT = False\n',
    },
    {
      path: PRODUCTION,
      name: 'silenced in the base production imports, unknown element beside it',
      text: 'from .base import *\nSECURE_SSL_REDIRECT = False\n',
      files: { 'config/settings/base.py': WITH_SECURITY + 'SILENCED_SYSTEM_CHECKS = [OTHER, "security.W008"]\n' },
    },
  ],
  invalid: [
    {
      path: 'docker-compose.production.yml',
      name: 'set by compose `environment:`: reported on that value, not at the read, and fixed there',
      text: COMPOSE_SETS('      DJANGO_SECURE_SSL_REDIRECT: "False"\n'),
      files: { [PRODUCTION]: `import environ\nenv = environ.Env()\n${WITH_SECURITY}SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)\n` },
      errors: [{ line: 7, column: 35, message: 'SECURE_SSL_REDIRECT is False (DJANGO_SECURE_SSL_REDIRECT=False in docker-compose.production.yml line 7)' }],
      output: COMPOSE_SETS('      DJANGO_SECURE_SSL_REDIRECT: "True"\n'),
    },
    {
      path: PRODUCTION,
      name: "a helper with branches: the helper's default False is in effect",
      text: `${ENV_BOOL_HELPER}${WITH_SECURITY}SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT")\n`,
      files: { [PRODUCTION_ENV]: 'A=1\n' },
      errors: [{ line: AFTER_ENV_BOOL + 1, column: 23, message: 'the default of env_bool("DJANGO_SECURE_SSL_REDIRECT")', related: { message: 'the helper returns the value here', line: 7 } }],
    },
    {
      path: PRODUCTION,
      name: 'False on every path',
      text: `from features import FLAG\n${WITH_SECURITY}SECURE_SSL_REDIRECT = 0 if FLAG else False\n`,
      errors: [{ line: 3, column: 23, message: 'not True on every path the settings may take (0, False)' }],
    },
    {
      path: PRODUCTION,
      name: 'another check silenced',
      text: WITH_SECURITY + 'SILENCED_SYSTEM_CHECKS = ["security.W004"]\nSECURE_SSL_REDIRECT = False\n',
      errors: [{ line: 3, column: 23, message: 'SECURE_SSL_REDIRECT is False' }],
    },
    {
      path: PRODUCTION,
      name: 'an unknown list silences nothing',
      text: WITH_SECURITY + 'SILENCED_SYSTEM_CHECKS = CHECKS\nSECURE_SSL_REDIRECT = False\n',
      errors: [{ line: 3, column: 23 }],
    },
    {
      path: PRODUCTION,
      name: 'settings: False',
      text: WITH_SECURITY + 'SECURE_SSL_REDIRECT = False\n',
      errors: [{ line: 2, column: 23, message: 'SECURE_SSL_REDIRECT is False, not True' }],
      output: WITH_SECURITY + 'SECURE_SSL_REDIRECT = True\n',
    },
    { path: PRODUCTION, name: 'settings: unset', text: WITH_SECURITY, errors: [{ line: 1, column: 1, message: 'SECURE_SSL_REDIRECT is not set' }], output: WITH_SECURITY + 'SECURE_SSL_REDIRECT = True\n' },
    { path: PRODUCTION, name: 'settings: truthy but not True (Django: "is not True")', text: WITH_SECURITY + 'SECURE_SSL_REDIRECT = 1\n', errors: [{ line: 2, column: 23 }] },
    {
      path: PRODUCTION,
      name: 'settings: env.bool default False in effect: the fix flips the default',
      text: WITH_SECURITY + 'import environ\nenv = environ.Env()\nSECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=False)\n',
      errors: [{ line: 4, column: 23 }],
      output: WITH_SECURITY + 'import environ\nenv = environ.Env()\nSECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)\n',
    },
    {
      text: 'DJANGO_SECURE_SSL_REDIRECT=False\n',
      errors: [{ line: 1, column: 28, endColumn: 33, severity: 'warning', message: /^DJANGO_SECURE_SSL_REDIRECT=False turns the HTTPS redirect off/ }],
      output: 'DJANGO_SECURE_SSL_REDIRECT=True\n',
    },
    {
      text: 'DJANGO_DEBUG=False\nSECURE_SSL_REDIRECT=off # nginx redirects\n',
      name: 'bare name, comment kept',
      errors: [{ line: 2, column: 21 }],
      output: 'DJANGO_DEBUG=False\nSECURE_SSL_REDIRECT=True # nginx redirects\n',
    },
    { text: 'DJANGO_SECURE_SSL_REDIRECT=\n', name: 'empty', errors: [{ line: 1, column: 28, message: 'is empty' }], output: 'DJANGO_SECURE_SSL_REDIRECT=True\n' },
    {
      text: 'DJANGO_SECURE_SSL_REDIRECT=0\nSECURE_SSL_REDIRECT=no\n',
      name: 'both names judged',
      errors: [{ line: 1, column: 28 }, { line: 2, column: 21 }],
    },
    { text: 'DJANGO_SECURE_SSL_REDIRECT=False\n', path: '.env', name: 'unknown context keeps warning', errors: [{ line: 1, column: 28, severity: 'warning' }] },
    {
      text: 'DJANGO_SECURE_SSL_REDIRECT=False\n',
      name: 'info when the production compose\'s traefik redirects HTTP to HTTPS',
      files: { 'docker-compose.production.yml': TRAEFIK_REDIRECTS },
      errors: [{ line: 1, column: 28, severity: 'info', message: 'The `traefik` service of docker-compose.production.yml redirects HTTP to HTTPS' }],
      output: 'DJANGO_SECURE_SSL_REDIRECT=True\n',
    },
    {
      path: PRODUCTION,
      name: 'settings: info behind a caddy that serves HTTPS',
      text: WITH_SECURITY + 'SECURE_SSL_REDIRECT = False\n',
      files: { 'docker-compose.production.yml': 'services:\n  caddy:\n    image: caddy:2.8\n    ports: ["80:80", "443:443"]\n' },
      errors: [{ line: 2, column: 23, severity: 'info', message: 'caddy redirects HTTP to HTTPS by default' }],
    },
    {
      text: 'DJANGO_SECURE_SSL_REDIRECT=False\n',
      name: 'an nginx whose configuration Preflight does not read: still a warning',
      files: { 'docker-compose.production.yml': 'services:\n  nginx:\n    image: nginx:1.27\n    ports: ["80:80", "443:443"]\n' },
      errors: [{ line: 1, column: 28, severity: 'warning' }],
    },
  ],
});
