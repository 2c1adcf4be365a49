import * as path from 'path';
import { SystemdUnit, djangoProcess, unitValue, unitValues } from '../parse/systemd-unit';
import type { ProjectModel } from '../project/model';
import { Fix, Rule } from './rule';

/** The [Install] keys `systemctl enable` turns into a start at boot (Alias= only names the unit). */
const ENABLING_KEYS = ['WantedBy', 'RequiredBy', 'UpheldBy'];
/** The [Unit] keys with which another unit starts this one whenever it starts. */
const PULLING_KEYS = ['Wants', 'Requires', 'Requisite', 'BindsTo', 'Upholds'];

export const rule: Rule = {
  meta: {
    code: 'DJ720',
    name: 'systemd-install-missing',
    description: 'A systemd unit runs a long-running Django process but has no [Install] WantedBy= (nor a socket, timer or other unit that starts it): `systemctl enable` cannot enable it, so it does not start at boot.',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Services are enabled to start on boot',
    djangoCheck: null,
  },
  checkSystemdUnit(unit, { file, project, report }) {
    const start = djangoProcess(unit);
    // A unit systemd refuses to load (an invalid section header) is DJ001's; its [Install] is unknown.
    if (!start || unit.problems.some((problem) => problem.fatal)) return;
    // A oneshot job (migrate, collectstatic) is run on purpose, or by the unit that needs it.
    if (unitValue(unit, 'Service', 'Type')?.value === 'oneshot') return;
    if (ENABLING_KEYS.some((key) => unitValues(unit, 'Install', key).length > 0)) return;
    const name = path.posix.basename(file.relativePath);
    if (startedBy(project, file.path, name)) return;
    const install = [...unit.sections].reverse().find((section) => section.name === 'Install');
    report({
      range: install ? install.range : start.keyRange,
      message: `This unit has no [Install] WantedBy=, and no socket, timer or other unit of the project starts it: \`systemctl enable ${name}\` has nothing to hook it to ("no installation config"), so it does not start at boot and the site stays down after every reboot until someone starts it by hand.`,
      fixes: installFix(file.path, file.text ?? '', unit),
    });
  },
};

/**
 * Another unit of the project that starts this one: `app.socket` or `app.timer` beside
 * `app.service` (or naming it in `Unit=`), or a unit that Wants=/Requires= it. Its own [Install]
 * is then what starts the site at boot.
 */
function startedBy(project: ProjectModel, selfPath: string, name: string): string | null {
  const stem = name.replace(/\.service$/, '');
  for (const other of project.ofKind('systemd-unit')) {
    if (other.path === selfPath || other.text === null) continue;
    const otherName = path.posix.basename(other.relativePath);
    const otherUnit = project.systemdUnit(other);
    const activates = (section: string) => {
      const named = unitValue(otherUnit, section, 'Unit')?.value;
      return named ? named === name : otherName === `${stem}.${section.toLowerCase()}`;
    };
    if (otherName.endsWith('.socket') && activates('Socket')) return otherName;
    if (otherName.endsWith('.timer') && activates('Timer')) return otherName;
    if (PULLING_KEYS.some((key) => unitValues(otherUnit, 'Unit', key).some((entry) => entry.value.split(/\s+/).includes(name)))) return otherName;
  }
  return null;
}

/** Adds `WantedBy=multi-user.target`, the target a server boots into, in the file's own line breaks. */
function installFix(filePath: string, text: string, unit: SystemdUnit): Fix[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r\n|\r|\n/);
  const install = [...unit.sections].reverse().find((section) => section.name === 'Install');
  let at: { line: number; character: number };
  let newText: string;
  if (install) {
    // After the section's last line (a continued one ends on its last physical line).
    const last = install.entries[install.entries.length - 1];
    const line = last ? last.endLine : install.range.end.line;
    at = { line, character: lines[line].length };
    newText = `${eol}WantedBy=multi-user.target`;
  } else {
    const lastLine = lines.length - 1;
    at = { line: lastLine, character: lines[lastLine].length };
    // The text ends with a line break (its last "line" empty) or not; a blank line sets the section apart.
    newText = `${lines[lastLine] === '' ? '' : eol}${eol}[Install]${eol}WantedBy=multi-user.target${eol}`;
    if (lines[lastLine] === '' && lastLine > 0 && lines[lastLine - 1].trim() === '') newText = newText.slice(eol.length);
  }
  return [{ title: 'Add `WantedBy=multi-user.target` to [Install]', safe: true, preferred: true, edits: [{ path: filePath, range: { start: at, end: at }, newText }] }];
}
