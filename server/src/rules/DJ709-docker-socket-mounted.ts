import { fileServices, isProxyService } from './shared/compose-services';
import { Rule } from './rule';

const DOCKER_SOCKET = /(^|\/)docker\.sock$/;

export const rule: Rule = {
  meta: {
    code: 'DJ709',
    name: 'docker-socket-mounted',
    description: 'A service bind-mounts the Docker socket, which lets it control the Docker engine and so the host (a warning when a proxy mounts it read-only).',
    category: 'compose',
    severity: 'error',
    checklistItem: 'Containers run unprivileged, without the Docker socket, host namespaces or sensitive host mounts',
    djangoCheck: null,
  },
  checkCompose(compose, { file, project, report }) {
    for (const { service, effective } of fileServices(project, file, compose)) {
      for (const volume of service.volumes) {
        if (volume.inherited || volume.type !== 'bind' || !volume.source || !DOCKER_SOCKET.test(volume.source.trim())) continue;
        const proxyReadOnly = volume.readOnly && isProxyService(service, effective);
        report({
          range: volume.range,
          severity: proxyReadOnly ? 'warning' : undefined,
          message: proxyReadOnly
            ? `Proxy \`${service.name}\` mounts ${volume.source} read-only for service discovery: ":ro" stops file writes, not API calls, so whoever takes over the proxy still controls Docker. A socket proxy limited to GET requests is safer.`
            : `Service \`${service.name}\` mounts ${volume.source}: whoever gets code execution in the container can start a privileged container and take over the host.`,
        });
      }
    }
  },
};
