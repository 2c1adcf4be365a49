import { rule } from '../../../server/src/rules/DJ614-gzip-off';
import { ruleTester } from '../rule-tester';
import { MAIN, SITE, site } from './nginx-cases';

ruleTester(rule, {
  valid: [
    { path: MAIN, text: 'events {}\nhttp {\n    gzip on;\n}\n' },
    { path: SITE, text: site([]), name: 'a site file alone: the main configuration decides, unknown' },
    { path: SITE, text: site(['gzip off;']), name: 'off in one location: may be deliberate (BREACH)' },
    { path: MAIN, text: 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n', name: 'an include may turn it on: unknown' },
    { path: MAIN, files: { 'deploy/nginx/snippets/compression.conf': 'gzip on;\n' }, text: 'events {}\nhttp {\n    include snippets/compression.conf;\n}\n', name: 'set by an include of the repository' },
  ],
  invalid: [
    {
      path: SITE,
      name: 'gzip off in a server',
      text: site([], ['gzip off;']),
      errors: [{ line: 4, column: 5, severity: 'info', message: 'gzip off' }],
      output: site([], ['gzip on;']),
    },
    {
      path: MAIN,
      name: 'the main http block never turns it on',
      text: 'events {}\nhttp {\n    sendfile on;\n}\n',
      errors: [{ line: 2, column: 1, message: "nginx's default is off" }],
      output: 'events {}\nhttp {\n    gzip on;\n    gzip_types text/css application/javascript application/json image/svg+xml text/plain;\n    sendfile on;\n}\n',
    },
    {
      path: MAIN,
      name: 'the installed mime.types and a repository include that does not set it: the default holds',
      files: { 'deploy/nginx/snippets/site.conf': 'sendfile on;\n' },
      text: 'events {}\nhttp {\n    include /etc/nginx/mime.types;\n    include snippets/site.conf;\n}\n',
      errors: [{ line: 2, column: 1, message: "nginx's default is off" }],
    },
  ],
});
