/**
 * How nginx reads the directives the nginx rules judge: `proxy_set_header` and `add_header` are
 * inherited from the enclosing level only when the level itself defines none of them (one
 * `proxy_set_header` in a location drops every server-level one); other directives (`expires`,
 * `gzip`) are inherited unless set again. An `include` puts another file's directives at its
 * level: Debian's `proxy_params` is known, a file of the project is read, anything else is unknown.
 */
import * as path from 'path';
import { NginxConfig, NginxDirective, allDirectives } from '../../parse/nginx';
import type { ProjectModel } from '../../project/model';
import type { FileEdit, RuleContext } from '../rule';

/** Debian's /etc/nginx/proxy_params (nginx-common), which `include proxy_params;` puts in place. */
const DEBIAN_PROXY_PARAMS = ['Host $http_host', 'X-Real-IP $remote_addr', 'X-Forwarded-For $proxy_add_x_forwarded_for', 'X-Forwarded-Proto $scheme'];

export interface NginxLevel {
  /** The block's directive (`location`, `server`, `http`); null for the file's top level. */
  owner: NginxDirective | null;
  directives: readonly NginxDirective[];
}

/** The levels from a directive's own block outwards to the file's top level. */
export function levelsAround(directive: NginxDirective, config: NginxConfig): NginxLevel[] {
  const levels: NginxLevel[] = [];
  for (let owner = directive.parent; owner; owner = owner.parent) levels.push({ owner, directives: owner.block ?? [] });
  levels.push({ owner: null, directives: config.directives });
  return levels;
}

/** One header an array directive sets: its name (as written) and where. */
export interface HeaderSetting {
  name: string;
  value: string;
  /** Null when it comes from an included file outside the repository (Debian's proxy_params). */
  directive: NginxDirective | null;
}

export interface InheritedHeaders {
  /** The level that defines the headers in effect; null when no level of the file does. */
  level: NginxLevel | null;
  headers: HeaderSetting[];
}

/**
 * The `proxy_set_header`/`add_header` headers in effect at a directive, as nginx inherits them;
 * null when an include at a level on the way cannot be read (what it sets is unknown).
 */
export function headersInEffect(project: ProjectModel, config: NginxConfig, at: NginxDirective, name: 'proxy_set_header' | 'add_header'): InheritedHeaders | null {
  for (const level of levelsAround(at, config)) {
    const own = headersOfLevel(project, level.directives, name, 0);
    if (own === null) return null;
    if (own.length > 0) return { level, headers: own };
  }
  // A site file outside any http block inherits the http level of the main configuration: when
  // the repository's main configuration sets headers there, which of them reach this file is not known here.
  const inHttp = levelsAround(at, config).some((level) => level.owner?.name === 'http');
  if (!inHttp && name === 'proxy_set_header' && httpBlocks(project).some(({ http }) => headersOfLevel(project, http.block ?? [], name, 0)?.length !== 0)) return null;
  return { level: null, headers: [] };
}

/** Proxied places that lack a header, grouped by the block where the one fix goes. */
export interface MissingHeaderGroup {
  /** The block the `proxy_set_header` line goes into (the level that defines the headers in effect, else the proxy_pass's block). */
  owner: NginxDirective | null;
  /** Whether that block already sets headers (the new line goes after them). */
  definesHeaders: boolean;
  passes: NginxDirective[];
}

export function missingProxyHeader(project: ProjectModel, config: NginxConfig, header: string): MissingHeaderGroup[] {
  const groups = new Map<NginxDirective | null, MissingHeaderGroup>();
  for (const pass of proxyPasses(config)) {
    const inEffect = headersInEffect(project, config, pass, 'proxy_set_header');
    if (!inEffect || hasHeader(inEffect.headers, header)) continue;
    // Adding a header where none is set would drop nothing; where a level sets some, it joins them there.
    const owner = inEffect.level ? inEffect.level.owner : pass.parent;
    const group = groups.get(owner) ?? { owner, definesHeaders: inEffect.level !== null, passes: [] };
    group.passes.push(pass);
    groups.set(owner, group);
  }
  return [...groups.values()];
}

function headersOfLevel(project: ProjectModel, directives: readonly NginxDirective[], name: string, depth: number): HeaderSetting[] | null {
  const headers: HeaderSetting[] = [];
  for (const directive of directives) {
    if (directive.name === name && directive.args.length >= 2) headers.push({ name: directive.args[0].value, value: directive.args[1].value, directive });
    if (directive.name !== 'include') continue;
    const included = includedDirectives(project, directive, depth);
    if (included === 'proxy_params') {
      if (name === 'proxy_set_header') headers.push(...DEBIAN_PROXY_PARAMS.map((line) => ({ name: line.split(' ')[0], value: line.split(' ')[1], directive: null })));
      continue;
    }
    if (included === null) return null;
    const inner = headersOfLevel(project, included, name, depth + 1);
    if (inner === null) return null;
    headers.push(...inner);
  }
  return headers;
}

/**
 * The directives an `include` brings: a file of the project whose path ends with the included
 * path, `'proxy_params'` for Debian's own file, null when unknown (a glob, a file not in the repository).
 */
export function includedDirectives(project: ProjectModel, include: NginxDirective, depth = 0): NginxDirective[] | 'proxy_params' | null {
  const target = include.args[0]?.value;
  if (!target || depth > 4 || /[*?[$]/.test(target)) return null;
  const relative = target.replace(/^\/etc\/nginx\//, '');
  const file = project.ofKind('nginx').find((candidate) => candidate.text !== null && (candidate.relativePath === relative || candidate.relativePath.endsWith(`/${relative}`)));
  if (file) {
    const config = project.nginx(file);
    return config.problems.length === 0 ? config.directives : null;
  }
  if (path.posix.basename(relative) === 'proxy_params') return 'proxy_params';
  // nginx's own type map and the uwsgi/fastcgi/scgi parameters: nothing the rules read.
  if (INSTALLED_INCLUDES.has(path.posix.basename(relative))) return [];
  return null;
}

/** Files of every nginx installation that set nothing the rules read (proxy_params, which sets headers, is DEBIAN_PROXY_PARAMS). */
const INSTALLED_INCLUDES = new Set(['mime.types', 'uwsgi_params', 'fastcgi_params', 'scgi_params']);

/**
 * Whether the directives (their blocks and includes too) set `name`: true, false, or null when an
 * include cannot be read (a glob, a file the repository lacks), so what it sets is unknown.
 */
export function setsDirective(project: ProjectModel, directives: readonly NginxDirective[], name: string, depth = 0): boolean | null {
  let unknown = false;
  for (const directive of allDirectives(directives)) {
    if (directive.name === name) return true;
    if (directive.name !== 'include') continue;
    const included = includedDirectives(project, directive, depth);
    if (Array.isArray(included)) {
      const inner = setsDirective(project, included, name, depth + 1);
      if (inner) return true;
      if (inner === null) unknown = true;
    } else if (included === null) unknown = true;
  }
  return unknown ? null : false;
}

export function hasHeader(headers: readonly HeaderSetting[], wanted: string): boolean {
  return headers.some((header) => header.name.toLowerCase() === wanted.toLowerCase());
}

/** The directive's value in effect (the nearest level that sets it), or null when no level of the file does. */
export function inheritedDirective(config: NginxConfig, at: NginxDirective, name: string): NginxDirective | null {
  for (const level of levelsAround(at, config)) {
    const found = level.directives.filter((directive) => directive.name === name);
    if (found.length > 0) return found[found.length - 1];
  }
  return null;
}

/** The `proxy_pass` directives of a file that forward over HTTP (to the app), in text order. */
export function proxyPasses(config: NginxConfig): NginxDirective[] {
  return [...allDirectives(config.directives)].filter((directive) => directive.name === 'proxy_pass' && directive.args.length > 0);
}

/** The `location`/`server` the directive sits in, the place a finding about it names. */
export function enclosingBlock(directive: NginxDirective): NginxDirective | null {
  for (let owner = directive.parent; owner; owner = owner.parent) if (owner.name === 'location' || owner.name === 'server') return owner;
  return null;
}

/** `location /static/` as written, for messages. */
export function describeBlock(block: NginxDirective | null): string {
  if (!block) return 'the top level';
  return [block.name, ...block.args.map((arg) => arg.raw)].join(' ');
}

/** The range of a block's head (`location /static/`), where a finding about the block goes. */
export function headRange(block: NginxDirective): NginxDirective['range'] {
  const last = block.args[block.args.length - 1];
  return { start: block.nameRange.start, end: last ? last.range.end : block.nameRange.end };
}

/** The indentation of a directive's line. */
function indentOf(config: NginxConfig, directive: NginxDirective): string {
  const line = config.source.lineText(directive.range.start.line);
  return /^[ \t]*/.exec(line)![0];
}

/**
 * An edit that adds lines to a block: after the last directive named `after` when the block has
 * one, else at the start of the block, indented like the block's first directive (or one level
 * below the block's head).
 */
export function insertIntoBlock(context: RuleContext, config: NginxConfig, owner: NginxDirective | null, lines: string[], after?: string): FileEdit {
  const source = config.source;
  const directives = owner ? owner.block ?? [] : config.directives;
  const anchor = after ? [...directives].reverse().find((directive) => directive.name === after) : undefined;
  const eol = source.eol;
  const first = directives[0];
  // A block written on its head's line (`location / { proxy_pass …; }`) has no indentation of its own to copy.
  const firstOnHeadLine = owner && first && first.range.start.line === owner.range.start.line;
  const reference = anchor ?? (firstOnHeadLine ? undefined : first);
  const indent = reference ? indentOf(config, reference) : owner ? `${indentOf(config, owner)}    ` : '';
  const text = lines.map((line) => `${indent}${line}`).join(eol);
  if (anchor) {
    const at = source.offsetAt(anchor.range.end);
    return { path: context.file.path, range: source.rangeOf(at, at), newText: `${eol}${text}` };
  }
  if (!owner) return { path: context.file.path, range: source.rangeOf(0, 0), newText: `${text}${eol}` };
  // At the start of the block: on a line of its own after the `{`.
  const open = owner.blockStart ?? source.offsetAt(owner.range.end);
  if (firstOnHeadLine) {
    const at = source.offsetAt(first.range.start);
    return { path: context.file.path, range: source.rangeOf(open, at), newText: `${eol}${text}${eol}${indent}` };
  }
  const lineEnd = source.lineEnd(source.positionAt(open).line);
  const restOfLine = source.text.slice(open, lineEnd);
  if (restOfLine.trim() === '' || restOfLine.trim().startsWith('#')) return { path: context.file.path, range: source.rangeOf(lineEnd, lineEnd), newText: `${eol}${text}` };
  return { path: context.file.path, range: source.rangeOf(open, open), newText: `${eol}${text}${eol}${indentOf(config, owner)}` };
}

/** The nginx files of the project that hold an `http` block: the main configuration, when the repository has it. */
export function httpBlocks(project: ProjectModel): { config: NginxConfig; http: NginxDirective; path: string }[] {
  const found: { config: NginxConfig; http: NginxDirective; path: string }[] = [];
  for (const file of project.ofKind('nginx')) {
    if (file.text === null) continue;
    const config = project.nginx(file);
    if (config.problems.length > 0) continue;
    for (const directive of config.directives) if (directive.name === 'http' && directive.block) found.push({ config, http: directive, path: file.path });
  }
  return found;
}

/**
 * The directive in effect at `at` for a directive nginx inherits unless set again (`client_max_body_size`):
 * the nearest level's own; 'default' when no level of an `http` block sets it, so nginx's default holds;
 * null when it is unknown (an include that cannot be read or sets it elsewhere, a site file
 * whose http block is not in the repository).
 */
export function directiveInEffect(project: ProjectModel, config: NginxConfig, at: NginxDirective, name: string): NginxDirective | 'default' | null {
  let inHttp = false;
  for (const level of levelsAround(at, config)) {
    if (level.owner?.name === 'http') inHttp = true;
    const own = level.directives.filter((directive) => directive.name === name);
    if (own.length > 0) return own[own.length - 1];
    for (const include of level.directives.filter((directive) => directive.name === 'include')) {
      const included = includedDirectives(project, include);
      // Set in another file: the finding would belong there; leave it unknown here.
      if (included === null || (Array.isArray(included) && setsDirective(project, included, name) !== false)) return null;
    }
  }
  return inHttp ? 'default' : null;
}

/** An nginx size (`10m`, `512k`, `1g`, `1024`) in bytes; null when it is not one. */
export function nginxSize(text: string): number | null {
  const match = /^(\d+)([kKmMgG]?)$/.exec(text);
  if (!match) return null;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[match[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}
