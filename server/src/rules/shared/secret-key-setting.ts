import type { ProjectModel } from '../../project/model';
import { settingsAnalysis } from '../../settings/project-settings';
import type { SettingsView } from '../../settings/project-settings';
import type { Fix } from '../rule';
import { SECRET_KEY_VARIABLES, maskSecret, generateSecretKey } from './secrets';
import { KnownLookup, known, replaceExpressionFix } from './settings-findings';

/** SECRET_KEY as Django loads it, when it is a known string (or bytes). */
export function secretKeyLookup(settings: SettingsView): { lookup: KnownLookup; key: string } | null {
  const lookup = known(settings, 'SECRET_KEY');
  if (!lookup) return null;
  const value = lookup.value;
  if (value.kind !== 'str' && value.kind !== 'bytes') return null;
  return { lookup, key: value.value };
}

/** The subject of a message, never the key itself. */
export function describeSecretKey(lookup: KnownLookup, key: string): string {
  if (lookup.state === 'default') return 'SECRET_KEY is not set (Django\'s default is empty) and';
  const env = lookup.value.env;
  const shown = key === '' ? 'empty' : maskSecret(key);
  if (env?.source) return `SECRET_KEY (${env.variable} in ${env.source.origin}, ${shown})`;
  if (env) return `SECRET_KEY (the default of ${env.reader}("${env.variable}"), ${shown})`;
  return `SECRET_KEY (${shown})`;
}

/** Replace the key with an env read (a literal), or the env line's value with a generated key. */
export function secretKeyFix(settings: SettingsView, lookup: KnownLookup): Fix[] {
  if (lookup.state !== 'set') return [];
  const read = lookup.value.env;
  if (read?.source?.file && read.source.entry) {
    return [{ title: `Replace ${read.variable} with a generated key`, safe: false, preferred: true, edits: [{ path: read.source.file.path, range: read.source.entry.valueRange, newText: generateSecretKey() }] }];
  }
  if (read) return [];
  const fix = replaceExpressionFix(lookup, 'os.environ["DJANGO_SECRET_KEY"]', 'Read SECRET_KEY from the DJANGO_SECRET_KEY environment variable', false);
  return fix ? [fix] : [];
}

/**
 * The environment variables that hold Django's key: DJANGO_SECRET_KEY and SECRET_KEY, and any
 * variable a settings module of the project reads into SECRET_KEY (paperless-ngx's
 * `SECRET_KEY = os.getenv("PAPERLESS_SECRET_KEY")`) when no production module is known: with one,
 * the settings side reports production's key at the env line that sets it, once.
 */
export function secretKeyVariables(project: ProjectModel): string[] {
  const variables = new Set(SECRET_KEY_VARIABLES);
  const analysis = settingsAnalysis(project);
  if (analysis.production) return [...variables];
  for (const namespace of analysis.namespaces.values()) {
    const read = namespace.names.get('SECRET_KEY')?.value.env;
    if (read) variables.add(read.variable);
  }
  return [...variables];
}
