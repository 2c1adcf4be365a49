import { bindLoopbackFix, exposure, isLoopbackBinding } from './shared/compose-ports';
import { fileServices, isDataService, isProxyService } from './shared/compose-services';
import type { ComposePort } from '../parse/compose';
import { Rule } from './rule';

/** The seed's firewall: only SSH, HTTP and HTTPS reachable from outside. */
const PUBLIC_PORTS = new Set(['22', '80', '443']);

/**
 * The proxy's own web entry is what is meant to be reachable, whatever host port the operator
 * maps it to (`8080:80`, an nginx listening on 8000 as the stack's only published port); another
 * port beside it (Flower's 5555 on Traefik) is not.
 */
function isProxyEntry(port: ComposePort, exposedPorts: number): boolean {
  return HTTP_TARGETS.has(port.target.replace(/\/tcp$/, '')) || exposedPorts === 1;
}

const HTTP_TARGETS = new Set(['80', '443']);

export const rule: Rule = {
  meta: {
    code: 'DJ702',
    name: 'port-all-interfaces',
    description: 'A service other than the proxy publishes a port other than 80/443 on all interfaces.',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Firewall allows only ports 22, 80 and 443',
    djangoCheck: null,
  },
  checkCompose(compose, { file, project, report }) {
    for (const { service, effective } of fileServices(project, file, compose)) {
      // Data stores are DJ701's, with a stronger severity.
      if (isDataService(service, effective)) continue;
      const proxy = isProxyService(service, effective);
      const exposed = service.ports.filter((port) => !isLoopbackBinding(port.hostIp));
      for (const port of service.ports) {
        if (port.inherited || isLoopbackBinding(port.hostIp)) continue;
        if (proxy && isProxyEntry(port, exposed.length)) continue;
        if (port.published !== null && PUBLIC_PORTS.has(port.published)) continue;
        if (port.hostIp !== null && port.hostIp !== '0.0.0.0' && port.hostIp !== '::') continue;
        const fix = bindLoopbackFix(file, compose, port);
        report({
          range: port.range,
          message: `Service \`${service.name}\` publishes "${port.text}": ${exposure(port)}. The production firewall should leave only 22, 80 and 443 open${proxy ? '' : '; put the app behind the proxy'}.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
