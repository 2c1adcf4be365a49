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
// A VM deployment: systemd units, no compose file.
const GUNICORN_UNIT = '[Service]\nUser=app\nEnvironment=DJANGO_SETTINGS_MODULE=config.settings.production\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n';
const VM = { 'deploy/systemd/app.service': GUNICORN_UNIT };
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
    { path, text: django, files: { ...files, 'deploy/celery.service': '[Service]\nExecStart=/srv/venv/bin/celery -A config worker -l INFO\n' }, name: 'a systemd unit of the host runs the worker' },
    { path: PRODUCTION, text: SETTINGS, files: { ...VM, 'deploy/systemd/celery.service': '[Service]\nExecStart=/srv/venv/bin/celery -A config \\\n  worker --loglevel INFO\n' }, name: 'settings: a VM deployment with a worker unit (a continued ExecStart=)' },
    {
      path: PRODUCTION,
      text: SETTINGS,
      files: { ...VM, 'deploy/systemd/celery.service': "[Service]\nType=forking\nExecStart=/bin/sh -c '${CELERY_BIN} -A $CELERY_APP multi start $CELERYD_NODES --pidfile=${CELERYD_PID_FILE}'\n" },
      name: "settings: Celery's own example unit (celery multi start)",
    },
    { path: PRODUCTION, text: SETTINGS, files: { ...VM, 'deploy/systemd/app-worker.service': '[Service]\nExecStart=/srv/venv/bin/python manage.py rqworker\n' }, name: 'settings: a Django unit named like a worker' },
    { path: PRODUCTION, text: SETTINGS, files: { 'deploy/backup.service': '[Service]\nExecStart=/usr/bin/pg_dump app\n' }, name: 'settings: systemd units that run no Django say nothing of where workers run' },
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
    {
      path: PRODUCTION,
      name: 'settings: a VM deployment whose systemd units run no worker',
      text: SETTINGS,
      files: { ...VM, 'deploy/systemd/beat.service': '[Service]\nExecStart=/srv/venv/bin/celery -A config beat\n' },
      errors: [
        {
          line: 4,
          column: 1,
          severity: 'info',
          message: 'Celery is configured (CELERY_BROKER_URL is set), but no systemd unit of the project (deploy/systemd/app.service, deploy/systemd/beat.service) runs a Celery worker',
          related: [
            { path: 'deploy/systemd/app.service', line: 1, message: 'production systemd unit, not a Celery worker' },
            { path: 'deploy/systemd/beat.service', line: 1, message: 'production systemd unit, not a Celery worker' },
          ],
        },
      ],
    },
    {
      path,
      name: 'a systemd unit that is not a worker does not count',
      text: django,
      files: { ...files, 'deploy/beat.service': '[Service]\nExecStart=/srv/venv/bin/celery -A config beat\n' },
      errors: [{ line: 2, column: 3 }],
    },
  ],
});
