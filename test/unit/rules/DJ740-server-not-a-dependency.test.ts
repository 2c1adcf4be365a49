import { rule } from '../../../server/src/rules/DJ740-server-not-a-dependency';
import { ruleTester } from '../rule-tester';

const PROCFILE = { Procfile: 'release: python manage.py migrate\nweb: gunicorn config.wsgi --log-file -\n' };
const COMPOSE = 'services:\n  django:\n    build:\n      context: .\n      dockerfile: Dockerfile\n    command: gunicorn config.wsgi --bind 0.0.0.0:8000\n';

ruleTester(rule, {
  valid: [
    { path: 'requirements.txt', text: 'Django==5.2.8\ngunicorn==23.0.0\n', files: PROCFILE },
    { path: 'requirements/production.txt', text: '-r base.txt\ngunicorn==23.0.0\n', files: { ...PROCFILE, 'requirements/base.txt': 'Django==5.2.8\n' }, name: 'in the production file, Django in the base it includes' },
    { path: 'requirements/production.txt', text: '-r base.txt\n', files: { ...PROCFILE, 'requirements/base.txt': 'Django==5.2.8\ngunicorn==23.0.0\n' }, name: 'in the base file the production file includes' },
    { path: 'requirements.txt', text: 'Django==5.2.8\nuvicorn[standard]==0.32.0\n', files: { Procfile: 'web: uvicorn config.asgi:application --host 0.0.0.0\n' }, name: 'with extras' },
    { path: 'requirements.txt', text: 'Django==5.2.8\nchannels[daphne]==4.1.0\n', files: { Procfile: 'web: daphne config.asgi:application\n' }, name: 'installed by an extra of another package' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n-r missing.txt\n', files: PROCFILE, name: 'an include not in the project: unknown' },
    { path: 'requirements.txt', text: 'Django==5.2.8\ngunicorn>=\n', files: PROCFILE, name: 'a line pip cannot read: unknown' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n', files: { 'Procfile.dev': 'web: gunicorn config.wsgi\n' }, name: 'a development Procfile' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n', name: 'no process runs a server' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n', files: { ...PROCFILE, 'pyproject.toml': '[project]\nname = "site"\ndependencies = ["gunicorn"]\n' }, name: 'pyproject.toml declares it' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n', files: { ...PROCFILE, 'poetry.lock': '[[package]]\nname = "gunicorn"\nversion = "23.0.0"\n' }, name: 'a lock file installs it' },
    { path: 'requirements/base.txt', text: 'Django==5.2.8\n', files: { ...PROCFILE, 'requirements/production.txt': '-r base.txt\n' }, name: 'reported in the production file, not the base it includes' },
    {
      path: 'requirements.txt',
      text: 'Django==5.2.8\n',
      files: { 'docker-compose.production.yml': COMPOSE, Dockerfile: 'FROM python:3.12\nRUN pip install -r requirements.txt gunicorn\n' },
      name: 'the Dockerfile installs it by name',
    },
    {
      path: 'requirements.txt',
      text: 'Django==5.2.8\n',
      files: { 'docker-compose.production.yml': COMPOSE, Dockerfile: 'FROM tiangolo/uvicorn-gunicorn:python3.11\nRUN pip install -r requirements.txt\n' },
      name: 'the base image brings the server',
    },
    {
      path: 'requirements.txt',
      text: 'Django==5.2.8\n',
      files: { 'docker-compose.production.yml': 'services:\n  django:\n    image: registry.example.com/site:1.4\n    command: gunicorn config.wsgi\n' },
      name: 'an image not built from the project',
    },
    { path: 'setup.py', text: 'from setuptools import setup\nsetup(name="site", install_requires=REQUIREMENTS + ["django"])\n', files: PROCFILE, name: 'a computed install_requires: unknown' },
  ],
  invalid: [
    {
      path: 'requirements.txt',
      text: 'Django==5.2.8\nwhitenoise==6.7.0\n',
      files: PROCFILE,
      errors: [{ line: 2, column: 1, endColumn: 18, severity: 'warning', message: 'process `web` of Procfile runs gunicorn, but requirements.txt', related: [{ path: 'Procfile', line: 2, message: 'process `web` of Procfile runs gunicorn' }] }],
      output: 'Django==5.2.8\nwhitenoise==6.7.0\ngunicorn\n',
    },
    {
      path: 'requirements/production.txt',
      name: 'a compose service built here; the finding in the production file',
      text: '-r base.txt\r\nsentry-sdk==2.0.0',
      files: { 'requirements/base.txt': 'Django==5.2.8\n', 'docker-compose.production.yml': COMPOSE, Dockerfile: 'FROM python:3.12\nRUN pip install -r requirements/production.txt\n' },
      errors: [{ line: 2, column: 1, severity: 'error', related: [{ path: 'docker-compose.production.yml', line: 6, message: 'service `django` of docker-compose.production.yml runs gunicorn' }] }],
      output: '-r base.txt\r\nsentry-sdk==2.0.0\r\ngunicorn',
    },
    {
      path: 'requirements.txt',
      name: 'the start script of the image runs it',
      text: 'Django==5.2.8\n',
      files: {
        'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    command: /start\n',
        Dockerfile: 'FROM python:3.12\nCOPY start /start\nRUN pip install -r requirements.txt\n',
        start: '#!/bin/bash\n# gunicorn is started below\npython manage.py migrate\nexec gunicorn config.wsgi\n',
      },
      errors: [{ line: 1, column: 1, related: [{ path: 'start', line: 4, message: 'its start script start) runs gunicorn' }] }],
    },
    {
      path: 'requirements.txt',
      name: 'gunicorn with uvicorn workers needs uvicorn too',
      text: 'Django==5.2.8\ngunicorn==23.0.0\n',
      files: { Procfile: 'web: gunicorn config.asgi:application -k uvicorn.workers.UvicornWorker\n' },
      errors: [{ line: 2, column: 1, message: 'runs uvicorn', related: [{ path: 'Procfile', line: 1, message: 'runs gunicorn with uvicorn workers' }] }],
      output: 'Django==5.2.8\ngunicorn==23.0.0\nuvicorn\n',
    },
    {
      path: 'pyproject.toml',
      name: 'the [project] dependencies array, one item a line',
      text: '[project]\nname = "site"\ndependencies = [\n    "django>=5.2,<6",  # the LTS\n]\n',
      files: { Procfile: 'web: uvicorn config.asgi:application\n' },
      errors: [{ line: 3, column: 1, message: 'the [project] dependencies of pyproject.toml' }],
      output: '[project]\nname = "site"\ndependencies = [\n    "django>=5.2,<6",  # the LTS\n    "uvicorn",\n]\n',
    },
    {
      path: 'pyproject.toml',
      name: 'the last item without a comma',
      text: '[project]\nname = "site"\ndependencies = [\n  "django>=5.2,<6"\n]\n',
      files: { Procfile: 'web: uvicorn config.asgi:application\n' },
      errors: [{ line: 3, column: 1 }],
      output: '[project]\nname = "site"\ndependencies = [\n  "django>=5.2,<6",\n  "uvicorn",\n]\n',
    },
    {
      path: 'pyproject.toml',
      name: 'a one-line array',
      text: '[project]\nname = "site"\ndependencies = ["django>=5.2,<6"]\n',
      files: { Procfile: 'web: waitress-serve --port=$PORT config.wsgi:application\n' },
      errors: [{ line: 3, column: 1, message: 'runs waitress' }],
      output: '[project]\nname = "site"\ndependencies = ["django>=5.2,<6", "waitress"]\n',
    },
    {
      path: 'pyproject.toml',
      name: 'Poetry: no fix',
      text: '[tool.poetry]\nname = "site"\n\n[tool.poetry.dependencies]\npython = "^3.12"\ndjango = "^5.2"\n',
      files: { Procfile: 'web: hypercorn config.asgi:application\n' },
      errors: [{ line: 4, column: 1, message: 'runs hypercorn' }],
    },
  ],
});
