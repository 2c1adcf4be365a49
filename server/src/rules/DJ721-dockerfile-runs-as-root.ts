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
    // Only an image that runs the Python app: a database's or a proxy's official image drops root itself (gosu, worker processes).
    if (!runsPythonApp(stages)) return;
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

/** Python processes of a Django deployment, in the image's start command. */
const PYTHON_APP = /\b(?:gunicorn|uvicorn|daphne|hypercorn|waitress-serve|celery|manage\.py|python[\d.]*|django-admin|uwsgi)\b/;

/**
 * Whether the final image runs the Python app: its start command (the last ENTRYPOINT/CMD of
 * the final stage's chain) runs a Python server, or its base is a Python image (a start script's `CMD ["/start"]`).
 */
function runsPythonApp(stages: ReturnType<typeof finalStages>): boolean {
  const commands = stages.flatMap((stage) => [stage.entrypoint, stage.cmd]).filter((command) => command !== null);
  if (commands.some((command) => PYTHON_APP.test(command!.words.join(' ')))) return true;
  return /(?:^|\/)python(?::|$)/.test(stages[0]?.base ?? '');
}
