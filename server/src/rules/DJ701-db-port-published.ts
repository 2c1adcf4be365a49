import { bindLoopbackFix, exposure, isLoopbackBinding } from './shared/compose-ports';
import { fileServices, isDataService } from './shared/compose-services';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ701',
    name: 'db-port-published',
    description: 'A database, cache or broker service publishes its port to the host on a non-loopback address.',
    category: 'compose',
    severity: 'error',
    checklistItem: 'Database not accessible from the internet',
    djangoCheck: null,
  },
  checkCompose(compose, { file, project, report }) {
    for (const { service, effective } of fileServices(project, file, compose)) {
      if (!isDataService(service, effective)) continue;
      for (const port of service.ports) {
        if (port.inherited || isLoopbackBinding(port.hostIp)) continue;
        const fix = bindLoopbackFix(file, compose, port);
        report({
          range: port.range,
          message: `Service \`${service.name}\` publishes "${port.text}": ${exposure(port)}, so the data store is reachable from outside the host (Docker's published ports bypass ufw). Only the app needs it, over the compose network.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
