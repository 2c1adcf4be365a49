/**
 * The parts of Python's urllib.parse (3.11, bookworm's /usr/lib/python3.11/urllib/parse.py)
 * that dj-database-url relies on: urlparse with its username/password/hostname/port
 * properties, unquote and parse_qs. Each returns null where Python would raise.
 */

export interface PythonUrl {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
  username: string | null;
  password: string | null;
  /** Lower-cased; null when empty. */
  hostname: string | null;
  /** null when absent; undefined when reading it raises ValueError. */
  port: number | null | undefined;
}

const SCHEME_CHARS = /^[A-Za-z][A-Za-z0-9+.-]*$/;

/** urllib.parse.urlparse for schemes outside `uses_params` (every database scheme). */
export function pythonUrlparse(input: string): PythonUrl | null {
  // urlsplit strips leading C0 controls and spaces, and removes tab, CR and LF anywhere.
  let url = input.replace(/^[\x00-\x20]+/, '').replace(/[\t\r\n]/g, '');
  let scheme = '';
  const colon = url.indexOf(':');
  if (colon > 0 && SCHEME_CHARS.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  let netloc = '';
  if (url.startsWith('//')) {
    let end = url.length;
    for (const char of '/?#') {
      const index = url.indexOf(char, 2);
      if (index >= 0) end = Math.min(end, index);
    }
    netloc = url.slice(2, end);
    url = url.slice(end);
    if (netloc.includes('[') !== netloc.includes(']')) return null; // "Invalid IPv6 URL"
  }
  const hash = url.indexOf('#');
  if (hash >= 0) url = url.slice(0, hash);
  let query = '';
  const question = url.indexOf('?');
  if (question >= 0) {
    query = url.slice(question + 1);
    url = url.slice(0, question);
  }
  const at = netloc.lastIndexOf('@');
  let username: string | null = null;
  let password: string | null = null;
  if (at >= 0) {
    const userinfo = netloc.slice(0, at);
    const split = userinfo.indexOf(':');
    username = split >= 0 ? userinfo.slice(0, split) : userinfo;
    password = split >= 0 ? userinfo.slice(split + 1) : null;
  }
  const hostinfo = at >= 0 ? netloc.slice(at + 1) : netloc;
  let host: string;
  let portText: string;
  const bracket = hostinfo.indexOf('[');
  if (bracket >= 0) {
    const bracketed = hostinfo.slice(bracket + 1);
    const close = bracketed.indexOf(']');
    host = close >= 0 ? bracketed.slice(0, close) : bracketed;
    const rest = close >= 0 ? bracketed.slice(close + 1) : '';
    const portColon = rest.indexOf(':');
    portText = portColon >= 0 ? rest.slice(portColon + 1) : '';
  } else {
    const portColon = hostinfo.indexOf(':');
    host = portColon >= 0 ? hostinfo.slice(0, portColon) : hostinfo;
    portText = portColon >= 0 ? hostinfo.slice(portColon + 1) : '';
  }
  let port: number | null | undefined = null;
  if (portText !== '') {
    port = /^[0-9]+$/.test(portText) && Number(portText) <= 65535 ? Number(portText) : undefined;
  }
  let hostname: string | null = null;
  if (host !== '') {
    const percent = host.indexOf('%');
    hostname = percent >= 0 ? host.slice(0, percent).toLowerCase() + host.slice(percent) : host.toLowerCase();
  }
  return { scheme, netloc, path: url, query, username, password, hostname, port };
}

/** urllib.parse.unquote: %XX sequences decoded as UTF-8, invalid bytes replaced by U+FFFD. */
export function pythonUnquote(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = Uint8Array.from(run.match(/%[0-9A-Fa-f]{2}/g)!.map((pair) => parseInt(pair.slice(1), 16)));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  });
}

/** urllib.parse.parse_qs with its defaults (blank values dropped, `&` separates): name -> values in order. */
export function pythonParseQs(query: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const part of query.split('&')) {
    if (!part) continue;
    const equals = part.indexOf('=');
    if (equals < 0) continue;
    const value = part.slice(equals + 1);
    if (value.length === 0) continue;
    const name = pythonUnquote(part.slice(0, equals).replace(/\+/g, ' '));
    const values = result.get(name);
    const decoded = pythonUnquote(value.replace(/\+/g, ' '));
    if (values) values.push(decoded);
    else result.set(name, [decoded]);
  }
  return result;
}
