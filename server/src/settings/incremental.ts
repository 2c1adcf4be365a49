/**
 * Incremental evaluation: what each top-level statement did and read (StatementRecord), kept per
 * module between edits so an unchanged statement is replayed, and the lazy re-basing of values a
 * line break only moved (Rebase, RebasedBinding, NodeLocation).
 */

import { lineIndexAt } from '../parse/source-text';
import type { Position, Range, SourceText } from '../parse/source-text';
import type { EnvironmentValue } from '../project/production';
import {
  EnvRead,
  Location,
  Value,
} from './value';
import type { FunctionDefinition } from './functions';

import { Binding, OptionalModule, HostQuestion, TraceNote, ModuleNamespace, PackageStar } from './namespace';

// ---- incremental evaluation ------------------------------------------------------------

/** A name's binding changed by a statement: set, deleted, or the whole namespace cleared (a forked `if`). */
export type NameOp = { op: 'set'; name: string; binding: Binding } | { op: 'delete'; name: string } | { op: 'clear' };

/**
 * What one top-level statement did and everything it read, so that after an edit elsewhere it is
 * replayed when all of it reads the same: its own text at the same line and character (so the
 * ranges of its values are still right), the same bindings of the names it read (by identity:
 * a statement re-evaluated makes new bindings, and its readers follow), the same environment
 * values, the same imported namespaces.
 */
export interface StatementRecord {
  kind: string;
  text: string;
  position: Position;
  /** The lines its values' locations resolve through: replayed at another line, they are re-based (see movedRecord). */
  lines: StatementLines;
  /** Its evaluation wrote a line number into a message (a forked `if`'s reason): replayed only where it was. */
  positional: boolean;
  /** Names of this module read before the statement bound them, with the binding seen (undefined: unbound). */
  reads: Map<string, Binding | undefined>;
  /** The same as two arrays, for checking fast. */
  readNames: string[];
  readBindings: (Binding | undefined)[];
  /** Nothing but names read (most statements): the other checks are skipped. */
  readsOnlyNames: boolean;
  /** Nothing but `ops` done: the rest of replay is skipped. */
  onlyNameChanges: boolean;
  /** Free names of imported helpers read in their module: path, name, binding seen. */
  foreignReads: { path: string; name: string; binding: Binding | undefined }[];
  /** The module's `tainted` as read before the statement set it (undefined: not read). */
  taintedRead: { value: string | null } | undefined;
  /** A forked `if` copies the whole namespace: every name but those already bound by the statement, in order. */
  snapshot: { entries: [string, Binding][]; skip: Set<string> } | null;
  /** Environment variables read: production's value and the unreadable source seen. */
  env: Map<string, { value: EnvironmentValue | null; unreadable: string | undefined }>;
  /** Whether production's environment was known, when the statement asked. */
  environmentKnown: boolean | undefined;
  /** Settings modules imported: where `from <level><dotted>` resolved and the namespace it gave. */
  imports: { level: number; dotted: string; path: string | null; name: string | null; namespace: ModuleNamespace | 'cycle' | null }[];
  ops: NameOp[];
  /** What the statement asked the host about files and modules (missingModule, fileState), with the answers. */
  hostFacts: { question: HostQuestion; answer: string }[];
  optionalModules: OptionalModule[];
  /** The module's `tainted` after the statement, when it set it. */
  taintedAfter: { value: string | null } | undefined;
  /** Files the statement adds to the namespace's (each once). */
  files: string[];
  /** What the statement appended to the namespace's lists and maps. */
  imported: [string, ModuleNamespace][];
  envReads: EnvRead[];
  calls: { name: string; at: Location }[];
  trace: TraceNote[];
  starImports: Location[];
  packageStars: PackageStar[];
  envWrites: { variable: string; at: Location }[];
}

export interface RememberedModule {
  text: string;
  /** In source order. */
  records: StatementRecord[];
  /** Where each record's statement starts in `text`. */
  offsets: number[];
  namespace: ModuleNamespace;
}

/** The last evaluation of each module; bounded like the parse trees (an editor has few settings modules in flight). */
export const remembered = new Map<string, RememberedModule>();
export const MAX_REMEMBERED_MODULES = 64;

export function sameEnvironmentValue(a: EnvironmentValue | null, b: EnvironmentValue | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.value === b.value && a.file === b.file && a.entry === b.entry && a.origin === b.origin && a.composeFile === b.composeFile && a.composeEntry === b.composeEntry;
}

/** The line starts a top-level statement spans, so its values' ranges are computed without holding the whole file. */
export class StatementLines {
  private constructor(
    private readonly firstLine: number,
    /** Line starts in the text the statement was evaluated in: its syntax nodes' offsets are in that text. */
    private readonly starts: number[],
    /** Where the statement has moved since (lines; characters on its first line): its nodes keep their offsets. */
    private readonly lineShift = 0,
    private readonly characterShift = 0,
    /** The table the statement was evaluated with: a re-based table stands for it in later versions. */
    root?: StatementLines,
  ) {
    this.root = root ?? this;
  }

  readonly root: StatementLines;

  static of(source: SourceText, from: number, to: number): StatementLines {
    const first = source.positionAt(from).line;
    let last = first;
    while (last + 1 < source.lineStarts.length && source.lineStarts[last + 1] <= to) last++;
    return new StatementLines(first, source.lineStarts.slice(first, last + 1));
  }

  /** The same statement replayed `lines` lines (and on its first line `characters` characters) further on; a new object, so values an earlier model holds keep their ranges. */
  moved(lines: number, characters: number): StatementLines {
    return new StatementLines(this.firstLine, this.starts, this.lineShift + lines, this.characterShift + characters, this.root);
  }

  position(offset: number): Position {
    const low = lineIndexAt(this.starts, offset);
    return { line: this.firstLine + low + this.lineShift, character: Math.max(0, offset - this.starts[low]) + (low === 0 ? this.characterShift : 0) };
  }
}

/**
 * One version's re-basing of values evaluated at an earlier line: each statement that ever moved,
 * by the line table it was evaluated with, to its table now; and the copies made, so that shared
 * structure stays shared. Values are copied when first read (a rule asks for few of them).
 */
export class Rebase {
  readonly lines = new Map<StatementLines, StatementLines>();
  private readonly copies = new Map<object, object>();

  binding(binding: Binding): Binding {
    const statement = this.location(binding.statement);
    const base = binding instanceof RebasedBinding ? binding.source() : binding.value;
    if (statement === binding.statement && !(binding instanceof RebasedBinding)) {
      // A binding the statement took as it was (`from .base import X`): nothing of this file in its value, maybe.
      if (this.value(base) === base) return binding;
    }
    return new RebasedBinding(base, this, statement, binding instanceof RebasedBinding ? binding.original : binding);
  }

  location<L extends Location | null | undefined>(at: L): L {
    if (!(at instanceof NodeLocation)) return at;
    const lines = this.lines.get(at.lines.root);
    if (!lines || lines === at.lines) return at;
    const known = this.copies.get(at);
    if (known) return known as L;
    const result = new NodeLocation(at.path, lines, at.from, at.to);
    this.copies.set(at, result);
    return result as Location as L;
  }

  envRead(read: EnvRead): EnvRead {
    const known = this.copies.get(read);
    if (known) return known as EnvRead;
    const at = this.location(read.at);
    const defaultAt = this.location(read.defaultAt);
    const defaultValue = read.defaultValue && this.value(read.defaultValue);
    const call = this.location(read.call);
    const raisesAt = read.raisesWhenUnset ? this.location(read.raisesWhenUnset.at) : undefined;
    const result: EnvRead =
      at === read.at && defaultAt === read.defaultAt && defaultValue === read.defaultValue && call === read.call && raisesAt === read.raisesWhenUnset?.at
        ? read
        : {
            variable: read.variable,
            reader: read.reader,
            ...(read.library !== undefined ? { library: read.library } : {}),
            at,
            defaultAt,
            hasDefault: read.hasDefault,
            defaultValue,
            source: read.source,
            environmentKnown: read.environmentKnown,
            call,
            raisesWhenUnset: read.raisesWhenUnset && raisesAt ? { exception: read.raisesWhenUnset.exception, at: raisesAt } : read.raisesWhenUnset,
          };
    this.copies.set(read, result);
    return result;
  }

  /** The value with every location of a moved statement re-based; the value itself when it holds none. */
  value(value: Value): Value {
    const known = this.copies.get(value);
    if (known) return known as Value;
    const at = this.location(value.at);
    const env = value.env ? this.envRead(value.env) : value.env;
    const via = this.location(value.via);
    const changed = at !== value.at || env !== value.env || via !== value.via;
    let result: Value = value;
    switch (value.kind) {
      case 'unknown': {
        const alternatives = value.alternatives?.map((item) => this.value(item));
        if (changed || alternatives?.some((item, i) => item !== value.alternatives![i])) result = { ...value, at, env, via, alternatives };
        break;
      }
      case 'str': {
        const parts = value.parts?.map((part) => {
          const partAt = this.location(part.at);
          const partEnv = part.env ? this.envRead(part.env) : part.env;
          return partAt === part.at && partEnv === part.env ? part : { ...part, at: partAt, env: partEnv };
        });
        if (changed || parts?.some((part, i) => part !== value.parts![i])) result = { ...value, at, env, via, parts };
        break;
      }
      case 'list':
      case 'tuple':
      case 'set': {
        const items = value.items.map((item) => this.value(item));
        if (changed || items.some((item, i) => item !== value.items[i])) result = { ...value, at, env, via, items };
        break;
      }
      case 'dict': {
        let entriesChanged = false;
        const entries = value.entries.map((entry) => {
          const key = this.value(entry.key);
          const item = this.value(entry.value);
          if (key === entry.key && item === entry.value) return entry;
          entriesChanged = true;
          return { key, value: item };
        });
        if (changed || entriesChanged) result = { ...value, at, env, via, entries };
        break;
      }
      case 'object': {
        let scheme = value.scheme;
        if (scheme) {
          let schemeChanged = false;
          const copy = new Map<string, { cast: string | null; default: Value | null }>();
          for (const [key, entry] of scheme) {
            const fallback = entry.default && this.value(entry.default);
            if (fallback !== entry.default) schemeChanged = true;
            copy.set(key, fallback === entry.default ? entry : { cast: entry.cast, default: fallback });
          }
          if (schemeChanged) scheme = copy;
        }
        const self = value.self && this.value(value.self);
        if (changed || scheme !== value.scheme || self !== value.self) result = { ...value, at, env, via, scheme, self };
        break;
      }
      case 'function': {
        // A helper's body is evaluated with its statement's lines: re-based with them.
        const definition = value.definition as FunctionDefinition;
        const lines = this.lines.get((definition.lines as StatementLines).root);
        const moved = lines !== undefined && lines !== definition.lines;
        if (changed || moved) result = { ...value, at, env, via, definition: moved ? { ...definition, lines } : definition };
        break;
      }
      default:
        if (changed) result = { ...value, at, env, via };
    }
    this.copies.set(value, result);
    return result;
  }
}

/** A binding of a statement replayed at another line: its value re-based when first read. */
export class RebasedBinding implements Binding {
  private rebased: Value | null = null;

  constructor(
    private base: Value,
    private rebase: Rebase | null,
    readonly statement: Location,
    /** The binding evaluated (not re-based): rules that cache per binding may reuse what does not depend on ranges. */
    readonly original: Binding,
  ) {}

  get value(): Value {
    if (this.rebased === null) {
      this.rebased = this.rebase!.value(this.base);
      this.rebase = null;
    }
    return this.rebased;
  }

  /** What to re-base again: the value as read, or the one it would be re-based from. */
  source(): Value {
    return this.rebased ?? this.base;
  }
}

/** The binding a re-based binding (a statement replayed at another line) stands for; undefined for any other. */
export function rebasedFrom(binding: Binding): Binding | undefined {
  return binding instanceof RebasedBinding ? binding.original : undefined;
}

/** A location whose line/character range is computed when asked: most values are never reported. */
export class NodeLocation implements Location {
  private computed: Range | null = null;

  constructor(
    readonly path: string,
    readonly lines: StatementLines,
    readonly from: number,
    readonly to: number,
  ) {}

  get range(): Range {
    return (this.computed ??= { start: this.lines.position(this.from), end: this.lines.position(this.to) });
  }
}
