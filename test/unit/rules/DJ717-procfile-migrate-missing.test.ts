import { rule } from '../../../server/src/rules/DJ717-procfile-migrate-missing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'Procfile', text: 'release: python manage.py migrate --noinput\nweb: gunicorn config.wsgi\n' },
    { path: 'Procfile', text: 'web: python manage.py migrate && gunicorn config.wsgi\n', name: 'the web command migrates first' },
    { path: 'Procfile', text: 'worker: celery -A config worker\n', name: 'no web process' },
    { path: 'Procfile.dev', text: 'web: gunicorn config.wsgi\n', name: 'a development Procfile' },
    {
      path: 'Procfile',
      name: 'the production container migrates at start',
      text: 'web: gunicorn config.wsgi\n',
      files: {
        'docker-compose.production.yml': 'services:\n  django:\n    build:\n      context: .\n      dockerfile: Dockerfile\n    command: /start\n',
        Dockerfile: 'FROM python:3.12\nCOPY start /start\nCMD ["/start"]\n',
        start: '#!/bin/bash\npython /app/manage.py migrate\nexec gunicorn config.wsgi\n',
      },
    },
  ],
  invalid: [
    {
      path: 'Procfile',
      text: 'web: gunicorn config.wsgi\nworker: celery -A config worker',
      errors: [{ line: 1, column: 1, endColumn: 4, severity: 'warning', message: 'nothing applies the migrations' }],
      output: 'web: gunicorn config.wsgi\nworker: celery -A config worker\nrelease: python manage.py migrate --noinput',
    },
    {
      path: 'Procfile',
      name: 'CRLF stays CRLF',
      text: 'web: gunicorn config.wsgi\r\n',
      errors: [{ line: 1, column: 1 }],
      output: 'web: gunicorn config.wsgi\r\nrelease: python manage.py migrate --noinput\r\n',
    },
  ],
});
