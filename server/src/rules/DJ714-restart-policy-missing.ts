import { fileServices, insertServiceKeysFix } from './shared/compose-services';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ714',
    name: 'restart-policy-missing',
    description: 'A service has no `restart:` policy (nor `deploy.restart_policy`), so it stays down after a crash or a reboot.',
    category: 'compose',
    severity: 'info',
    checklistItem: 'Services are enabled to start on boot',
    djangoCheck: null,
  },
  checkCompose(compose, { file, project, report }) {
    for (const { service, effective } of fileServices(project, file, compose)) {
      if (effective && effective.primary.service !== service) continue;
      const restart = effective ? effective.option('restart') : service.options.get('restart') ?? null;
      const deploy = effective ? effective.deploy : service.deploy;
      if (restart || deploy?.restartPolicy) continue;
      // Profile-gated services are tools started by hand, not part of what runs.
      if ((effective?.profiles ?? service.profiles).length > 0) continue;
      report({
        range: service.nameRange,
        message: `Service \`${service.name}\` has no restart policy: after a crash or a server reboot it stays down until someone starts it.`,
        // A one-shot service (migrations) would loop: review before adding.
        fixes: insertServiceKeysFix(file, compose, service, ['restart: unless-stopped'], 'Add restart: unless-stopped'),
      });
    }
  },
};
