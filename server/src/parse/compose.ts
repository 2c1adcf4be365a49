/**
 * Reads a compose file with exact ranges: the `yaml` document API (never `toJS` on the whole
 * tree, so nothing is expanded that we do not look at), anchors, aliases and `<<` merge keys
 * followed by hand with a budget, so a "billion laughs" file stays cheap.
 *
 * Positions come from SourceText (the same line counting as the rest of Preflight and as LSP:
 * \r\n, \r and \n all end a line) rather than yaml's LineCounter, which counts \n only.
 */
import { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq, isAlias, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { Template, parseTemplate } from './compose-interpolation';
import { Range, SourceText } from './source-text';

/** How many aliases one file may follow before we stop: real compose files use a handful. */
export const MAX_ALIAS_COUNT = 200;
/** Syntax errors kept per file: the first few say what is wrong; thousands would flood the editor. */
const MAX_SYNTAX_PROBLEMS = 20;

export interface ComposeString {
  /** The value as compose reads it, before interpolation (numbers and booleans as written). */
  text: string;
  /** The scalar in the file, quotes included. */
  range: Range;
  /** Offset of `text[0]` in the file when the scalar is written verbatim (no escapes, one line); else null. */
  verbatimStart: number | null;
  template: Template;
  /** Reached through an alias or merge key: the range is the anchor's, reported where it is written. */
  inherited: boolean;
}

export interface ComposeEnvironmentEntry {
  key: string;
  keyRange: Range;
  /** Null for a pass-through variable (`- NAME`, `NAME:`, `NAME: null`): the shell's value, if any. */
  value: ComposeString | null;
  /** Range of the value alone (after `=` in the list form); the key's range for a pass-through. */
  valueRange: Range;
  range: Range;
  form: 'map' | 'list';
  inherited: boolean;
}

export interface ComposeEnvFileReference {
  path: ComposeString;
  /** `required: false` (compose ≥ 2.24) lets compose start without the file. */
  required: boolean;
  range: Range;
  inherited: boolean;
}

export interface ComposePort {
  /** The short-syntax text or a summary of the long syntax, for messages. */
  text: string;
  hostIp: string | null;
  /** Null when only the container port is given (compose picks a random host port on all interfaces). */
  published: string | null;
  target: string;
  protocol: string | null;
  range: Range;
  inherited: boolean;
}

export interface ComposeVolume {
  text: string;
  type: 'bind' | 'volume' | 'tmpfs' | 'other';
  source: string | null;
  target: string | null;
  readOnly: boolean;
  range: Range;
  inherited: boolean;
}

export interface ComposeCommand {
  /** The command as one line (list items joined by spaces). */
  text: string;
  form: 'string' | 'list';
  range: Range;
  inherited: boolean;
}

export interface ComposeService {
  name: string;
  nameRange: Range;
  /** The service's mapping. */
  range: Range;
  /** Keys written in this service (after merges), with the range of each key. */
  keys: Map<string, { range: Range; inherited: boolean }>;
  image: ComposeString | null;
  build: { context: string | null; dockerfile: string | null; range: Range } | null;
  command: ComposeCommand | null;
  entrypoint: ComposeCommand | null;
  environment: ComposeEnvironmentEntry[];
  envFiles: ComposeEnvFileReference[];
  ports: ComposePort[];
  volumes: ComposeVolume[];
  /** Scalar options by key: privileged, network_mode, pid, ipc, userns_mode, restart, container_name. */
  options: Map<string, ComposeString>;
  labels: ComposeEnvironmentEntry[];
  healthcheck: { disabled: boolean; range: Range } | null;
  deploy: { restartPolicy: boolean; resources: boolean; range: Range } | null;
  profiles: string[];
  dependsOn: string[];
  extends: { service: string; file: string | null; range: Range } | null;
}

export interface ComposeProblem {
  message: string;
  range: Range;
}

/** One `include:` entry: a path (short form), or `path` (one or a list), `env_file`, `project_directory`. */
export interface ComposeInclude {
  /** The file to include, then files merged over it (the list form of `path`); relative to the including file's project directory. */
  paths: ComposeString[];
  /** Files that interpolate the included file (relative to the including file's project directory); none: the `.env` of the included file's project directory. */
  envFiles: ComposeString[];
  /** Where the included file's relative paths start; null: its own folder. */
  projectDirectory: ComposeString | null;
}

export interface ComposeFile {
  source: SourceText;
  services: ComposeService[];
  include: ComposeInclude[];
  problems: ComposeProblem[];
  /** False when the file is not a compose file we could read (syntax errors, alias bomb, no mapping). */
  readable: boolean;
}

const SCALAR_OPTIONS = ['privileged', 'network_mode', 'pid', 'ipc', 'userns_mode', 'restart', 'container_name', 'user', 'read_only'];

class AliasBudgetExceeded extends Error {}

/** Walks the document following aliases and merge keys, within the alias budget. */
class ComposeReader {
  private aliasesFollowed = 0;

  constructor(
    readonly doc: Document,
    readonly source: SourceText,
    /** Where the parsed text starts in the file: a service block re-parsed on its own (compose-reparse.ts). */
    readonly offset = 0,
  ) {}

  range(node: Node | Pair | null | undefined): Range {
    const r = (node as Node | null)?.range;
    if (!r) return this.source.rangeOf(0, 0);
    return this.source.rangeOf(this.offset + r[0], this.offset + r[1]);
  }

  /** The node an alias points at (counted against the budget); other nodes as they are. */
  resolve(node: unknown): { node: Node | null; viaAlias: boolean } {
    if (!isAlias(node)) return { node: (node as Node) ?? null, viaAlias: false };
    if (++this.aliasesFollowed > MAX_ALIAS_COUNT) throw new AliasBudgetExceeded();
    const target = (node as Alias).resolve(this.doc);
    return { node: (target as Node) ?? null, viaAlias: true };
  }

  /** A mapping's entries with `<<` merges applied: own keys win, then earlier merge sources. */
  entries(map: YAMLMap, inherited: boolean, depth = 0): { key: string; keyNode: Scalar; value: Node | null; inherited: boolean }[] {
    const own: { key: string; keyNode: Scalar; value: Node | null; inherited: boolean }[] = [];
    const merged: typeof own = [];
    for (const pair of map.items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode)) continue;
      if (isMergeKey(keyNode)) {
        if (depth > 20) continue;
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const item of sources) {
          const { node, viaAlias } = this.resolve(item);
          if (!isMap(node)) continue;
          for (const entry of this.entries(node, inherited || viaAlias, depth + 1)) merged.push(entry);
        }
        continue;
      }
      const resolved = this.resolve(pair.value);
      own.push({ key: String(keyNode.value), keyNode, value: resolved.node, inherited: inherited || resolved.viaAlias });
    }
    const seen = new Set(own.map((entry) => entry.key));
    for (const entry of merged) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      own.push(entry);
    }
    return own;
  }

  /** A scalar as a ComposeString; null for null/non-scalars. */
  string(node: Node | null, inherited: boolean): ComposeString | null {
    if (!isScalar(node) || node.value === null || node.value === undefined) return null;
    const text = scalarText(node);
    const r = [this.offset + node.range![0], this.offset + node.range![1]];
    let verbatimStart: number | null = null;
    const written = this.source.text.slice(r[0], r[1]);
    if (node.type === 'PLAIN' && written === text) verbatimStart = r[0];
    else if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && written.slice(1, -1) === text) verbatimStart = r[0] + 1;
    return { text, range: this.range(node), verbatimStart, template: parseTemplate(text), inherited };
  }

  /** The range of `text.slice(start, end)` of a verbatim string, else the whole scalar. */
  subRange(value: ComposeString, start: number, end: number): Range {
    if (value.verbatimStart === null) return value.range;
    return this.source.rangeOf(value.verbatimStart + start, value.verbatimStart + end);
  }

  list(node: Node | null): { node: Node | null; inherited: boolean }[] {
    if (!isSeq(node)) return [];
    return (node as YAMLSeq).items.map((item) => {
      const { node: resolved, viaAlias } = this.resolve(item);
      return { node: resolved, inherited: viaAlias };
    });
  }
}

function isMergeKey(key: Scalar): boolean {
  return key.source === '<<' || key.value === '<<' || typeof key.value === 'symbol';
}

/** Compose reads a plain `true`/`5` as written; quoted scalars by their value. */
function scalarText(node: Scalar): string {
  if (node.type === 'PLAIN' && typeof node.source === 'string') return node.source;
  return String(node.value);
}

export function parseCompose(text: string): ComposeFile {
  const source = new SourceText(text);
  const problems: ComposeProblem[] = [];
  const empty = (readable: boolean): ComposeFile => ({ source, services: [], include: [], problems, readable });
  let doc: Document;
  try {
    doc = parseYaml(text);
  } catch (error) {
    problems.push({ message: `the YAML could not be read: ${(error as Error).message}`, range: source.rangeOf(0, 0) });
    return empty(false);
  }
  const { duplicates, aliasesOrMerges } = duplicateKeys(doc);
  const errors: { message: string; pos: [number, number] }[] = [...doc.errors, ...duplicates];
  // In document order, as yaml reports them when it checks keys itself.
  if (duplicates.length > 0) errors.sort((a, b) => a.pos[0] - b.pos[0]);
  for (const error of errors.slice(0, MAX_SYNTAX_PROBLEMS)) {
    problems.push({ message: `YAML syntax error: ${firstLine(error.message)}`, range: source.rangeOf(error.pos[0], error.pos[1]) });
  }
  if (errors.length > 0) return empty(false);
  // Compose itself expands every alias of the file: a bomb anywhere (even in an `x-` field)
  // is worth reporting. yaml's own expansion limit finds it without building the expansion.
  // Without aliases or merge keys nothing can expand or fail to build: skip the whole-file pass.
  try {
    if (aliasesOrMerges) doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // Other errors are YAML that parses but cannot be built (a merge key of a scalar, say).
    if (!(error instanceof ReferenceError)) problems.push({ message: `the YAML could not be read: ${firstLine((error as Error).message)}`, range: source.rangeOf(0, source.lineEnd(0)) });
    else problems.push({ message: aliasBombMessage(), range: source.rangeOf(0, source.lineEnd(0)) });
    return empty(false);
  }
  const reader = new ComposeReader(doc, source);
  try {
    if (!isMap(doc.contents)) return empty(doc.contents === null);
    const top = reader.entries(doc.contents as YAMLMap, false);
    const services: ComposeService[] = [];
    const include: ComposeInclude[] = [];
    for (const entry of top) {
      if (entry.key === 'services' && isMap(entry.value)) {
        for (const serviceEntry of reader.entries(entry.value as YAMLMap, entry.inherited)) {
          if (!isMap(serviceEntry.value)) continue;
          services.push(readService(reader, serviceEntry.key, serviceEntry.keyNode, serviceEntry.value as YAMLMap, serviceEntry.inherited));
        }
      } else if (entry.key === 'include') {
        for (const item of reader.list(entry.value)) {
          const fields = isMap(item.node) ? reader.entries(item.node as YAMLMap, item.inherited) : null;
          const field = (key: string) => fields?.find((candidate) => candidate.key === key)?.value ?? null;
          // A string or a list of strings.
          const strings = (node: Node | null) =>
            (isSeq(node) ? reader.list(node).map((listed) => listed.node) : [node]).flatMap((one) => reader.string(one, item.inherited) ?? []);
          const paths = strings(fields ? field('path') : item.node);
          if (paths.length === 0) continue;
          const projectDirectory = fields ? reader.string(field('project_directory'), item.inherited) : null;
          include.push({ paths, envFiles: fields ? strings(field('env_file')) : [], projectDirectory: projectDirectory ?? null });
        }
      }
    }
    const compose = { source, services, include, problems, readable: true };
    if (!aliasesOrMerges) plainFiles.add(compose);
    return compose;
  } catch (error) {
    if (!(error instanceof AliasBudgetExceeded)) throw error;
    problems.push({ message: aliasBombMessage(), range: source.rangeOf(0, source.lineEnd(0)) });
    return empty(false);
  }
}

/** yaml's parse, as parseCompose and readServiceBlock both read (a re-read service must be read as the whole file reads it). */
function parseYaml(text: string): Document {
  // yaml makes an Error per syntax error: hostile text yields a hundred thousand, and their stack
  // traces (which nobody reads) were most of the parse time (bench/RESULTS.md, robustness).
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    // yaml's own duplicate-key check compares each key with every key before it in its mapping
    // (quadratic in the services of a large file); duplicateKeys() finds the same ones in one pass.
    return parseDocument(text, { merge: true, prettyErrors: false, keepSourceTokens: false, uniqueKeys: false });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** Readable files without aliases or merge keys: each service is read from its own lines only. */
const plainFiles = new WeakSet<ComposeFile>();

/** True when every service of the file is read from its own lines (no alias or merge key anywhere). */
export function isPlainCompose(compose: ComposeFile): boolean {
  return plainFiles.has(compose);
}

/** A readable file without aliases or merge keys, put together from services read separately. */
export function plainCompose(source: SourceText, services: ComposeService[]): ComposeFile {
  const compose: ComposeFile = { source, services, include: [], problems: [], readable: true };
  plainFiles.add(compose);
  return compose;
}

/**
 * One service read on its own: `source.text.slice(start, end)` must be exactly one block mapping
 * entry (`  name:` and its more-indented lines) whose value is a mapping. Null when it is anything
 * else, has a YAML error or duplicate key, or uses an alias or merge key: the caller parses the
 * whole file instead.
 */
export function readServiceBlock(source: SourceText, start: number, end: number): ComposeService | null {
  let doc: Document;
  try {
    doc = parseYaml(source.text.slice(start, end));
  } catch {
    return null;
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const { duplicates, aliasesOrMerges } = duplicateKeys(doc);
  if (duplicates.length > 0 || aliasesOrMerges) return null;
  const items = (doc.contents as YAMLMap).items;
  if (items.length !== 1 || !isScalar(items[0].key) || !isMap(items[0].value)) return null;
  const reader = new ComposeReader(doc, source, start);
  return readService(reader, String(items[0].key.value), items[0].key, items[0].value as YAMLMap, false);
}

/**
 * The keys yaml's `uniqueKeys` check would reject, at the positions it reports them: a scalar key
 * whose value (`===`) an earlier key of the same mapping has, merge keys aside. Also says whether
 * the document has aliases or merge keys at all.
 */
function duplicateKeys(doc: Document): { duplicates: { message: string; pos: [number, number] }[]; aliasesOrMerges: boolean } {
  const duplicates: { message: string; pos: [number, number] }[] = [];
  let aliasesOrMerges = false;
  visit(doc, {
    Alias() {
      aliasesOrMerges = true;
    },
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        if (isMergeKey(key)) {
          aliasesOrMerges = true;
          continue;
        }
        // NaN is never === itself, so yaml never calls two `.nan` keys equal.
        if (typeof key.value === 'number' && Number.isNaN(key.value)) continue;
        if (seen.has(key.value)) {
          const at = key.range?.[0] ?? 0;
          duplicates.push({ message: 'Map keys must be unique', pos: [at, at + 1] });
        } else seen.add(key.value);
      }
    },
  });
  return { duplicates, aliasesOrMerges };
}

function aliasBombMessage(): string {
  return `its YAML aliases expand beyond ${MAX_ALIAS_COUNT} references (an alias "bomb"); it was not analysed`;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

function readService(reader: ComposeReader, name: string, nameNode: Scalar, map: YAMLMap, inherited: boolean): ComposeService {
  const service: ComposeService = {
    name,
    nameRange: reader.range(nameNode),
    range: reader.range(map),
    keys: new Map(),
    image: null,
    build: null,
    command: null,
    entrypoint: null,
    environment: [],
    envFiles: [],
    ports: [],
    volumes: [],
    options: new Map(),
    labels: [],
    healthcheck: null,
    deploy: null,
    profiles: [],
    dependsOn: [],
    extends: null,
  };
  for (const entry of reader.entries(map, inherited)) {
    const from = entry.inherited;
    service.keys.set(entry.key, { range: reader.range(entry.keyNode), inherited: from });
    const value = entry.value;
    switch (entry.key) {
      case 'image':
        service.image = reader.string(value, from);
        break;
      case 'build':
        service.build = readBuild(reader, value, from);
        break;
      case 'command':
      case 'entrypoint': {
        const command = readCommand(reader, value, from);
        if (entry.key === 'command') service.command = command;
        else service.entrypoint = command;
        break;
      }
      case 'environment':
        service.environment = readVariables(reader, value, from);
        break;
      case 'labels':
        service.labels = readVariables(reader, value, from);
        break;
      case 'env_file':
        service.envFiles = readEnvFiles(reader, value, from);
        break;
      case 'ports':
        service.ports = readPorts(reader, value, from);
        break;
      case 'volumes':
        service.volumes = readVolumes(reader, value, from);
        break;
      case 'healthcheck': {
        const fields = isMap(value) ? reader.entries(value as YAMLMap, from) : [];
        const disable = fields.find((field) => field.key === 'disable');
        const test = fields.find((field) => field.key === 'test');
        const testText = test ? (isSeq(test.value) ? reader.list(test.value).map((i) => (isScalar(i.node) ? scalarText(i.node) : '')).join(' ') : isScalar(test.value) ? scalarText(test.value) : '') : '';
        const disabled = (disable !== undefined && isScalar(disable.value) && disable.value.value === true) || /^NONE\b/.test(testText.trim());
        service.healthcheck = { disabled, range: reader.range(value) };
        break;
      }
      case 'deploy': {
        const fields = isMap(value) ? reader.entries(value as YAMLMap, from) : [];
        service.deploy = {
          restartPolicy: fields.some((field) => field.key === 'restart_policy'),
          resources: fields.some((field) => field.key === 'resources'),
          range: reader.range(value),
        };
        break;
      }
      case 'profiles':
        service.profiles = reader.list(value).flatMap((item) => (isScalar(item.node) ? [scalarText(item.node)] : []));
        break;
      case 'depends_on':
        if (isMap(value)) service.dependsOn = reader.entries(value as YAMLMap, from).map((dependency) => dependency.key);
        else service.dependsOn = reader.list(value).flatMap((item) => (isScalar(item.node) ? [scalarText(item.node)] : []));
        break;
      case 'extends': {
        if (isScalar(value)) service.extends = { service: scalarText(value), file: null, range: reader.range(value) };
        else if (isMap(value)) {
          const fields = reader.entries(value as YAMLMap, from);
          const target = fields.find((field) => field.key === 'service');
          const file = fields.find((field) => field.key === 'file');
          if (target && isScalar(target.value)) {
            service.extends = { service: scalarText(target.value), file: file && isScalar(file.value) ? scalarText(file.value) : null, range: reader.range(value) };
          }
        }
        break;
      }
      default:
        if (SCALAR_OPTIONS.includes(entry.key)) {
          const option = reader.string(value, from);
          if (option) service.options.set(entry.key, option);
        }
    }
  }
  return service;
}

function readBuild(reader: ComposeReader, value: Node | null, inherited: boolean): ComposeService['build'] {
  if (isScalar(value)) return { context: scalarText(value), dockerfile: null, range: reader.range(value) };
  if (!isMap(value)) return null;
  const fields = reader.entries(value as YAMLMap, inherited);
  const text = (key: string) => {
    const field = fields.find((candidate) => candidate.key === key);
    return field && isScalar(field.value) ? scalarText(field.value) : null;
  };
  return { context: text('context') ?? '.', dockerfile: text('dockerfile'), range: reader.range(value) };
}

function readCommand(reader: ComposeReader, value: Node | null, inherited: boolean): ComposeCommand | null {
  if (isScalar(value)) {
    const text = reader.string(value, inherited);
    return text ? { text: text.text, form: 'string', range: text.range, inherited } : null;
  }
  if (isSeq(value)) {
    const words = reader.list(value).map((item) => (isScalar(item.node) ? scalarText(item.node) : ''));
    return { text: words.join(' '), form: 'list', range: reader.range(value), inherited };
  }
  return null;
}

const VARIABLE_ITEM = /^([^=]*)(?:=([\s\S]*))?$/;

/** `environment:` and `labels:` in the map and the `KEY=value` list forms. */
function readVariables(reader: ComposeReader, value: Node | null, inherited: boolean): ComposeEnvironmentEntry[] {
  const entries: ComposeEnvironmentEntry[] = [];
  if (isMap(value)) {
    for (const entry of reader.entries(value as YAMLMap, inherited)) {
      const string = reader.string(entry.value, entry.inherited);
      const keyRange = reader.range(entry.keyNode);
      entries.push({
        key: entry.key,
        keyRange,
        value: string,
        valueRange: string ? string.range : keyRange,
        range: { start: keyRange.start, end: (string ?? { range: keyRange }).range.end },
        form: 'map',
        inherited: entry.inherited,
      });
    }
  } else if (isSeq(value)) {
    for (const item of reader.list(value)) {
      const string = reader.string(item.node, inherited || item.inherited);
      if (!string) continue;
      const match = VARIABLE_ITEM.exec(string.text)!;
      const key = match[1];
      const keyRange = reader.subRange(string, 0, key.length);
      let entryValue: ComposeString | null = null;
      let valueRange = keyRange;
      if (match[2] !== undefined) {
        const offset = key.length + 1;
        const verbatimStart = string.verbatimStart === null ? null : string.verbatimStart + offset;
        valueRange = reader.subRange(string, offset, string.text.length);
        entryValue = { text: match[2], range: valueRange, verbatimStart, template: parseTemplate(match[2]), inherited: string.inherited };
      }
      entries.push({ key: key.trim(), keyRange, value: entryValue, valueRange, range: string.range, form: 'list', inherited: string.inherited });
    }
  }
  return entries;
}

function readEnvFiles(reader: ComposeReader, value: Node | null, inherited: boolean): ComposeEnvFileReference[] {
  const items = isSeq(value) ? reader.list(value) : [{ node: value, inherited: false }];
  const references: ComposeEnvFileReference[] = [];
  for (const item of items) {
    const from = inherited || item.inherited;
    if (isMap(item.node)) {
      const fields = reader.entries(item.node as YAMLMap, from);
      const pathField = fields.find((field) => field.key === 'path');
      const requiredField = fields.find((field) => field.key === 'required');
      const path = pathField ? reader.string(pathField.value, from) : null;
      if (!path) continue;
      const required = !(requiredField && isScalar(requiredField.value) && (requiredField.value.value === false || requiredField.value.value === 'false'));
      references.push({ path, required, range: reader.range(item.node), inherited: from });
    } else {
      const path = reader.string(item.node, from);
      if (path) references.push({ path, required: true, range: path.range, inherited: from });
    }
  }
  return references;
}

/** `[HOST:][PUBLISHED:]TARGET[/PROTOCOL]`, HOST possibly a bracketed IPv6 address. */
export function parseShortPort(text: string): Pick<ComposePort, 'hostIp' | 'published' | 'target' | 'protocol'> {
  let rest = text.trim();
  let protocol: string | null = null;
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    protocol = rest.slice(slash + 1);
    rest = rest.slice(0, slash);
  }
  let hostIp: string | null = null;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    hostIp = rest.slice(1, close < 0 ? rest.length : close);
    rest = close < 0 ? '' : rest.slice(close + 2);
  }
  const parts = rest.split(':');
  const target = parts.pop() ?? '';
  let published: string | null = parts.length > 0 ? parts.pop()! : null;
  if (parts.length > 0) hostIp = parts.join(':');
  if (published === '') published = null;
  return { hostIp, published, target, protocol };
}

function readPorts(reader: ComposeReader, value: Node | null, inherited: boolean): ComposePort[] {
  const ports: ComposePort[] = [];
  for (const item of reader.list(value)) {
    const from = inherited || item.inherited;
    if (isScalar(item.node)) {
      const text = scalarText(item.node);
      ports.push({ text, ...parseShortPort(text), range: reader.range(item.node), inherited: from });
    } else if (isMap(item.node)) {
      const fields = reader.entries(item.node as YAMLMap, from);
      const field = (key: string) => {
        const found = fields.find((candidate) => candidate.key === key);
        return found && isScalar(found.value) && found.value.value !== null ? scalarText(found.value) : null;
      };
      const target = field('target') ?? '';
      const published = field('published');
      const hostIp = field('host_ip');
      ports.push({
        text: `${hostIp ? `${hostIp}:` : ''}${published ? `${published}:` : ''}${target}`,
        hostIp,
        published,
        target,
        protocol: field('protocol'),
        range: reader.range(item.node),
        inherited: from,
      });
    }
  }
  return ports;
}

function readVolumes(reader: ComposeReader, value: Node | null, inherited: boolean): ComposeVolume[] {
  const volumes: ComposeVolume[] = [];
  for (const item of reader.list(value)) {
    const from = inherited || item.inherited;
    if (isScalar(item.node)) {
      const text = scalarText(item.node);
      const parts = text.split(':');
      const hasSource = parts.length >= 2;
      const source = hasSource ? parts[0] : null;
      const target = hasSource ? parts[1] : parts[0];
      const mode = parts.length >= 3 ? parts.slice(2).join(':') : '';
      const type = source === null ? 'volume' : /^[./~$]/.test(source) ? 'bind' : 'volume';
      volumes.push({ text, type, source, target, readOnly: /(^|,)ro(,|$)/.test(mode), range: reader.range(item.node), inherited: from });
    } else if (isMap(item.node)) {
      const fields = reader.entries(item.node as YAMLMap, from);
      const field = (key: string) => {
        const found = fields.find((candidate) => candidate.key === key);
        return found && isScalar(found.value) && found.value.value !== null ? scalarText(found.value) : null;
      };
      const typeText = field('type') ?? 'volume';
      const type = typeText === 'bind' || typeText === 'volume' || typeText === 'tmpfs' ? typeText : 'other';
      const source = field('source');
      const target = field('target');
      volumes.push({ text: `${source ?? ''}:${target ?? ''}`, type, source, target, readOnly: field('read_only') === 'true', range: reader.range(item.node), inherited: from });
    }
  }
  return volumes;
}
