/** `preflight report`: the deployment's readiness as one page, HTML to attach or Markdown to post. */
import * as fs from 'fs';
import { projectChecklistStatus } from '../../checklist/status';
import { lintProject } from '../../engine/runner';
import { DEFAULT_CHECKLIST_FILE } from '../../project/classify';
import { loadProject } from '../../project/load';
import { rules } from '../../rules';
import { UsageError, oneOf, parseCommandLine, usageErrorStatus } from '../command-line';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import { reportData } from './report-data';

export const REPORT_USAGE = `Usage: preflight report [folder] [options]

The deployment's readiness: checklist progress per section, findings grouped by checklist
section, the manual items still open, the sign-off history and the production model
(process → settings module → env files). Secrets are masked as everywhere else.

Options:
  --format html|markdown  html (default): one self-contained page; markdown: for
                          $GITHUB_STEP_SUMMARY and merge-request comments
  --output FILE           write the report to FILE instead of standard output
  --file PATH             the checklist file, relative to the folder (default: ${DEFAULT_CHECKLIST_FILE})
  -h, --help              show this help

Exit status: 0 the report was written (whatever it says), 2 bad usage.
`;

interface ReportOptions {
  folder: string;
  format: 'html' | 'markdown';
  output?: string;
  file: string;
}

function parseOptions(argv: string[]): ReportOptions | 'help' {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'html' },
      output: { type: 'string' },
      file: { type: 'string', default: DEFAULT_CHECKLIST_FILE },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const [folder = '.', ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`one folder at most, not "${rest.join(' ')}"`);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UsageError(`no such folder: ${folder}`);
  const format = oneOf('--format', values.format, ['html', 'markdown']);
  const file = values.file.split('\\').join('/');
  if (file.startsWith('/') || file.split('/').includes('..')) throw new UsageError('--file is a path inside the folder');
  return { folder, format, output: values.output, file };
}

export function reportMain(argv: string[]): number {
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    return usageErrorStatus(error, 'preflight report', REPORT_USAGE);
  }
  if (options === 'help') {
    process.stdout.write(REPORT_USAGE);
    return 0;
  }
  const project = loadProject(options.folder, { checklistFile: options.file });
  const findings = lintProject(project);
  const checklist = projectChecklistStatus(project, findings, rules);
  const checklistText = project.ofKind('checklist').find((file) => file.text !== null)?.text ?? null;
  const data = reportData(project, findings, checklist, checklistText);
  const page = options.format === 'html' ? renderHtml(data) : renderMarkdown(data);
  if (options.output) fs.writeFileSync(options.output, page);
  else process.stdout.write(page);
  return 0;
}
