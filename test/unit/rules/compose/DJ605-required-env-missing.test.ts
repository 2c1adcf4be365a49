import { rule } from '../../../../server/src/rules/DJ605-required-env-missing';
import { ruleTester } from '../../rule-tester';
import { composeSide } from './compose-side';

const path = 'docker-compose.production.yml';
const compose = 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    env_file: [.envs/.production/.django]\n';
const SETTINGS = 'config/settings/production.py';
const settings = 'import environ\nenv = environ.Env()\nSECRET_KEY = env("DJANGO_SECRET_KEY")\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n';
const files = (env: string) => ({ '.envs/.production/.django': env, [SETTINGS]: settings });

// cookiecutter-django's layout: the image's entrypoint exports what the env files only hold parts of.
const built = 'services:\n  django:\n    build:\n      context: .\n      dockerfile: ./compose/production/django/Dockerfile\n    command: /start\n    env_file: [.envs/.production/.django]\n';
const DOCKERFILE = 'compose/production/django/Dockerfile';
const ENTRYPOINT = 'compose/production/django/entrypoint';
const dockerfile = 'FROM python:3.12\nCOPY ./compose/production/django/entrypoint /entrypoint\nCOPY . /app\nENTRYPOINT ["/entrypoint"]\n';
const entrypoint = '#!/bin/bash\nset -o errexit\nexport DJANGO_SECRET_KEY="$(cat /run/secrets/django_secret_key)"\nexec "$@"\n';

ruleTester(composeSide(rule), {
  valid: [
    { path, text: compose, files: files('DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_SECRET_KEY=x\n') },
    { path, text: `${compose}    environment:\n      DJANGO_SECRET_KEY: \${DJANGO_SECRET_KEY}\n`, files: files('DJANGO_SETTINGS_MODULE=config.settings.production\n'), name: 'from the shell: present' },
    { path, text: compose, files: { '.envs/.production/.django': 'DJANGO_SECRET_KEY=x\n' }, name: 'no production settings module known' },
    {
      path,
      text: built,
      files: { ...files('DJANGO_SETTINGS_MODULE=config.settings.production\n'), [DOCKERFILE]: dockerfile, [ENTRYPOINT]: entrypoint },
      name: "exported by the image's ENTRYPOINT script",
    },
    {
      path,
      text: `${compose}    entrypoint: /srv/boot.sh\n    volumes: ["./deploy/boot.sh:/srv/boot.sh:ro"]\n`,
      files: { ...files('DJANGO_SETTINGS_MODULE=config.settings.production\n'), 'deploy/boot.sh': 'DJANGO_SECRET_KEY=$(cat /run/secrets/key)\nexport DJANGO_SECRET_KEY\nexec "$@"\n' },
      name: 'exported by the compose entrypoint:, a script bind-mounted into the container',
    },
  ],
  invalid: [
    {
      path,
      text: compose,
      files: files('DJANGO_SETTINGS_MODULE=config.settings.production\n'),
      errors: [{ line: 2, column: 3, severity: 'error', message: 'gets no DJANGO_SECRET_KEY, which config/settings/production.py line 3 reads without a default' }],
      output: compose,
      outputFiles: { '.envs/.production/.django': 'DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_SECRET_KEY=\n' },
    },
    {
      path,
      text: built,
      files: { ...files('DJANGO_SETTINGS_MODULE=config.settings.production\n'), [ENTRYPOINT]: entrypoint },
      name: 'the Dockerfile is missing: the entrypoint script is not known to run',
      errors: [{ line: 2, column: 3, message: 'gets no DJANGO_SECRET_KEY' }],
    },
    {
      path,
      text: `${built}    entrypoint: gunicorn config.wsgi\n`,
      files: { ...files('DJANGO_SETTINGS_MODULE=config.settings.production\n'), [DOCKERFILE]: dockerfile, [ENTRYPOINT]: entrypoint },
      name: "compose's entrypoint: replaces the image's, so the script does not run",
      errors: [{ line: 2, column: 3, message: 'gets no DJANGO_SECRET_KEY' }],
    },
  ],
});
