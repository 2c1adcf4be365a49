import { rule } from '../../../server/src/rules/DJ730-server-reload-enabled';
import { ruleTester } from '../rule-tester';

const path = 'docker-compose.production.yml';
const web = (lines: string) => `services:\n  web:\n    build: .\n${lines}`;

ruleTester(rule, {
  valid: [
    { path, text: web('    command: gunicorn config.wsgi --bind 0.0.0.0:8000 --workers 3\n') },
    { path, text: web('    command: uvicorn config.asgi:application --host 0.0.0.0\n') },
    { path, text: web('    command: hypercorn config.asgi:application --reload\n'), name: 'another server (DJ703)' },
    { path, text: web('    command: gunicorn config.wsgi $GUNICORN_FLAGS\n'), name: 'options built from a variable: unknown' },
    { path: 'docker-compose.local.yml', text: web('    command: gunicorn config.wsgi --reload\n'), name: 'a development compose file' },
    { path: 'Procfile', text: 'web: gunicorn config.wsgi --log-file -\n' },
    { path: 'Procfile.dev', text: 'web: gunicorn config.wsgi --reload\n', name: 'a development Procfile' },
    { path: 'gunicorn.conf.py', text: 'bind = "0.0.0.0:8000"\nreload = False\n' },
    { path: 'gunicorn.conf.py', text: 'import os\nreload = os.environ.get("GUNICORN_RELOAD") == "1"\n', name: 'off unless an unset variable says so' },
  ],
  invalid: [
    {
      path,
      text: web('    command: gunicorn config.wsgi --bind 0.0.0.0:8000 --reload\n'),
      errors: [{ line: 4, column: 55, endColumn: 63, severity: 'warning', message: 'The command of service `web` starts gunicorn with `--reload`' }],
      output: web('    command: gunicorn config.wsgi --bind 0.0.0.0:8000\n'),
    },
    {
      path,
      name: 'quoted command, the flag in the middle',
      text: web('    command: "exec gunicorn --reload -b :8000 config.wsgi"\n'),
      errors: [{ line: 4, column: 29, endColumn: 37 }],
      output: web('    command: "exec gunicorn -b :8000 config.wsgi"\n'),
    },
    {
      path,
      name: 'inside sh -c',
      text: web("    command: sh -c 'python manage.py migrate && gunicorn config.wsgi --reload'\n"),
      errors: [{ line: 4, column: 70, endColumn: 78 }],
      output: web("    command: sh -c 'python manage.py migrate && gunicorn config.wsgi'\n"),
    },
    { path, name: 'the list form: on the command, no fix', text: web('    command: ["uvicorn", "config.asgi:application", "--reload"]\n'), errors: [{ line: 4, column: 14, message: 'uvicorn' }] },
    {
      path,
      name: 'the image CMD, on the service',
      text: web('    ports:\n      - "8000:8000"\n'),
      files: { Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "config.wsgi", "--reload"]\n' },
      errors: [{ line: 2, column: 3, message: 'CMD in Dockerfile line 2' }],
    },
    {
      path,
      name: 'the start script the command runs',
      text: web('    command: /start\n'),
      files: { Dockerfile: 'FROM python:3.12\nCOPY start /start\n', start: '#!/bin/sh\nset -e\nexec uvicorn config.asgi:application --host 0.0.0.0 --reload\n' },
      errors: [{ line: 2, column: 3, message: 'start line 3' }],
    },
    {
      path: 'Procfile',
      text: 'web: gunicorn config.wsgi --reload --log-file -\n',
      errors: [{ line: 1, column: 27, endColumn: 35, message: 'Process `web`' }],
      output: 'web: gunicorn config.wsgi --log-file -\n',
    },
    {
      path: 'gunicorn.conf.py',
      text: 'bind = "0.0.0.0:8000"\nreload = True\n',
      errors: [{ line: 2, column: 1, endColumn: 14, message: '`reload = True`' }],
      output: 'bind = "0.0.0.0:8000"\nreload = False\n',
    },
    {
      path: 'gunicorn.conf.py',
      name: 'CRLF and a BOM',
      text: '\uFEFFworkers = 3\r\nreload = True\r\n',
      errors: [{ line: 2, column: 1, endColumn: 14 }],
      output: '\uFEFFworkers = 3\r\nreload = False\r\n',
    },
    {
      path: 'Procfile',
      name: 'a Procfile with CRLF',
      text: 'web: uvicorn config.asgi:application --reload\r\n',
      errors: [{ line: 1, column: 38, endColumn: 46 }],
      output: 'web: uvicorn config.asgi:application\r\n',
    },
  ],
});
