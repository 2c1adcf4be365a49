import { rule } from '../../../server/src/rules/DJ417-tls-protocol-outdated';
import { ruleTester } from '../rule-tester';
import { MAIN, SITE, site } from './nginx-cases';

ruleTester(rule, {
  valid: [
    { path: SITE, text: site([], ['ssl_protocols TLSv1.2 TLSv1.3;']) },
    { path: SITE, text: site([], ['ssl_protocols TLSv1.3;']) },
    { path: SITE, text: site([]), name: "unset: nginx's default depends on its version, unknown" },
    { path: SITE, text: `${site([], ['ssl_protocols TLSv1;'])}}\n`, name: 'syntax error: DJ001 speaks' },
  ],
  invalid: [
    {
      path: MAIN,
      name: "Debian bookworm's nginx.conf",
      text: 'events {}\nhttp {\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3; # Dropping SSLv3, ref: POODLE\n}\n',
      errors: [{ line: 3, column: 5, endColumn: 49, severity: 'warning', message: 'ssl_protocols enables TLSv1, TLSv1.1: deprecated', related: [{ path: MAIN, line: 3, message: 'TLSv1 is outdated' }, { path: MAIN, line: 3, message: 'TLSv1.1 is outdated' }] }],
      output: 'events {}\nhttp {\n    ssl_protocols TLSv1.2 TLSv1.3; # Dropping SSLv3, ref: POODLE\n}\n',
    },
    {
      path: SITE,
      name: 'nothing current left: TLS 1.2 and 1.3 written',
      text: site([], ['ssl_protocols SSLv3 TLSv1;']),
      errors: [{ line: 4, column: 5, message: 'SSLv3, TLSv1' }],
      output: site([], ['ssl_protocols TLSv1.2 TLSv1.3;']),
    },
  ],
});
