/**
 * A Procfile (Heroku, Render, Dokku, Scalingo): one process per line, `name: command`.
 *
 * No maintained npm parser with positions exists for this one-line format (the `procfile`
 * package reads no ranges), so it is read here, as Heroku's own reader does it
 * (`^([A-Za-z0-9_-]+):\s*(.+)$`, blank lines and `#` comments skipped). A line that is neither is
 * a problem with its range: the platform ignores it, which is rarely what its author meant.
 */
import { Range, SourceText } from './source-text';

export interface ProcfileProcess {
  /** `web`, `worker`, `release`. */
  name: string;
  nameRange: Range;
  command: string;
  commandRange: Range;
  line: number;
}

export interface Procfile {
  source: SourceText;
  processes: ProcfileProcess[];
  problems: { range: Range; message: string }[];
}

const PROCESS = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*?)[ \t]*$/;

export function parseProcfile(text: string): Procfile {
  const processes: ProcfileProcess[] = [];
  const problems: Procfile['problems'] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // A BOM is not part of the first line's columns as an editor counts them after the decode.
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  lines.forEach((raw, line) => {
    const offset = line === 0 ? bom : 0;
    const lead = raw.length - raw.trimStart().length;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const whole = { start: { line, character: offset + lead }, end: { line, character: offset + lead + content.length } };
    const match = PROCESS.exec(raw.slice(lead));
    if (!match) {
      problems.push({ range: whole, message: 'this line is not `name: command`, so the platform runs nothing for it' });
      return;
    }
    const [, name, command] = match;
    if (command === '') {
      problems.push({ range: whole, message: `process \`${name}\` has no command` });
      return;
    }
    const commandStart = raw.indexOf(command, lead + name.length + 1);
    processes.push({
      name,
      nameRange: { start: { line, character: offset + lead }, end: { line, character: offset + lead + name.length } },
      command,
      commandRange: { start: { line, character: offset + commandStart }, end: { line, character: offset + commandStart + command.length } },
      line,
    });
  });
  return { source: new SourceText(text), processes, problems };
}

/** The settings module a command selects: `--settings X` / `--settings=X`, or `DJANGO_SETTINGS_MODULE=X` before it or exported in it. */
export function settingsModuleOfCommand(command: string): string | null {
  const flag = /(?:^|\s)--settings(?:=|\s+)["']?([A-Za-z_][\w.]*)/.exec(command);
  if (flag) return flag[1];
  const variable = /(?:^|[\s;&])(?:export\s+)?DJANGO_SETTINGS_MODULE=["']?([A-Za-z_][\w.]*)/.exec(command);
  return variable ? variable[1] : null;
}
