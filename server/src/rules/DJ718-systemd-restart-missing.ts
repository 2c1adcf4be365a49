import { djangoProcess, unitValue } from '../parse/systemd-unit';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ718',
    name: 'systemd-restart-missing',
    description: 'A systemd unit runs a long-running Django process (gunicorn, uvicorn, a Celery worker) with no Restart=: systemd leaves it dead after a crash.',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Systemd service files are created',
    djangoCheck: null,
  },
  checkSystemdUnit(unit, { file, report }) {
    const start = djangoProcess(unit);
    if (!start || unitValue(unit, 'Service', 'Restart')) return;
    // A oneshot unit (migrate, collectstatic) runs to completion: restarting it is not the point.
    if (unitValue(unit, 'Service', 'Type')?.value === 'oneshot') return;
    const service = [...unit.sections].reverse().find((section) => section.name === 'Service')!;
    const last = service.entries[service.entries.length - 1];
    const text = file.text ?? '';
    const lines = text.split(/\r\n|\r|\n/);
    const end = { line: last.endLine, character: lines[last.endLine].length };
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    report({
      range: start.keyRange,
      message: 'This unit sets no Restart=, so systemd leaves the process dead after a crash or an out-of-memory kill (the default is Restart=no): the site stays down until someone restarts it by hand.',
      fixes: [{ title: 'Add `Restart=on-failure` to [Service]', safe: true, preferred: true, edits: [{ path: file.path, range: { start: end, end }, newText: `${newline}Restart=on-failure` }] }],
    });
  },
};
