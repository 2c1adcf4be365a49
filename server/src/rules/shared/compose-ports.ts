import type { ComposeFile, ComposePort } from '../../parse/compose';
import type { ProjectFile } from '../../project/model';
import type { Fix } from '../rule';

/** Addresses that keep a published port on the host itself. */
export function isLoopbackBinding(hostIp: string | null): boolean {
  if (hostIp === null) return false;
  const ip = hostIp.trim();
  return ip === '::1' || ip === 'localhost' || /^127\./.test(ip);
}

/** Where a published port is reachable from, for messages. */
export function exposure(port: ComposePort): string {
  if (port.published === null) return `container port ${port.target} is published on a random host port on all interfaces`;
  const ip = port.hostIp ?? '';
  const where = ip === '' ? 'all interfaces' : ip === '0.0.0.0' || ip === '::' ? `all interfaces (${ip})` : ip;
  return `host port ${port.published} on ${where} is forwarded to ${port.target}`;
}

/** Rewrites a short-syntax port to bind 127.0.0.1 only; null for the long syntax or an odd string. */
export function bindLoopbackFix(file: ProjectFile, compose: ComposeFile, port: ComposePort): Fix | null {
  const { source } = compose;
  const start = source.offsetAt(port.range.start);
  const end = source.offsetAt(port.range.end);
  const written = source.text.slice(start, end);
  if (!written.includes(port.text) || port.hostIp !== null && port.hostIp !== '0.0.0.0') return null;
  const published = port.published ?? port.target;
  const text = `127.0.0.1:${published}:${port.target}${port.protocol ? `/${port.protocol}` : ''}`;
  return {
    title: `Publish ${published} on 127.0.0.1 only`,
    safe: false,
    preferred: true,
    edits: [{ path: file.path, range: port.range, newText: JSON.stringify(text) }],
  };
}
