import { ContainerStart, containerStart } from '../project/entrypoint-exports';
import { djangoEvidence, isWebService } from '../project/production';
import { fileServices, insertServiceKeysFix, isDataService, serviceIdentity } from './shared/compose-services';
import { Rule } from './rule';

/** Health checks the official images support out of the box. */
const TEMPLATES: [RegExp, string][] = [
  [/\b(postgres|postgis)\b/i, '["CMD-SHELL", "pg_isready"]'],
  [/\b(redis|valkey)\b/i, '["CMD", "redis-cli", "ping"]'],
  [/\b(mysql|mariadb)\b/i, '["CMD", "mysqladmin", "ping", "-h", "localhost"]'],
];

/** The web servers a Django container starts. */
const WEB_SERVER = /\b(gunicorn|uvicorn|daphne|hypercorn|granian|uwsgi|waitress-serve|runserver)\b/;

export const rule: Rule = {
  meta: {
    code: 'DJ713',
    name: 'healthcheck-missing',
    description: 'A web (Django) or database service has no `healthcheck:` (and its image no HEALTHCHECK), so nothing notices when it stops answering.',
    category: 'compose',
    severity: 'info',
    checklistItem: 'Set up health checks',
    djangoCheck: null,
  },
  checkCompose(compose, { file, project, report }) {
    for (const { service, effective } of fileServices(project, file, compose)) {
      // Judged once, in the file that defines the service.
      if (effective && effective.primary.service !== service) continue;
      if (effective ? effective.healthcheck : service.healthcheck) continue;
      const start = effective ? containerStart(project, effective) : null;
      // Compose runs the image's own HEALTHCHECK when the service sets none.
      if (start?.healthcheck && !start.healthcheck.none) continue;
      const data = isDataService(service, effective);
      const byCompose = effective !== null && djangoEvidence(project, effective) !== null && isWebService(effective);
      const byImage = !data && !byCompose && effective && start ? imageWebServer(start) : null;
      if (!data && !byCompose && !byImage) continue;
      const identity = serviceIdentity(service, effective);
      const template = data ? TEMPLATES.find(([pattern]) => pattern.test(identity))?.[1] : undefined;
      report({
        range: service.nameRange,
        message: `${data ? 'Data' : 'Web'} service \`${service.name}\`${byImage ? ` (it starts ${byImage})` : ''} has no healthcheck: Docker reports it "running" while it does not answer, and dependents start before it is ready (depends_on: condition: service_healthy needs one).`,
        fixes: template
          ? insertServiceKeysFix(file, compose, service, ['healthcheck:', `  test: ${template}`, '  interval: 10s', '  timeout: 5s', '  retries: 5'], 'Add a healthcheck')
          : [],
      });
    }
  },
};

/**
 * The web server the service's container starts, said with where that is written, or null: the
 * image's ENTRYPOINT/CMD (compose's entrypoint:/command: over them) and the start script they run.
 * An entrypoint script is read only when it is the whole start: one that ends in `exec "$@"` may
 * name gunicorn in a branch another service's command does not take.
 */
function imageWebServer(start: ContainerStart): string | null {
  for (const command of start.commands) {
    const match = WEB_SERVER.exec(command.words.join(' '));
    if (match) return `${match[1]}: ${command.role}`;
  }
  const run = start.commands.length > 1 ? start.commands.slice(1) : start.commands;
  for (const command of run) {
    const match = command.script && WEB_SERVER.exec(command.script.text);
    if (match) return `${match[1]}: ${command.script!.relativePath}, run by ${command.role}`;
  }
  return null;
}
