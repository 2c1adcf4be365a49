import { rule } from '../../../../server/src/rules/DJ105-secret-key-missing';
import { ruleTester } from '../../rule-tester';
import { composeSide } from './compose-side';

const path = 'docker-compose.production.yml';
const django = (extra: string) => `services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    env_file: [./.envs/.production/.django]\n${extra}`;

ruleTester(composeSide(rule), {
  valid: [
    { path, text: django(''), files: { '.envs/.production/.django': 'DJANGO_SECRET_KEY=x\nDJANGO_DEBUG=False\n' } },
    { path, text: django('    environment:\n      DJANGO_SECRET_KEY: ${DJANGO_SECRET_KEY}\n'), files: { '.envs/.production/.django': 'DJANGO_DEBUG=False\n' }, name: 'set from the shell: present, value unknown' },
    { path, text: django(''), files: { '.envs/.production/.django': 'SENTRY_DSN=\n' }, name: 'no Django variable: configured another way' },
    { path, text: django(''), files: { '.envs/.production/.django': 'DJANGO_DEBUG=False\n' }, name: 'one root cause: the production env file reports the absence (where the fix goes), not the service' },
    { path, text: django(''), name: 'the env file is not in the repository: unknown, DJ706 says so' },
    { path, text: 'services:\n  postgres:\n    image: postgres:16\n    environment:\n      DJANGO_DEBUG: "False"\n', name: 'not a Django service' },
    {
      path,
      text: django(''),
      files: {
        '.envs/.production/.django': 'DJANGO_DEBUG=False\n',
        Dockerfile: 'FROM python:3.12\nCOPY docker/entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]\n',
        'docker/entrypoint.sh': '#!/bin/sh\nexport DJANGO_SECRET_KEY="$(cat /run/secrets/django_secret_key)"\nexec "$@"\n',
      },
      name: "exported by the image's entrypoint script",
    },
  ],
  invalid: [
    {
      path: 'docker-compose.yml',
      name: 'an env file that is not production\'s reports no absence: the service does, and the fix adds the key to it',
      text: django('').replace('./.envs/.production/.django', '.env'),
      files: { '.env': 'DJANGO_DEBUG=False\n' },
      errors: [{ line: 2, column: 3, severity: 'warning', message: 'gets no DJANGO_SECRET_KEY from .env' }],
      output: django('').replace('./.envs/.production/.django', '.env'),
      outputFiles: { '.env': /^DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=[A-Za-z0-9]{64}\n$/ },
    },
    {
      path,
      name: 'only `environment:` configures Django: the service is the place',
      text: 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    environment:\n      DJANGO_DEBUG: "False"\n',
      errors: [{ line: 2, column: 3, severity: 'error', message: 'gets no DJANGO_SECRET_KEY from its environment' }],
    },
    {
      path,
      name: 'a worker without the key the web service gets',
      text: django('  worker:\n    build: .\n    command: celery -A config worker\n    environment:\n      DJANGO_DEBUG: "False"\n'),
      files: { '.envs/.production/.django': 'DJANGO_SECRET_KEY=x\n' },
      errors: [{ line: 6, column: 3, message: 'Service `worker` gets no DJANGO_SECRET_KEY' }],
    },
    {
      path,
      name: 'empty in compose overrides the env file',
      text: django('    environment:\n      DJANGO_SECRET_KEY: ""\n'),
      files: { '.envs/.production/.django': 'DJANGO_SECRET_KEY=x\n' },
      errors: [{ line: 7, column: 7, message: 'is empty' }],
    },
  ],
});
