/** Shared pieces of the nginx rules' tables: where the site file and the production settings live. */
export const SITE = 'deploy/nginx/app.conf';
export const MAIN = 'deploy/nginx/nginx.conf';
export const PRODUCTION_SETTINGS = 'config/settings/production.py';
export const TRUSTS_PROTO = 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")\n';

/** A site whose one location proxies to gunicorn, with the given lines in the location. */
export function site(locationLines: string[], serverLines: string[] = []): string {
  return [
    'server {',
    '    listen 443 ssl;',
    '    server_name example.com;',
    ...serverLines.map((line) => `    ${line}`),
    '    location / {',
    ...locationLines.map((line) => `        ${line}`),
    '        proxy_pass http://app:8000;',
    '    }',
    '}',
    '',
  ].join('\n');
}
