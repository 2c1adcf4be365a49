import type { EnvEntry, EnvFile } from '../../parse/env';
import type { ProjectFile, ProjectModel } from '../../project/model';
import { feedsProductionEnvironment } from '../../project/production';
import { productionReads } from './production-reads';
import type { Fix } from '../rule';

/**
 * Env variables that carry Django settings. Projects name them two ways: cookiecutter-django's
 * `DJANGO_` prefix (`DJANGO_DEBUG`, `DJANGO_SECURE_SSL_REDIRECT`) or the bare setting name.
 */
export function settingVariables(setting: string): string[] {
  return [`DJANGO_${setting}`, setting];
}

/** The winning entries, in file order, of the variables that carry a setting. */
export function settingEntries(env: EnvFile, setting: string): EnvEntry[] {
  return settingVariables(setting)
    .map((key) => env.get(key))
    .filter((entry): entry is EnvEntry => entry !== undefined)
    .sort((a, b) => a.line - b.line);
}

/**
 * The entries an env side judges. In a file that feeds production's Django process, those of
 * variables production reads (all of them while what production reads is unknown): a variable
 * nothing reads changes nothing, DJ803 says so, once, and the env side does not judge a value no
 * setting gets. Elsewhere (a root `.env` of unknown use) who reads the file is unknown: all.
 */
export function readSettingEntries(env: EnvFile, setting: string, { file, project }: { file: ProjectFile; project: ProjectModel }): EnvEntry[] {
  const entries = settingEntries(env, setting);
  if (entries.length === 0 || !feedsProduction(project, file)) return entries;
  return entries.filter((entry) => productionReads(project, entry.key) !== false);
}

/** Whether a file gives production's Django process its environment (project/production.ts). */
export const feedsProduction = feedsProductionEnvironment;

/** Variables that show an env file configures a Django app (not Postgres or Redis alone). */
const DJANGO_MARKERS = ['SECRET_KEY', 'DEBUG', 'ALLOWED_HOSTS', 'SETTINGS_MODULE'];

export function isDjangoEnvFile(env: EnvFile): boolean {
  return env.keys.some((key) => key.startsWith('DJANGO_') || DJANGO_MARKERS.includes(key));
}

/** The range a finding about an absent variable points at: the file's first line. */
export function startOfFile(env: EnvFile) {
  return env.source.rangeOf(0, env.source.lineEnd(0));
}

/** A fix that replaces an entry's value, keeping its key, quotes and comment. */
export function replaceValueFix(file: ProjectFile, entry: EnvEntry, newValue: string, title: string, safe = true): Fix {
  return { title, safe, preferred: true, edits: [{ path: file.path, range: entry.valueRange, newText: newValue }] };
}

/** A fix that appends lines at the end of an env file. */
export function appendLinesFix(file: ProjectFile, env: EnvFile, lines: string[], title: string, safe = true): Fix {
  const text = env.source.text;
  const eol = env.source.eol;
  const end = env.source.positionAt(text.length);
  const separator = text === '' || text.endsWith('\n') || text.endsWith('\r') ? '' : eol;
  return { title, safe, preferred: true, edits: [{ path: file.path, range: { start: end, end }, newText: separator + lines.join(eol) + eol }] };
}
