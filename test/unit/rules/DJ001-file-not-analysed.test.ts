import { rule } from '../../../server/src/rules/DJ001-file-not-analysed';
import { ruleTester } from '../rule-tester';

// Skipped and mis-encoded files come from the file reader; the end-to-end cases from disk are in
// test/unit/project/load.test.ts and test/unit/engine/runner.test.ts. Here the table drives the
// rule through sources the reader would produce.
ruleTester(rule, {
  valid: [{ text: 'DJANGO_DEBUG=False\n' }, { text: '' }, { path: 'docker-compose.production.yml', text: 'services:\n  django:\n    image: app:1.0\n' }, { path: 'Procfile', text: '# web\nweb: gunicorn app\n' }, { path: 'nginx.conf', text: 'events {}\nhttp { server { listen 80; } }\n' }, { path: 'requirements.txt', text: '# base\nDjango==5.2.8 --hash=sha256:00\n-e .\n--index-url https://pypi.example/simple\n' }, { path: 'poetry.lock', text: '[[package]]\nname = "django"\nversion = "5.2.8"\n' }, { path: 'deploy/app.service', text: '[Service]\nExecStart=/bin/gunicorn \\\n  app.wsgi\n' }, { path: 'Dockerfile', name: 'style is not a build error (lowercase, MAINTAINER, relative WORKDIR)', text: 'from python:3.12\nMAINTAINER me\nworkdir app\nCMD ["gunicorn", "config.wsgi"]\n' }],
  invalid: [
    {
      name: 'a requirements line pip cannot read',
      path: 'requirements.txt',
      text: 'Django==5.2.8\nDjango>=>4\n',
      errors: [{ line: 2, column: 1, endColumn: 11, severity: 'warning', message: 'Preflight could not read this dependency file here: "Django>=>4" is not a requirement pip can read' }],
    },
    {
      name: 'an include that is not in the project: its versions are unknown',
      path: 'requirements.txt',
      text: '-r base.txt\ngunicorn\n',
      errors: [{ line: 1, column: 1, endColumn: 12, severity: 'info', message: 'Preflight analysed this file, but base.txt is not in the project, so the versions it sets are unknown.' }],
    },
    {
      name: 'a lock file that is not TOML',
      path: 'poetry.lock',
      text: '[[package]]\nname = "django"\nversion = \n',
      errors: [{ line: 3, column: 1, severity: 'warning', message: 'Preflight could not read this dependency file here: it is not valid TOML' }],
    },
    {
      name: 'a Pipfile.lock that is not JSON',
      path: 'Pipfile.lock',
      text: '{"default": {',
      errors: [{ line: 1, column: 1, severity: 'warning', message: 'Preflight could not read this dependency file here: it is not valid JSON' }],
    },
    {
      name: 'systemd unit lines systemd-analyze verify rejects',
      path: 'deploy/app.service',
      text: 'User=root\n[Service]\nExecStart=/bin/gunicorn app\ngunicorn\n[Install\n',
      errors: [
        { line: 1, column: 1, endColumn: 10, severity: 'warning', message: 'Preflight could not read this systemd unit line: an assignment outside of any section: systemd ignores it.' },
        { line: 4, column: 1, endColumn: 9, severity: 'warning', message: "Preflight could not read this systemd unit line: missing '=': systemd ignores the line." },
        { line: 5, column: 1, endColumn: 9, severity: 'warning', message: 'Preflight could not read this systemd unit line: invalid section header `[Install`: systemd refuses to load the unit.' },
      ],
    },
    {
      name: 'a Dockerfile instruction docker build does not know',
      path: 'Dockerfile',
      text: 'FROM python:3.12\nCOPY . /app\nRUNN pip install -r requirements.txt\n',
      errors: [{ line: 3, column: 1, endColumn: 5, severity: 'warning', message: 'docker build would refuse this instruction: Unknown instruction: RUNN.' }],
    },
    {
      name: 'a Dockerfile named by a compose build: whatever its name',
      path: 'docker/web.df',
      text: 'ENV A=1\nFROM python:3.12\n',
      files: { 'docker-compose.production.yml': 'services:\n  web:\n    build:\n      context: .\n      dockerfile: docker/web.df\n' },
      errors: [{ line: 1, column: 1, severity: 'warning', message: 'No source image provided with `FROM`' }],
    },
    {
      name: 'a Procfile line that is not `name: command`',
      path: 'Procfile',
      text: 'web: gunicorn app\ngunicorn worker\n',
      errors: [{ line: 2, column: 1, endColumn: 16, severity: 'warning', message: 'Preflight could not read this Procfile line: this line is not `name: command`, so the platform runs nothing for it.' }],
    },
    {
      name: 'an nginx configuration with a directive not ended by ;',
      path: 'deploy/nginx/site.conf',
      text: 'server {\n    listen 80\n}\n',
      errors: [{ line: 2, column: 14, severity: 'warning', message: 'Preflight could not analyse this nginx configuration (nor can nginx load it): unexpected "}": the directive "listen" is not ended with ";".' }],
    },
    {
      name: 'a compose file with a YAML syntax error',
      path: 'docker-compose.production.yml',
      text: 'services:\n  django:\n    image: app:1.0\n    image: app:2.0\n',
      errors: [{ line: 4, column: 5, severity: 'warning', message: 'Preflight could not analyse this compose file (nor can docker compose read it): YAML syntax error: Map keys must be unique.' }],
    },
    {
      name: 'a compose file whose aliases expand without bound',
      path: 'docker-compose.production.yml',
      text:
        'x-a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]\n' +
        'x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
        'x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n' +
        'x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n' +
        'services:\n  django:\n    image: app:1.0\n',
      errors: [{ line: 1, column: 1, message: 'its YAML aliases expand beyond 200 references (an alias "bomb").' }],
    },
    {
      name: 'a skipped file',
      text: '',
      skipped: 'the file is binary (it contains NUL bytes)',
      errors: [{ line: 1, column: 1, severity: 'warning', message: 'Preflight skipped this file: the file is binary' }],
    },
    {
      name: 'a file read with replacement characters',
      text: 'A=caf\uFFFD\n',
      notice: 'the file is not valid UTF-8; invalid bytes were read as U+FFFD',
      errors: [{ line: 1, column: 1, severity: 'info', message: 'not valid UTF-8' }],
    },
    {
      name: 'skipped in an unknown context stays a warning',
      path: '.env',
      text: '',
      skipped: 'the file is 20.0 MB, over the 5.0 MB limit',
      errors: [{ line: 1, column: 1, severity: 'warning', message: 'over the 5.0 MB limit' }],
    },
  ],
});
