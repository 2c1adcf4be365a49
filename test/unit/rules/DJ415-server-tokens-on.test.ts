import { rule } from '../../../server/src/rules/DJ415-server-tokens-on';
import { ruleTester } from '../rule-tester';
import { MAIN, SITE, site } from './nginx-cases';

ruleTester(rule, {
  valid: [
    { path: SITE, text: site([], ['server_tokens off;']) },
    { path: SITE, text: site([]), name: 'a site file alone: the main configuration decides, unknown' },
    { path: MAIN, text: 'events {}\nhttp {\n    server_tokens off;\n}\n' },
    { path: MAIN, text: 'events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n', name: 'an include may set it: unknown' },
    { path: MAIN, files: { 'deploy/nginx/snippets/compression.conf': 'server_tokens off;\n' }, text: 'events {}\nhttp {\n    include snippets/compression.conf;\n}\n', name: 'set by an include of the repository' },
  ],
  invalid: [
    {
      path: SITE,
      name: 'server_tokens on',
      text: site([], ['server_tokens on;']),
      errors: [{ line: 4, column: 5, severity: 'info', message: 'server_tokens on sends' }],
      output: site([], ['server_tokens off;']),
    },
    {
      path: MAIN,
      name: 'the main http block leaves the default',
      text: 'events {}\nhttp {\n    sendfile on;\n}\n',
      errors: [{ line: 2, column: 1, message: "does not set server_tokens, so nginx's default (on)" }],
      output: 'events {}\nhttp {\n    server_tokens off;\n    sendfile on;\n}\n',
    },
    {
      path: MAIN,
      name: 'the installed mime.types and a repository include that does not set it: the default holds',
      files: { 'deploy/nginx/snippets/site.conf': 'sendfile on;\n' },
      text: 'events {}\nhttp {\n    include /etc/nginx/mime.types;\n    include snippets/site.conf;\n}\n',
      errors: [{ line: 2, column: 1, message: "does not set server_tokens" }],
    },
  ],
});
