import { rule } from '../../../server/src/rules/DJ702-port-all-interfaces';
import { ruleTester } from '../rule-tester';

const path = 'docker-compose.production.yml';
const service = (name: string, image: string, ports: string) => `services:\n  ${name}:\n    image: ${image}\n    ports:\n${ports}`;

ruleTester(rule, {
  valid: [
    { path, text: service('traefik', 'traefik:3.1', '      - "0.0.0.0:80:80"\n      - "0.0.0.0:443:443"\n'), name: 'the proxy on 80 and 443' },
    { path, text: service('django', 'app:1.0', '      - "127.0.0.1:8000:8000"\n'), name: 'loopback only' },
    { path, text: service('django', 'app:1.0', '      - "10.0.0.5:8000:8000"\n'), name: 'a private address chosen on purpose' },
    { path, text: service('postgres', 'postgres:16', '      - "5432:5432"\n'), name: 'data stores are DJ701' },
    { path, text: service('webserver', 'nginx', '      - 8080:80\n'), name: "the proxy's HTTP listener on another host port" },
    { path, text: service('nginx', 'nginx:alpine', '      - "8000:8000"\n'), name: "the proxy's only published port is the site's entry" },
    { path: 'docker-compose.local.yml', text: service('django', 'app:1.0', '      - "8000:8000"\n'), name: 'development compose file' },
  ],
  invalid: [
    {
      path,
      text: service('django', 'app:1.0', '      - "8000:8000"\n'),
      errors: [{ line: 5, column: 9, severity: 'warning', message: 'put the app behind the proxy' }],
      output: service('django', 'app:1.0', '      - "127.0.0.1:8000:8000"\n'),
    },
    {
      path,
      name: 'Flower on the proxy, beside its web entry',
      text: service('traefik', 'traefik:3.1', '      - "0.0.0.0:80:80"\n      - "0.0.0.0:443:443"\n      - "0.0.0.0:5555:5555"\n'),
      errors: [{ line: 7, column: 9, message: 'only 22, 80 and 443' }],
    },
    { path, name: 'a second port beside the proxy entry', text: service('nginx', 'nginx:alpine', '      - "8000:8000"\n      - "9000:9000"\n'), errors: [{ line: 5, column: 9 }, { line: 6, column: 9 }] },
    { path, name: 'container port only', text: service('django', 'app:1.0', '      - "8000"\n'), errors: [{ line: 5, column: 9, message: 'random host port' }] },
    { path, name: 'long syntax', text: service('flower', 'mher/flower:2.0', '      - target: 5555\n        published: 5555\n'), errors: [{ line: 5, column: 9 }] },
  ],
});
