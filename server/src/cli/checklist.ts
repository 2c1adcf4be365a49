/**
 * `preflight checklist init|status|verify`: the deployment checklist from a terminal, so CI can
 * gate a deployment on it. The same engine and status as the editor's tree.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ChecklistStatus, ItemStatus, projectChecklistStatus } from '../checklist/status';
import { checklistTemplate } from '../checklist/template';
import { lintProject } from '../engine/runner';
import { DEFAULT_CHECKLIST_FILE } from '../project/classify';
import { loadProject } from '../project/load';
import { rules } from '../rules';
import { UsageError, oneOf, parseCommandLine, usageErrorStatus } from './command-line';

export const CHECKLIST_USAGE = `Usage: preflight checklist <command> [folder] [options]

The deployment checklist (${DEFAULT_CHECKLIST_FILE}): manual items people tick, automated items
the linter verifies through the rules named in their <!-- preflight: DJxxx --> markers.

Commands:
  init [folder] [--force]                   write the built-in checklist template
  status [folder] [--format text|json]      every item: section, manual/automated, ticked, problems
  verify [folder]                           exit 1 while a critical item is open or an automated item fails

Options:
  --file PATH        the checklist file, relative to the folder (default: ${DEFAULT_CHECKLIST_FILE})
  --force            init: overwrite an existing file
  --format text|json status: output format (default: text)
  -h, --help         show this help

Exit status: 0 fine, 1 verify failed / no checklist / init refused, 2 bad usage.
`;

interface ChecklistOptions {
  command: 'init' | 'status' | 'verify';
  folder: string;
  file: string;
  force: boolean;
  format: 'text' | 'json';
}

function parseOptions(argv: string[]): ChecklistOptions | 'help' {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      file: { type: 'string', default: DEFAULT_CHECKLIST_FILE },
      force: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const [command, folder = '.', ...rest] = positionals;
  if (!command) throw new UsageError('name a command: init, status or verify');
  if (command !== 'init' && command !== 'status' && command !== 'verify') throw new UsageError(`unknown checklist command "${command}"`);
  if (rest.length > 0) throw new UsageError(`one folder at most, not "${rest.join(' ')}"`);
  const format = oneOf('--format', values.format, ['text', 'json']);
  if (values.force && command !== 'init') throw new UsageError('--force belongs to init');
  if (command !== 'init' && (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory())) throw new UsageError(`no such folder: ${folder}`);
  const file = values.file.split(path.sep).join('/');
  if (path.isAbsolute(file) || file.split('/').includes('..')) throw new UsageError('--file is a path inside the folder');
  return { command, folder, file, force: values.force === true, format };
}

function init(options: ChecklistOptions): number {
  const target = path.join(options.folder, options.file);
  if (fs.existsSync(target) && !options.force) {
    process.stderr.write(`preflight: ${target} exists; --force overwrites it\n`);
    return 1;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, checklistTemplate());
  process.stdout.write(`Wrote ${target}\n`);
  return 0;
}

function readStatus(options: ChecklistOptions): ChecklistStatus | null {
  const project = loadProject(options.folder, { checklistFile: options.file });
  return projectChecklistStatus(project, lintProject(project), rules);
}

function displayPath(absolute: string): string {
  return path.relative(process.cwd(), absolute).split(path.sep).join('/');
}

function stateWord(item: ItemStatus): string {
  if (item.state === 'manual') return item.checked ? 'done' : 'open';
  if (item.status === 'failing') return `failing (${item.problems.length} problem${item.problems.length === 1 ? '' : 's'})`;
  if (item.status === 'passing') return 'passing';
  return item.checked ? 'done (nothing to check)' : 'open (nothing to check)';
}

/** The document title (a lone `#`) says nothing about where an item is. */
function sectionLabel(item: ItemStatus): string {
  return (item.section.length > 1 ? item.section.slice(1) : item.section).join(' › ');
}

function itemLine(item: ItemStatus, checklistPath: string): string {
  const box = item.checked ? '[x]' : '[ ]';
  const kind = item.state === 'automated' ? `automated ${item.rules.join(' ')}` : 'manual';
  return `  ${checklistPath}:${item.range.start.line + 1}  ${box} ${item.text}  (${sectionLabel(item)}; ${kind}; ${stateWord(item)})`;
}

function problemLines(item: ItemStatus): string[] {
  return item.problems.flatMap((problem) => [
    `      ${displayPath(problem.path)}:${problem.range.start.line + 1}:${problem.range.start.character + 1}  ${problem.code}  ${problem.message}`,
    // The problem's other places, indented under it (one root cause, one problem).
    ...problem.related.map((place) => `        ↳ ${displayPath(place.path)}:${place.range.start.line + 1}:${place.range.start.character + 1}  ${place.message}`),
  ]);
}

function summaryLine(status: ChecklistStatus): string {
  const { total, done, openCritical, failing } = status.summary;
  return `${done} / ${total} done, ${openCritical} critical open, ${failing} automated failing`;
}

function status(options: ChecklistOptions, checklist: ChecklistStatus): number {
  if (options.format === 'json') {
    const items = checklist.items.map((item) => ({
      line: item.range.start.line + 1,
      text: item.text,
      section: item.section,
      priority: item.priority,
      state: item.state,
      ticked: item.checked,
      done: item.done,
      rules: item.rules,
      status: item.status,
      problems: item.problems.map((problem) => ({
        file: displayPath(problem.path),
        line: problem.range.start.line + 1,
        column: problem.range.start.character + 1,
        code: problem.code,
        severity: problem.severity,
        message: problem.message,
        related: problem.related.map((place) => ({ file: displayPath(place.path), line: place.range.start.line + 1, column: place.range.start.character + 1, message: place.message })),
      })),
    }));
    process.stdout.write(JSON.stringify({ file: displayPath(checklist.path), summary: checklist.summary, items }, null, 2) + '\n');
    return 0;
  }
  const checklistPath = displayPath(checklist.path);
  const lines = [checklistPath];
  for (const item of checklist.items) {
    lines.push(itemLine(item, checklistPath));
    lines.push(...problemLines(item));
  }
  lines.push('', summaryLine(checklist), '');
  process.stdout.write(lines.join('\n'));
  return 0;
}

function verify(checklist: ChecklistStatus): number {
  const checklistPath = displayPath(checklist.path);
  const failing = checklist.items.filter((item) => item.status === 'failing');
  const openCritical = checklist.items.filter((item) => item.priority === 'critical' && !item.done && item.status !== 'failing');
  const lines: string[] = [];
  if (failing.length > 0) {
    lines.push(`Automated items failing (${failing.length}):`);
    for (const item of failing) lines.push(itemLine(item, checklistPath), ...problemLines(item));
  }
  if (openCritical.length > 0) {
    lines.push(`Critical items open (${openCritical.length}):`);
    for (const item of openCritical) lines.push(itemLine(item, checklistPath));
  }
  const ok = failing.length === 0 && openCritical.length === 0;
  lines.push('', `${ok ? '✔' : '✖'} ${summaryLine(checklist)}`, '');
  process.stdout.write(lines.join('\n'));
  return ok ? 0 : 1;
}

export function checklistMain(argv: string[]): number {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    return usageErrorStatus(error, 'preflight checklist', CHECKLIST_USAGE);
  }
  if (options === 'help') {
    process.stdout.write(CHECKLIST_USAGE);
    return 0;
  }
  if (options.command === 'init') return init(options);
  const checklist = readStatus(options);
  if (!checklist) {
    process.stderr.write(`preflight: no ${options.file} in ${options.folder}; \`preflight checklist init\` writes one\n`);
    return 1;
  }
  return options.command === 'status' ? status(options, checklist) : verify(checklist);
}
