import type { EnvEntry, EnvFile } from '../../parse/env';
import type { Range } from '../../parse/source-text';
import type { ProjectFile, ProjectModel } from '../../project/model';
import type { Fix } from '../rule';
import { isCredentialName, isSecretName, isUrlName } from './secret-names';
import { SECRET_KEY_VARIABLES, generateSecretKey } from './secrets';

/** Variables whose whole value is a secret: keys, passwords, tokens, API keys (secret-names.ts). */
export function isSecretVariable(key: string): boolean {
  return SECRET_KEY_VARIABLES.includes(key) || isSecretName(key);
}

/** Variables holding a login credential for a service (database, broker, Flower, an API). */
export function isCredentialVariable(key: string): boolean {
  return isCredentialName(key);
}

export interface UrlPassword {
  /** Percent-decoded, as django-environ hands it to the driver. */
  password: string;
  user: string;
  /** The password inside the value; the whole value when the value has decoded escapes. */
  range: Range;
}

// Userinfo runs to the last `@` of the authority, as in Python's urlparse, which django-environ
// uses: an unencoded `@` in a password belongs to the password.
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;

/** The non-empty password of a `scheme://user:password@host` value of a `*_URL`, `*_URI` or `*_DSN` variable. */
export function urlPassword(env: EnvFile, entry: EnvEntry): UrlPassword | null {
  if (!isUrlName(entry.key)) return null;
  const match = AUTHORITY.exec(entry.value);
  if (!match) return null;
  const authority = match[1];
  const userinfo = authority.slice(0, Math.max(authority.lastIndexOf('@'), 0));
  const colon = userinfo.indexOf(':');
  if (colon < 0 || colon === userinfo.length - 1) return null;
  const start = match[0].length - authority.length + colon + 1;
  const end = start + userinfo.length - colon - 1;
  return {
    password: percentDecoded(userinfo.slice(colon + 1)),
    user: percentDecoded(userinfo.slice(0, colon)),
    range: env.valueSubRange(entry, start, end) ?? entry.valueRange,
  };
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}


/**
 * A secret the project mints itself, so a fix may generate a new one: a Django secret key, a
 * password, or the password inside a service URL. API keys and tokens come from their
 * provider and are not here.
 */
export interface MintedSecret {
  file: ProjectFile;
  /** The variable: `POSTGRES_PASSWORD`, `DATABASE_URL`. */
  key: string;
  /** How a fix title names it: `POSTGRES_PASSWORD`, `DATABASE_URL's password`. */
  name: string;
  value: string;
  /** The login it belongs to: the URL's user, or POSTGRES_USER's value for POSTGRES_PASSWORD. */
  user: string | null;
  /** The service it opens, from the variable's prefix or the URL's scheme. */
  service: 'database' | 'redis' | null;
  /** Null when the text cannot be rewritten in place (a quoted value with escapes). */
  range: Range | null;
  /** Characters of a generated replacement. */
  length: number;
}

const PASSWORD_VARIABLE = /^(.*?)_?(?:PASSWORD|PASSWD|PASS)$/;

function serviceOfPrefix(prefix: string): MintedSecret['service'] {
  if (/^(POSTGRES|DB|DATABASE|MYSQL|PG)$/.test(prefix)) return 'database';
  if (prefix === 'REDIS') return 'redis';
  return null;
}

function serviceOfUrl(value: string): MintedSecret['service'] {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1].toLowerCase() ?? '';
  if (/^(postgres|postgresql|psql|pgsql|postgis|mysql|mysql2|mysqlgis)$/.test(scheme)) return 'database';
  if (scheme === 'redis' || scheme === 'rediss') return 'redis';
  return null;
}

/** POSTGRES_PASSWORD goes with POSTGRES_USER, CELERY_FLOWER_PASSWORD with CELERY_FLOWER_USER. */
export function credentialUser(env: EnvFile, key: string): { name: string; value: string } | null {
  const match = PASSWORD_VARIABLE.exec(key);
  if (!match) return null;
  const prefix = match[1] ? `${match[1]}_` : '';
  for (const suffix of ['USER', 'USERNAME', 'LOGIN']) {
    const entry = env.get(prefix + suffix);
    if (entry) return { name: entry.key, value: entry.value };
  }
  return null;
}

/** The minted secrets an env file sets (winning entries only), with where each sits. */
export function mintedSecrets(env: EnvFile, file: ProjectFile): MintedSecret[] {
  const secrets: MintedSecret[] = [];
  for (const entry of env.entries) {
    if (env.get(entry.key) !== entry) continue;
    const url = urlPassword(env, entry);
    // urlPassword falls back to the whole value when it cannot place the password exactly.
    const exact = (range: Range) => (range === entry.valueRange ? null : range);
    if (url) {
      secrets.push({ file, key: entry.key, name: `${entry.key}'s password`, value: url.password, user: url.user, service: serviceOfUrl(entry.value), range: exact(url.range), length: 32 });
      continue;
    }
    const password = PASSWORD_VARIABLE.exec(entry.key);
    if (SECRET_KEY_VARIABLES.includes(entry.key)) {
      secrets.push({ file, key: entry.key, name: entry.key, value: entry.value, user: null, service: null, range: entry.valueRange, length: 64 });
    } else if (password) {
      const user = credentialUser(env, entry.key)?.value ?? null;
      secrets.push({ file, key: entry.key, name: entry.key, value: entry.value, user, service: serviceOfPrefix(password[1]), range: entry.valueRange, length: 32 });
    }
  }
  return secrets;
}

/** The minted secrets of every env file of one context, per model: each secret's fix looks at all of them. */
const secretsByContext = new WeakMap<ProjectModel, Map<string, MintedSecret[]>>();

function mintedSecretsIn(project: ProjectModel, context: string): readonly MintedSecret[] {
  let byContext = secretsByContext.get(project);
  if (!byContext) secretsByContext.set(project, (byContext = new Map()));
  let secrets = byContext.get(context);
  if (!secrets) {
    secrets = project
      .ofKind('env')
      .filter((other) => other.text !== null && project.contextOf(other).context === context)
      .flatMap((other) => mintedSecrets(project.env(other), other));
    byContext.set(context, secrets);
  }
  return secrets;
}

/**
 * Replaces a minted secret with a generated one everywhere it must change together, in env
 * files of the same context: every copy of the same value, and the other spelling of the same
 * login (POSTGRES_PASSWORD and DATABASE_URL's password for the same user), so the services
 * keep agreeing. Null when one of those places cannot be rewritten in place. Never safe for
 * fix-all: the service itself must be given the new secret.
 */
export function regenerateSecretFix(project: ProjectModel, secret: MintedSecret): Fix | null {
  const context = project.contextOf(secret.file).context;
  const peers = mintedSecretsIn(project, context);
  const sameLogin = (other: MintedSecret) => secret.service !== null && other.service === secret.service && (other.user ?? '') === (secret.user ?? '');
  // A copy is the same value under the same variable or for the same service; an equal weak
  // value of an unrelated service (REDIS_PASSWORD=postgres) is a different secret.
  const sameCopy = (other: MintedSecret) => other.value === secret.value && (other.key === secret.key || (secret.service !== null && other.service === secret.service));
  const together = peers.filter((other) => other.value !== '' && (sameCopy(other) || sameLogin(other)));
  if (!together.some((other) => other.file === secret.file && other.key === secret.key)) together.unshift(secret);
  if (together.some((other) => other.range === null)) return null;
  const newValue = generateSecretKey(secret.length);
  const others = together
    .filter((other) => !(other.file === secret.file && other.key === secret.key))
    .map((other) => (other.file === secret.file ? other.name : `${other.name} in ${other.file.relativePath}`));
  const what = secret.length === 64 ? 'key' : 'password';
  return {
    title: `Replace ${secret.name} with a generated ${what}${others.length > 0 ? ` (also ${others.join(', ')})` : ''}`,
    safe: false,
    preferred: true,
    edits: together.map((other) => ({ path: other.file.path, range: other.range!, newText: newValue })),
  };
}
