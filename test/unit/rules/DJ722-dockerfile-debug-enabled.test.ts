import { rule } from '../../../server/src/rules/DJ722-dockerfile-debug-enabled';
import { ruleTester } from '../rule-tester';

const compose = 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n';

ruleTester(rule, {
  valid: [
    { path: 'Dockerfile', text: 'FROM python:3.12\nENV DJANGO_DEBUG=False PYTHONUNBUFFERED=1\n' },
    { path: 'Dockerfile', name: 'an ARG alone is build-time only', text: 'FROM python:3.12\nARG DEBUG=True\nRUN echo $DEBUG\n' },
    { path: 'Dockerfile', name: 'a build stage the final image is not built from', text: 'FROM python:3.12 AS build\nENV DEBUG=1\nFROM python:3.12-slim\nCMD ["gunicorn", "config.wsgi"]\n' },
    { path: 'Dockerfile', name: 'another variable', text: 'FROM python:3.12\nENV SQL_DEBUG=True\n' },
    { path: 'Dockerfile.dev', name: 'a development Dockerfile', text: 'FROM python:3.12\nENV DJANGO_DEBUG=True\n' },
    {
      path: 'Dockerfile',
      name: 'the production service sets the variable again (DJ202 judges that value)',
      text: 'FROM python:3.12\nENV DJANGO_DEBUG=True\n',
      files: { 'docker-compose.production.yml': `${compose}    environment:\n      DJANGO_DEBUG: "False"\n` },
    },
  ],
  invalid: [
    {
      path: 'Dockerfile',
      text: 'FROM python:3.12\nENV PYTHONUNBUFFERED=1 \\\n    DJANGO_DEBUG=True\n',
      errors: [{ line: 3, column: 18, endColumn: 22, severity: 'warning', message: 'ENV DJANGO_DEBUG=True bakes DEBUG on into the image' }],
      output: 'FROM python:3.12\nENV PYTHONUNBUFFERED=1 \\\n    DJANGO_DEBUG=False\n',
    },
    {
      path: 'Dockerfile',
      name: 'legacy form, 1 becomes 0',
      text: 'FROM python:3.12\nENV DEBUG 1\n',
      errors: [{ line: 2, column: 11 }],
      output: 'FROM python:3.12\nENV DEBUG 0\n',
    },
    {
      path: 'Dockerfile',
      name: 'from an ARG default: reported where the ENV takes it, no fix',
      text: 'FROM python:3.12\nARG DEBUG=true\nENV DJANGO_DEBUG=${DEBUG}\n',
      errors: [{ line: 3, column: 18, message: '(${DEBUG} resolves to true from an ARG default)' }],
    },
    {
      path: 'Dockerfile',
      name: 'built by the production web service, which does not set it',
      text: 'FROM python:3.12\nENV DJANGO_DEBUG=True\n',
      files: { 'docker-compose.production.yml': compose },
      errors: [{ line: 2, column: 18, severity: 'warning' }],
    },
  ],
});
