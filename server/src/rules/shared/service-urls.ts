import type { EnvEntry, EnvFile } from '../../parse/env';
import type { Range } from '../../parse/source-text';

/**
 * Database and cache URLs in env files, read closely enough to point at their parts:
 * the host (is it this container? another machine?) and query parameters (sslmode, conn_max_age).
 * Offsets are within the entry's value; valueSubRange turns them into document ranges.
 */

/** `DATABASE_URL` and the other database URLs a project names the same way (`REPLICA_DATABASE_URL`). */
export function databaseUrlEntries(env: EnvFile): EnvEntry[] {
  return winningEntries(env, (key) => key.endsWith('DATABASE_URL'));
}

const REDIS_URL_VARIABLES = ['REDIS_URL', 'CELERY_BROKER_URL', 'CELERY_RESULT_BACKEND', 'CACHE_URL'];

/** Variables that commonly hold a Redis URL (the scheme says whether they do). */
export function redisUrlEntries(env: EnvFile): EnvEntry[] {
  return winningEntries(env, (key) => REDIS_URL_VARIABLES.includes(key) || key.endsWith('_REDIS_URL'));
}

/** `rediscache` is django-environ's cache-URL alias for `redis`. */
export const REDIS_SCHEMES = ['redis', 'rediss', 'rediscache'];

function winningEntries(env: EnvFile, wanted: (key: string) => boolean): EnvEntry[] {
  return env.keys
    .filter(wanted)
    .map((key) => env.get(key)!)
    .sort((a, b) => a.line - b.line);
}

export interface UrlHost {
  /** As written, brackets of an IPv6 literal included. */
  host: string;
  start: number;
  end: number;
  /** True for a postgres multi-host list (`h1:5432,h2:5432`): `host` is only the first. */
  multiple: boolean;
}

// Userinfo runs to the last `@` of the authority, as in Python's urlparse; IPv6 literals keep their brackets.
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#]*@)?(\[[^\]]*\]|[^/?#:,]*)([^/?#]*)/i;

export function urlHost(url: string): UrlHost | null {
  const match = AUTHORITY.exec(url);
  if (!match) return null;
  const [whole, host, rest] = match;
  const end = whole.length - rest.length;
  return { host, start: end - host.length, end, multiple: rest.includes(',') };
}

export interface QueryParameter {
  value: string;
  /** Offsets of the value (not the name) within the URL. */
  start: number;
  end: number;
}

/** Offset where the query ends (before a `#fragment`), and whether the URL has a `?` at all. */
export function queryEnd(url: string): { end: number; hasQuery: boolean; endsWithSeparator: boolean } {
  const hash = url.indexOf('#');
  const end = hash < 0 ? url.length : hash;
  const question = url.indexOf('?');
  const hasQuery = question >= 0 && question < end;
  return { end, hasQuery, endsWithSeparator: hasQuery && (url[end - 1] === '?' || url[end - 1] === '&') };
}

/**
 * The first non-empty value of a query parameter, as Python's `parse_qs(...)[name][0]` finds it
 * (parse_qs drops blank values). django-environ matches its own options (`CONN_MAX_AGE`) by
 * upper-cased name; driver options such as `sslmode` are passed on exactly as written.
 */
export function queryParameter(url: string, name: string, ignoreCase = false): QueryParameter | null {
  const question = url.indexOf('?');
  if (question < 0) return null;
  const { end } = queryEnd(url);
  let offset = question + 1;
  for (const pair of url.slice(question + 1, end).split('&')) {
    const equals = pair.indexOf('=');
    const rawName = equals < 0 ? pair : pair.slice(0, equals);
    const decodedName = decodeQueryText(rawName);
    const matches = ignoreCase ? decodedName.toLowerCase() === name.toLowerCase() : decodedName === name;
    if (matches && equals >= 0 && equals < pair.length - 1) {
      const start = offset + equals + 1;
      return { value: decodeQueryText(pair.slice(equals + 1)), start, end: offset + pair.length };
    }
    offset += pair.length + 1;
  }
  return null;
}

function decodeQueryText(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function ipv4Octets(host: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

function unbracketed(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** `localhost`, 127.0.0.0/8 and `::1`: from inside a container, the container itself. */
export function isLoopbackHost(host: string): boolean {
  const bare = unbracketed(host).toLowerCase();
  if (bare === 'localhost' || bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  const octets = ipv4Octets(bare);
  return octets !== null && octets[0] === 127;
}

function isPrivateIpv4([a, b]: number[]): boolean {
  return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
}

/**
 * A host on another machine across a network: a dotted name or a public IP. Bare names
 * (`postgres`, a compose service), loopback, private and link-local addresses, a unix socket
 * (empty host) and `host.docker.internal` count as local.
 */
export function isRemoteHost(host: string): boolean {
  const bare = unbracketed(host).toLowerCase();
  if (bare === '' || isLoopbackHost(bare) || bare === 'host.docker.internal' || bare.endsWith('.localhost')) return false;
  const octets = ipv4Octets(bare);
  if (octets) return !isPrivateIpv4(octets);
  if (bare.includes(':')) return !/^(f[cd]|fe[89ab])/.test(bare);
  return bare.includes('.');
}
