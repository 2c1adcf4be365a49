import * as fs from 'fs';
import * as path from 'path';
import { checklistMain } from './cli/checklist';
import { UsageError, oneOf, parseCommandLine, usageErrorStatus } from './cli/command-line';
import { describeFixRun, fixAndWrite } from './cli/fix-files';
import { JsonFinding, formatJsonChunks, toJsonFinding } from './cli/format-json';
import { formatGithub } from './cli/format-github';
import { formatGitlab } from './cli/format-gitlab';
import { formatJunit } from './cli/format-junit';
import { formatSarif } from './cli/format-sarif';
import { formatText } from './cli/format-text';
import { reportMain } from './cli/report/report';
import { Finding, lintProjectsInTurn } from './engine/runner';
import { loadProject, loadProjects } from './project/load';
import { ProjectModel } from './project/model';
import { DJANGO_SERIES, describeDjangoVersion, seriesOf } from './project/django-version';

// Injected by the bundler from package.json.
declare const PREFLIGHT_VERSION: string | undefined;
const VERSION = typeof PREFLIGHT_VERSION === 'string' ? PREFLIGHT_VERSION : 'development';

const USAGE = `Usage: preflight [paths...] [options]

Checks a Django project's deployment configuration (.env files, settings, compose files)
against the production checklist. Directories are walked as project roots (a folder holding
several Django projects, folders with manage.py, is checked as several); files are checked on
their own. Defaults to the current directory.

Options:
  --format FORMAT            text (default), json, sarif (GitHub code scanning),
                             github (workflow annotations), gitlab (Code Quality), junit
  --settings MODULE          the production settings module, as manage.py --settings takes it
  --django-version X.Y[.Z]   the Django the project runs (default: the configuration's
                             django-version, else what the lock files, requirements,
                             pyproject.toml, setup.cfg/setup.py or Dockerfile pin,
                             else the newest LTS)
  --context auto|production  auto: decide production/development per file (default);
                             production: treat every file as production
  --max-warnings N           also fail when there are more than N warnings
  --fix                      apply every fix that is safe without review, write the files,
                             list what changed, then report what is left
  --fix-dry-run              show the diff --fix would make, write nothing, then report
                             what --fix would leave
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 clean, 1 errors found (or too many warnings), 2 bad usage.

The deployment checklist: preflight checklist init|status|verify (preflight checklist --help).
A readiness report: preflight report [folder] --format html|markdown (preflight report --help).
`;

interface CliOptions {
  paths: string[];
  format: (typeof FORMATS)[number];
  settings?: string;
  djangoVersion?: string;
  context: 'auto' | 'production';
  maxWarnings: number;
  fix: boolean;
  fixDryRun: boolean;
}

const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;

function parseOptions(argv: string[]): CliOptions | 'help' | 'version' {
  const { values, positionals } = parseCommandLine({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      settings: { type: 'string' },
      'django-version': { type: 'string' },
      context: { type: 'string', default: 'auto' },
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean' },
      'fix-dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return 'help';
  if (values.version) return 'version';
  const format = oneOf('--format', values.format, FORMATS);
  const context = oneOf('--context', values.context, ['auto', 'production']);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number');
  }
  if (values.settings !== undefined && !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(values.settings)) {
    throw new UsageError(`--settings takes a dotted module path such as config.settings.production, not "${values.settings}"`);
  }
  const djangoVersion = values['django-version'];
  if (djangoVersion !== undefined && seriesOf(djangoVersion) === null) {
    throw new UsageError(`--django-version takes a Django release Preflight knows (${DJANGO_SERIES[0]} to ${DJANGO_SERIES[DJANGO_SERIES.length - 1]}) such as 5.2 or 5.2.8, not "${djangoVersion}"`);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix writes the files and --fix-dry-run writes nothing: give one of them');
  const paths = positionals.length > 0 ? positionals : ['.'];
  for (const target of paths) if (!fs.existsSync(target)) throw new UsageError(`no such file or directory: ${target}`);
  return { paths, format, settings: values.settings, djangoVersion, context, maxWarnings, fix: values.fix === true, fixDryRun: values['fix-dry-run'] === true };
}

/**
 * The projects to check, one group per folder given (a folder may hold several Django projects:
 * project/partition.ts), each loaded only when reached, so a checked project can be let go.
 */
function* projectGroups(options: CliOptions): Generator<Iterable<ProjectModel>> {
  const modelOptions = { settingsModule: options.settings, djangoVersion: options.djangoVersion, context: options.context };
  const directories = options.paths.filter((target) => fs.statSync(target).isDirectory());
  const inDirectory = (file: string) =>
    directories.some((directory) => !path.relative(path.resolve(directory), path.resolve(file)).startsWith('..'));
  // A file also reached through a folder given alongside it is checked once, as part of that folder.
  const files = options.paths.filter((target) => !directories.includes(target) && !inDirectory(target));
  for (const directory of directories) yield loadProjects(directory, modelOptions);
  // Files named on their own belong to the project at the working directory, whose layout gives them context.
  if (files.length > 0) yield [loadProject('.', modelOptions, files)];
}

const fromWorkingDirectory = (filePath: string) => path.relative(process.cwd(), filePath).split(path.sep).join('/');

/** A folder's findings in path order, whichever of its projects they came from. */
function byPosition(a: JsonFinding, b: JsonFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

/**
 * The text output's context: which Django each project is judged as and why (project/django-version.ts),
 * with the project's folder.
 */
function* withContextLines(group: Iterable<ProjectModel>, lines: string[]): Generator<ProjectModel> {
  for (const model of group) {
    const folder = fromWorkingDirectory(model.root) || '.';
    // A dependency file that could not be read is DJ001's finding, on its line.
    lines.push(`${describeDjangoVersion(model.djangoVersion())} (project ${folder})`);
    yield model;
  }
}

function lintPaths(options: CliOptions, contextLines: string[] = []): JsonFinding[] {
  const output = (findings: Finding[]) => findings.map((finding) => toJsonFinding(finding, fromWorkingDirectory));
  const groups = function* () {
    for (const group of projectGroups(options)) yield withContextLines(group, contextLines);
  };
  if (!options.fix && !options.fixDryRun) {
    const printed: JsonFinding[] = [];
    for (const group of groups()) {
      // Only what is printed is kept of each project's findings.
      const folder: JsonFinding[] = [];
      for (const findings of lintProjectsInTurn(group)) folder.push(...output(findings));
      printed.push(...folder.sort(byPosition));
    }
    return printed;
  }
  const run = fixAndWrite((function* () {
    for (const group of groups()) yield* group;
  })(), { dryRun: options.fixDryRun });
  // Machine-readable output stays pure on stdout; the account of changes goes to stderr there.
  const account = describeFixRun(run, fromWorkingDirectory);
  (options.format === 'text' ? process.stdout : process.stderr).write(account);
  return output(run.remaining);
}

export function main(argv: string[]): number {
  // A folder named "checklist" is still linted when written as ./checklist.
  if (argv[0] === 'checklist') return checklistMain(argv.slice(1));
  if (argv[0] === 'report') return reportMain(argv.slice(1));
  let options;
  try {
    options = parseOptions(argv);
  } catch (error) {
    return usageErrorStatus(error, 'preflight', USAGE);
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }

  const contextLines: string[] = [];
  const findings = lintPaths(options, contextLines);
  if (options.format === 'json') writeChunks(formatJsonChunks(findings));
  else if (options.format === 'sarif') process.stdout.write(formatSarif(findings, VERSION, { root: repositoryRoot(process.cwd()), workingDirectory: process.cwd() }));
  else if (options.format === 'github') process.stdout.write(formatGithub(findings));
  else if (options.format === 'gitlab') process.stdout.write(formatGitlab(findings));
  else if (options.format === 'junit') process.stdout.write(formatJunit(findings));
  else process.stdout.write(formatText(findings, process.stdout.isTTY === true && !process.env.NO_COLOR, contextLines));

  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (warnings > options.maxWarnings) {
    process.stderr.write(`preflight: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The nearest folder upwards holding `.git` (a folder, or a file in a worktree); else `start`. SARIF paths are relative to it. */
function repositoryRoot(start: string): string {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return path.resolve(start);
  }
}

/** Joined into writes of about 64 KB: stdout to a file or pipe is written synchronously, so nothing piles up. */
function writeChunks(chunks: Iterable<string>): void {
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= 65536) {
      process.stdout.write(pending);
      pending = '';
    }
  }
  if (pending) process.stdout.write(pending);
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
