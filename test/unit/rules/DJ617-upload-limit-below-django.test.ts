import { rule } from '../../../server/src/rules/DJ617-upload-limit-below-django';
import { ruleTester } from '../rule-tester';
import { MAIN, PRODUCTION_SETTINGS, SITE, site } from './nginx-cases';

const DEFAULTS = { [PRODUCTION_SETTINGS]: 'DEBUG = False\n' };
const main = (serverLines: string[]) => `events {}\nhttp {\n    include mime.types;\n    server {\n        listen 443 ssl;\n        server_name example.com;\n${serverLines.map((line) => `        ${line}\n`).join('')}        location / {\n            proxy_pass http://app:8000;\n        }\n    }\n}\n`;

ruleTester(rule, {
  valid: [
    { path: SITE, files: DEFAULTS, text: site([], ['client_max_body_size 10m;']) },
    { path: SITE, files: DEFAULTS, text: site(['client_max_body_size 0;']), name: '0: no limit' },
    { path: SITE, files: { [PRODUCTION_SETTINGS]: 'DATA_UPLOAD_MAX_MEMORY_SIZE = 524288\n' }, text: site([], ['client_max_body_size 1m;']), name: 'Django allows less' },
    { path: SITE, files: { [PRODUCTION_SETTINGS]: 'DATA_UPLOAD_MAX_MEMORY_SIZE = None\n' }, text: site([], ['client_max_body_size 1k;']), name: 'Django sets no limit' },
    { path: SITE, files: DEFAULTS, text: site([]), name: 'a site file without its http block: the main configuration may set it, unknown' },
    { path: MAIN, files: DEFAULTS, text: main([]).replace('include mime.types;', 'include conf.d/*.conf;'), name: 'an include that may set it: unknown' },
    { path: SITE, text: site([], ['client_max_body_size 1m;']), name: 'no production settings' },
  ],
  invalid: [
    {
      path: SITE,
      files: DEFAULTS,
      name: "1m against Django's default 2.5 MB",
      text: site([], ['client_max_body_size 1m;']),
      errors: [{ line: 4, column: 5, severity: 'info', message: "client_max_body_size 1m is below Django's default DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)", related: [{ path: PRODUCTION_SETTINGS, line: 1 }, { line: 6 }] }],
      output: site([], ['client_max_body_size 3m;']),
    },
    {
      path: MAIN,
      files: { [PRODUCTION_SETTINGS]: 'DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024\n' },
      name: "nginx's default in a whole configuration: the line goes into the server",
      text: main([]),
      errors: [{ line: 4, column: 5, message: "nginx's default client_max_body_size (1m) is below DATA_UPLOAD_MAX_MEMORY_SIZE (10 MB)", related: [{ path: PRODUCTION_SETTINGS, line: 1 }, { path: MAIN, line: 8 }] }],
      output: main(['client_max_body_size 10m;']),
    },
  ],
});
