import { rule } from '../../../server/src/rules/DJ706-env-file-missing';
import { ruleTester } from '../rule-tester';

const path = 'docker-compose.production.yml';
const compose = (envFile: string) => `services:\n  django:\n    image: app:1.0\n${envFile}`;

ruleTester(rule, {
  valid: [
    { path, text: compose('    env_file:\n      - ./.envs/.production/.django\n'), files: { '.envs/.production/.django': 'DJANGO_DEBUG=False\n' } },
    { path, text: compose('    env_file:\n      - path: ./.envs/.production/.django\n        required: false\n'), name: 'required: false' },
    { path, text: compose('    env_file: ${ENV_FILE}\n'), name: 'the path depends on the shell' },
    { path, text: compose('    env_file: ../secrets/prod.env\n'), name: 'outside the project: cannot tell' },
    { path: 'docker-compose.local.yml', text: compose('    env_file: .envs/.local/.django\n'), name: 'development compose file' },
  ],
  invalid: [
    {
      path,
      text: compose('    env_file:\n      - ./.envs/.production/.django\n'),
      errors: [{ line: 5, column: 9, endColumn: 36, severity: 'error', message: 'does not exist (.envs/.production/.django)' }],
      output: compose('    env_file:\n      - ./.envs/.production/.django\n'),
      outputFiles: { '.envs/.production/.django': '# Environment of the django service: fill in before deploying.\n' },
    },
    {
      path,
      name: 'two services naming one missing file: one finding, the other reference related',
      text: compose('    env_file: ./.envs/.production/.django\n  celeryworker:\n    image: app:1.0\n    env_file: ./.envs/.production/.django\n'),
      errors: [{ line: 4, column: 15, message: 'Service `django`', related: [{ line: 7, message: 'DJ706: Service `celeryworker` reads env_file' }] }],
    },
    {
      path,
      name: 'the production web service: its environment is unknown without the file',
      text: compose('    command: gunicorn config.wsgi\n    env_file: ./.envs/.production/.django\n    environment:\n      DJANGO_SETTINGS_MODULE: config.settings.production\n'),
      files: { 'config/settings/production.py': 'SECRET_KEY = env("DJANGO_SECRET_KEY")\n' },
      errors: [{ line: 5, column: 15, message: "Production's environment is unknown without it" }],
    },
    {
      path,
      name: 'marked optional instead',
      text: compose('    env_file:\n      - ./.envs/.production/.django\n'),
      errors: [{ line: 5, column: 9 }],
      fix: 1,
      output: compose('    env_file:\n      - { path: ./.envs/.production/.django, required: false }\n'),
    },
    {
      path,
      name: 'a lone string becomes a one-item list',
      text: compose('    env_file: .env.production\n'),
      errors: [{ line: 4, column: 15 }],
      fix: 1,
      output: compose('    env_file: [{ path: .env.production, required: false }]\n'),
    },
  ],
});
