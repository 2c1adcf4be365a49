import { SourceText } from '../parse/source-text';
import type { Range } from '../parse/source-text';
import type { DjangoVersion } from '../project/django-version';
import { productionSettings } from '../settings/project-settings';
import { DJANGO_SUPPORT, DJANGO_SUPPORT_MADE } from './shared/django-support';
import type { SeriesSupport } from './shared/django-support';
import type { Report, Rule, RuleContext } from './rule';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export const rule: Rule = {
  meta: {
    code: 'DJ616',
    name: 'django-unsupported',
    description: 'The Django the project runs gets no more security fixes (its series is past its end of support), or a pinned release misses security releases of its series.',
    category: 'hygiene',
    severity: 'warning',
    checklistItem: 'Dependencies are updated in `requirements.txt`',
    djangoCheck: null,
    // The version is the project's, found in production's files or in files whose path says
    // nothing (detection never asks development's): a neutral requirements.txt must not soften it.
    anyContext: true,
  },
  // The finding goes where the version came from: the file and line that pin it, the
  // configuration's django-version; a version given as an option (--django-version, the editor
  // setting) is reported on the production settings module's first line; the assumed newest LTS is
  // no finding (nothing in the project says which Django runs).
  checkFile(context) {
    const source = context.project.djangoVersion().source;
    if (source.kind !== 'file' || context.file.relativePath !== source.path || context.file.text === null) return;
    const text = new SourceText(context.file.text);
    const line = Math.min(Math.max(source.line - 1, 0), text.lineCount - 1);
    judge(context, text.rangeOf(text.offsetAt({ line, character: 0 }), text.lineEnd(line)));
  },
  checkConfig(_config, context) {
    const source = context.project.djangoVersion().source;
    if (source.kind !== 'config' || context.file.relativePath !== source.path || context.file.text === null) return;
    const text = new SourceText(context.file.text);
    const match = /^[ \t]*"?django-version"?[ \t]*=.*$/m.exec(context.file.text);
    const start = match ? match.index + match[0].length - match[0].trimStart().length : 0;
    judge(context, text.rangeOf(start, match ? match.index + match[0].length : 0));
  },
  checkSettings(settings, context) {
    const source = context.project.djangoVersion().source;
    // A project file Preflight does not lint (a lock file) has no diagnostics of its own: the settings module stands in.
    const inOtherFile = source.kind === 'file' && !context.project.files.some((file) => file.relativePath === source.path);
    if (source.kind !== 'option' && !inOtherFile) return;
    if (context.file.path !== settings.entry.path) return;
    // One finding per project: on production's module when there is one, else on each module of its own.
    if (!settings.isProduction && productionSettings(context.project)) return;
    const text = settings.namespace.module.python.source;
    judge(context, text.rangeOf(0, text.lineEnd(0)), settings.entry.path);
  },
};

function judge({ project, report }: RuleContext, range: Range, path?: string): void {
  const version = project.djangoVersion();
  const finding = verdict(version);
  if (finding) report({ ...finding, range, ...(path ? { path } : {}) });
}

/** What the support table says of the version, as a finding; null when nothing is wrong (or known). */
function verdict(version: DjangoVersion): Pick<Report, 'message' | 'severity'> | null {
  const rows = version.series.map((series) => DJANGO_SUPPORT.get(series));
  if (rows.some((row) => row === undefined)) return null;
  const table = `(Preflight's Django support table of ${DJANGO_SUPPORT_MADE})`;
  const supported = [...DJANGO_SUPPORT.values()].filter((row) => !ended(row)).map((row) => `${row.series}${row.lts ? ' LTS' : ''}`);
  const upgrade = `Upgrade to a supported series (${supported.join(', ')}).`;
  const missed = version.exact ? missedReleases(rows[0]!, version.exact) : [];
  const missedText = missed.length === 0 ? '' : ` It also misses the security fixes released in ${missed[0].version} (${missed[0].date})${missed.length > 1 ? ` and ${missed.length - 1} later release${missed.length > 2 ? 's' : ''}, the latest ${missed[missed.length - 1].version} (${missed[missed.length - 1].date})` : ''}.`;
  if (rows.every((row) => ended(row!))) {
    const named = version.exact ?? (version.series.length === 1 ? version.series[0] : `${version.series[0]} to ${version.series[version.series.length - 1]}`);
    const ends = rows.map((row) => `${row!.series}${row!.lts ? ' (LTS)' : ''} in ${when(row!.endOfSupport!)}`).join(', ');
    return { severity: 'error', message: `Django ${named} gets no more security fixes: support ended for ${ends} ${table}.${missedText} ${upgrade}` };
  }
  if (missed.length === 0) return null;
  const latest = rows[0]!.securityReleases[rows[0]!.securityReleases.length - 1];
  return {
    message: `Django ${version.exact} misses security fixes released in ${missed[0].version} (${missed[0].date})${missed.length > 1 ? ` and ${missed.length - 1} later release${missed.length > 2 ? 's' : ''}` : ''} ${table}. Upgrade to ${latest.version} or later.`,
  };
}

/** Whether the series' security support ended by the day the table was made. */
function ended(row: SeriesSupport): boolean {
  if (row.endOfSupport === null) return false;
  // A month (an LTS's "April 2026") ends with the month.
  return row.endOfSupport.length === 7 ? DJANGO_SUPPORT_MADE.slice(0, 7) > row.endOfSupport : DJANGO_SUPPORT_MADE >= row.endOfSupport;
}

function missedReleases(row: SeriesSupport, exact: string) {
  return row.securityReleases.filter((release) => compareVersions(release.version, exact) > 0);
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

function when(end: string): string {
  return end.length === 7 ? `${MONTHS[Number(end.slice(5, 7)) - 1]} ${end.slice(0, 4)}` : end;
}
