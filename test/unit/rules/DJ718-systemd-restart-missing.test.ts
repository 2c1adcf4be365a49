import { rule } from '../../../server/src/rules/DJ718-systemd-restart-missing';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'deploy/app.service', text: '[Service]\nExecStart=/srv/venv/bin/gunicorn config.wsgi\nRestart=always\n' },
    { path: 'deploy/migrate.service', text: '[Service]\nType=oneshot\nExecStart=/srv/venv/bin/python manage.py migrate\n', name: 'a oneshot job' },
    { path: 'deploy/backup.service', text: '[Service]\nExecStart=/usr/bin/pg_dump app\n', name: 'not a Django process' },
  ],
  invalid: [
    {
      path: 'deploy/celery.service',
      text: '[Unit]\nDescription=worker\n\n[Service]\nExecStart=/srv/venv/bin/celery -A config \\\n  worker\n\n[Install]\nWantedBy=multi-user.target\n',
      errors: [{ line: 5, column: 1, endColumn: 10, severity: 'warning', message: 'sets no Restart=' }],
      output: '[Unit]\nDescription=worker\n\n[Service]\nExecStart=/srv/venv/bin/celery -A config \\\n  worker\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n',
    },
    {
      path: 'deploy/app.service',
      name: 'CRLF stays CRLF',
      text: '[Service]\r\nExecStart=/srv/venv/bin/gunicorn config.wsgi\r\n',
      errors: [{ line: 2, column: 1 }],
      output: '[Service]\r\nExecStart=/srv/venv/bin/gunicorn config.wsgi\r\nRestart=on-failure\r\n',
    },
  ],
});
