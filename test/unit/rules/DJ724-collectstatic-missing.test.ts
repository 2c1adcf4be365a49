import { rule } from '../../../server/src/rules/DJ724-collectstatic-missing';
import { ruleTester } from '../rule-tester';

const whitenoise = 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "whitenoise.middleware.WhiteNoiseMiddleware",\n]\nSTATIC_ROOT = "/app/staticfiles"\n';
const settings = { 'config/settings/production.py': whitenoise, 'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")\n' };
const image = 'FROM python:3.12\nCOPY . /app\nRUN pip install -r requirements.txt\n';

ruleTester(rule, {
  valid: [
    { path: 'Dockerfile', files: settings, text: `${image}RUN python manage.py collectstatic --noinput\nCMD ["gunicorn", "config.wsgi"]\n` },
    { path: 'Dockerfile', name: 'at start, in the CMD', files: settings, text: `${image}CMD python manage.py collectstatic --noinput && gunicorn config.wsgi\n` },
    { path: 'Dockerfile', name: 'no WhiteNoise', files: { ...settings, 'config/settings/production.py': 'MIDDLEWARE = []\n' }, text: `${image}CMD ["gunicorn", "config.wsgi"]\n` },
    { path: 'Dockerfile', name: 'WHITENOISE_USE_FINDERS serves without collecting', files: { ...settings, 'config/settings/production.py': `${whitenoise}WHITENOISE_USE_FINDERS = True\n` }, text: `${image}CMD ["gunicorn", "config.wsgi"]\n` },
    { path: 'Dockerfile', name: 'a start script Preflight has not read', files: settings, text: `${image}ENTRYPOINT ["/entrypoint.sh"]\n` },
    { path: 'Dockerfile', name: 'not a Django image', files: settings, text: 'FROM node:22\nRUN npm ci\nCMD ["node", "server.js"]\n' },
    {
      path: 'Dockerfile',
      name: 'the start script the compose service runs collects',
      files: {
        ...settings,
        'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    command: /start\n    environment:\n      DJANGO_SETTINGS_MODULE: config.settings.production\n',
        start: '#!/bin/sh\npython /app/manage.py collectstatic --noinput\nexec gunicorn config.wsgi\n',
      },
      text: 'FROM python:3.12\nCOPY start /start\nCOPY . /app\nCMD ["/start"]\n',
    },
    {
      path: 'compose/production/nginx/Dockerfile',
      name: "another service's image",
      files: { ...settings, 'docker-compose.production.yml': 'services:\n  django:\n    image: app:1.0\n    command: gunicorn config.wsgi\n    environment:\n      DJANGO_SETTINGS_MODULE: config.settings.production\n  nginx:\n    build:\n      context: .\n      dockerfile: compose/production/nginx/Dockerfile\n' },
      text: 'FROM nginx:1.27\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\n',
    },
  ],
  invalid: [
    {
      path: 'Dockerfile',
      files: settings,
      text: `${image}CMD ["gunicorn", "config.wsgi", "--bind", "0.0.0.0:8000"]\n`,
      errors: [{ line: 4, column: 1, severity: 'warning', message: 'this image runs collectstatic neither at build (RUN) nor at start' }],
    },
    {
      path: 'Dockerfile',
      name: 'built by the production service, whose command does not collect',
      files: { ...settings, 'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    environment:\n      DJANGO_SETTINGS_MODULE: config.settings.production\n' },
      text: 'FROM python:3.12\nCOPY . /app\n',
      errors: [{ line: 1, column: 1, message: 'WhiteNoise serves the static files from STATIC_ROOT' }],
    },
  ],
});
