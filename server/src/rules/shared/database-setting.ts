/**
 * DATABASES as the settings rules read it: each alias's configuration dict (a display in the
 * module, or what `env.db` made of a URL) and where a finding about it goes.
 */
import type { SettingsView } from '../../settings/project-settings';
import { Location, Value, dictGet } from '../../settings/value';
import { KnownLookup, known } from './settings-findings';

export type DatabaseConfig = Extract<Value, { kind: 'dict' }>;

export interface DatabaseAlias {
  alias: string;
  config: DatabaseConfig;
  /** The alias's key as written in a DATABASES display (`"default"`), or null. */
  keyAt: Location | null;
  /** The alias as a lookup for reportSetting: at the env line that gave the URL, else where it is written. */
  lookup: KnownLookup;
}

/** The aliases of DATABASES whose configuration is a known dict; none when DATABASES is unknown. */
export function databaseAliases(settings: SettingsView): DatabaseAlias[] {
  const databases = known(settings, 'DATABASES');
  if (!databases || databases.value.kind !== 'dict') return [];
  const aliases: DatabaseAlias[] = [];
  for (const entry of databases.value.entries) {
    const config = entry.value;
    // Only the entry that wins (a repeated key), with a configuration that is a dict.
    if (entry.key.kind !== 'str' || config.kind !== 'dict' || dictGet(databases.value, entry.key.value) !== config) continue;
    const keyAt = entry.key.at ?? null;
    // A URL read with env.db is reported at its read (or its env line); a display at its alias key.
    const location = config.env ? config.env.at : (keyAt ?? config.at ?? databases.location);
    aliases.push({ alias: entry.key.value, config, keyAt, lookup: { ...databases, value: config, location } as KnownLookup });
  }
  return aliases;
}

/** A string key of an alias's configuration: its value, undefined when absent, null when that cannot be told. */
export function configString(config: DatabaseConfig, key: string): string | undefined | null {
  const value = dictGet(config, key);
  if (value === undefined || value === null) return value;
  return value.kind === 'str' ? value.value : null;
}

/**
 * Whether the configuration came from an env value that an env file's (or compose file's) own
 * check of `*DATABASE_URL` judges already: the settings side then adds nothing.
 */
export function judgedByUrlCheck(config: DatabaseConfig, withCompose: boolean): boolean {
  const source = config.env?.source;
  if (!source) return false;
  const key = source.entry?.key ?? (withCompose ? source.composeEntry?.key : undefined);
  return key !== undefined && key.endsWith('DATABASE_URL');
}
