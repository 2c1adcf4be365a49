import { deleteOwnLinesFix, optionRange } from './shared/compose-services';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ708',
    name: 'privileged-container',
    description: 'A service runs with `privileged: true`, which gives the container every capability and the host\'s devices.',
    category: 'compose',
    severity: 'error',
    checklistItem: 'Containers run unprivileged, without the Docker socket, host namespaces or sensitive host mounts',
    djangoCheck: null,
  },
  checkCompose(compose, { file, report }) {
    for (const service of compose.services) {
      const value = service.options.get('privileged');
      if (!value || value.inherited || value.text.toLowerCase() !== 'true') continue;
      const range = optionRange(service, 'privileged', value);
      report({
        range,
        message: `Service \`${service.name}\` runs privileged: root in the container is root on the host (all capabilities, every device, no seccomp or AppArmor). Grant the single capability it needs with cap_add instead.`,
        // Something may rely on the privileges: review before deleting.
        fixes: deleteOwnLinesFix(file, compose, range, 'Delete privileged: true'),
      });
    }
  },
};
