import { deleteOwnLinesFix, optionRange } from './shared/compose-services';
import { Rule } from './rule';

const NAMESPACE_OPTIONS: Record<string, string> = {
  network_mode: "the host's network: every port it listens on is public, past Docker's network isolation",
  pid: "the host's processes: it can see and signal every process on the host",
  ipc: "the host's shared memory",
  userns_mode: "the host's user namespace: root in the container is root on the host even with user-namespace remapping on",
};

export const rule: Rule = {
  meta: {
    code: 'DJ710',
    name: 'host-namespace',
    description: 'A service shares a host namespace (`network_mode`, `pid`, `ipc` or `userns_mode: host`).',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Containers run unprivileged, without the Docker socket, host namespaces or sensitive host mounts',
    djangoCheck: null,
  },
  checkCompose(compose, { file, report }) {
    for (const service of compose.services) {
      for (const [key, shares] of Object.entries(NAMESPACE_OPTIONS)) {
        const value = service.options.get(key);
        if (!value || value.inherited || value.text.trim() !== 'host') continue;
        const range = optionRange(service, key, value);
        report({
          range,
          message: `Service \`${service.name}\` sets ${key}: host, so it shares ${shares}.`,
          fixes: deleteOwnLinesFix(file, compose, range, `Delete ${key}: host`),
        });
      }
    }
  },
};
