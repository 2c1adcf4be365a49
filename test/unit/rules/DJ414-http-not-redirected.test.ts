import { rule } from '../../../server/src/rules/DJ414-http-not-redirected';
import { ruleTester } from '../rule-tester';
import { SITE } from './nginx-cases';

const TLS_SERVER = 'server {\n    listen 443 ssl;\n    ssl_certificate /etc/ssl/site.pem;\n    location / { proxy_pass http://app:8000; }\n}\n';
const HTTP_SERVER = 'server {\n    listen 80;\n    server_name example.com;\n    location / { proxy_pass http://app:8000; }\n}\n';

ruleTester(rule, {
  valid: [
    { path: SITE, text: `server {\n    listen 80;\n    server_name example.com;\n    return 301 https://$host$request_uri;\n}\n${TLS_SERVER}`, name: 'port 80 redirects' },
    {
      path: SITE,
      text: `server {\n    listen 80;\n    location /.well-known/acme-challenge/ { root /var/www/certbot; }\n    location / { return 301 https://$host$request_uri; }\n}\n${TLS_SERVER}`,
      name: 'ACME challenges and a redirect',
    },
    { path: SITE, text: `server {\n    listen 80;\n    if ($host = example.com) { return 301 https://$host$request_uri; }\n    return 404;\n}\n${TLS_SERVER}`, name: "certbot's redirect" },
    { path: SITE, text: HTTP_SERVER, name: 'nginx serves no HTTPS anywhere: TLS may end before it (a load balancer), unknown' },
    { path: SITE, text: `server {\n    listen 8080;\n    location / { proxy_pass http://app:8000; }\n}\n${TLS_SERVER}`, name: 'not port 80' },
  ],
  invalid: [
    {
      path: SITE,
      name: 'port 80 proxies to the app while another server serves HTTPS',
      text: `${HTTP_SERVER}${TLS_SERVER}`,
      errors: [{ line: 2, column: 5, severity: 'warning', message: 'listens on port 80 and proxies to the app (http://app:8000)', related: [{ line: 4 }] }],
      output: `${HTTP_SERVER.replace('server_name example.com;', 'server_name example.com;\n    return 301 https://$host$request_uri;')}${TLS_SERVER}`,
    },
    {
      path: SITE,
      name: 'one server on both ports: no fix (the redirect would loop)',
      text: 'server {\n    listen [::]:80;\n    listen 443 ssl;\n    location / { uwsgi_pass django; }\n}\n',
      errors: [{ line: 2, column: 5 }],
    },
  ],
});
