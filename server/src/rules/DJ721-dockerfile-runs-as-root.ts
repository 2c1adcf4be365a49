import { finalStages } from '../parse/dockerfile';
import { composeApplications } from '../project/compose-application';
import { dockerfilePath } from '../project/entrypoint-exports';
import { Rule } from './rule';

/** `USER root`, `USER 0`, `USER root:root`. */
const ROOT_USER = /^(?:root|0)(?::.*)?$/;

export const rule: Rule = {
  meta: {
    code: 'DJ721',
    name: 'dockerfile-runs-as-root',
    description: "A Dockerfile's final stage runs its process as root: its last USER is root, or it sets none and the base image's user (root unless the base image sets one) is kept.",
    category: 'compose',
    severity: 'info',
    checklistItem: 'Containers run unprivileged, without the Docker socket, host namespaces or sensitive host mounts',
    djangoCheck: null,
  },
  checkDockerfile(dockerfile, { file, project, report }) {
    const stages = finalStages(dockerfile);
    const final = stages[stages.length - 1];
    if (!final) return;
    // A compose service built from this file may choose the user itself (`user: "1000"`).
    for (const application of composeApplications(project)) {
      for (const service of application.services) {
        if (dockerfilePath(service) === file.path && service.option('user')) return;
      }
    }
    const users = stages.flatMap((stage) => stage.users);
    const last = users[users.length - 1];
    if (last) {
      if (!ROOT_USER.test(last.user.trim())) return;
      report({
        range: last.range,
        severity: 'warning',
        message: `USER ${last.user.trim()} is the image's last USER: the server runs as root in the container, so a code-execution bug in Django, a dependency or a template becomes root there (and on the host, through any volume or a container escape). Create an unprivileged user and switch to it after the steps that need root.`,
      });
      return;
    }
    report({
      range: final.fromRange,
      message: `The final stage sets no USER, so the container runs as the user of \`${final.base}\`: root, unless that base image sets another (Preflight cannot see inside it; the official python images do not). Add \`RUN adduser --system --group app\` and \`USER app\` after the steps that need root.`,
    });
  },
};
