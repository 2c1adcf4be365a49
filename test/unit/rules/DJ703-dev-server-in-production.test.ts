import { rule } from '../../../server/src/rules/DJ703-dev-server-in-production';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintCase, ruleTester } from '../rule-tester';

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
    // systemd units (a VM deployment).
    { path: 'deploy/app.service', text: '[Service]\nExecStart=/srv/app/venv/bin/gunicorn config.wsgi\n' },
    { path: 'deploy/app.service', text: '[Service]\nExecStart=/srv/app/venv/bin/python manage.py runserver\nExecStart=\nExecStart=/srv/app/venv/bin/gunicorn config.wsgi\n', name: 'an empty ExecStart= resets the list: runserver no longer runs' },
    { path: 'deploy/app.service', text: '[Unit]\nDescription=python manage.py runserver\n[Service]\nExecStart=/srv/app/venv/bin/uvicorn config.asgi:application\n', name: 'only ExecStart= is the command' },
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
    {
      path: 'deploy/systemd/app.service',
      name: 'a systemd unit: gunicorn from the same virtual environment, where manage.py is, bound where runserver was',
      text: '[Service]\nUser=app\nExecStart=/srv/app/venv/bin/python3 /srv/app/manage.py runserver 0.0.0.0:8000\nRestart=always\n',
      errors: [{ line: 3, column: 11, endColumn: 78, severity: 'error', message: 'This unit runs `manage.py runserver`' }],
      output: '[Service]\nUser=app\nExecStart=/srv/app/venv/bin/gunicorn --chdir /srv/app --bind 0.0.0.0:8000 config.wsgi:application\nRestart=always\n',
    },
    {
      path: 'deploy/app.service',
      name: 'a bare manage.py with WorkingDirectory=, runserver\'s default address, the WSGI module of Environment=DJANGO_SETTINGS_MODULE, a continued line',
      text: '[Service]\nWorkingDirectory=/srv/shop\nEnvironment=DJANGO_SETTINGS_MODULE=shop.settings.vm\nExecStart=/srv/shop/.venv/bin/python \\\n  manage.py runserver\n',
      files: { 'shop/settings/vm.py': 'DEBUG = False\n' },
      errors: [{ line: 4, column: 11, endLine: 5, endColumn: 22 }],
      output: '[Service]\nWorkingDirectory=/srv/shop\nEnvironment=DJANGO_SETTINGS_MODULE=shop.settings.vm\nExecStart=/srv/shop/.venv/bin/gunicorn --bind 127.0.0.1:8000 shop.wsgi:application\n',
    },
    { path: 'deploy/app.service', text: '[Service]\nExecStart=/srv/app/venv/bin/gunicorn --reload config.wsgi\n', errors: [{ line: 2, column: 11, message: 'This unit starts its server with --reload' }] },
  ],
});

describe('DJ703 in a systemd unit without a mechanical gunicorn line', () => {
  const cases = [
    ['runserver with other options, through a shell', '[Service]\nExecStart=/bin/sh -c "cd /srv/app && venv/bin/python manage.py runserver --noreload"\n'],
    ['a bare manage.py without WorkingDirectory= (systemd starts in /)', '[Service]\nExecStart=/srv/app/venv/bin/python manage.py runserver\n'],
    ['a relative project directory', '[Service]\nWorkingDirectory=/srv\nExecStart=/srv/app/venv/bin/python app/manage.py runserver\n'],
    ['an interpreter found on PATH, not a virtual environment', '[Service]\nWorkingDirectory=/srv/app\nExecStart=python3 manage.py runserver\n'],
  ];
  for (const [name, text] of cases) {
    it(`reports, with no fix: ${name}`, () => {
      const findings = lintCase(rule, { path: 'deploy/app.service', text });
      assert.deepEqual(findings.map((finding) => [finding.code, finding.fixes.length]), [['DJ703', 0]]);
    });
  }
});
