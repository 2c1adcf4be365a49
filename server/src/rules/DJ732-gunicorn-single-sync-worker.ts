import type { GunicornResolution, ResolvedSetting } from '../project/gunicorn-settings';
import type { ServerStart } from '../project/server-starts';
import { configUsers } from '../project/server-starts';
import { Rule, RuleContext } from './rule';
import { configBinding, onServerStarts, optionRange, writtenIn } from './shared/server-starts';
import { fromConfigValue } from '../project/gunicorn-settings';

const SYNC = new Set(['sync', 'gunicorn.workers.sync.SyncWorker', 'gunicorn.workers.sync', 'egg:gunicorn#sync']);
const WHY = 'one sync worker serves one request at a time, so a slow request (or a slow client) makes every other visitor wait; gunicorn\'s docs suggest (2 × cores) + 1 workers';

export const rule: Rule = {
  meta: {
    code: 'DJ732',
    name: 'gunicorn-single-sync-worker',
    description: 'Gunicorn runs a single sync worker with one thread (explicitly, or by default where the environment is known to set no WEB_CONCURRENCY).',
    category: 'compose',
    severity: 'info',
    checklistItem: 'Gunicorn is installed and configured',
    djangoCheck: null,
  },
  ...onServerStarts(check),
  checkGunicornConfig(config, { file, project, report }) {
    const binding = configBinding(config, 'workers');
    if (!binding || fromConfigValue('workers', binding.value) !== 1) return;
    const users = configUsers(project, file);
    if (users.length > 0) {
      // Judged as the starts that load it resolve it: a command line's -k or --threads changes the verdict.
      if (!users.some((start) => start.gunicorn && singleSync(start.gunicorn) && start.gunicorn.settings.get('workers')!.state === 'known' && origin(start.gunicorn.settings.get('workers')!) === 'config')) return;
    } else {
      const workerClass = configBinding(config, 'worker_class');
      const threads = configBinding(config, 'threads');
      const klass = workerClass ? fromConfigValue('worker_class', workerClass.value) : 'sync';
      const count = threads ? fromConfigValue('threads', threads.value) : 1;
      if (typeof klass !== 'string' || !SYNC.has(klass) || typeof count !== 'number' || count > 1) return;
    }
    report({ range: binding.statement.range, message: `\`workers = 1\` with the sync worker class: ${WHY}.` });
  },
};

function origin(setting: ResolvedSetting): string | null {
  return setting.state === 'known' ? setting.origin : null;
}

function singleSync(resolution: GunicornResolution): boolean {
  const workers = resolution.settings.get('workers')!;
  const workerClass = resolution.settings.get('worker_class')!;
  const threads = resolution.settings.get('threads')!;
  if (workers.state !== 'known' || workerClass.state !== 'known' || threads.state !== 'known') return false;
  return workers.value === 1 && typeof workerClass.value === 'string' && SYNC.has(workerClass.value) && typeof threads.value === 'number' && threads.value <= 1;
}

function check(start: ServerStart, { report }: RuleContext): void {
  if (!start.gunicorn || !singleSync(start.gunicorn)) return;
  const workers = start.gunicorn.settings.get('workers')!;
  if (workers.state !== 'known' || workers.origin === 'config') return;
  const role = `${start.role.charAt(0).toUpperCase()}${start.role.slice(1)}`;
  if (workers.origin === 'command') {
    report({ range: optionRange(start, workers.option), message: `${role} starts gunicorn with \`${workers.option.flag} ${workers.option.value}\`${writtenIn(start)} and the sync worker class: ${WHY}.` });
    return;
  }
  const because = workers.origin === 'environment' ? `GUNICORN_CMD_ARGS sets \`${workers.option.flag} ${workers.option.value}\`` : 'no worker count is set (gunicorn\'s default is one worker, and WEB_CONCURRENCY is not set)';
  report({ range: start.rangeOf(start.command.serverWord.span) ?? start.range, message: `${role} starts gunicorn${writtenIn(start)} with a single sync worker: ${because}; ${WHY}.` });
}
