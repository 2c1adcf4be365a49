import { bindLoopbackFix, exposure, isLoopbackBinding } from './shared/compose-ports';
import { fileServices, isDataService, isProxyService } from './shared/compose-services';
import { Rule } from './rule';

/** The seed's firewall: only SSH, HTTP and HTTPS reachable from outside. */
const PUBLIC_PORTS = new Set(['22', '80', '443']);

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
      for (const port of service.ports) {
        if (port.inherited || isLoopbackBinding(port.hostIp)) continue;
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
