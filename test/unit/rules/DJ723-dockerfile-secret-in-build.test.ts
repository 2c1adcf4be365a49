import { rule } from '../../../server/src/rules/DJ723-dockerfile-secret-in-build';
import { ruleTester } from '../rule-tester';

const key = 'k3v9#xq!2mz%8pw@7rt^5ny&4bu*1ci0';

ruleTester(rule, {
  valid: [
    { path: 'Dockerfile', text: 'FROM python:3.12\nARG DJANGO_SECRET_KEY\nENV DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY}\n' },
    { path: 'Dockerfile', name: 'a placeholder for a build step', text: 'FROM python:3.12\nARG SECRET_KEY=dummy\nRUN SECRET_KEY=$SECRET_KEY python manage.py collectstatic --noinput\n' },
    { path: 'Dockerfile', name: 'not a secret name', text: 'FROM python:3.12\nENV PYTHONUNBUFFERED=1 APP_HOME=/app\n' },
    { path: 'Dockerfile', name: 'an empty value', text: 'FROM python:3.12\nENV DATABASE_PASSWORD=""\n' },
    { path: 'Dockerfile.dev', name: 'a development Dockerfile', text: `FROM python:3.12\nENV SECRET_KEY=${key}\n` },
  ],
  invalid: [
    {
      path: 'compose/production/django/Dockerfile',
      name: 'ENV in the final image, masked (a production path keeps the error)',
      text: `FROM python:3.12\nENV DJANGO_SECRET_KEY="${key}"\n`,
      secret: key,
      errors: [{ line: 2, column: 23, severity: 'error', message: 'the image keeps it in its environment and history' }],
    },
    {
      path: 'Dockerfile',
      name: 'a global ARG default and a password in a build stage (a Dockerfile of unknown context: warning)',
      text: 'ARG POSTGRES_PASSWORD=s3cr3t-Passw0rd\nFROM python:3.12 AS build\nENV REDIS_PASSWORD=hunter2hunter2\nFROM python:3.12-slim\n',
      secret: 's3cr3t-Passw0rd',
      errors: [
        { line: 1, column: 23, severity: 'warning', message: 'ARG POSTGRES_PASSWORD is given the literal' },
        { line: 3, column: 20, message: 'docker history shows it' },
      ],
    },
  ],
});
