import { rule } from '../../../server/src/rules/DJ719-systemd-runs-as-root';
import { ruleTester } from '../rule-tester';

const path = 'deploy/systemd/app.service';

ruleTester(rule, {
  valid: [
    { path, text: '[Service]\nUser=shop\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n' },
    { path, text: '[Service]\nDynamicUser=yes\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n', name: 'DynamicUser=yes: systemd allocates a user' },
    { path, text: '[Service]\nExecStart=/srv/venv/bin/gunicorn --user www-data --group www-data config.wsgi\n', name: 'gunicorn drops root itself after binding' },
    { path, text: '[Service]\nExecStart=/srv/venv/bin/celery -A config worker --uid celery\n', name: "Celery's --uid" },
    { path: 'deploy/app@.service', text: '[Service]\nUser=%i\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n', name: 'a specifier: not written root' },
    { path: 'deploy/backup.service', text: '[Service]\nExecStart=/usr/bin/pg_dump app\n', name: 'not a Django process' },
    { path: '.config/systemd/user/app.service', text: '[Service]\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n', name: 'a user unit runs as the user who starts it' },
  ],
  invalid: [
    {
      path,
      name: 'User=root',
      text: '[Service]\nUser=root\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n',
      errors: [{ line: 2, column: 6, endColumn: 10, severity: 'warning', message: 'This unit runs `gunicorn` as root (User=root)' }],
    },
    {
      path,
      name: 'no User= at all',
      text: '[Unit]\nDescription=worker\n[Service]\nExecStart=/srv/venv/bin/celery -A config worker\n',
      errors: [{ line: 4, column: 1, endColumn: 10, severity: 'warning', message: 'This unit sets no User= (nor DynamicUser=yes), so systemd runs Celery as root' }],
    },
    { path, name: 'User=0', text: '[Service]\nUser=0\nExecStart=/srv/venv/bin/uvicorn config.asgi:application\n', errors: [{ line: 2, column: 6, message: 'as root (User=0)' }] },
    { path, name: 'DynamicUser=no', text: '[Service]\nDynamicUser=no\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n', errors: [{ line: 3, column: 1 }] },
    { path, name: 'a later User= wins', text: '[Service]\nUser=shop\nUser=root\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n', errors: [{ line: 3, column: 6 }] },
    { path, name: 'User= outside [Service] is not the process user', text: '[Unit]\nUser=shop\n[Service]\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n', errors: [{ line: 4, column: 1 }] },
  ],
});
