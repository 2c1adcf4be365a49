import { rule } from '../../../server/src/rules/DJ731-server-log-level-debug';
import { ruleTester } from '../rule-tester';

const path = 'docker-compose.production.yml';
const web = (lines: string) => `services:\n  web:\n    build: .\n${lines}`;

ruleTester(rule, {
  valid: [
    { path, text: web('    command: gunicorn config.wsgi --log-level info\n') },
    { path, text: web('    command: gunicorn config.wsgi --log-level trace\n'), name: 'trace is no gunicorn level (it logs at info)' },
    { path, text: web('    command: uvicorn config.asgi:application --log-level warning\n') },
    { path, text: web('    command: gunicorn config.wsgi --log-level $LOG_LEVEL\n'), name: 'a variable: unknown' },
    { path: 'Procfile', text: 'web: gunicorn config.wsgi --log-level=info\n' },
    { path: 'gunicorn.conf.py', text: 'loglevel = "warning"\n' },
    { path: 'gunicorn.conf.py', text: 'import os\nloglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")\n', name: 'an env read with a default of info' },
    {
      path: 'gunicorn.conf.py',
      name: 'every start that loads it sets its own level',
      text: 'loglevel = "debug"\n',
      files: { Procfile: 'web: gunicorn -c gunicorn.conf.py --log-level info config.wsgi\n' },
    },
  ],
  invalid: [
    {
      path,
      text: web('    command: gunicorn config.wsgi --log-level debug\n'),
      errors: [{ line: 4, column: 35, endColumn: 52, severity: 'warning', message: '`--log-level debug`' }],
      output: web('    command: gunicorn config.wsgi --log-level info\n'),
    },
    {
      path,
      name: 'uvicorn trace, attached',
      text: web('    command: uvicorn config.asgi:application --log-level=trace\n'),
      errors: [{ line: 4, column: 46, endColumn: 63 }],
      output: web('    command: uvicorn config.asgi:application --log-level=info\n'),
    },
    {
      path: 'Procfile',
      name: 'upper case, abbreviated',
      text: 'web: gunicorn --log-lev DEBUG config.wsgi\n',
      errors: [{ line: 1, column: 15, endColumn: 30, message: 'Process `web`' }],
      output: 'web: gunicorn --log-lev info config.wsgi\n',
    },
    {
      path: 'gunicorn.conf.py',
      text: "workers = 3\nloglevel = 'debug'\n",
      errors: [{ line: 2, column: 1, endColumn: 19, message: '`loglevel = "debug"`' }],
      output: "workers = 3\nloglevel = 'info'\n",
    },
  ],
});
