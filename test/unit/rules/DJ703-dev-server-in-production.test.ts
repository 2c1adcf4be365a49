import { rule } from '../../../server/src/rules/DJ703-dev-server-in-production';
import { ruleTester } from '../rule-tester';

const path = 'docker-compose.production.yml';
const django = (command: string) => `services:\n  django:\n    build: .\n${command}`;

ruleTester(rule, {
  valid: [
    { path, text: django('    command: gunicorn config.wsgi --bind 0.0.0.0:8000\n') },
    { path, text: django('    command: /start\n') },
    { path, text: django('    command: ["uvicorn", "config.asgi:application"]\n') },
    { path: 'docker-compose.local.yml', text: django('    command: python manage.py runserver 0.0.0.0:8000\n'), name: 'development compose file' },
    // A Procfile's processes (Heroku, Render, Dokku, Scalingo).
    { path: 'Procfile', text: 'web: gunicorn config.wsgi\nworker: celery -A config worker\n' },
    { path: 'Procfile.dev', text: 'web: python manage.py runserver 0.0.0.0:$PORT\n', name: 'a development Procfile' },
    // Gunicorn's and Uvicorn's --reload is DJ730's, on the flag.
    { path, text: django('    entrypoint: gunicorn config.wsgi --reload\n'), name: 'gunicorn --reload (DJ730)' },
    { path: 'Procfile', text: 'web: uvicorn config.asgi:application --reload\n', name: 'uvicorn --reload (DJ730)' },
  ],
  invalid: [
    {
      path,
      text: django('    command: python manage.py runserver 0.0.0.0:8000\n'),
      errors: [{ line: 4, column: 14, endColumn: 53, severity: 'error', message: 'development server' }],
      output: django('    command: gunicorn config.wsgi:application --bind 0.0.0.0:8000\n'),
    },
    { path, text: django('    command: ["python", "manage.py", "runserver_plus", "0.0.0.0:8000"]\n'), errors: [{ line: 4, column: 14 }] },
    { path, text: django('    entrypoint: hypercorn config.asgi:application --reload\n'), errors: [{ line: 4, column: 17, message: '--reload' }] },
    {
      path,
      name: 'the WSGI module follows the production settings module',
      text: django('    environment:\n      DJANGO_SETTINGS_MODULE: mysite.settings.production\n    command: python manage.py runserver\n'),
      files: { 'mysite/settings/production.py': 'DEBUG = False\n' },
      errors: [{ line: 6, column: 14 }],
      output: django('    environment:\n      DJANGO_SETTINGS_MODULE: mysite.settings.production\n    command: gunicorn mysite.wsgi:application --bind 0.0.0.0:8000\n'),
    },
    {
      path: 'Procfile',
      text: 'release: python manage.py migrate\nweb: python manage.py runserver 0.0.0.0:$PORT\n',
      errors: [{ line: 2, column: 6, endColumn: 46, severity: 'error', message: 'Process `web` runs `manage.py runserver`' }],
      output: 'release: python manage.py migrate\nweb: gunicorn config.wsgi:application\n',
    },
    { path: 'Procfile', text: 'web: hypercorn config.asgi:application --reload\n', errors: [{ line: 1, column: 6, message: '--reload' }] },
    {
      path: 'Procfile',
      name: 'the WSGI module follows the settings module the web process selects',
      text: 'web: python manage.py runserver --settings=shop.settings.heroku\n',
      files: { 'shop/settings/heroku.py': 'DEBUG = False\n' },
      errors: [{ line: 1, column: 6 }],
      output: 'web: gunicorn shop.wsgi:application\n',
    },
  ],
});
