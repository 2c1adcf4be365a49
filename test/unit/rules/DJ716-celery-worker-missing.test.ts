import { rule } from '../../../server/src/rules/DJ716-celery-worker-missing';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const path = 'docker-compose.production.yml';
const django = 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    env_file: [.envs/.production/.django]\n';
const files = { '.envs/.production/.django': 'CELERY_BROKER_URL=redis://redis:6379/0\n' };

// The settings side: cookiecutter derives the broker from REDIS_URL, which the compose side cannot see.
const ENV = 'DJANGO_SETTINGS_MODULE=config.settings.production\nREDIS_URL=redis://redis:6379/0\n';
const COMPOSE = { 'docker-compose.production.yml': django, '.envs/.production/.django': ENV };
const WITH_WORKER = { ...COMPOSE, 'docker-compose.production.yml': `${django}  celeryworker:\n    build: .\n    command: /start-celeryworker\n` };
const SETTINGS = 'import environ\nenv = environ.Env()\nREDIS_URL = env("REDIS_URL", default="redis://redis:6379/0")\nCELERY_BROKER_URL = REDIS_URL\n';

ruleTester(rule, {
  valid: [
    { path, text: `${django}  celeryworker:\n    build: .\n    command: /start-celeryworker\n`, files },
    { path, text: `${django}  worker:\n    build: .\n    command: celery -A config.celery_app worker -l INFO\n`, files },
    { path, text: django, files: { '.envs/.production/.django': 'DJANGO_DEBUG=False\n' }, name: 'Celery not configured' },
    { path: 'docker-compose.local.yml', text: django, files, name: 'development compose file' },
    { path: PRODUCTION, text: SETTINGS, files: WITH_WORKER, name: 'settings: a worker service runs' },
    { path: PRODUCTION, text: `${SETTINGS}CELERY_TASK_ALWAYS_EAGER = True\n`, files: COMPOSE, name: 'settings: eager tasks need no worker' },
    { path: PRODUCTION, text: SETTINGS, name: 'settings: no production compose file, workers may run anywhere' },
    { path: PRODUCTION, text: 'DEBUG = False\n', files: COMPOSE, name: 'settings: Celery not configured' },
    { path: PRODUCTION, text: 'from elsewhere import BROKER\nCELERY_BROKER_URL = BROKER\n', files: COMPOSE, name: 'settings: unknown broker: silent' },
    {
      path: PRODUCTION,
      text: 'import environ\nenv = environ.Env()\nCELERY_BROKER_URL = env("CELERY_BROKER_URL")\n',
      files: { ...COMPOSE, '.envs/.production/.django': `${ENV}CELERY_BROKER_URL=redis://redis:6379/0\n` },
      name: 'settings: the compose side reports it on the service, once',
    },
    { path: 'config/settings/local.py', text: 'CELERY_BROKER_URL = "redis://localhost:6379/0"\n', files: COMPOSE, name: 'settings: development module' },
  ],
  invalid: [
    { path, text: django, files, errors: [{ line: 2, column: 3, endColumn: 9, severity: 'info', message: 'gets CELERY_BROKER_URL, but no service' }] },
    {
      path,
      name: 'set in environment:',
      text: 'services:\n  web:\n    image: app:1.0\n    environment:\n      CELERY_BROKER_URL: redis://redis:6379/0\n  redis:\n    image: redis:7\n',
      errors: [{ line: 2, column: 3 }],
    },
    {
      path: PRODUCTION,
      name: 'settings: the broker derived from REDIS_URL, no worker service',
      text: SETTINGS,
      files: COMPOSE,
      errors: [{ line: 4, column: 1, severity: 'info', message: 'Celery is configured (CELERY_BROKER_URL is set), but no service of docker-compose.production.yml runs a Celery worker' }],
    },
    {
      path: BASE,
      name: 'settings: django_celery_beat installed in the base module',
      text: 'INSTALLED_APPS = ["django.contrib.admin", "django_celery_beat"]\n',
      files: { ...COMPOSE, [PRODUCTION]: 'from .base import *\n' },
      errors: [{ line: 1, column: 43, message: 'django_celery_beat is installed' }],
    },
  ],
});
