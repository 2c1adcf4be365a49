import { rule } from '../../../server/src/rules/DJ413-proxy-forwarded-proto-missing';
import { ruleTester } from '../rule-tester';
import { PRODUCTION_SETTINGS, SITE, TRUSTS_PROTO, site } from './nginx-cases';

const TRUSTS = { [PRODUCTION_SETTINGS]: TRUSTS_PROTO };

ruleTester(rule, {
  valid: [
    { path: SITE, files: TRUSTS, text: site(['proxy_set_header X-Forwarded-Proto $scheme;']), name: 'the location sets it' },
    { path: SITE, files: TRUSTS, text: site([], ['proxy_set_header X-Forwarded-Proto $scheme;']), name: 'inherited from the server' },
    { path: SITE, files: TRUSTS, text: site(['include proxy_params;']), name: "Debian's proxy_params sets it" },
    { path: SITE, files: TRUSTS, text: site(['include /etc/nginx/snippets/unknown.conf;']), name: 'an include the repository lacks: unknown, silent' },
    {
      path: SITE,
      files: { ...TRUSTS, 'deploy/nginx/snippets/proxy.conf': 'proxy_set_header Host $host;\nproxy_set_header X-Forwarded-Proto $scheme;\n' },
      text: site(['include snippets/proxy.conf;']),
      name: 'an include of the repository sets it',
    },
    { path: SITE, files: { [PRODUCTION_SETTINGS]: 'DEBUG = False\n' }, text: site([]), name: 'Django trusts no proxy header' },
    { path: SITE, text: site([]), name: 'no production settings known' },
    { path: SITE, files: TRUSTS, text: 'server {\n    listen 80;\n    location / { proxy_pass http://app:8000;\n', name: 'syntax error: DJ001 speaks, not this rule' },
  ],
  invalid: [
    {
      path: SITE,
      files: TRUSTS,
      name: 'no header at all: added in the location',
      text: site([]),
      errors: [{ line: 4, column: 5, severity: 'warning', message: 'location / proxies to the app without setting X-Forwarded-Proto', related: [{ path: PRODUCTION_SETTINGS, line: 1 }, { line: 5 }] }],
      output: site(['proxy_set_header X-Forwarded-Proto $scheme;']),
    },
    {
      path: SITE,
      files: TRUSTS,
      name: 'the location sets other headers, so the server-level one is not inherited: added beside them',
      text: site(['proxy_set_header Host $host;'], ['proxy_set_header X-Forwarded-Proto $scheme;']),
      errors: [{ line: 5, column: 5, message: 'location / sets the proxied headers but not X-Forwarded-Proto' }],
      output: site(['proxy_set_header Host $host;', 'proxy_set_header X-Forwarded-Proto $scheme;'], ['proxy_set_header X-Forwarded-Proto $scheme;']),
    },
    {
      path: SITE,
      files: TRUSTS,
      name: 'two locations inheriting the server headers: one finding, at the server, where the line goes',
      text: 'server {\n    listen 443 ssl;\n    proxy_set_header Host $host;\n    location / { proxy_pass http://app:8000; }\n    location /api/ { proxy_pass http://app:8000; }\n}\n',
      errors: [{ line: 1, column: 1, message: 'server sets the proxied headers but not X-Forwarded-Proto', related: [{ path: PRODUCTION_SETTINGS, line: 1 }, { line: 4 }, { line: 5 }] }],
      output: 'server {\n    listen 443 ssl;\n    proxy_set_header Host $host;\n    proxy_set_header X-Forwarded-Proto $scheme;\n    location / { proxy_pass http://app:8000; }\n    location /api/ { proxy_pass http://app:8000; }\n}\n',
    },
    {
      path: SITE,
      files: { [PRODUCTION_SETTINGS]: 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_SSL", "on")\n' },
      name: 'another trusted header: named as Django reads it',
      text: site(['proxy_set_header X-Forwarded-Proto $scheme;']),
      errors: [{ line: 4, column: 5, message: 'sets the proxied headers but not X-Forwarded-Ssl' }],
    },
    {
      path: 'nginx/site.conf',
      files: TRUSTS,
      name: 'CRLF line endings are kept',
      text: site([]).replace(/\n/g, '\r\n'),
      errors: [{ line: 4, column: 5 }],
      output: site(['proxy_set_header X-Forwarded-Proto $scheme;']).replace(/\n/g, '\r\n'),
    },
  ],
});
