/**
 * What production reads from the environment: the production settings' env reads, compose
 * interpolation and pass-through, `$NAME` proxies, the web container's start scripts. DJ803 calls
 * a variable nothing reads unused; the env sides of the settings rules speak only of variables
 * production reads (one root cause, one diagnostic: an unread variable is DJ803's alone).
 */
import type { ProjectModel } from '../../project/model';
import { productionLinks } from '../../project/production';
import { SettingsView, productionSettings } from '../../settings/project-settings';

export interface Readers {
  view: SettingsView;
  /** Every name read: by the production settings, by compose interpolation or pass-through, through a $NAME proxy, by a start script. */
  read: Set<string>;
  /** Names the settings read but production's environment does not set: the likely other half of a typo. */
  unset: Set<string>;
  /** Names written as string literals in the production settings' files: read somewhere the evaluator may not follow. */
  literals: Set<string>;
}

const cache = new WeakMap<ProjectModel, Readers | null>();

/**
 * What production reads, or null when it cannot be known: no production settings module, or
 * settings whose names or env reads the evaluator could not follow.
 */
export function productionReaders(project: ProjectModel): Readers | null {
  if (cache.has(project)) return cache.get(project)!;
  let readers: Readers | null = null;
  const view = productionSettings(project);
  const namespace = view?.namespace;
  const dynamicRead = namespace?.trace.some((note) => /variable name that is not a known string|key that is not a known string|setdefault is not followed/.test(note.note));
  if (view && namespace && !namespace.tainted && !dynamicRead) {
    const read = new Set<string>();
    const unset = new Set<string>();
    for (const envRead of namespace.envReads) {
      read.add(envRead.variable);
      if (!envRead.source) unset.add(envRead.variable);
    }
    for (const name of composeReads(project)) read.add(name);
    for (const name of proxiedNames(project)) read.add(name);
    // The web container's start scripts (`export CELERY_BROKER_URL="${REDIS_URL}"`).
    for (const name of productionLinks(project).container?.reads ?? []) read.add(name);
    const literals = new Set<string>();
    for (const filePath of namespace.files) {
      const text = project.get(filePath)?.text ?? '';
      for (const match of text.matchAll(/["']([A-Za-z_][A-Za-z0-9_]*)["']/g)) literals.add(match[1]);
    }
    readers = { view, read, unset, literals };
  }
  cache.set(project, readers);
  return readers;
}

// `$$` is compose's escaped dollar; `${NAME…}` and `$NAME` read NAME (nested defaults included).
const COMPOSE_VARIABLE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Names compose files take from the environment: interpolation, and pass-through `- NAME` entries. */
function composeReads(project: ProjectModel): Set<string> {
  const names = new Set<string>();
  for (const file of project.ofKind('compose')) {
    if (file.text === null) continue;
    for (const match of file.text.matchAll(COMPOSE_VARIABLE)) {
      const name = match[1] ?? match[2];
      if (name) names.add(name);
    }
    const compose = project.compose(file);
    for (const service of compose.services) for (const entry of service.environment) if (entry.value === null) names.add(entry.key);
  }
  return names;
}

/** Names django-environ reads through a `$NAME` proxy value (`DATABASE_URL=$HEROKU_POSTGRESQL_URL`). */
function proxiedNames(project: ProjectModel): Set<string> {
  const names = new Set<string>();
  for (const file of project.ofKind('env')) {
    if (file.text === null) continue;
    for (const entry of project.env(file).entries) {
      const match = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(entry.value);
      if (match) names.add(match[1]);
    }
  }
  return names;
}

/**
 * Whether production reads a variable: null when that cannot be known (no production settings
 * module, or settings whose env reads the evaluator could not follow). A name written as a
 * string in the settings counts as read: the evaluator may not follow every read.
 */
export function productionReads(project: ProjectModel, variable: string): boolean | null {
  const readers = productionReaders(project);
  if (!readers) return null;
  return readers.read.has(variable) || readers.literals.has(variable);
}
