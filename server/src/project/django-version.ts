/**
 * Which Django the project runs, as the rules that mirror `check --deploy` need it: the series
 * that may run (one for a pin, several for a range) and, when pinned or locked, the exact release,
 * with where that came from. Resolved once per project model (ProjectModel.djangoVersion), never
 * per rule. Order: the user's option (`--django-version`, `preflight.djangoVersion`), the project
 * configuration's `django-version`, the project's own files (lock files, requirements,
 * pyproject.toml, setup.cfg, the production Dockerfile's pip install), then the newest LTS,
 * said as an assumption.
 */

/** Feature series Preflight knows the deploy checks of, oldest first. */
export const DJANGO_SERIES = ['3.2', '4.0', '4.1', '4.2', '5.0', '5.1', '5.2', '6.0', '6.1'] as const;
export type DjangoSeries = (typeof DJANGO_SERIES)[number];

/** Assumed when nothing says which Django runs. */
export const NEWEST_LTS: DjangoSeries = '5.2';

export type DjangoVersionSource =
  | { kind: 'option'; text: string }
  | { kind: 'config'; path: string; text: string }
  /** A project file: lock file, requirements, pyproject.toml, setup.cfg/setup.py, Dockerfile. */
  | { kind: 'file'; path: string; line: number; text: string; /** The requirements file that includes `path` (`-r`), when it decided. */ via?: string }
  | { kind: 'default'; text: string };

export interface DjangoVersion {
  /** The series that may run, oldest first; never empty. */
  series: readonly DjangoSeries[];
  /** The exact release when pinned or locked (`5.2.8`), else null. */
  exact: string | null;
  source: DjangoVersionSource;
}

const SERIES_OF = /^(\d+)\.(\d+)(?:\.(\d+))?$/;

/** The known series a version as the user writes it (`5.2`, `5.2.8`) names, or null; a series between known ones is not guessed at. */
export function seriesOf(text: string): DjangoSeries | null {
  const match = SERIES_OF.exec(text.trim());
  if (!match) return null;
  const series = `${Number(match[1])}.${Number(match[2])}`;
  return (DJANGO_SERIES as readonly string[]).includes(series) ? (series as DjangoSeries) : null;
}

/** A version as the user writes it as a DjangoVersion, or null when it names no series Preflight knows. */
export function versionFromText(text: string, source: DjangoVersionSource): DjangoVersion | null {
  const written = text.trim();
  const series = seriesOf(written);
  if (series === null) return null;
  // SERIES_OF admitted it: three parts name a release, two a series.
  return { series: [series], exact: written.split('.').length === 3 ? written : null, source };
}

/** The newest LTS, said as the assumption it is. */
export function defaultDjangoVersion(): DjangoVersion {
  return { series: [NEWEST_LTS], exact: null, source: { kind: 'default', text: `nothing in the project says which Django it runs: assuming the newest LTS, ${NEWEST_LTS}` } };
}

/** Whether every series that may run is at least `series`: a check added in `series` applies for sure. */
export function atLeast(version: DjangoVersion, series: DjangoSeries): boolean {
  const floor = DJANGO_SERIES.indexOf(series);
  return version.series.every((s) => DJANGO_SERIES.indexOf(s) >= floor);
}

/** Whether no series that may run reaches `series`: a check added in `series` applies to none. */
export function below(version: DjangoVersion, series: DjangoSeries): boolean {
  const floor = DJANGO_SERIES.indexOf(series);
  return version.series.every((s) => DJANGO_SERIES.indexOf(s) < floor);
}

/** One line for hovers, status items and the CLI: `Django 5.2.8: pinned in requirements/production.txt line 3`. */
export function describeDjangoVersion(version: DjangoVersion): string {
  const named = version.exact ?? (version.series.length === 1 ? version.series[0] : `${version.series[0]}–${version.series[version.series.length - 1]}`);
  const source = version.source;
  const where =
    source.kind === 'option' ? `set by ${source.text}`
    : source.kind === 'config' ? `set in ${source.path} (${source.text})`
    : source.kind === 'file' ? `${source.text} in ${source.path} line ${source.line}${source.via ? ` (included by ${source.via})` : ''}`
    : source.text;
  return `Django ${named}: ${where}`;
}
