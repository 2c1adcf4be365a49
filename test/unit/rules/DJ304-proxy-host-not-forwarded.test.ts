import { rule } from '../../../server/src/rules/DJ304-proxy-host-not-forwarded';
import { ruleTester } from '../rule-tester';
import { MAIN, SITE, site } from './nginx-cases';

ruleTester(rule, {
  valid: [
    { path: SITE, text: site(['proxy_set_header Host $host;']), name: 'the location sets it' },
    { path: SITE, text: site(['proxy_set_header host $http_host;']), name: 'header names are case-insensitive' },
    { path: SITE, text: site([], ['proxy_set_header Host $host;']), name: 'inherited from the server' },
    { path: SITE, text: site(['include proxy_params;']), name: "Debian's proxy_params sets Host $http_host" },
    { path: SITE, text: site(['include snippets/*.conf;']), name: 'a glob include: unknown, silent' },
    { path: SITE, text: site([], ['# preflight: disable-next-line DJ304 -- the upstream checks Host itself']), name: 'a suppression comment above the location' },
    { path: SITE, text: 'server {\n    listen 80;\n    location /static/ { alias /srv/static/; }\n}\n', name: 'nothing proxied' },
    {
      path: SITE,
      files: { [MAIN]: 'events {}\nhttp {\n    proxy_set_header Host $host;\n    include conf.d/*.conf;\n}\n' },
      text: site([]),
      name: "a site file below a main configuration that sets headers at the http level: which reach it is not known here",
    },
  ],
  invalid: [
    {
      path: SITE,
      name: 'no header at all',
      text: site([]),
      errors: [{ line: 4, column: 5, endColumn: 15, severity: 'warning', message: 'location / proxies to the app without setting Host', related: [{ line: 5 }] }],
      output: site(['proxy_set_header Host $host;']),
    },
    {
      path: SITE,
      name: 'the location sets X-Forwarded-For only: the server-level Host is not inherited',
      text: site(['proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;'], ['proxy_set_header Host $host;']),
      errors: [{ line: 5, column: 5, message: 'sets the proxied headers but not Host' }],
      output: site(['proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;', 'proxy_set_header Host $host;'], ['proxy_set_header Host $host;']),
    },
    {
      path: MAIN,
      name: 'in a main configuration, inside http',
      text: 'events {}\nhttp {\n    server {\n        listen 80;\n        location / {\n            proxy_pass http://unix:/run/gunicorn.sock;\n        }\n    }\n}\n',
      errors: [{ line: 5, column: 9, message: 'http://unix:/run/gunicorn.sock' }],
      output: 'events {}\nhttp {\n    server {\n        listen 80;\n        location / {\n            proxy_set_header Host $host;\n            proxy_pass http://unix:/run/gunicorn.sock;\n        }\n    }\n}\n',
    },
    {
      path: SITE,
      name: 'a location on one line: the line goes after the brace',
      text: 'server {\n    location / { proxy_pass http://app:8000; }\n}\n',
      errors: [{ line: 2, column: 5 }],
      output: 'server {\n    location / { proxy_pass http://app:8000; }\n}\n'.replace('{ proxy_pass', '{\n        proxy_set_header Host $host;\n        proxy_pass'),
    },
    {
      path: SITE,
      name: "a main configuration whose http block sets no header (mime.types sets none): the site's own headers decide",
      files: { [MAIN]: 'events {}\nhttp {\n    include /etc/nginx/mime.types;\n    server_tokens off;\n}\n' },
      text: site([]),
      errors: [{ line: 4, column: 5, message: 'proxies to the app without setting Host' }],
      output: site(['proxy_set_header Host $host;']),
    },
  ],
});
