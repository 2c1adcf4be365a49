import { rule } from '../../../server/src/rules/DJ614-gzip-off';
import { ruleTester } from '../rule-tester';
import { MAIN, SITE, site } from './nginx-cases';

ruleTester(rule, {
  valid: [
    { path: MAIN, text: 'events {}\nhttp {\n    gzip on;\n}\n' },
    { path: SITE, text: site([]), name: 'a site file alone: the main configuration decides, unknown' },
    { path: SITE, text: site(['gzip off;']), name: 'off in one location: may be deliberate (BREACH)' },
    { path: MAIN, text: 'events {}\nhttp {\n    include conf.d/*.conf;\n}\n', name: 'an include may turn it on: unknown' },
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
  ],
});
