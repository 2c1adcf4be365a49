import { type Binding } from '../settings/namespace';
import { rebasedFrom } from '../settings/incremental';
import type { SettingsView } from '../settings/project-settings';
import type { Location, Value } from '../settings/value';
import { describeOtherParts, sourceSpan, writtenInSource } from '../settings/provenance';
import type { ProjectModel } from '../project/model';
import { isSecretVariable } from './shared/credentials';
import { appendToProductionEnv } from './shared/production-env-file';
import { Fix, Rule } from './rule';
import { isNotASecretValue } from './shared/secret-names';
import { SECRET_KEY_VARIABLES, maskSecret } from './shared/secrets';

/** A URL carrying a password: `scheme://user:password@host`. */
const URL_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^/\s@]+)@/i;
/** A string literal as written (not a computed or env-read value). */
const STRING_LITERAL = /^[rRuUbB]{0,2}['"]/;

interface Credential {
  /** How a message names it: `EMAIL_HOST_PASSWORD`, `DATABASES["default"]["PASSWORD"]`. */
  name: string;
  /** The variable the fix reads it from. */
  variable: string;
  value: Extract<Value, { kind: 'str' }>;
  /** The password of a URL, when that is the secret part. */
  urlPassword: string | null;
  /** Where the credential's characters are written: the literal that holds them. */
  at: Location;
  /** For a folded string: where its other characters came from (`DB_HOST from .envs/.production/.django`). */
  otherParts: string | null;
}

export const rule: Rule = {
  meta: {
    code: 'DJ110',
    name: 'credential-in-source',
    description: 'A settings module holds a password, API key, token or a URL with a password as a string literal, so the credential is in version control.',
    category: 'secrets',
    severity: 'error',
    checklistItem: 'Configure production database credentials; the password is strong and unique',
    djangoCheck: null,
  },
  checkSettings(settings, { project, report }) {
    const seen = new Set<string>();
    const place = (at: Location) => `${at.path}:${at.range.start.line}:${at.range.start.character}`;
    for (const name of SECRET_KEY_VARIABLES) {
      // DJ101's, also where another setting reuses it: SIMPLE_JWT = {"SIGNING_KEY": SECRET_KEY}.
      const at = settings.namespace.names.get(name)?.value.at;
      if (at) seen.add(place(at));
    }
    for (const [name, binding] of settings.namespace.names) {
      if (SECRET_KEY_VARIABLES.includes(name)) continue;
      for (const credential of credentialsOf(name, binding)) {
        const at = credential.at;
        const key = place(at);
        if (seen.has(key)) continue;
        seen.add(key);
        const secret = credential.urlPassword ?? credential.value.value;
        const what = credential.urlPassword ? `${credential.name} is a URL whose password (${maskSecret(secret)}) is` : `${credential.name} (${maskSecret(secret)}) is`;
        const rest = credential.otherParts ? ` (the rest of the URL comes from ${credential.otherParts})` : '';
        report({
          path: at.path,
          range: at.range,
          message: `${what} written in the settings module${rest}: it is in version control, in every clone and backup, and changing it means a commit and a deploy.`,
          fixes: envReadFix(settings, project, credential),
        });
      }
    }
  },
};

/** Lists repeated by `*` share their items: walked as a tree, [[0] * 1000] * 1000 … is 10^15 values. */
const MAX_VALUES_VISITED = 10_000;

/**
 * Credentials per binding: the incremental evaluator keeps the bindings of statements an edit
 * did not reach, so a keystroke walks only the values it changed.
 */
const walked = new WeakMap<Binding, { name: string; credentials: Credential[] }>();

function credentialsOf(name: string, binding: Binding): Credential[] {
  const known = walked.get(binding);
  if (known && known.name === name) return known.credentials;
  // A statement replayed at another line re-bases its value's ranges only: nothing found before, nothing now (and its value is not copied).
  const original = rebasedFrom(binding);
  const before = original && walked.get(original);
  if (before && before.name === name && before.credentials.length === 0) return before.credentials;
  const credentials = credentialsIn(binding.value, name, name.toUpperCase(), [], { left: MAX_VALUES_VISITED });
  walked.set(binding, { name, credentials });
  if (original && credentials.length === 0) walked.set(original, { name, credentials });
  return credentials;
}

function credentialsIn(value: Value, name: string, variable: string, keys: string[], budget: { left: number }): Credential[] {
  const found: Credential[] = [];
  collectCredentials(value, () => name, variable, keys, budget, found);
  return found;
}

/** The walk behind credentialsIn; a value's display name is spelled out only when it is a credential (every setting is walked on every keystroke). */
function collectCredentials(value: Value, name: () => string, variable: string, keys: string[], budget: { left: number }, found: Credential[]): void {
  if (--budget.left < 0) return;
  if (value.kind === 'dict') {
    for (const entry of value.entries) {
      if (entry.key.kind !== 'str') continue;
      const key = entry.key.value;
      collectCredentials(entry.value, () => `${name()}["${key}"]`, variable, [...keys, key], budget, found);
    }
    return;
  }
  if (value.kind === 'list' || value.kind === 'tuple') {
    // django-constance's CONSTANCE_CONFIG = {"NAME": (default, help_text[, type])}: only the default is a value.
    if (variable === 'CONSTANCE_CONFIG' && keys.length === 1) {
      if (value.items.length > 0) collectCredentials(value.items[0], () => `${name()}[0]`, variable, keys, budget, found);
      return;
    }
    value.items.forEach((item, index) => collectCredentials(item, () => `${name()}[${index}]`, variable, keys, budget, found));
    return;
  }
  if (value.kind !== 'str' || !value.at || value.value.trim() === '' || !value.at.path.endsWith('.py')) return;
  const last = (keys[keys.length - 1] ?? variable).toUpperCase();
  const url = URL_PASSWORD.exec(value.value);
  if (!url && (!isSecretVariable(last) || isNotASecretValue(value.value))) return;
  // Only characters written in the module count: a password an f-string or `+` reads from the environment is not in the source.
  if (url && !writtenInSource(value)) {
    const start = url.index + url[0].length - 1 - url[1].length;
    const span = sourceSpan(value, start, start + url[1].length);
    if (!span.inSource || !span.at || !span.at.path.endsWith('.py')) return;
    found.push({ name: name(), variable: variableFor(variable, keys), value, urlPassword: url[1], at: span.at, otherParts: describeOtherParts(value) });
    return;
  }
  if (!writtenInSource(value)) return;
  found.push({ name: name(), variable: variableFor(variable, keys), value, urlPassword: url ? url[1] : null, at: value.at, otherParts: null });
}

/** DATABASES["default"]["PASSWORD"] -> DB_PASSWORD; EMAIL_HOST_PASSWORD -> itself. */
function variableFor(setting: string, keys: string[]): string {
  const parts = [setting === 'DATABASES' ? 'DB' : setting, ...keys.filter((key) => key !== 'default')];
  return parts.join('_').toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** Read it the way the module already reads its environment, with a stub in production's env file. */
function envReadFix(settings: SettingsView, project: ProjectModel, credential: Credential): Fix[] {
  if (credential.otherParts) return []; // a folded string: the fix would drop the parts read from the environment
  const at = credential.value.at!;
  const file = project.get(at.path);
  if (!file || file.text === null) return [];
  const source = project.settings(file).source;
  const written = source.textIn(at.range);
  if (!STRING_LITERAL.test(written)) return [];
  const envObject = settings.namespace.names.get('env')?.value;
  const osModule = settings.namespace.names.get('os')?.value;
  const variable = credential.variable;
  const read = envObject?.kind === 'object' && envObject.name === 'env' ? `env("${variable}")` : osModule?.kind === 'object' && osModule.name === 'module:os' ? `os.environ["${variable}"]` : null;
  if (!read) return [];
  return [
    {
      title: `Read ${credential.name} from ${variable} and add a ${variable}= stub to production's env file`,
      safe: false,
      preferred: true,
      edits: [{ path: at.path, range: at.range, newText: read }, ...appendToProductionEnv(project, [`${variable}=`])],
    },
  ];
}
