import { rule } from '../../../server/src/rules/DJ732-gunicorn-single-sync-worker';
import { ruleTester } from '../rule-tester';

const path = 'docker-compose.production.yml';
const web = (lines: string) => `services:\n  web:\n    build: .\n${lines}`;

ruleTester(rule, {
  valid: [
    { path, text: web('    command: gunicorn config.wsgi --workers 3\n') },
    { path, text: web('    command: gunicorn config.wsgi -w 1 -k gevent\n'), name: 'one async worker' },
    { path, text: web('    command: gunicorn config.wsgi -w 1 --threads 8\n'), name: 'one worker with threads (gthread)' },
    { path, text: web('    command: gunicorn config.wsgi\n    environment:\n      WEB_CONCURRENCY: "4"\n'), name: 'WEB_CONCURRENCY sets the default' },
    { path, text: web('    command: gunicorn config.wsgi\n    env_file: .envs/.production/.django\n'), name: 'an env file not in the repository may set WEB_CONCURRENCY' },
    { path, text: web('    command: gunicorn config.wsgi -w $WORKERS\n'), name: 'a variable: unknown' },
    { path, text: web('    command: uvicorn config.asgi:application\n'), name: 'uvicorn: not a sync worker' },
    { path: 'Procfile', text: 'web: gunicorn config.wsgi\n', name: 'the platform sets WEB_CONCURRENCY (Heroku does)' },
    { path: 'Procfile', text: 'web: gunicorn -w1 config.wsgi\n', name: 'the platform\'s GUNICORN_CMD_ARGS may set a worker class or threads' },
    { path: 'gunicorn.conf.py', text: 'workers = 4\n' },
    { path: 'gunicorn.conf.py', text: 'import multiprocessing\nworkers = multiprocessing.cpu_count() * 2 + 1\n', name: 'computed from the machine: unknown' },
    { path: 'gunicorn.conf.py', text: 'workers = 1\nworker_class = "uvicorn.workers.UvicornWorker"\n' },
    {
      path: 'gunicorn.conf.py',
      name: 'the start that loads it sets more workers',
      text: 'workers = 1\n',
      files: { Procfile: 'web: gunicorn -c gunicorn.conf.py -w 4 config.wsgi\n' },
    },
  ],
  invalid: [
    {
      path,
      text: web('    command: gunicorn config.wsgi --workers 1\n'),
      errors: [{ line: 4, column: 35, endColumn: 46, severity: 'info', message: '`--workers 1` and the sync worker class' }],
    },
    {
      path,
      name: 'the default, in a known environment',
      text: web('    command: gunicorn config.wsgi --bind 0.0.0.0:8000\n    environment:\n      DJANGO_DEBUG: "False"\n'),
      errors: [{ line: 4, column: 14, endColumn: 22, message: 'no worker count is set' }],
    },
    { path: 'gunicorn.conf.py', text: 'bind = "0.0.0.0:8000"\nworkers = 1\n', errors: [{ line: 2, column: 1, endColumn: 12, message: '`workers = 1`' }] },
  ],
});
