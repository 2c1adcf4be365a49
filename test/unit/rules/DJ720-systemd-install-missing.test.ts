import { rule } from '../../../server/src/rules/DJ720-systemd-install-missing';
import { ruleTester } from '../rule-tester';

const path = 'deploy/systemd/app.service';
const service = '[Unit]\nDescription=app\n\n[Service]\nUser=app\nExecStart=/srv/venv/bin/gunicorn config.wsgi\nRestart=on-failure\n';

ruleTester(rule, {
  valid: [
    { path, text: `${service}\n[Install]\nWantedBy=multi-user.target\n` },
    { path, text: `${service}\n[Install]\nRequiredBy=app.target\n`, name: 'RequiredBy= enables it too' },
    { path, text: '[Service]\nType=oneshot\nExecStart=/srv/venv/bin/python manage.py migrate\n', name: 'a oneshot job' },
    { path, text: '[Service]\nExecStart=/usr/bin/pg_dump app\n', name: 'not a Django process' },
    { path, text: service, files: { 'deploy/systemd/app.socket': '[Socket]\nListenStream=/run/app.sock\n\n[Install]\nWantedBy=sockets.target\n' }, name: 'socket-activated: app.socket starts it' },
    { path, text: service, files: { 'deploy/systemd/web.socket': '[Socket]\nListenStream=/run/app.sock\nService=app.service\nUnit=app.service\n' }, name: 'a socket naming it in Unit=' },
    { path: 'deploy/systemd/cleanup.service', text: '[Service]\nUser=app\nExecStart=/srv/venv/bin/python manage.py clearsessions\n', files: { 'deploy/systemd/cleanup.timer': '[Timer]\nOnCalendar=daily\n\n[Install]\nWantedBy=timers.target\n' }, name: 'timer-activated' },
    { path, text: service, files: { 'deploy/systemd/celery.service': '[Unit]\nWants=redis.service app.service\n[Service]\nExecStart=/srv/venv/bin/celery -A config worker\n[Install]\nWantedBy=multi-user.target\n' }, name: 'another unit Wants= it' },
    { path, text: '[Service]\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n[Install\n', name: 'a unit systemd refuses to load is DJ001\'s' },
  ],
  invalid: [
    {
      path,
      name: 'no [Install] section: the fix appends one',
      text: service,
      errors: [{ line: 6, column: 1, endColumn: 10, severity: 'warning', message: '`systemctl enable app.service` has nothing to hook it to' }],
      output: `${service}\n[Install]\nWantedBy=multi-user.target\n`,
    },
    {
      path,
      name: 'an [Install] with only Alias=: the fix adds WantedBy= to it',
      text: '[Service]\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n\n[Install]\nAlias=web.service\n',
      errors: [{ line: 4, column: 1, endColumn: 10 }],
      output: '[Service]\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n\n[Install]\nAlias=web.service\nWantedBy=multi-user.target\n',
    },
    {
      path,
      name: 'an empty WantedBy= resets the list',
      text: '[Service]\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n[Install]\nWantedBy=multi-user.target\nWantedBy=\n',
      errors: [{ line: 3, column: 1 }],
      output: '[Service]\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n[Install]\nWantedBy=multi-user.target\nWantedBy=\nWantedBy=multi-user.target\n',
    },
    {
      path,
      name: 'no final line break, CRLF',
      text: '[Service]\r\nExecStart=/srv/venv/bin/celery -A config worker',
      errors: [{ line: 2, column: 1 }],
      output: '[Service]\r\nExecStart=/srv/venv/bin/celery -A config worker\r\n\r\n[Install]\r\nWantedBy=multi-user.target\r\n',
    },
    {
      path,
      name: 'a socket for another service does not start this one',
      text: '[Service]\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n\n',
      files: { 'deploy/systemd/other.socket': '[Socket]\nListenStream=80\n[Install]\nWantedBy=sockets.target\n' },
      errors: [{ line: 2, column: 1 }],
      output: '[Service]\nExecStart=/srv/venv/bin/gunicorn config.wsgi\n\n[Install]\nWantedBy=multi-user.target\n',
    },
  ],
});
