import { rule } from '../../../server/src/rules/DJ721-dockerfile-runs-as-root';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'Dockerfile.devdb', text: 'FROM postgres:13\nCOPY init.sql /docker-entrypoint-initdb.d/\n', name: "a database image: its entrypoint drops root itself, and it runs no Python app" },
    { path: 'Dockerfile.caddy', text: 'FROM caddy:2.10.0-alpine\nCOPY Caddyfile /etc/caddy/Caddyfile\n', name: 'a proxy image' },
    { path: 'Dockerfile', text: 'FROM python:3.12-slim\nRUN adduser --system app\nUSER app\nCMD ["gunicorn", "config.wsgi"]\n' },
    { path: 'Dockerfile', name: 'a USER in the stage the final one is built FROM', text: 'FROM python:3.12 AS base\nUSER 1000:1000\nFROM base\nCMD ["gunicorn", "config.wsgi"]\n' },
    { path: 'Dockerfile', name: 'root for the install, then a user', text: 'FROM python:3.12\nUSER root\nRUN pip install -r requirements.txt\nUSER django\n' },
    { path: 'Dockerfile.dev', name: 'a development Dockerfile', text: 'FROM python:3.12\nCMD ["python", "manage.py", "runserver"]\n' },
    {
      path: 'Dockerfile',
      name: 'the compose service chooses the user',
      text: 'FROM python:3.12\nCMD ["gunicorn", "config.wsgi"]\n',
      files: { 'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    user: "1000"\n' },
    },
    { path: 'Dockerfile', name: 'an empty Dockerfile', text: '' },
  ],
  invalid: [
    {
      path: 'Dockerfile',
      name: 'no USER: the base image decides, said as unknown, at info',
      text: 'FROM python:3.12 AS build\nUSER builder\nFROM python:3.12-slim\nCMD ["gunicorn", "config.wsgi"]\n',
      errors: [{ line: 3, column: 1, endColumn: 22, severity: 'info', message: 'root, unless that base image sets another (Preflight cannot see inside it' }],
    },
    {
      path: 'compose/production/django/Dockerfile',
      name: 'the last USER is root',
      text: 'FROM python:3.12\nUSER app\nRUN echo\nUSER root\nCMD ["/start"]\n',
      errors: [{ line: 4, column: 1, endColumn: 10, severity: 'warning', message: 'USER root is the image\'s last USER' }],
    },
    {
      path: 'Dockerfile',
      name: 'USER 0:0',
      text: 'FROM python:3.12\nUSER 0:0\n',
      errors: [{ line: 2, column: 1, severity: 'warning', message: 'USER 0:0' }],
    },
  ],
});
