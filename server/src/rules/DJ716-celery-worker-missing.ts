import { ComposeApplication, EffectiveService, applicationsOf, serviceEnvironment } from '../project/compose-application';
import * as path from 'path';
import { djangoProcess, unitValues } from '../parse/systemd-unit';
import type { ProjectFile, ProjectModel } from '../project/model';
import { productionDjangoUnits, productionLinks } from '../project/production';
import type { SettingLookup, SettingsView } from '../settings/project-settings';
import { truthy } from '../settings/value';
import { Rule } from './rule';
import { known, reportSetting } from './shared/settings-findings';

/** Variables that configure Celery in a Django service. */
const CELERY_VARIABLES = /^(DJANGO_)?CELERY_BROKER_URL$/;
const WORKER_COMMAND = /\bcelery\b[\s\S]*\bworker\b|\bstart-celery-?worker\b/i;
/** Settings that point Celery at a broker (`BROKER_URL`: Celery read without the CELERY_ namespace). */
const BROKER_SETTINGS = ['CELERY_BROKER_URL', 'BROKER_URL'];
/** Apps that exist only to serve Celery. */
const CELERY_APPS = ['django_celery_beat', 'django_celery_results', 'djcelery'];
/** Settings that run tasks in the calling process, where no worker is needed. */
const EAGER_SETTINGS = ['CELERY_TASK_ALWAYS_EAGER', 'CELERY_ALWAYS_EAGER'];

export const rule: Rule = {
  meta: {
    code: 'DJ716',
    name: 'celery-worker-missing',
    description: 'Celery is configured (a broker URL in a service\'s environment or the settings, or a Celery app installed) but no service of the production compose application, nor a systemd unit, runs a Celery worker.',
    category: 'compose',
    severity: 'info',
    checklistItem: 'Set up Celery worker as systemd service or Docker container',
    djangoCheck: null,
  },
  checkCompose(_compose, { file, project, report }) {
    for (const application of applicationsOf(project, file)) {
      // Judged once per application, in the file it is started with.
      // A worker may run beside the containers, as a systemd unit of the host.
      if (application.file !== file || hasWorker(application) || workerUnit(project)) continue;
      for (const service of application.services) {
        if (service.primary.file !== file) continue;
        const broker = brokerVariable(project, service);
        if (!broker) continue;
        report({
          range: service.primary.service.nameRange,
          message: `Service \`${service.name}\` gets ${broker}, but no service of ${file.relativePath} runs a Celery worker: queued tasks (emails, exports) wait forever.`,
        });
        break;
      }
    }
  },
  checkSettings(settings, context) {
    if (!settings.isProduction) return;
    if (workerUnit(context.project)) return;
    const applications = productionLinks(context.project).applications;
    // Without a production compose application, a VM deployment's systemd units say what runs;
    // without either, workers may run anywhere (another host, a PaaS): silent.
    const units = applications.length === 0 ? productionDjangoUnits(context.project).map(({ file }) => file) : [];
    if (applications.length === 0 && units.length === 0) return;
    for (const application of applications) {
      if (hasWorker(application)) return;
      // The compose side reports this application on its service: one finding per problem.
      if (application.services.some((service) => brokerVariable(context.project, service))) return;
    }
    for (const name of EAGER_SETTINGS) {
      const eager = settings.get(name);
      if (eager.state === 'unknown') return;
      if (eager.state === 'set' && truthy(eager.value) !== false) return;
    }
    const evidence = celeryEvidence(settings);
    if (!evidence) return;
    const start = { line: 0, character: 0 };
    if (applications.length === 0) {
      reportSetting(settings, evidence.lookup, context, {
        message: `Celery is configured (${evidence.what}), but no systemd unit of the project (${units.map((unit) => unit.relativePath).join(', ')}) runs a Celery worker: queued tasks (emails, exports) wait forever.`,
        related: units.map((unit) => ({ path: unit.path, range: { start, end: start }, message: 'production systemd unit, not a Celery worker' })),
      });
      return;
    }
    const composeFiles = applications.map((application) => application.file.relativePath).join(', ');
    reportSetting(settings, evidence.lookup, context, {
      message: `Celery is configured (${evidence.what}), but no service of ${composeFiles} runs a Celery worker: queued tasks (emails, exports) wait forever.`,
      related: applications.map((application) => ({
        path: application.file.path,
        range: { start, end: start },
        message: `production compose file without a Celery worker service`,
      })),
    });
  },
};

/**
 * A production systemd unit that runs a Celery worker: `celery … worker`, or `celery multi start`
 * as Celery's own example unit does (`${CELERY_BIN} … multi start $CELERYD_NODES`), or a unit
 * named like a worker that runs Django.
 */
function workerUnit(project: ProjectModel): ProjectFile | undefined {
  return project.ofKind('systemd-unit').find((file) => {
    if (file.context !== 'production' || file.text === null) return false;
    const unit = project.systemdUnit(file);
    const starts = unitValues(unit, 'Service', 'ExecStart').map((entry) => entry.value);
    if (starts.some((command) => WORKER_COMMAND.test(command) || (/celery/i.test(command) && /\bmulti\s+(?:start|restart)\b/.test(command)))) return true;
    return /worker/i.test(path.posix.basename(file.relativePath)) && djangoProcess(unit) !== null;
  });
}

function hasWorker(application: ComposeApplication): boolean {
  return application.services.some((service) => {
    const command = [service.entrypoint?.text, service.command?.text].filter(Boolean).join(' ');
    return WORKER_COMMAND.test(command) || /worker/i.test(service.name);
  });
}

function brokerVariable(project: ProjectModel, service: EffectiveService): string | undefined {
  return [...serviceEnvironment(project, service).keys()].find((key) => CELERY_VARIABLES.test(key));
}

/**
 * What in the settings shows Celery is in use, and where: a known, non-empty broker URL, else
 * a Celery app in INSTALLED_APPS. The finding stays in the settings module even when the URL
 * came from an env file: the missing piece is a service, not a value.
 */
function celeryEvidence(settings: SettingsView): { lookup: SettingLookup; what: string } | null {
  for (const name of BROKER_SETTINGS) {
    const lookup = known(settings, name);
    if (!lookup || lookup.state !== 'set' || lookup.value.kind !== 'str' || lookup.value.value.trim() === '') continue;
    // At the assignment: `CELERY_BROKER_URL = REDIS_URL` keeps the range of REDIS_URL's own read.
    return { lookup: { ...lookup, value: { ...lookup.value, env: null }, location: lookup.binding.statement }, what: `${name} is set` };
  }
  const apps = known(settings, 'INSTALLED_APPS');
  if (!apps || apps.state !== 'set' || (apps.value.kind !== 'list' && apps.value.kind !== 'tuple')) return null;
  for (const item of apps.value.items) {
    if (item.kind !== 'str' || !CELERY_APPS.includes(item.value)) continue;
    return { lookup: { state: 'set', value: item, binding: apps.binding, location: item.at ?? apps.location }, what: `${item.value} is installed` };
  }
  return null;
}
