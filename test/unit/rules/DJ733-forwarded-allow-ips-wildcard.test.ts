import { rule } from '../../../server/src/rules/DJ733-forwarded-allow-ips-wildcard';
import { ruleTester } from '../rule-tester';

const path = 'docker-compose.production.yml';
const web = (lines: string, more = '') => `services:\n  web:\n    build: .\n${lines}${more}`;
const published = '    ports:\n      - "8000:8000"\n';
const nginx = '  nginx:\n    image: nginx:1.27\n    ports:\n      - "443:443"\n';

ruleTester(rule, {
  valid: [
    { path, text: web(`    command: gunicorn config.wsgi --forwarded-allow-ips '*'\n`, nginx), name: 'a proxy service in front' },
    { path, text: web(`    command: gunicorn config.wsgi --forwarded-allow-ips '*'\n    expose:\n      - "8000"\n`), name: 'no port published' },
    { path, text: web(`    command: gunicorn config.wsgi --forwarded-allow-ips '*'\n    ports:\n      - "127.0.0.1:8000:8000"\n`), name: 'published on loopback (a proxy on the host)' },
    { path, text: web(`    command: gunicorn config.wsgi --forwarded-allow-ips 10.0.0.2\n${published}`) },
    { path, text: web(`    command: uvicorn config.asgi:application --no-proxy-headers --forwarded-allow-ips '*'\n${published}`), name: 'uvicorn ignores the headers' },
    { path: 'Procfile', text: "web: gunicorn config.wsgi --forwarded-allow-ips '*'\n", name: 'a platform router is in front' },
    { path: 'gunicorn.conf.py', text: 'forwarded_allow_ips = "*"\n', name: 'no start known to load it' },
  ],
  invalid: [
    {
      path,
      text: web(`    command: gunicorn config.wsgi --forwarded-allow-ips '*'\n${published}`),
      errors: [{ line: 4, column: 35, endColumn: 60, severity: 'warning', message: 'publishes 8000:8000 with no proxy service in front' }],
      output: web(`    command: gunicorn config.wsgi\n${published}`),
    },
    {
      path,
      name: 'uvicorn, in a list of allowed addresses',
      text: web(`    command: uvicorn config.asgi:application --host 0.0.0.0 --forwarded-allow-ips=10.0.0.1,*\n${published}`),
      errors: [{ line: 4, column: 61, message: 'uvicorn' }],
      output: web(`    command: uvicorn config.asgi:application --host 0.0.0.0\n${published}`),
    },
    {
      path,
      name: 'from GUNICORN_CMD_ARGS: on the command',
      text: web(`    command: gunicorn config.wsgi\n    environment:\n      GUNICORN_CMD_ARGS: "--forwarded-allow-ips=*"\n${published}`),
      errors: [{ line: 4, column: 14, message: 'from GUNICORN_CMD_ARGS' }],
    },
    {
      path: 'gunicorn.conf.py',
      text: 'bind = "0.0.0.0:8000"\nforwarded_allow_ips = "*"\n',
      files: { 'docker-compose.production.yml': web('    command: gunicorn -c /app/gunicorn.conf.py config.wsgi\n', published) },
      errors: [{ line: 2, column: 1, endColumn: 26, message: 'the command of service `web` loads this file' }],
    },
  ],
});
