import { rule } from '../../../server/src/rules/DJ613-static-cache-headers-missing';
import { ruleTester } from '../rule-tester';
import { PRODUCTION_SETTINGS, SITE } from './nginx-cases';

const server = (lines: string[]) => `server {\n    listen 443 ssl;\n${lines.map((line) => `    ${line}\n`).join('')}}\n`;

ruleTester(rule, {
  valid: [
    { path: SITE, text: server(['location /static/ {', '    alias /srv/static/;', '    expires 30d;', '}']) },
    { path: SITE, text: server(['location /media/ {', '    alias /srv/media/;', '    add_header Cache-Control "public, max-age=86400";', '}']) },
    { path: SITE, text: server(['expires 7d;', 'location /static/ {', '    alias /srv/static/;', '}']), name: 'expires inherited from the server' },
    { path: SITE, text: server(['location /static/ {', '    proxy_pass http://app:8000;', '}']), name: 'proxied: the app (WhiteNoise) sets the headers' },
    { path: SITE, text: server(['location /downloads/ {', '    alias /srv/files/;', '}']), name: 'not static or media' },
    { path: SITE, text: server(['location ~* \\.(css|js)$ {', '    root /srv;', '}']), name: 'a regex location: what it serves is its own' },
  ],
  invalid: [
    {
      path: SITE,
      name: 'static files without cache headers',
      text: server(['location /static/ {', '    alias /srv/static/;', '}']),
      errors: [{ line: 3, column: 5, endColumn: 22, severity: 'info', message: 'serves /static/ files without `expires`' }],
      output: server(['location /static/ {', '    alias /srv/static/;', '    expires 30d;', '}']),
    },
    {
      path: SITE,
      name: "production's STATIC_URL, expires off",
      files: { [PRODUCTION_SETTINGS]: 'STATIC_URL = "/assets/"\n' },
      text: server(['location ^~ /assets {', '    root /srv;', '    expires off;', '}']),
      errors: [{ line: 3, column: 5, message: 'serves /assets/ files' }],
    },
  ],
});
