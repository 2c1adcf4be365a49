import { rule } from '../../../server/src/rules/DJ713-healthcheck-missing';
import { ruleTester } from '../rule-tester';

const path = 'docker-compose.production.yml';
/** A service built from the project, named like nothing web, with no command of its own. */
const BUILT = 'services:\n  shop:\n    build: .\n    restart: always\n';
const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . /app\n';

ruleTester(rule, {
  valid: [
    { path, text: 'services:\n  postgres:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n' },
    { path, text: 'services:\n  mailpit:\n    image: axllent/mailpit:v1.20\n', name: 'neither web nor data' },
    { path, text: 'services:\n  celeryworker:\n    build: .\n    command: celery -A config.celery_app worker\n', name: 'a worker is not a web service' },
    { path: 'docker-compose.local.yml', text: 'services:\n  postgres:\n    image: postgres:16\n', name: 'development compose file' },
    { path, text: BUILT, files: { Dockerfile: `${DOCKERFILE}CMD ["python", "-m", "shop.worker"]\n` }, name: 'its image runs no web server' },
    { path, text: BUILT, name: 'a Dockerfile the project does not have: not judged' },
    { path, text: BUILT, files: { Dockerfile: `${DOCKERFILE}HEALTHCHECK CMD curl -f http://localhost:8000/health/ || exit 1\nCMD ["gunicorn", "shop.wsgi"]\n` }, name: 'the image has its own HEALTHCHECK' },
    { path, text: 'services:\n  shop:\n    build: .\n    command: celery -A shop worker\n', files: { Dockerfile: `${DOCKERFILE}CMD ["gunicorn", "shop.wsgi"]\n` }, name: 'command: replaces the image\'s CMD' },
    {
      path,
      text: 'services:\n  worker:\n    build: .\n    command: /start-worker\n',
      files: {
        Dockerfile: `${DOCKERFILE}COPY entrypoint /entrypoint\nCOPY start-worker /start-worker\nENTRYPOINT ["/entrypoint"]\n`,
        entrypoint: '#!/bin/sh\nif [ "$1" = web ]; then exec gunicorn shop.wsgi; fi\nexec "$@"\n',
        'start-worker': '#!/bin/sh\nexec celery -A shop worker\n',
      },
      name: 'an entrypoint script that names gunicorn in a branch, before a worker command',
    },
  ],
  invalid: [
    {
      path,
      text: 'services:\n  postgres:\n    image: postgres:16\n    restart: always\n',
      errors: [{ line: 2, column: 3, endColumn: 11, severity: 'info', message: 'Data service `postgres` has no healthcheck' }],
      output: 'services:\n  postgres:\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n    image: postgres:16\n    restart: always\n',
    },
    {
      path,
      text: 'services:\n  redis:\n    image: redis:7.4\n',
      errors: [{ line: 2, column: 3 }],
      output: 'services:\n  redis:\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n      interval: 10s\n      timeout: 5s\n      retries: 5\n    image: redis:7.4\n',
    },
    {
      path,
      name: 'recognised by the CMD of the image it builds',
      text: BUILT,
      files: { Dockerfile: `${DOCKERFILE}CMD ["gunicorn", "shop.wsgi", "--bind", "0.0.0.0:8000"]\n` },
      errors: [{ line: 2, column: 3, endColumn: 7, message: 'Web service `shop` (it starts gunicorn: the CMD in Dockerfile line 4) has no healthcheck' }],
    },
    {
      path,
      name: 'recognised by the start script its image runs (cookiecutter-django\'s /start)',
      text: 'services:\n  shop:\n    build:\n      context: .\n      dockerfile: ./compose/production/django/Dockerfile\n    command: /start\n',
      files: {
        'compose/production/django/Dockerfile': `${DOCKERFILE}COPY ./compose/production/django/start /start\nCOPY ./compose/production/django/entrypoint /entrypoint\nENTRYPOINT ["/entrypoint"]\n`,
        'compose/production/django/entrypoint': '#!/bin/bash\nexec "$@"\n',
        'compose/production/django/start': '#!/bin/bash\npython /app/manage.py collectstatic --noinput\nexec /usr/local/bin/uvicorn config.asgi:application --host 0.0.0.0\n',
      },
      errors: [{ line: 2, column: 3, message: 'it starts uvicorn: compose/production/django/start, run by the command of service `shop`' }],
    },
    {
      path,
      name: 'HEALTHCHECK NONE turns the image\'s check off',
      text: BUILT,
      files: { Dockerfile: `FROM app-base:1.0\nHEALTHCHECK NONE\nENTRYPOINT ["uwsgi", "--ini", "uwsgi.ini"]\n` },
      errors: [{ line: 2, column: 3, message: 'it starts uwsgi: the ENTRYPOINT in Dockerfile line 3' }],
    },
    { path, name: 'the Django web service: no template', text: 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n', errors: [{ line: 2, column: 3, message: 'Web service' }] },
  ],
});
