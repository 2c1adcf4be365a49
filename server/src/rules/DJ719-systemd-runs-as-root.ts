import { djangoProcess, unitValue } from '../parse/systemd-unit';
import { Rule } from './rule';

/** systemd's booleans (parse_boolean): what turns DynamicUser= on. */
const TRUE = /^(?:1|yes|y|true|t|on)$/i;
/** The server drops root itself after binding: gunicorn's --user/-u, uWSGI's and Celery's --uid. */
const DROPS_PRIVILEGES = /(?:^|\s)(?:--user|--uid|-u)(?:[=\s]|$)/;

export const rule: Rule = {
  meta: {
    code: 'DJ719',
    name: 'systemd-runs-as-root',
    description: 'A systemd unit runs a Django process (gunicorn, uvicorn, a Celery worker, manage.py) as root: User=root, or no User= nor DynamicUser=.',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Django\'s units run as their own user, not root',
    djangoCheck: null,
  },
  checkSystemdUnit(unit, { file, report }) {
    const start = djangoProcess(unit);
    if (!start) return;
    // A user unit (~/.config/systemd/user, /etc/systemd/user) runs as the user who starts it.
    if (/(?:^|\/)systemd\/user\//.test(file.relativePath)) return;
    if (DROPS_PRIVILEGES.test(start.value)) return;
    const user = unitValue(unit, 'Service', 'User');
    if (user) {
      // `User=%i`, `User=${APP_USER}`: whoever that is, it is not written root.
      if (user.value !== 'root' && user.value !== '0') return;
      report({
        range: user.valueRange,
        message: `This unit runs ${processName(start.value)} as root (User=${user.value}): a bug or a malicious request in the application can then read, change or delete anything on the server. Run it as a dedicated user that owns only what the site needs.`,
      });
      return;
    }
    const dynamic = unitValue(unit, 'Service', 'DynamicUser');
    if (dynamic && TRUE.test(dynamic.value)) return;
    report({
      range: start.keyRange,
      message: `This unit sets no User= (nor DynamicUser=yes), so systemd runs ${processName(start.value)} as root: a bug or a malicious request in the application can then read, change or delete anything on the server. Run it as a dedicated user that owns only what the site needs.`,
    });
  },
};

function processName(command: string): string {
  const name = /\b(gunicorn|uvicorn|daphne|hypercorn|uwsgi|celery|manage\.py|django-admin)\b/.exec(command)?.[1];
  return name === 'celery' ? 'Celery' : name ? `\`${name}\`` : 'the process';
}
