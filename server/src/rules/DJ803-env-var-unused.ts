import { productionLinks } from '../project/production';
import type { SettingsView } from '../settings/project-settings';
import type { Location } from '../settings/value';
import { envConsumerOf } from './shared/env-consumers';
import { Readers, productionReaders } from './shared/production-reads';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ803',
    name: 'env-var-unused',
    description: 'A production env file sets a variable that neither the production settings, nor a compose file, nor a well-known tool reads: usually a typo or a rename.',
    category: 'hygiene',
    severity: 'info',
    checklistItem: 'Production .env file is created with all required variables',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    if (project.contextOf(file).context !== 'production') return;
    const readers = productionReaders(project);
    if (!readers) return;
    const environment = productionLinks(project).environment;
    // Only files that feed the production Django process: a frontend's or a proxy's env file is read by other code.
    if (![...(environment?.values() ?? [])].some((value) => value.file?.path === file.path)) return;
    const setHere = new Set(env.keys);
    for (const entry of env.entries) {
      const variable = entry.key;
      if (readers.read.has(variable) || envConsumerOf(variable) || readers.literals.has(variable)) continue;
      const module = readers.view.entry.relativePath;
      const bound = boundSetting(variable, readers.view);
      // The settings fill the setting from another variable: that one is the name to use.
      const fromSetting = bound?.readsFrom && !setHere.has(bound.readsFrom) ? bound.readsFrom : null;
      const suggestion = fromSetting ?? closestRead(variable, readers, setHere);
      if (suggestion) {
        const why = fromSetting ? `set ${bound!.setting} from ${suggestion}` : `read ${suggestion}`;
        report({
          range: entry.keyRange,
          message: `${variable} is set but never read: the production settings (${module}) ${why}${readers.unset.has(suggestion) ? ', which nothing sets' : ''}. A typo or a rename? Use one name in both places.`,
          fixes: [{ title: `Rename to ${suggestion}`, safe: false, preferred: true, edits: [{ path: file.path, range: entry.keyRange, newText: suggestion }] }],
        });
        continue;
      }
      if (bound && !bound.readsFrom) {
        report({
          range: entry.keyRange,
          message: `${variable} is set but never read: the production settings (${module}) hard-code ${bound.setting} without reading the environment, so this value has no effect.`,
          related: [{ path: bound.location.path, range: bound.location.range, message: `${bound.setting} is set here` }],
        });
        continue;
      }
      report({
        range: entry.keyRange,
        message: `${variable} is set but nothing in production reads it: not the production settings (${module}), no compose interpolation, no well-known tool. A leftover, or a name the code spells differently?`,
      });
    }
  },
};

/**
 * The read name this one most likely meant: the same name with or without cookiecutter's
 * `DJANGO_` prefix, else the closest by edit distance (transpositions count one), within two
 * edits and a quarter of the name. Names this file already sets are not candidates.
 */
function closestRead(variable: string, readers: Readers, setHere: ReadonlySet<string>): string | null {
  const candidates = [...readers.read].filter((name) => !setHere.has(name));
  const prefixed = variable.startsWith('DJANGO_') ? variable.slice('DJANGO_'.length) : `DJANGO_${variable}`;
  if (candidates.includes(prefixed)) return prefixed;
  const limit = Math.min(2, Math.floor(variable.length / 4));
  let best: { name: string; distance: number } | null = null;
  for (const name of candidates.sort()) {
    const distance = editDistance(variable, name);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name ?? null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent transpositions. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return Infinity;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The setting a variable would carry (`DJANGO_ALLOWED_HOSTS` -> ALLOWED_HOSTS) as the production settings bind it, if they do. */
function boundSetting(variable: string, view: SettingsView): { setting: string; readsFrom: string | null; location: Location } | null {
  const setting = variable.startsWith('DJANGO_') ? variable.slice('DJANGO_'.length) : variable;
  if (!/^[A-Z][A-Z0-9_]*$/.test(setting)) return null;
  const lookup = view.get(setting);
  if (lookup.state !== 'set') return null;
  return { setting, readsFrom: lookup.value.env?.variable ?? null, location: lookup.binding.statement };
}
