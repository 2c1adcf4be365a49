/**
 * The abstract evaluator: runs a settings module's top-level statements on values it can know
 * (literals, names, env reads resolved against production's environment, imports of other
 * settings modules) and makes everything else *unknown* with a reason. Nothing is executed.
 */
import type { SyntaxNode } from '@lezer/common';
import { environInt } from '../parse/django-environ';
import { castEnvironValue } from './readers/django-environ';
import { PythonFile, changedRange, childrenOf, nodeText, ownString, stringLiteralValue } from '../parse/python';

import type { Position } from '../parse/source-text';
import type { EnvironmentValue } from '../project/production';
import { LibraryContext, LibraryConversion, libraryAttribute, libraryCall, libraryObject } from './readers/library';
import { packageDefaults } from './package-defaults';
import {
  DictEntry,
  EnvRead,
  Location,
  Value,
  dictGet,
  pythonRepr,
  truthy,
  unknown,
} from './value';
import { alternativesOf, decide, lifted, oneOf, sameKnown, withoutAlternatives } from './alternatives';
import { MAX_HELPER_STEPS, bodyStatements, interpretHelper } from './functions';
import type { CallBudget, FunctionDefinition, HelperHost, Parameter, Scope } from './functions';
import { firstRead, normalParts, partOf, partsOf } from './provenance';
import type { StringPart } from './value';

import { Binding, ModuleSource, EvaluationHost, MissingFile, HostQuestion, RepositoryFile, ModuleNamespace } from './namespace';
import { NameOp, StatementRecord, RememberedModule, remembered, MAX_REMEMBERED_MODULES, sameEnvironmentValue, StatementLines, Rebase, NodeLocation } from './incremental';
import { describeNode, hasError, containsError, catches, assignedNames, rootName, dottedName, numberValue, ifBranches, tryClauses } from './syntax';
import { isListExtension, pythonStr, castName, posixJoin, posixDirname, iterableItems, dedupe, putEntry, unsetRead, unknownFrom, subscriptValue, setIn, mutateCollection, binaryOperation } from './operations';

const MAX_CALL_DEPTH = 16;

/** django.utils.csp.CSP's members and their strings, from Django 6.1's django/utils/csp.py. */
export const CSP_MEMBERS: Record<string, string> = {
  HEADER_ENFORCE: 'Content-Security-Policy',
  HEADER_REPORT_ONLY: 'Content-Security-Policy-Report-Only',
  NONE: "'none'",
  REPORT_SAMPLE: "'report-sample'",
  SELF: "'self'",
  STRICT_DYNAMIC: "'strict-dynamic'",
  UNSAFE_EVAL: "'unsafe-eval'",
  UNSAFE_HASHES: "'unsafe-hashes'",
  UNSAFE_INLINE: "'unsafe-inline'",
  WASM_UNSAFE_EVAL: "'wasm-unsafe-eval'",
  NONCE: '<CSP_NONCE_SENTINEL>',
};

class Raised extends Error {
  constructor(readonly exception: string) {
    super(exception);
  }
}

/**
 * Evaluates a module's top level. By default incrementally: each top-level statement's effects
 * and what it read are remembered per module (path and name), and after an edit a statement whose
 * text, position and inputs are unchanged is replayed instead of evaluated (see StatementRecord).
 * `fromScratch` ignores and keeps the remembered state (tests compare both ways).
 */
export function evaluateModule(module: ModuleSource, host: EvaluationHost, options: { fromScratch?: boolean } = {}): ModuleNamespace {
  const key = `${module.path}\0${module.name}`;
  const previous = options.fromScratch ? undefined : remembered.get(key);
  const namespace = new ModuleNamespace(module);
  const { records, offsets, allReplayed } = new ModuleEvaluator(module, host, namespace, previous ?? null).run();
  if (options.fromScratch) return namespace;
  remembered.delete(key);
  // Every statement replayed over the same text: the previous namespace is this one, and the modules importing it can keep theirs.
  const same = previous !== undefined && allReplayed && previous.text === module.python.source.text && previous.records.length === records.length;
  const result = same ? previous.namespace : namespace;
  remembered.set(key, { text: module.python.source.text, records, offsets, namespace: result });
  if (remembered.size > MAX_REMEMBERED_MODULES) remembered.delete(remembered.keys().next().value as string);
  return result;
}

class ModuleEvaluator implements HelperHost {
  private readonly python: PythonFile;
  private readonly path: string;
  private tryDepth = 0;
  /** The exception types the enclosing `try` statements' handlers name (innermost last; empty: a bare except). */
  private readonly handlers: string[][] = [];
  private callDepth = 0;
  /** Local scopes of helper functions being interpreted (innermost last). */
  private readonly scopes: Scope[] = [];
  /** The top-level call of a helper being interpreted: its location, budget and the env reads made under it. */
  private helperCall: { at: Location; budget: CallBudget; reads: EnvRead[] } | null = null;
  /** The file of the code being evaluated (a helper may come from an imported module) and the lines of its top-level statement. */
  private current: { python: PythonFile; path: string; lines: StatementLines };
  /** What the top-level statement being evaluated reads and does (null when it is not remembered). */
  private record: StatementRecord | null = null;
  /** Names the statement being evaluated has bound so far: reading them later is not a dependency. */
  private readonly written = new Set<string>();
  private taintedWritten = false;
  /** Whether the top-level statement being evaluated holds a syntax error. */
  private statementHasError = false;
  /** The namespace's list lengths when the statement began: what it appends is its own. */
  private marks = { envReads: 0, calls: 0, trace: 0, starImports: 0, optionalModules: 0, packageStars: 0, envWrites: 0 };
  /** Where this run has the statements that ever moved, and the re-based copies of what they hold. */
  private readonly rebase = new Rebase();
  /** Re-based bindings made in this run -> the bindings they re-base, so that their readers replay too. */
  private readonly movedFrom = new Map<Binding, Binding>();

  constructor(
    readonly module: ModuleSource,
    private readonly host: EvaluationHost,
    private readonly ns: ModuleNamespace,
    private readonly previous: RememberedModule | null,
  ) {
    this.python = module.python;
    this.path = module.path;
    this.current = { python: this.python, path: this.path, lines: StatementLines.of(this.python.source, 0, 0) };
  }

  /** Runs the top level statement by statement, replaying what the previous evaluation remembered when its inputs are the same. */
  run(): { records: StatementRecord[]; offsets: number[]; allReplayed: boolean } {
    const records: StatementRecord[] = [];
    const offsets: number[] = [];
    let allReplayed = true;
    const source = this.python.source;
    const { text: whole, lineStarts } = source;
    const previous = this.previous?.records ?? [];
    const previousOffsets = this.previous?.offsets ?? [];
    // Statements wholly before or after the span the edit changed have the text they had (shifted by `delta` after it).
    const change = this.previous ? changedRange(this.previous.text, whole) : null;
    const delta = change ? change.toB - change.toA : 0;
    let next = 0; // the first previous record not yet passed: records are in source order
    let line = 0;
    const cursor = this.python.tree.cursor();
    for (let more = cursor.firstChild(); more; more = cursor.nextSibling()) {
      const { from, to } = cursor;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= from) line++;
      const character = from - lineStarts[line];
      let candidate: StatementRecord | undefined;
      let index = next;
      if (change !== null && (to <= change.fromB || from >= change.toB)) {
        // Wholly before or after the span the edit changed: the same text, at the same offset or `delta` further (on another line, maybe).
        const was = to <= change.fromB ? from : from - delta;
        while (next < previous.length && previousOffsets[next] < was) next++;
        index = next;
        if (previousOffsets[index] === was) candidate = previous[index];
      } else {
        // In the changed span: the same text at the same line and character. `next` stays: a later statement may match a record before this one's.
        let high = previous.length;
        while (index < high) {
          const mid = (index + high) >> 1;
          const at = previous[mid].position;
          if (at.line < line || (at.line === line && at.character < character)) index = mid + 1;
          else high = mid;
        }
        const found = previous[index];
        if (found && found.position.line === line && found.position.character === character && found.text.length === to - from && whole.slice(from, to) === found.text) candidate = found;
      }
      if (
        candidate !== undefined &&
        candidate.kind === cursor.name &&
        candidate.text.length === to - from &&
        // Same text, but an error node may still differ (one at its end depends on what follows).
        !(this.python.hasErrors && containsError(cursor.node))
      ) {
        const moved = candidate.position.line !== line || candidate.position.character !== character;
        const replayed = this.replayable(candidate, moved ? { line, character } : null);
        if (replayed) {
          // A statement that moved in an earlier edit: values re-based in this run find its lines through it.
          if (replayed.lines !== replayed.lines.root) this.rebase.lines.set(replayed.lines.root, replayed.lines);
          this.replay(replayed);
          records.push(replayed);
          offsets.push(from);
          if (index >= next) next = index + 1;
          continue;
        }
      }
      const node = cursor.node;
      const position = { line, character };
      allReplayed = false;
      this.statementHasError = this.python.hasErrors && containsError(node);
      this.current = { python: this.python, path: this.path, lines: StatementLines.of(source, node.from, node.to) };
      // A statement holding a syntax error is evaluated every time: how it parses may depend on its surroundings.
      const record = this.statementHasError ? null : this.startRecord(node.name, ownString(whole.slice(from, to)), position);
      try {
        this.statement(node);
      } catch (error) {
        this.record = null;
        if (!(error instanceof Raised)) throw error;
        // A module that raises at top level does not load; what ran so far stays, the rest is unknown.
        this.ns.tainted = `the module raises ${error.exception} at top level`;
        break;
      }
      if (record) {
        records.push(this.finishRecord(record));
        offsets.push(from);
      }
    }
    return { records, offsets, allReplayed };
  }

  private startRecord(kind: string, text: string, position: Position): StatementRecord {
    this.written.clear();
    this.taintedWritten = false;
    const ns = this.ns;
    this.record = {
      kind,
      text,
      position,
      lines: this.current.lines,
      positional: false,
      reads: new Map(),
      readNames: [],
      readBindings: [],
      readsOnlyNames: false,
      onlyNameChanges: false,
      foreignReads: [],
      taintedRead: undefined,
      snapshot: null,
      env: new Map(),
      environmentKnown: undefined,
      imports: [],
      ops: [],
      hostFacts: [],
      optionalModules: [],
      taintedAfter: undefined,
      files: [],
      imported: [],
      envReads: [],
      calls: [],
      trace: [],
      starImports: [],
      packageStars: [],
      envWrites: [],
    };
    this.marks = { envReads: ns.envReads.length, calls: ns.calls.length, trace: ns.trace.length, starImports: ns.starImports.length, optionalModules: ns.optionalModules.length, packageStars: ns.packageStars.length, envWrites: ns.envWrites.length };
    return this.record;
  }

  private finishRecord(record: StatementRecord): StatementRecord {
    const ns = this.ns;
    const marks = this.marks;
    record.envReads = ns.envReads.slice(marks.envReads);
    record.calls = ns.calls.slice(marks.calls);
    record.trace = ns.trace.slice(marks.trace);
    record.starImports = ns.starImports.slice(marks.starImports);
    record.optionalModules = ns.optionalModules.slice(marks.optionalModules);
    record.packageStars = ns.packageStars.slice(marks.packageStars);
    record.envWrites = ns.envWrites.slice(marks.envWrites);
    if (this.taintedWritten) record.taintedAfter = { value: ns.tainted };
    record.readNames = [...record.reads.keys()];
    record.readBindings = [...record.reads.values()];
    record.readsOnlyNames = !record.taintedRead && !record.snapshot && record.foreignReads.length === 0 && record.environmentKnown === undefined && record.env.size === 0 && record.imports.length === 0 && record.hostFacts.length === 0;
    record.onlyNameChanges =
      !record.taintedAfter && [record.files, record.imported, record.envReads, record.calls, record.trace, record.starImports, record.optionalModules, record.packageStars, record.envWrites].every((list) => list.length === 0);
    if (record.snapshot) {
      // After a forked `if`, the outcome is the namespace as it stands.
      record.ops = [{ op: 'clear' }];
      for (const [name, binding] of ns.names) record.ops.push({ op: 'set', name, binding });
    }
    this.record = null;
    return record;
  }

  /**
   * The record to replay when everything the statement read last time reads the same now (a
   * binding moved by this run counts as the same); null when something differs. `position`: where
   * the statement now starts, when it moved.
   */
  private replayable(record: StatementRecord, position: Position | null): StatementRecord | null {
    const names = this.ns.names;
    const { readNames, readBindings } = record;
    let readMoved = false;
    for (let i = 0; i < readNames.length; i++) {
      const binding = names.get(readNames[i]);
      if (binding === readBindings[i]) continue;
      const was = binding && this.movedFrom.get(binding);
      if (was === undefined || was !== readBindings[i]) return null;
      readMoved = true;
    }
    if (!record.readsOnlyNames && !this.sameOtherInputs(record)) return null;
    if (position === null && !readMoved) return record;
    // Its messages name its line, or it copied the whole namespace: evaluated again.
    if (record.positional || record.snapshot) return null;
    return this.movedRecord(record, position ?? record.position, readMoved);
  }

  /** The rest of replayable: the module's taint, the namespace snapshot, helpers' free names, the environment, imports. */
  private sameOtherInputs(record: StatementRecord): boolean {
    const names = this.ns.names;
    if (record.taintedRead && record.taintedRead.value !== this.ns.tainted) return false;
    if (record.snapshot) {
      const { entries, skip } = record.snapshot;
      let index = 0;
      for (const [name, binding] of names) {
        if (skip.has(name)) continue;
        const entry = entries[index++];
        if (!entry || entry[0] !== name || entry[1] !== binding) return false;
      }
      if (index !== entries.length) return false;
    }
    for (const read of record.foreignReads) if (this.ns.imported.get(read.path)?.names.get(read.name) !== read.binding) return false;
    const environment = this.host.environment;
    if (record.environmentKnown !== undefined && record.environmentKnown !== (environment !== null)) return false;
    for (const [variable, seen] of record.env) {
      if (!sameEnvironmentValue(environment?.get(variable) ?? null, seen.value) || this.unreadableVariable(variable) !== seen.unreadable) return false;
    }
    for (const read of record.imports) {
      const module = this.host.resolve(this.path, read.level, read.dotted);
      if ((module?.path ?? null) !== read.path || (module?.name ?? null) !== read.name) return false;
      if (module && this.host.namespaceOf(module) !== read.namespace) return false;
    }
    for (const fact of record.hostFacts) if (this.askHost(fact.question, false) !== fact.answer) return false;
    return true;
  }

  // ---- replay at another line: copies re-based, never the remembered values changed (an earlier model holds them) ----

  /** The record of a statement replayed at `position`: its effects with their locations re-based (values when first read), and the bindings it read now. */
  private movedRecord(record: StatementRecord, position: Position, readMoved: boolean): StatementRecord {
    const lines = record.lines.moved(position.line - record.position.line, position.character - record.position.character);
    const rebase = this.rebase;
    rebase.lines.set(lines.root, lines);
    const names = this.ns.names;
    const ops: NameOp[] = [];
    for (const op of record.ops) {
      if (op.op !== 'set') ops.push(op);
      else {
        const binding = rebase.binding(op.binding);
        if (binding !== op.binding) this.movedFrom.set(binding, op.binding);
        ops.push(binding === op.binding ? op : { op: 'set', name: op.name, binding });
      }
    }
    const located = <T extends { at: Location }>(items: T[]): T[] =>
      items.length === 0
        ? items
        : items.map((item) => {
            const at = rebase.location(item.at);
            return at === item.at ? item : { ...item, at };
          });
    // Every field spelled out in startRecord's order: one object shape for all records (a spread is several times slower here).
    return {
      kind: record.kind,
      text: record.text,
      position,
      lines,
      positional: record.positional,
      reads: record.reads,
      readNames: record.readNames,
      readBindings: readMoved ? record.readNames.map((name) => names.get(name)) : record.readBindings,
      readsOnlyNames: record.readsOnlyNames,
      onlyNameChanges: record.onlyNameChanges,
      foreignReads: record.foreignReads,
      taintedRead: record.taintedRead,
      snapshot: record.snapshot,
      env: record.env,
      environmentKnown: record.environmentKnown,
      imports: record.imports,
      ops,
      hostFacts: record.hostFacts,
      optionalModules: located(record.optionalModules),
      taintedAfter: record.taintedAfter,
      files: record.files,
      imported: record.imported,
      envReads: record.envReads.length === 0 ? record.envReads : record.envReads.map((read) => rebase.envRead(read)),
      calls: located(record.calls),
      trace: located(record.trace),
      starImports: record.starImports.length === 0 ? record.starImports : record.starImports.map((at) => rebase.location(at)),
      packageStars: record.packageStars.length === 0 ? record.packageStars : record.packageStars.map((star) => ({ ...star, at: rebase.location(star.at) })),
      envWrites: record.envWrites.length === 0 ? record.envWrites : record.envWrites.map((write) => ({ ...write, at: rebase.location(write.at) })),
    };
  }

  private replay(record: StatementRecord): void {
    const ns = this.ns;
    for (const change of record.ops) {
      if (change.op === 'set') ns.names.set(change.name, change.binding);
      else if (change.op === 'delete') ns.names.delete(change.name);
      else ns.names.clear();
    }
    if (record.onlyNameChanges) return;
    if (record.taintedAfter) ns.tainted = record.taintedAfter.value;
    for (const file of record.files) if (!ns.files.includes(file)) ns.files.push(file);
    for (const [path, namespace] of record.imported) ns.imported.set(path, namespace);
    for (const read of record.envReads) ns.envReads.push(read);
    for (const call of record.calls) ns.calls.push(call);
    for (const note of record.trace) ns.trace.push(note);
    for (const at of record.starImports) ns.starImports.push(at);
    for (const optional of record.optionalModules) ns.optionalModules.push(optional);
    for (const star of record.packageStars) ns.packageStars.push(star);
    for (const write of record.envWrites) ns.envWrites.push(write);
  }

  /** Asks the host about a module or file (the answer as JSON text), recorded for replay unless `record` is false. */
  private askHost(question: HostQuestion, record = true): string {
    const answer =
      question.kind === 'module'
        ? this.host.missingModule?.(this.path, question.level, question.dotted) ?? null
        : question.kind === 'file'
          ? this.host.fileState?.(question.path) ?? null
          : this.repositoryAnswer(question.directory);
    const text = JSON.stringify(answer);
    if (record && this.record) this.record.hostFacts.push({ question, answer: text });
    return text;
  }

  private repositoryAnswer(directory: string): { path: string; deployed: boolean; text: string } | null {
    const found = this.host.repositoryFile?.(directory) ?? null;
    return found && { path: found.path, deployed: found.deployed, text: found.text };
  }

  /** decouple's repository for a search folder (recorded for replay). */
  private repository(directory: string): RepositoryFile | null {
    if (this.askHost({ kind: 'repository', directory }) === 'null') return null;
    return this.host.repositoryFile?.(directory) ?? null;
  }

  /** Whether an enclosing `try` has a handler that catches ImportError. */
  private catchesImportError(): boolean {
    return this.handlers.some((types) => types.length === 0 || types.some((type) => catches(type, 'ModuleNotFoundError')));
  }

  // ---- the namespace, read and changed through here so that a statement's record is complete ----

  private getName(name: string): Binding | undefined {
    const binding = this.ns.names.get(name);
    if (this.record && !this.written.has(name) && !this.record.reads.has(name)) this.record.reads.set(name, binding);
    return binding;
  }

  private setName(name: string, binding: Binding): void {
    this.ns.names.set(name, binding);
    if (this.record) {
      this.written.add(name);
      this.record.ops.push({ op: 'set', name, binding });
    }
  }

  private deleteName(name: string): void {
    this.ns.names.delete(name);
    if (this.record) {
      this.written.add(name);
      this.record.ops.push({ op: 'delete', name });
    }
  }

  private clearNames(): void {
    this.ns.names.clear();
    this.record?.ops.push({ op: 'clear' });
  }

  /** A forked `if` reads every name (it copies the namespace for each branch). */
  private readAllNames(): void {
    const record = this.record;
    if (!record || record.snapshot) return;
    const entries: [string, Binding][] = [];
    for (const entry of this.ns.names) if (!this.written.has(entry[0])) entries.push(entry);
    record.snapshot = { entries, skip: new Set(this.written) };
  }

  private get tainted(): string | null {
    if (this.record && !this.taintedWritten && !this.record.taintedRead) this.record.taintedRead = { value: this.ns.tainted };
    return this.ns.tainted;
  }

  private set tainted(reason: string | null) {
    this.ns.tainted = reason;
    this.taintedWritten = true;
  }

  /** Production's value of an environment variable, and the source that cannot be read if that is where it comes from. */
  private environmentValue(variable: string): { value: EnvironmentValue | null; unreadable: string | undefined } {
    const seen = { value: this.host.environment?.get(variable) ?? null, unreadable: this.unreadableVariable(variable) };
    if (this.record && !this.record.env.has(variable)) this.record.env.set(variable, seen);
    return seen;
  }

  /** Where a variable comes from when its value cannot be read: a source production cannot read, or the settings' own `os.environ[K] = …`. */
  private unreadableVariable(variable: string): string | undefined {
    const write = this.ns.envWrites.find((written) => written.variable === variable);
    if (write) return `os.environ["${variable}"] = … at line ${write.at.range.start.line + 1} of ${write.at.path.slice(write.at.path.lastIndexOf("/") + 1)}`;
    return this.host.unknownVariables.get(variable);
  }

  private environmentKnown(): boolean {
    const known = this.host.environment !== null;
    if (this.record) this.record.environmentKnown = known;
    return known;
  }

  /** The names a helper's free names resolve in: its module's namespace. */
  private globalName(path: string, name: string): Binding | undefined {
    if (path === this.path) return this.getName(name);
    const binding = this.ns.imported.get(path)?.names.get(name);
    if (this.record) this.record.foreignReads.push({ path, name, binding });
    return binding;
  }

  // ---- locations and trace ------------------------------------------------------------

  loc(node: SyntaxNode): Location {
    return new NodeLocation(this.current.path, this.current.lines, node.from, node.to);
  }

  text(node: SyntaxNode): string {
    return nodeText(this.current.python, node);
  }

  private unknownAt(node: SyntaxNode, reason: string, raises?: string): Value {
    const at = this.loc(node);
    if (this.scopes.length === 0) this.ns.trace.push({ at, note: reason });
    return unknown(reason, at, raises);
  }

  // ---- statements ------------------------------------------------------------------------

  private block(statements: SyntaxNode[]): void {
    for (const statement of statements) this.statement(statement);
  }

  private statement(node: SyntaxNode): void {
    if (this.statementHasError && hasError(node) && node.name !== 'IfStatement' && node.name !== 'TryStatement') {
      this.forgetAssigned(node, `line ${this.lineOf(node)} does not parse`);
      return;
    }
    switch (node.name) {
      case 'Comment':
      case 'PassStatement':
      case ':':
        return;
      case 'StatementGroup':
        return this.block(childrenOf(node).filter((child) => child.name !== ';'));
      case 'AssignStatement':
        return this.assign(node);
      case 'UpdateStatement':
        return this.update(node);
      case 'ExpressionStatement':
        return this.expressionStatement(node);
      case 'IfStatement':
        return this.ifStatement(node);
      case 'TryStatement':
        return this.tryStatement(node);
      case 'ImportStatement':
        return this.importStatement(node);
      case 'FunctionDefinition':
        return this.functionDefinition(node);
      case 'DeleteStatement':
        for (const target of childrenOf(node)) if (target.name === 'VariableName') this.deleteName(this.text(target));
        return;
      default:
        // for/while/with/class/decorated: what they bind is not followed.
        this.forgetAssigned(node, `${node.name.replace(/Statement|Definition/, '').toLowerCase() || 'this statement'} blocks are not evaluated`);
    }
  }

  private lineOf(node: SyntaxNode): number {
    if (this.record) this.record.positional = true;
    return this.python.source.positionAt(node.from).line + 1;
  }

  /** Every name a statement may bind or mutate becomes unknown. */
  private forgetAssigned(node: SyntaxNode, reason: string): void {
    const at = this.loc(node);
    const rebound = assignedNames(node, this.python, { calls: false });
    for (const name of assignedNames(node, this.python)) {
      // `os.listdir(...)` in the block calls a module's function: it does not rebind or change `os`.
      if (!rebound.has(name) && this.boundValue(name)?.kind === 'object') continue;
      this.bind(name, unknown(reason, at), at);
    }
    this.ns.trace.push({ at, note: reason });
  }

  private bind(name: string, value: Value, statement: Location): void {
    if (this.scopes.length > 0) this.scopes[this.scopes.length - 1].set(name, value);
    else this.setName(name, { value, statement });
  }

  private assign(node: SyntaxNode): void {
    const groups: SyntaxNode[][] = [[]];
    for (const child of childrenOf(node)) {
      if (child.name === 'AssignOp') groups.push([]);
      else if (child.name !== 'TypeDef') groups[groups.length - 1].push(child);
    }
    if (groups.length < 2) return; // `X: int` declares, it does not bind
    const valueGroup = groups.pop()!;
    const value = this.valueOfGroup(valueGroup, node);
    if (value.kind === 'unknown' && value.raises && !value.alternatives && (this.tryDepth > 0 || this.scopes.length > 0)) throw new Raised(value.raises);
    const statement = this.loc(node);
    for (const targets of groups) this.assignTargets(targets, value, statement);
  }

  /** `a, b` without brackets is a tuple. */
  private valueOfGroup(group: SyntaxNode[], node: SyntaxNode): Value {
    const expressions = group.filter((child) => child.name !== ',');
    if (expressions.length === 1 && !group.some((child) => child.name === ',')) return this.expr(expressions[0]);
    return { kind: 'tuple', items: expressions.map((expression) => this.expr(expression)), at: this.loc(node) };
  }

  private assignTargets(targets: SyntaxNode[], value: Value, statement: Location): void {
    const names = targets.filter((child) => child.name !== ',');
    if (names.length === 1 && !targets.some((child) => child.name === ',')) return this.assignTarget(names[0], value, statement);
    this.unpack(names, value, statement);
  }

  private unpack(targets: SyntaxNode[], value: Value, statement: Location): void {
    const items = value.kind === 'list' || value.kind === 'tuple' ? value.items : null;
    targets.forEach((target, index) => {
      const item = items && items.length === targets.length ? items[index] : unknown('unpacking a value that is not a known sequence of that length', statement);
      this.assignTarget(target, item, statement);
    });
  }

  private assignTarget(target: SyntaxNode, value: Value, statement: Location): void {
    if (target.name === 'VariableName') return this.bind(this.text(target), value, statement);
    if (target.name === 'TupleExpression' || target.name === 'ArrayExpression' || target.name === 'ParenthesizedExpression') {
      const inner = childrenOf(target).filter((child) => !['(', ')', '[', ']', ','].includes(child.name));
      return this.unpack(inner, value, statement);
    }
    if (target.name === 'MemberExpression') {
      this.mutatePath(target, statement, () => value);
    }
  }

  /**
   * Applies a change at `X[...][...]` (copy on write), or to `X` itself. What cannot be followed
   * makes the root name unknown, because the change may have hit anything in it.
   */
  private mutatePath(target: SyntaxNode, statement: Location, change: (old: Value) => Value): void {
    const path: Value[] = [];
    let node: SyntaxNode | null = target;
    if (this.environmentWrite(target, statement)) return;
    while (node && node.name === 'MemberExpression') {
      const children = childrenOf(node);
      if (children[1]?.name !== '[' || children.length !== 4) {
        // Attribute assignment (`obj.attr = …`) binds no setting; the root may be a module object.
        const root = rootName(target, this.python);
        if (root) this.bind(root, unknown(`an attribute of ${root} was changed`, statement), statement);
        return;
      }
      path.unshift(this.expr(children[2]));
      node = children[0];
    }
    if (!node || node.name !== 'VariableName') return;
    const name = this.text(node);
    const current = this.lookup(name, node);
    const paths = path.length > 0 ? alternativesOf(current) : null;
    const updated = paths ? oneOf(paths.map((one) => setIn(one, path, change, statement)), (current as { reason: string }).reason, current.at ?? null) : setIn(current, path, change, statement);
    this.bind(name, updated, statement);
  }

  /**
   * `os.environ["K"] = …` at top level sets the process's variable, as Python does: `os` stays the
   * module, and later reads of K see the settings' own value (unknown here), not production's.
   */
  private environmentWrite(target: SyntaxNode, statement: Location): boolean {
    const children = childrenOf(target);
    if (this.scopes.length > 0 || children[1]?.name !== '[' || children.length !== 4) return false;
    const base = this.expr(children[0]);
    if (base.kind !== 'object' || base.name !== 'os.environ') return false;
    const key = this.expr(children[2]);
    if (key.kind !== 'str') return false;
    this.ns.envWrites.push({ variable: key.value, at: statement });
    return true;
  }

  private update(node: SyntaxNode): void {
    const [target, op, ...valueGroup] = childrenOf(node);
    if (!target || !op || valueGroup.length === 0) return;
    const operator = this.text(op).slice(0, -1);
    // `MIDDLEWARE += "x",` adds a tuple, as `a, b` without brackets is one.
    const right = this.valueOfGroup(valueGroup, node);
    const statement = this.loc(node);
    const compute = (old: Value) => (isListExtension(operator, old, right) ? mutateCollection(old, 'extend', [right], new Map(), false, statement) : this.binary(operator, old, right, node));
    if (target.name === 'VariableName') {
      const name = this.text(target);
      this.bind(name, compute(this.lookup(name, target)), statement);
    } else if (target.name === 'MemberExpression') this.mutatePath(target, statement, compute);
  }

  private expressionStatement(node: SyntaxNode): void {
    const expression = node.firstChild;
    if (!expression || expression.name !== 'CallExpression') return;
    const [callee, args] = childrenOf(expression);
    if (!callee || !args) return;
    const dotted = dottedName(callee, this.python);
    if (dotted) this.ns.calls.push({ name: dotted, at: this.loc(expression) });
    if (dotted === 'globals().update' || dotted?.startsWith('globals()') || dotted === 'exec') {
      this.tainted = `line ${this.lineOf(node)} changes the module's names dynamically`;
      return;
    }
    if (callee.name !== 'MemberExpression') {
      // `configure()`: a helper of the module runs (its env reads, what it changes in place).
      const result = this.expr(expression);
      if (result.kind === 'unknown' && result.raises && !result.alternatives && (this.tryDepth > 0 || this.scopes.length > 0)) throw new Raised(result.raises);
      return;
    }
    const parts = childrenOf(callee);
    const method = parts[parts.length - 1];
    if (parts[1]?.name !== '.' || method.name !== 'PropertyName') return;
    const methodName = this.text(method);
    const objectNode = parts[0];
    const statement = this.loc(node);
    if (['append', 'insert', 'extend', 'remove', 'update', 'pop', 'clear', 'add', 'discard', 'setdefault', 'sort', 'reverse'].includes(methodName)) {
      const { positional, keywords, unsupported } = this.args(args);
      const change = (old: Value): Value => {
        // A list of several paths (assigned under a condition) changes on each.
        const paths = alternativesOf(old);
        if (paths) return oneOf(paths.map((path) => mutateCollection(path, methodName, positional, keywords, unsupported, statement)), (old as { reason: string }).reason, old.at ?? null);
        return mutateCollection(old, methodName, positional, keywords, unsupported, statement);
      };
      if (objectNode.name === 'VariableName') {
        const name = this.text(objectNode);
        const old = this.lookup(name, objectNode);
        if (old.kind === 'object') return; // e.g. os.environ.update: not a setting
        this.bind(name, change(old), statement);
      } else if (objectNode.name === 'MemberExpression') {
        const root = rootName(objectNode, this.python);
        const rootValue = root ? this.lookup(root, objectNode) : null;
        if (rootValue?.kind === 'object') return;
        this.mutatePath(objectNode, statement, change);
      }
      return;
    }
    // Any other call is evaluated for its env reads (read_env, setdefault) and otherwise ignored.
    const result = this.expr(expression);
    if (result.kind === 'unknown' && result.raises && !result.alternatives && (this.tryDepth > 0 || this.scopes.length > 0)) throw new Raised(result.raises);
  }

  private ifStatement(node: SyntaxNode): void {
    const branches = ifBranches(node);
    if (!branches) {
      this.forgetAssigned(node, `line ${this.lineOf(node)} does not parse`);
      return;
    }
    // Conditions are decided in order; the first unknown one forks the rest.
    const pending: { condition: SyntaxNode | null; body: SyntaxNode }[] = [];
    let forkReason: string | null = null;
    for (const branch of branches) {
      if (forkReason) {
        pending.push(branch);
        continue;
      }
      if (!branch.condition) return this.body(branch.body);
      const condition = this.expr(branch.condition);
      const decided = decide(condition);
      if (decided === true) return this.body(branch.body);
      if (decided === false) continue;
      const why = alternativesOf(condition) ? 'its paths disagree' : condition.kind === 'unknown' ? condition.reason : 'its truth cannot be told';
      forkReason = `it depends on \`${this.text(branch.condition)}\` (line ${this.lineOf(branch.condition)}), which is unknown: ${why}`;
      pending.push(branch);
    }
    if (!forkReason) return;
    // Each remaining branch runs on its own copy of the names; where they disagree, the value is one of theirs (alternatives).
    const hasElse = pending.some((branch) => branch.condition === null);
    this.readAllNames();
    const before = new Map(this.ns.names);
    const outcomes: Map<string, Binding>[] = [];
    for (const branch of pending) {
      this.clearNames();
      for (const [key, value] of before) this.setName(key, value);
      try {
        this.body(branch.body);
      } catch (error) {
        if (!(error instanceof Raised)) throw error;
      }
      outcomes.push(new Map(this.ns.names));
    }
    if (!hasElse) outcomes.push(before);
    this.clearNames();
    const at = this.loc(node);
    const allNames = new Set(outcomes.flatMap((outcome) => [...outcome.keys()]));
    for (const name of allNames) {
      const bindings = outcomes.map((outcome) => outcome.get(name));
      const first = bindings[0];
      const same = first !== undefined && bindings.every((binding) => binding === first || (binding !== undefined && sameKnown(binding.value, first.value)));
      if (same) this.setName(name, bindings.find((binding) => binding !== before.get(name)) ?? first);
      else {
        const last = [...bindings].reverse().find((binding) => binding !== undefined && binding !== before.get(name)) ?? first!;
        const paths = bindings.map((binding) => binding?.value ?? unknown(`${name} is not assigned on this path`, at));
        const value = oneOf(paths, forkReason, last.statement);
        this.setName(name, { value, statement: last.statement });
        const count = alternativesOf(value)?.length;
        if (count) this.ns.trace.push({ at: last.statement, note: `${name} is one of ${count} values, one per path; rules report only what holds on every path` });
      }
    }
    this.ns.trace.push({ at, note: `both branches followed: ${forkReason}` });
  }

  private body(body: SyntaxNode): void {
    this.block(childrenOf(body).filter((child) => child.name !== ':'));
  }

  // ---- what the helper interpreter (functions.ts) asks ----

  simpleStatement(node: SyntaxNode): string | null {
    try {
      this.statement(node);
      return null;
    } catch (error) {
      if (!(error instanceof Raised)) throw error;
      return error.exception;
    }
  }

  useScope(scope: Scope): void {
    this.scopes[this.scopes.length - 1] = scope;
  }

  private tryStatement(node: SyntaxNode): void {
    const clauses = tryClauses(node, (item) => this.text(item));
    if (!clauses) return;
    const { body: tryBody, handlers, elseBody, finallyBody } = clauses;
    this.tryDepth++;
    // A bare `except:` catches all, as does a handler whose types cannot be read.
    this.handlers.push(handlers.some((handler) => handler.types.length === 0) ? [] : handlers.flatMap((handler) => handler.types));
    let raised: Raised | null = null;
    try {
      this.body(tryBody);
    } catch (error) {
      if (!(error instanceof Raised)) throw error;
      raised = error;
    } finally {
      this.tryDepth--;
      this.handlers.pop();
    }
    if (raised) {
      const handler = handlers.find((candidate) => candidate.types.length === 0 || candidate.types.some((type) => catches(type, raised!.exception)));
      if (handler) this.body(handler.body);
      else if (this.tryDepth > 0) throw raised;
      else this.tainted = `a ${raised.exception} escapes the try block at line ${this.lineOf(node)}`;
    } else if (elseBody) this.body(elseBody);
    if (finallyBody) this.body(finallyBody);
  }

  private importStatement(node: SyntaxNode): void {
    const children = childrenOf(node);
    const at = this.loc(node);
    if (children[0]?.name === 'import') {
      // import a.b, c as d
      let i = 1;
      while (i < children.length) {
        const parts: string[] = [];
        while (i < children.length && (children[i].name === 'VariableName' || children[i].name === '.')) {
          if (children[i].name === 'VariableName') parts.push(this.text(children[i]));
          i++;
        }
        let alias: string | null = null;
        if (children[i]?.name === 'as') {
          alias = this.text(children[i + 1]);
          i += 2;
        }
        if (children[i]?.name === ',') i++;
        if (parts.length === 0) {
          i++;
          continue;
        }
        const dotted = parts.join('.');
        if (alias) this.bind(alias, this.importedModule(dotted, at), at);
        else this.bind(parts[0], this.importedModule(parts[0], at), at);
      }
      return;
    }
    // from <dots><module> import names
    let i = 1;
    let level = 0;
    const parts: string[] = [];
    for (; i < children.length && children[i].name !== 'import'; i++) {
      const child = children[i];
      if (child.name === '.') level += parts.length === 0 ? 1 : 0;
      else if (child.name === 'Ellipsis' || this.text(child) === '...') level += 3;
      else if (child.name === 'VariableName') parts.push(this.text(child));
    }
    const dotted = parts.join('.');
    const names: { name: string; alias: string }[] = [];
    let star = false;
    for (i++; i < children.length; i++) {
      const child = children[i];
      if (child.name === '*') star = true;
      else if (child.name === 'VariableName') {
        if (children[i + 1]?.name === 'as' && children[i + 2]) {
          names.push({ name: this.text(child), alias: this.text(children[i + 2]) });
          i += 2;
        } else names.push({ name: this.text(child), alias: this.text(child) });
      }
    }
    if (star && this.scopes.length === 0) this.ns.starImports.push(at);
    if (this.catchesImportError() && this.scopes.length === 0) {
      // `try: from .local_settings import *` / `except ImportError:` — production takes the handler's path when it lacks the module.
      const missing = JSON.parse(this.askHost({ kind: 'module', level, dotted })) as MissingFile | null;
      if (missing) {
        this.ns.optionalModules.push({ ...missing, at });
        const written = '.'.repeat(level) + dotted;
        this.ns.trace.push({ at, note: `${written} is ${missing.state === 'absent' ? 'not in the repository' : 'ignored by git (a developer\'s file, not deployed)'}: evaluated without it, as production loads the settings` });
        throw new Raised('ModuleNotFoundError');
      }
    }
    const settingsModule = this.host.resolve(this.path, level, dotted);
    const imported = settingsModule ? this.host.namespaceOf(settingsModule) : null;
    this.record?.imports.push({ level, dotted, path: settingsModule?.path ?? null, name: settingsModule?.name ?? null, namespace: imported });
    if (settingsModule && imported) {
      if (imported === 'cycle') {
        this.tainted = `importing ${settingsModule.name} is an import cycle`;
        this.ns.trace.push({ at, note: `import cycle through ${settingsModule.name}: its names are unknown here` });
        for (const { alias } of names) this.bind(alias, unknown(`${settingsModule.name} is part of an import cycle`, at), at);
        return;
      }
      for (const file of imported.files) {
        if (!this.ns.files.includes(file)) this.ns.files.push(file);
        // All of them: on replay, a file an earlier statement no longer adds must be added here.
        this.record?.files.push(file);
      }
      for (const [path, namespace] of [...imported.imported, [settingsModule.path, imported] as const]) {
        this.ns.imported.set(path, namespace);
        this.record?.imported.push([path, namespace]);
      }
      for (const read of imported.envReads) this.ns.envReads.push(read);
      for (const optional of imported.optionalModules) this.ns.optionalModules.push(optional);
      // The process's environment is one: what an imported module wrote, the importer reads.
      for (const write of imported.envWrites) this.ns.envWrites.push(write);
      for (const call of imported.calls) this.ns.calls.push(call);
      for (const note of imported.trace) this.ns.trace.push(note);
      if (star) {
        for (const [name, binding] of imported.names) if (!name.startsWith('_')) this.setName(name, binding);
        if (imported.tainted && !this.tainted) this.tainted = `${imported.tainted} (in ${settingsModule.name})`;
        for (const packageStar of imported.packageStars) this.ns.packageStars.push(packageStar);
      }
      for (const { name, alias } of names) {
        const binding = imported.names.get(name);
        if (binding) this.bind(alias, binding.value, binding.statement);
        else this.bind(alias, unknown(`${settingsModule.name} does not define ${name} as far as it can be read`, at), at);
      }
      return;
    }
    if (level === 0) {
      for (const { name, alias } of names) this.bind(alias, this.importedModule(`${dotted}.${name}`, at), at);
      const defaults = star ? packageDefaults(dotted) : null;
      if (defaults && this.scopes.length === 0) {
        // Its names replace earlier assignments of theirs; the rest of the module's names are not its.
        this.readAllNames();
        for (const name of [...this.ns.names.keys()]) if (defaults.defines.test(name)) this.bind(name, unknown(`\`from ${dotted} import *\` may set ${name} (${defaults.what}, not in the repository)`, at), at);
        this.ns.packageStars.push({ module: dotted, defines: defaults.defines, what: defaults.what, at });
        this.ns.trace.push({ at, note: `\`from ${dotted} import *\` sets ${defaults.what}: those are unknown, the other names are not its` });
      } else if (star) {
        const reason = `\`from ${dotted} import *\` imports names that cannot be known`;
        this.tainted = reason;
        this.ns.trace.push({ at, note: reason });
      }
      return;
    }
    const written = '.'.repeat(level) + dotted;
    for (const { alias } of names) this.bind(alias, unknown(`${written} is not a settings module of this project`, at), at);
    if (star) {
      const reason = `\`from ${written} import *\` names a module that was not found`;
      this.tainted = reason;
      this.ns.trace.push({ at, note: reason });
    }
  }

  /** Modules and objects known by name; anything else imported is unknown. */
  private importedModule(dotted: string, at: Location): Value {
    const known: Record<string, string> = {
      os: 'module:os',
      'os.path': 'module:os.path',
      'os.environ': 'os.environ',
      'os.getenv': 'func:os.getenv',
      'os.path.join': 'func:os.path.join',
      environ: 'module:environ',
      'environ.Env': 'class:environ.Env',
      pathlib: 'module:pathlib',
      'pathlib.Path': 'class:pathlib.Path',
      'django.core.exceptions.ImproperlyConfigured': 'class:ImproperlyConfigured',
      'django.utils.csp': 'module:django.utils.csp',
      'django.utils.csp.CSP': 'class:django.utils.csp.CSP',
    };
    const name = known[dotted] ?? libraryObject(dotted);
    if (name) return { kind: 'object', name, at };
    const reason = `${dotted} is imported from outside the settings modules`;
    this.ns.trace.push({ at, note: reason });
    return unknown(reason, at);
  }

  private functionDefinition(node: SyntaxNode): void {
    const children = childrenOf(node);
    const nameNode = children.find((child) => child.name === 'VariableName');
    const paramList = children.find((child) => child.name === 'ParamList');
    const body = children.find((child) => child.name === 'Body');
    if (!nameNode || !paramList || !body) return;
    const params: Parameter[] = [];
    const paramChildren = childrenOf(paramList);
    let unsupported: string | null = null;
    let mode: 'positional' | 'keyword' = 'positional';
    for (let i = 0; i < paramChildren.length; i++) {
      const child = paramChildren[i];
      if (child.name === 'VariableName') {
        let j = i + 1;
        if (paramChildren[j]?.name === 'TypeDef') j++; // an annotation says nothing of the value
        const hasDefault = paramChildren[j]?.name === 'AssignOp';
        params.push({ name: this.text(child), defaultNode: hasDefault ? paramChildren[j + 1] : null, kind: mode });
        i = hasDefault ? j + 1 : j - 1;
      } else if (child.name === '*' || child.name === '**') {
        const next = paramChildren[i + 1];
        if (next?.name === 'VariableName') {
          params.push({ name: this.text(next), defaultNode: null, kind: child.name === '*' ? 'rest' : 'keywords' });
          i += paramChildren[i + 2]?.name === 'TypeDef' ? 2 : 1;
        }
        mode = 'keyword';
      } else if (child.name === '/' ) {
        // positional-only marker: the names before it are positional, as they already are
      } else if (!['(', ')', ',', 'TypeDef'].includes(child.name)) unsupported = 'its parameter list is not read';
    }
    const statements = bodyStatements(body);
    // A docstring says nothing.
    if (statements[0]?.name === 'ExpressionStatement' && /^(String|ContinuedString)$/.test(statements[0].firstChild?.name ?? '')) statements.shift();
    const definition: FunctionDefinition = { params, body: statements, unsupported, python: this.current.python, path: this.path, lines: this.current.lines };
    this.bind(this.text(nameNode), { kind: 'function', name: this.text(nameNode), definition, module: this.module.name, at: this.loc(node) }, this.loc(node));
  }

  // ---- expressions ----------------------------------------------------------------------

  /** The name's value in the scope being evaluated, without reporting an unbound name. */
  private boundValue(name: string): Value | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const local = this.scopes[i].get(name);
      if (local) return local;
    }
    return (this.scopes.length > 0 ? this.globalName(this.current.path, name) : this.getName(name))?.value;
  }

  private lookup(name: string, node: SyntaxNode): Value {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const local = this.scopes[i].get(name);
      if (local) return local;
    }
    // Inside a helper from another module, that module's names apply.
    const binding = this.scopes.length > 0 ? this.globalName(this.current.path, name) : this.getName(name);
    if (binding) return binding.value;
    if (name === '__file__') return { kind: 'str', value: this.path, at: this.loc(node) };
    if (name === '__name__') return { kind: 'str', value: this.module.name, at: this.loc(node) };
    const builtin = BUILTINS.has(name) ? name : null;
    if (builtin) return { kind: 'object', name: `builtin:${builtin}`, at: this.loc(node) };
    if (PYTHON_BUILTINS.has(name)) return this.unknownAt(node, `the builtin ${name} is not evaluated`);
    const tainted = this.tainted;
    if (tainted) return this.unknownAt(node, `${name} is not assigned in the modules read, and ${tainted}`);
    const packageStar = this.ns.packageStars.find((star) => star.defines.test(name));
    if (packageStar) return this.unknownAt(node, `${name} is not assigned in the modules read, and \`from ${packageStar.module} import *\` may set it (${packageStar.what}, not in the repository)`);
    return this.unknownAt(node, `${name} is not defined (NameError)`, 'NameError');
  }

  expr(node: SyntaxNode): Value {
    const at = this.loc(node);
    switch (node.name) {
      case 'Number':
        return numberValue(this.text(node), at) ?? this.unknownAt(node, `the number ${this.text(node)} is not read`);
      case 'String':
      case 'FormatString':
      case 'ContinuedString':
        return this.stringValue(node, at);
      case 'Boolean':
        return { kind: 'bool', value: this.text(node) === 'True', at };
      case 'None':
        return { kind: 'none', at };
      case 'VariableName':
        return this.lookup(this.text(node), node);
      case 'ParenthesizedExpression': {
        const inner = childrenOf(node).filter((child) => child.name !== '(' && child.name !== ')');
        if (inner.length === 1) return this.expr(inner[0]);
        return this.unknownAt(node, 'a parenthesised form that is not read');
      }
      case 'ArrayExpression':
      case 'TupleExpression':
      case 'SetExpression':
        return this.display(node, node.name === 'ArrayExpression' ? 'list' : node.name === 'SetExpression' ? 'set' : 'tuple', at);
      case 'DictionaryExpression':
        return this.dictDisplay(node, at);
      case 'ArrayComprehensionExpression':
        return this.comprehension(node, at);
      case 'UnaryExpression':
        return this.unary(node, at);
      case 'BinaryExpression':
        return this.binaryExpression(node, at);
      case 'ConditionalExpression': {
        const parts = childrenOf(node).filter((child) => child.name !== 'if' && child.name !== 'else');
        if (parts.length !== 3) return this.unknownAt(node, 'a conditional expression that does not parse');
        const condition = this.expr(parts[1]);
        const decided = decide(condition);
        if (decided === null) {
          const whenTrue = this.expr(parts[0]);
          const whenFalse = this.expr(parts[2]);
          if (sameKnown(whenTrue, whenFalse)) return whenTrue;
          const reason = `it depends on \`${this.text(parts[1])}\`, which is unknown`;
          if (this.scopes.length === 0) this.ns.trace.push({ at, note: `${reason}: one value per path` });
          return oneOf([whenTrue, whenFalse], reason, at);
        }
        return this.expr(decided ? parts[0] : parts[2]);
      }
      case 'MemberExpression':
        return this.member(node, at);
      case 'CallExpression':
        return this.call(node, at);
      case 'NamedExpression': {
        // `name := value` binds the name (in the scope being evaluated) and is the value.
        const [target, , valueNode] = childrenOf(node);
        if (target?.name !== 'VariableName' || !valueNode) return this.unknownAt(node, 'a named expression that does not parse');
        const value = this.expr(valueNode);
        this.bind(this.text(target), value, at);
        return value;
      }
      default:
        return this.unknownAt(node, `${describeNode(node.name)} is not evaluated`);
    }
  }

  private stringValue(node: SyntaxNode, at: Location): Value {
    if (node.name === 'ContinuedString') {
      let text = '';
      let bytes: boolean | null = null;
      for (const part of childrenOf(node)) {
        const value = this.stringValue(part, at);
        if (value.kind !== 'str' && value.kind !== 'bytes') return value;
        if (bytes !== null && bytes !== (value.kind === 'bytes')) return this.unknownAt(node, 'mixes bytes and str literals');
        bytes = value.kind === 'bytes';
        text += value.value;
      }
      return { kind: bytes ? 'bytes' : 'str', value: text, at };
    }
    if (node.name === 'FormatString') return this.formatString(node, at);
    const literal = stringLiteralValue(this.text(node));
    if (!literal) return this.unknownAt(node, 'a string literal that is not read');
    return { kind: literal.bytes ? 'bytes' : 'str', value: literal.value, at };
  }

  private formatString(node: SyntaxNode, at: Location): Value {
    const raw = this.text(node);
    const match = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(raw);
    if (!match) return this.unknownAt(node, 'an f-string that is not read');
    const raw_ = match[1].toLowerCase().includes('r');
    const start = node.from + match[0].length;
    const end = node.to - match[2].length;
    let out = '';
    const parts: StringPart[] = [];
    let cursor = start;
    const literal = (from: number, to: number): string | null => {
      const piece = ownString(this.current.python.source.text.slice(from, to)).replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      if (raw_) return piece;
      return stringLiteralValue(`"${piece.replace(/"/g, '\\"')}"`)?.value ?? null;
    };
    for (const part of childrenOf(node)) {
      if (part.name !== 'FormatReplacement') continue;
      const before = literal(cursor, part.from);
      if (before === null) return this.unknownAt(node, 'an f-string with escapes that are not read');
      out += before;
      parts.push({ length: before.length, origin: 'source', at });
      const inner = childrenOf(part).filter((child) => child.name !== '{' && child.name !== '}');
      const expression = inner[0];
      if (!expression || inner.some((child) => child.name === 'FormatSpec' && child.to - child.from > 1) || inner.some((child) => child.name === '⚠')) {
        return this.unknownAt(node, 'an f-string with a format spec is not evaluated');
      }
      const value = this.expr(expression);
      const unset = unsetRead(value);
      if (unset) return this.unknownAt(node, unset);
      const conversion = inner.find((child) => child.name === 'FormatConversion');
      const text = conversion && this.text(conversion) === '!r' ? pythonRepr(value) : pythonStr(value);
      if (text === null) return value.kind === 'unknown' ? withoutAlternatives(value, at) : this.unknownAt(node, `\`${this.text(expression)}\` in an f-string is unknown`);
      out += text;
      if (value.kind === 'str' && !conversion) parts.push(...partsOf(value));
      else parts.push(partOf(value, text, at));
      cursor = part.to;
    }
    const rest = literal(cursor, end);
    if (rest === null) return this.unknownAt(node, 'an f-string with escapes that are not read');
    parts.push({ length: rest.length, origin: 'source', at });
    // Where the characters came from: an env read inside is not a literal of the module (DJ101, DJ110).
    const folded = normalParts(parts);
    return folded ? { kind: 'str', value: out + rest, at, env: firstRead(folded), parts: folded } : { kind: 'str', value: out + rest, at };
  }

  private display(node: SyntaxNode, kind: 'list' | 'tuple' | 'set', at: Location): Value {
    const items: Value[] = [];
    // A commented-out element (`# "x",`) is a Comment child of the display, not an element.
    const children = childrenOf(node).filter((child) => !['(', ')', '[', ']', '{', '}', ',', 'Comment'].includes(child.name));
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.name === '*') {
        const spread = this.expr(children[++i]);
        if (spread.kind === 'list' || spread.kind === 'tuple' || spread.kind === 'set') items.push(...spread.items);
        else return spread.kind === 'unknown' ? withoutAlternatives(spread, at) : this.unknownAt(node, 'unpacks a value that is not a known sequence');
      } else items.push(this.expr(child));
    }
    return { kind, items: kind === 'set' ? dedupe(items) : items, at };
  }

  private dictDisplay(node: SyntaxNode, at: Location): Value {
    const entries: DictEntry[] = [];
    const children = childrenOf(node).filter((child) => !['{', '}', ',', 'Comment'].includes(child.name));
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.name === '**') {
        const spread = this.expr(children[++i]);
        if (spread.kind !== 'dict') return spread.kind === 'unknown' ? withoutAlternatives(spread, at) : this.unknownAt(node, '** of a value that is not a known dict');
        for (const entry of spread.entries) putEntry(entries, entry);
        continue;
      }
      if (children[i + 1]?.name !== ':' || !children[i + 2]) return this.unknownAt(node, 'a dict display that does not parse');
      putEntry(entries, { key: this.expr(child), value: this.expr(children[i + 2]) });
      i += 2;
    }
    return { kind: 'dict', entries, at };
  }

  /** `[expr for name in iterable if condition]`, one `for`, a plain name. */
  private comprehension(node: SyntaxNode, at: Location): Value {
    const children = childrenOf(node).filter((child) => child.name !== '[' && child.name !== ']');
    const fors = children.filter((child) => child.name === 'for').length;
    if (fors !== 1 || children[1]?.name !== 'for' || children[2]?.name !== 'VariableName' || children[3]?.name !== 'in') {
      return this.unknownAt(node, 'a comprehension with more than one plain `for` is not evaluated');
    }
    const element = children[0];
    const variable = this.text(children[2]);
    const iterable = this.expr(children[4]);
    const conditions: SyntaxNode[] = [];
    for (let i = 5; i < children.length; i++) {
      if (children[i].name === 'if' && children[i + 1]) conditions.push(children[++i]);
      else return this.unknownAt(node, 'a comprehension form that is not evaluated');
    }
    const items = iterableItems(iterable);
    if (!items) return iterable.kind === 'unknown' ? withoutAlternatives(iterable, at) : this.unknownAt(node, 'iterates over a value that is not a known sequence');
    const result: Value[] = [];
    this.scopes.push(new Map());
    try {
      for (const item of items) {
        this.scopes[this.scopes.length - 1].set(variable, item);
        let keep: boolean | null = true;
        for (const condition of conditions) {
          keep = decide(this.expr(condition));
          if (keep !== true) break;
        }
        if (keep === null) return this.unknownAt(node, 'a comprehension filter is unknown for some item');
        if (keep) result.push(this.expr(element));
      }
    } finally {
      this.scopes.pop();
    }
    return { kind: 'list', items: result, at };
  }

  private unary(node: SyntaxNode, at: Location): Value {
    const [op, operandNode] = childrenOf(node);
    if (!op || !operandNode) return this.unknownAt(node, 'an expression that does not parse');
    const operator = this.text(op);
    // @lezer/python reads `not a and b` as `not (a and b)`; Python binds `not` tighter than and/or.
    if (operator === 'not' && operandNode.name === 'BinaryExpression') {
      const parts = childrenOf(operandNode);
      const inner = parts.slice(1, -1).map((child) => this.text(child)).join(' ');
      if ((inner === 'and' || inner === 'or') && parts.length === 3) return this.logical(inner, () => this.notOf(parts[0], at), parts[2], at);
    }
    const operand = this.expr(operandNode);
    const paths = lifted([operand], ([one]) => this.unaryOperation(operator, one, node, at), `\`${operator}\` of a value of several paths`, at);
    if (paths) return paths;
    return this.unaryOperation(operator, operand, node, at);
  }

  private unaryOperation(operator: string, operand: Value, node: SyntaxNode, at: Location): Value {
    if (operator === 'not') {
      const value = truthy(operand);
      return value === null ? { ...unknownFrom(operand, `not of an unknown value`), at } : { kind: 'bool', value: !value, at, env: operand.env };
    }
    const number = operand.kind === 'int' || operand.kind === 'float' ? operand.value : operand.kind === 'bool' ? Number(operand.value) : null;
    if (number === null) return operand.kind === 'unknown' ? withoutAlternatives(operand, at) : this.unknownAt(node, `${operator} of a non-number`);
    const kind = operand.kind === 'float' ? 'float' : 'int';
    if (operator === '-') return { kind, value: -number, at };
    if (operator === '+') return { kind, value: number, at };
    if (operator === '~' && kind === 'int') return { kind, value: ~number, at };
    return this.unknownAt(node, `the operator ${operator} is not evaluated`);
  }

  /** `not` applied to the leftmost operand of an and/or chain (see unary). */
  private notOf(node: SyntaxNode, at: Location): Value {
    if (node.name === 'BinaryExpression') {
      const parts = childrenOf(node);
      const inner = parts.slice(1, -1).map((child) => this.text(child)).join(' ');
      if ((inner === 'and' || inner === 'or') && parts.length === 3) return this.logical(inner, () => this.notOf(parts[0], at), parts[2], at);
    }
    const operand = this.expr(node);
    const value = decide(operand);
    if (value === null && alternativesOf(operand)) return lifted([operand], ([one]) => this.unaryOperation('not', one, node, at), '`not` of a value of several paths', at)!;
    return value === null ? { ...unknownFrom(operand, 'not of an unknown value'), at } : { kind: 'bool', value: !value, at, env: operand.env };
  }

  /** Python's short-circuit `and`/`or`: the deciding operand itself, not a bool. */
  private logical(operator: string, left: () => Value, right: SyntaxNode, at: Location): Value {
    const first = left();
    const decided = decide(first);
    const paths = alternativesOf(first);
    if (decided === null && paths) {
      // One path per alternative of the left side: the right side is evaluated once, if some path needs it.
      let second: Value | null = null;
      const rightValue = () => (second ??= this.expr(right));
      const reason = `the left side of \`${operator}\` is one of several values`;
      return oneOf(
        paths.map((path) => {
          const truth = truthy(path);
          if (truth === null) return unknown(reason, at);
          return operator === 'and' ? (truth ? rightValue() : path) : truth ? path : rightValue();
        }),
        reason,
        at,
      );
    }
    if (decided === null) return { ...withoutAlternatives(unknownFrom(first, `the left side of \`${operator}\` is unknown`), at) };
    if (operator === 'and') return decided ? this.expr(right) : first;
    return decided ? first : this.expr(right);
  }

  private binaryExpression(node: SyntaxNode, at: Location): Value {
    const children = childrenOf(node);
    const left = children[0];
    const right = children[children.length - 1];
    const operator = children.slice(1, -1).map((child) => this.text(child)).join(' ');
    if (!left || !right || children.length < 3) return this.unknownAt(node, 'an expression that does not parse');
    if (operator === 'and' || operator === 'or') return this.logical(operator, () => this.expr(left), right, at);
    return this.binary(operator, this.expr(left), this.expr(right), node, at);
  }

  binary(operator: string, a: Value, b: Value, node: SyntaxNode, at: Location = this.loc(node)): Value {
    const paths = lifted([a, b], ([left, right]) => this.binary(operator, left, right, node, at), `\`${operator}\` on a value of several paths`, at);
    if (paths) return paths;
    if ((operator === 'in' || operator === 'not in') && b.kind === 'object' && b.name === 'os.environ') return this.environmentHas(operator, a, node, at);
    if (operator === '%' && a.kind === 'str') return this.percentFormat(a, b, node, at);
    const env = a.env ?? b.env ?? null;
    const result = binaryOperation(operator, a, b);
    if (result?.kind === 'str' && operator === '+' && a.kind === 'str' && b.kind === 'str') {
      const parts = normalParts([...partsOf(a), ...partsOf(b)]);
      return parts ? { ...result, at, env: firstRead(parts) ?? env, parts } : { ...result, at, env };
    }
    if (result === null) {
      if (a.kind === 'unknown') return { ...a, at };
      if (b.kind === 'unknown') return { ...b, at };
      return this.unknownAt(node, `\`${operator}\` on ${a.kind} and ${b.kind} is not evaluated`);
    }
    if (result.kind === 'unknown') return { ...result, at };
    return { ...result, at, env };
  }

  /** `"%s:%s" % (a, b)` with `%s`, `%d` and `%%` only, keeping where each part came from. */
  private percentFormat(format: Extract<Value, { kind: 'str' }>, args: Value, node: SyntaxNode, at: Location): Value {
    const values = args.kind === 'tuple' ? args.items : [args];
    let out = '';
    const parts: StringPart[] = [];
    let next = 0;
    const pattern = /%(%|s|d|r)/g;
    let cursor = 0;
    for (let match = pattern.exec(format.value); match; match = pattern.exec(format.value)) {
      const literal = format.value.slice(cursor, match.index) + (match[1] === '%' ? '%' : '');
      out += literal;
      parts.push({ length: literal.length, origin: format.env ? 'computed' : 'source', at: format.at ?? at });
      cursor = match.index + match[0].length;
      if (match[1] === '%') continue;
      const value = values[next++];
      if (!value) return this.unknownAt(node, 'a %-format with too few arguments (TypeError)', 'TypeError');
      const unset = unsetRead(value);
      if (unset) return this.unknownAt(node, unset);
      if (match[1] === 'd' && value.kind !== 'int' && value.kind !== 'bool') return this.unknownAt(node, '%d of a value that is not a known int');
      const text = match[1] === 'r' ? pythonRepr(value) : pythonStr(value);
      if (text === null) return value.kind === 'unknown' ? withoutAlternatives(value, at) : this.unknownAt(node, 'a %-format of an unknown value');
      out += text;
      if (value.kind === 'str' && match[1] === 's') parts.push(...partsOf(value));
      else parts.push(partOf(value, text, at));
    }
    if (/%/.test(format.value.slice(cursor)) || next !== values.length) return this.unknownAt(node, 'a %-format that is not evaluated');
    const rest = format.value.slice(cursor);
    out += rest;
    parts.push({ length: rest.length, origin: 'source', at: format.at ?? at });
    const folded = normalParts(parts);
    return folded ? { kind: 'str', value: out, at, env: firstRead(folded), parts: folded } : { kind: 'str', value: out, at };
  }

  /** `"X" in os.environ`: decided against production's environment, unknown without one. */
  private environmentHas(operator: string, key: Value, node: SyntaxNode, at: Location): Value {
    if (key.kind !== 'str') return this.unknownAt(node, `\`${operator} os.environ\` with a key that is not a known string`);
    const known = this.environmentKnown();
    const { value: source, unreadable } = this.environmentValue(key.value);
    const read: EnvRead = { variable: key.value, reader: `${operator} os.environ`, library: 'os', at, defaultAt: null, hasDefault: true, defaultValue: null, source, environmentKnown: known };
    if (this.scopes.length === 0 || this.current.path === this.path) this.ns.envReads.push(read);
    if (!known) return this.unknownAt(node, `whether production sets ${key.value} is not known: no production environment was found`);
    const present = source !== null || unreadable !== undefined;
    return { kind: 'bool', value: operator === 'in' ? present : !present, at };
  }

  private member(node: SyntaxNode, at: Location): Value {
    const children = childrenOf(node);
    const object = this.expr(children[0]);
    if (alternativesOf(object) && children[1]) {
      // `.lower()`, `[0]` on a value of several paths: followed on each.
      const paths = alternativesOf(object)!;
      if (children[1].name === '.') {
        const attribute = this.text(children[2] ?? children[1]);
        return oneOf(paths.map((path) => this.attribute(path, attribute, node, at)), object.kind === 'unknown' ? object.reason : '', at);
      }
    }
    if (children[1]?.name === '.') {
      const attribute = this.text(children[2] ?? children[1]);
      return this.attribute(object, attribute, node, at);
    }
    if (children[1]?.name === '[') {
      if (children.length !== 4) return this.unknownAt(node, 'a slice is not evaluated');
      return this.subscript(object, children[2], node, at);
    }
    return this.unknownAt(node, 'an expression that does not parse');
  }

  private attribute(object: Value, attribute: string, node: SyntaxNode, at: Location): Value {
    if (object.kind === 'object') {
      const name = `${object.name.replace(/^(module|class|func):/, '')}.${attribute}`;
      const known: Record<string, string> = {
        'os.environ': 'os.environ',
        'os.getenv': 'func:os.getenv',
        'os.path': 'module:os.path',
        'os.path.join': 'func:os.path.join',
        'os.path.dirname': 'func:os.path.dirname',
        'os.path.abspath': 'func:os.path.abspath',
        'os.path.exists': 'func:os.path.exists',
        'os.path.isfile': 'func:os.path.exists',
        'environ.Env': 'class:environ.Env',
        'pathlib.Path': 'class:pathlib.Path',
        'os.environ.get': 'method:os.environ.get',
        'os.environ.setdefault': 'method:os.environ.setdefault',
        'os.environ.keys': 'method:os.environ.keys',
        'django.utils.csp.CSP': 'class:django.utils.csp.CSP',
      };
      if (known[name]) return { kind: 'object', name: known[name], at };
      // Django 6's CSP is a StrEnum: its members are their strings (django/utils/csp.py of 6.1).
      if (object.name === 'class:django.utils.csp.CSP' && Object.hasOwn(CSP_MEMBERS, attribute)) return { kind: 'str', value: CSP_MEMBERS[attribute], at };
      const library = libraryAttribute(object.name, attribute);
      if (library) return { kind: 'object', name: library, at };
      if (object.name === 'env') return { kind: 'object', name: `env.${attribute}`, scheme: object.scheme, at };
      if (object.name === 'class:environ.Env' && attribute === 'read_env') return { kind: 'object', name: 'env.read_env', at };
      return this.unknownAt(node, `${name} is not known`);
    }
    if (object.kind === 'path') {
      if (attribute === 'parent') return { kind: 'path', value: posixDirname(object.value), at };
      if (attribute === 'name') return { kind: 'str', value: object.value.split('/').pop() ?? '', at };
    }
    if (object.kind === 'str' || object.kind === 'path' || object.kind === 'dict' || object.kind === 'list') {
      return { kind: 'object', name: `method:${object.kind}.${attribute}`, at, self: object };
    }
    if (object.kind === 'unknown') return withoutAlternatives(object, at);
    return this.unknownAt(node, `the attribute ${attribute} of a ${object.kind} is not evaluated`);
  }

  private subscript(object: Value, indexNode: SyntaxNode, node: SyntaxNode, at: Location): Value {
    if (object.kind === 'object' && object.name === 'os.environ') {
      const key = this.expr(indexNode);
      if (key.kind !== 'str') return this.unknownAt(node, 'os.environ[…] with a key that is not a known string');
      return this.envRead(key.value, 'os.environ[]', node, null, undefined, null);
    }
    const index = this.expr(indexNode);
    const result = subscriptValue(object, index);
    if (result === undefined) {
      if (object.kind === 'unknown') return withoutAlternatives(object, at);
      if (index.kind === 'unknown') return withoutAlternatives(index, at);
      return this.unknownAt(node, `${pythonRepr(index) ?? 'the key'} is not in the value (KeyError or IndexError)`, 'KeyError');
    }
    if (result === null) return this.unknownAt(node, 'subscript of a value whose keys are not all known');
    return result;
  }

  // ---- calls ----------------------------------------------------------------------------

  private args(argList: SyntaxNode): { positional: Value[]; keywords: Map<string, Value>; keywordNodes: Map<string, SyntaxNode>; positionalNodes: SyntaxNode[]; unsupported: boolean } {
    const positional: Value[] = [];
    const positionalNodes: SyntaxNode[] = [];
    const keywords = new Map<string, Value>();
    const keywordNodes = new Map<string, SyntaxNode>();
    let unsupported = false;
    const children = childrenOf(argList).filter((child) => !['(', ')', ','].includes(child.name));
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.name === '*' || child.name === '**') {
        unsupported = true;
        i++;
      } else if (child.name === 'VariableName' && children[i + 1]?.name === 'AssignOp' && children[i + 2]) {
        keywords.set(this.text(child), this.expr(children[i + 2]));
        keywordNodes.set(this.text(child), children[i + 2]);
        i += 2;
      } else if (child.name === 'ComprehensionExpression' || child.name === 'for') {
        unsupported = true;
      } else {
        positional.push(this.expr(child));
        positionalNodes.push(child);
      }
    }
    return { positional, keywords, keywordNodes, positionalNodes, unsupported };
  }

  private call(node: SyntaxNode, at: Location, given?: { callee: Value; args: ReturnType<ModuleEvaluator['args']> }): Value {
    const [calleeNode, argList] = childrenOf(node);
    if (!calleeNode || !argList || argList.name !== 'ArgList') return this.unknownAt(node, 'a call that does not parse');
    const callee = given?.callee ?? this.expr(calleeNode);
    const args = given?.args ?? this.args(argList);
    const callees = alternativesOf(callee);
    // A method of a value of several paths (`value.lower()`): called on each, with the arguments evaluated once.
    if (callees) return oneOf(callees.map((one) => this.call(node, at, { callee: one, args })), (callee as { reason: string }).reason, at);
    if (callee.kind === 'function') return this.callFunction(callee, args, node, at);
    if (callee.kind !== 'object') {
      if (callee.kind === 'unknown') return this.unknownAt(node, `\`${this.text(calleeNode)}(…)\` calls something unknown`);
      return this.unknownAt(node, `calling a ${callee.kind}`);
    }
    if (args.unsupported) return this.unknownAt(node, '*args or **kwargs in a call are not evaluated');
    const { positional, keywords } = args;
    const arg = (index: number, keyword: string): { value: Value; node: SyntaxNode } | undefined => {
      if (positional[index]) return { value: positional[index], node: args.positionalNodes[index] };
      const value = keywords.get(keyword);
      return value ? { value, node: args.keywordNodes.get(keyword)! } : undefined;
    };
    const name = callee.name;
    if (name === 'func:os.getenv' || name === 'method:os.environ.get') {
      const key = arg(0, name === 'func:os.getenv' ? 'key' : 'key');
      if (!key || key.value.kind !== 'str') return this.unknownAt(node, `${this.text(calleeNode)} with a variable name that is not a known string`);
      const fallback = arg(1, 'default');
      return this.envRead(key.value.value, name === 'func:os.getenv' ? 'os.getenv' : 'os.environ.get', node, fallback?.node ?? null, fallback ? fallback.value : { kind: 'none', at: null }, null, fallback !== undefined);
    }
    if (name === 'method:os.environ.setdefault') return this.unknownAt(node, 'os.environ.setdefault is not followed');
    // `k in os.environ.keys()` is `k in os.environ`.
    if (name === 'method:os.environ.keys' && positional.length === 0) return { kind: 'object', name: 'os.environ', at };
    if (name === 'class:environ.Env') {
      const scheme = new Map<string, { cast: string | null; default: Value | null }>();
      for (const [key, value] of keywords) {
        if (value.kind === 'tuple' && value.items.length >= 1) scheme.set(key, { cast: castName(value.items[0]), default: value.items[1] ?? null });
        else scheme.set(key, { cast: castName(value), default: null });
      }
      return { kind: 'object', name: 'env', scheme, at };
    }
    if (name === 'env' || name.startsWith('env.')) return this.environCall(callee, args, arg, node, at);
    if (name === 'class:pathlib.Path') {
      const parts = positional.map(pythonStr);
      if (parts.some((part) => part === null)) return this.unknownAt(node, 'Path() of an unknown value');
      return { kind: 'path', value: parts.length === 0 ? '.' : posixJoin(...(parts as string[])), at };
    }
    if (name === 'func:os.path.join') {
      const parts = positional.map(pythonStr);
      if (parts.some((part) => part === null)) return this.unknownAt(node, 'os.path.join of an unknown value');
      return { kind: 'str', value: posixJoin(...(parts as string[])), at };
    }
    if (name === 'func:os.path.exists') return this.fileExists(positional[0], node, at);
    if (name === 'func:os.path.dirname' || name === 'func:os.path.abspath') {
      const part = positional[0] ? pythonStr(positional[0]) : null;
      if (part === null) return this.unknownAt(node, `${name.slice(5)} of an unknown value`);
      return { kind: 'str', value: name.endsWith('dirname') ? posixDirname(part) : part, at };
    }
    if (name.startsWith('builtin:')) return this.builtin(name.slice(8), positional, keywords, node, at);
    if (name.startsWith('method:')) return this.method(callee, name, positional, node, at);
    // decouple, environs, dj-database-url, json/ast: settings/readers/.
    const library = libraryCall(callee, this.libraryContext(args, arg, node, at));
    if (library !== undefined) return library.at ? library : { ...library, at };
    return this.unknownAt(node, `${name.replace(/^\w+:/, '')}(…) is not evaluated`);
  }

  private callFunction(callee: Extract<Value, { kind: 'function' }>, args: ReturnType<ModuleEvaluator['args']>, node: SyntaxNode, at: Location): Value {
    const definition = callee.definition as FunctionDefinition;
    if (definition.unsupported) return this.unknownAt(node, `${callee.name}() is not followed: ${definition.unsupported}`);
    if (args.unsupported) return this.unknownAt(node, '*args or **kwargs in a call are not evaluated');
    if (this.callDepth >= MAX_CALL_DEPTH) return this.unknownAt(node, `${callee.name}() recurses too deep to follow`);
    const outermost = this.helperCall === null;
    if (outermost) this.helperCall = { at, budget: { steps: MAX_HELPER_STEPS, effects: new Set() }, reads: [] };
    const call = this.helperCall!;
    const readsBefore = call.reads.length;
    const saved = this.current;
    this.current = { python: definition.python, path: definition.path, lines: definition.lines as StatementLines };
    try {
      const scope = this.bindArguments(callee.name, definition, args, at);
      if (scope instanceof Map === false) return scope as Value;
      this.scopes.push(scope as Scope);
      this.callDepth++;
      let outcome;
      try {
        outcome = interpretHelper(this, definition, scope as Scope, call.budget);
      } finally {
        this.callDepth--;
        this.scopes.pop();
      }
      return this.helperResult(callee.name, outcome, call.reads.slice(readsBefore), at);
    } finally {
      this.current = saved;
      if (outermost) {
        this.helperCall = null;
        // A helper that changed module names in place (`MIDDLEWARE.append` inside it): those names are not followed.
        if (this.scopes.length === 0) {
          for (const name of call.budget.effects) {
            if (!this.ns.names.has(name)) continue;
            const reason = `${callee.name}() changes ${name} in place, which is not followed`;
            this.bind(name, unknown(reason, at), at);
            this.ns.trace.push({ at, note: reason });
          }
        }
      }
    }
  }

  /** The helper's local scope with its parameters bound as Python binds them; an unknown (TypeError) when the call does not fit. */
  private bindArguments(name: string, definition: FunctionDefinition, args: ReturnType<ModuleEvaluator['args']>, at: Location): Scope | Value {
    const scope: Scope = new Map();
    const positional = [...args.positional];
    const keywords = new Map(args.keywords);
    const typeError = (why: string) => unknown(`${name}() ${why} (TypeError)`, at, 'TypeError');
    for (const param of definition.params) {
      if (param.kind === 'rest') {
        scope.set(param.name, { kind: 'tuple', items: positional.splice(0), at: null });
        continue;
      }
      if (param.kind === 'keywords') {
        scope.set(param.name, { kind: 'dict', entries: [...keywords].map(([key, value]) => ({ key: { kind: 'str', value: key, at: null }, value })), at: null });
        keywords.clear();
        continue;
      }
      const byPosition = param.kind === 'positional' && positional.length > 0 ? positional.shift()! : undefined;
      const byKeyword = keywords.get(param.name);
      if (byPosition && byKeyword) return typeError(`got multiple values for ${param.name}`);
      keywords.delete(param.name);
      const given = byPosition ?? byKeyword;
      if (given) scope.set(param.name, given);
      else if (param.defaultNode) scope.set(param.name, this.expr(param.defaultNode));
      else return typeError(`is missing the argument ${param.name}`);
    }
    if (positional.length > 0) return typeError('takes fewer positional arguments');
    if (keywords.size > 0) return typeError(`got an unexpected keyword argument ${[...keywords.keys()][0]}`);
    return scope;
  }

  /**
   * What a call of a helper gives: what its paths return (alternatives where they differ), placed
   * at the call (the finding goes where the user changes it) with `via` the return in the helper.
   * A path decided by an unset variable keeps that read, so that "the default is on" is told.
   */
  private helperResult(name: string, outcome: ReturnType<typeof interpretHelper>, reads: EnvRead[], at: Location): Value {
    const callAt = this.helperCall?.at ?? at;
    for (const read of reads) read.call ??= callAt;
    if (outcome.abandoned) {
      const reason = `${name}() is not followed: ${outcome.abandoned}`;
      if (this.scopes.length === 0) this.ns.trace.push({ at, note: reason });
      return unknown(reason, at);
    }
    const unset = [...reads].reverse().find((read) => read.source === null && !this.host.unknownVariables.has(read.variable) && !read.reader.endsWith('os.environ'));
    if (outcome.returns.length === 0) {
      const raised = outcome.raises[0];
      if (!raised) return unknown(`${name}() returns nothing that is followed`, at);
      // Every path raises: called at top level outside a try, the settings do not load with the variable unset (DJ605 reports the read).
      if (unset && !unset.raisesWhenUnset && this.scopes.length === 0 && this.tryDepth === 0) unset.raisesWhenUnset = { exception: raised.exception, at: raised.at };
      return { ...unknown(`${name}() raises ${raised.exception}${unset ? ` when ${unset.variable} is unset` : ''}`, at, raised.exception), via: raised.at, env: unset ?? null };
    }
    const values = outcome.returns.map((path) => path.value);
    const result = values.length === 1 ? values[0] : oneOf(values, `${name}() returns a different value on each path`, at);
    const via = outcome.returns.length === 1 ? outcome.returns[0].at : null;
    if (result.kind === 'unknown') return { ...result, at, via };
    if (!result.env && unset && ['bool', 'int', 'float', 'str', 'none'].includes(result.kind)) {
      // `value = os.environ.get(name); if value is None: return default`: the value is that read's default.
      const read: EnvRead = { ...unset, reader: name, hasDefault: true, defaultAt: result.at ?? null, defaultValue: { ...result }, call: callAt };
      return { ...result, at, via, env: read };
    }
    return { ...result, at, via };
  }

  private builtin(name: string, positional: Value[], keywords: Map<string, Value>, node: SyntaxNode, at: Location): Value {
    if (positional.length === 1) {
      const paths = lifted(positional, (one) => this.builtin(name, one, keywords, node, at), `${name}() of a value of several paths`, at);
      if (paths) return paths;
    }
    const first = positional[0];
    const env = first?.env ?? null;
    const wrap = (value: Value | null, reason: string): Value => (value ? { ...value, at, env } : first?.kind === 'unknown' ? withoutAlternatives(first, at) : this.unknownAt(node, reason));
    switch (name) {
      case 'bool':
        if (!first) return { kind: 'bool', value: false, at };
        return wrap(truthy(first) === null ? null : { kind: 'bool', value: truthy(first)! }, 'bool() of an unknown value');
      case 'str':
        if (!first) return { kind: 'str', value: '', at };
        if (unsetRead(first)) return this.unknownAt(node, unsetRead(first)!);
        return wrap(pythonStr(first) === null ? null : { kind: 'str', value: pythonStr(first)! }, 'str() of an unknown value');
      case 'int': {
        if (!first) return { kind: 'int', value: 0, at };
        if (first.kind === 'int') return wrap(first, '');
        if (first.kind === 'bool') return wrap({ kind: 'int', value: Number(first.value) }, '');
        if (first.kind === 'float') return wrap({ kind: 'int', value: Math.trunc(first.value) }, '');
        if (first.kind === 'str' && positional.length === 1) {
          const parsed = environInt(first.value);
          return parsed === null ? this.unknownAt(node, `int(${pythonRepr(first)}) raises ValueError`, 'ValueError') : wrap({ kind: 'int', value: parsed }, '');
        }
        return wrap(null, 'int() of an unknown value');
      }
      case 'float': {
        if (!first) return { kind: 'float', value: 0, at };
        if (first.kind === 'int' || first.kind === 'float') return wrap({ kind: 'float', value: first.value }, '');
        if (first.kind === 'str' && /^\s*[+-]?(\d+(_\d+)*)?(\.\d*)?([eE][+-]?\d+)?\s*$/.test(first.value) && /\d/.test(first.value)) {
          return wrap({ kind: 'float', value: Number(first.value.replace(/_/g, '')) }, '');
        }
        return wrap(null, 'float() of an unknown value');
      }
      case 'list':
      case 'tuple':
      case 'set': {
        if (!first) return { kind: name, items: [], at };
        const items = iterableItems(first);
        return wrap(items ? { kind: name, items: name === 'set' ? dedupe(items) : items } : null, `${name}() of an unknown value`);
      }
      case 'dict': {
        if (positional.length > 0) return this.unknownAt(node, 'dict() of a positional argument is not evaluated');
        return { kind: 'dict', entries: [...keywords].map(([key, value]) => ({ key: { kind: 'str', value: key, at: null }, value })), at };
      }
      case 'len': {
        if (!first) return this.unknownAt(node, 'len() without an argument');
        const length = first.kind === 'str' || first.kind === 'bytes' ? [...first.value].length : iterableItems(first)?.length;
        return length === undefined || length === null ? wrap(null, 'len() of an unknown value') : { kind: 'int', value: length, at };
      }
      default:
        return this.unknownAt(node, `${name}() is not evaluated`);
    }
  }

  private method(callee: Extract<Value, { kind: 'object' }>, name: string, positional: Value[], node: SyntaxNode, at: Location): Value {
    const self = callee.self;
    const method = name.split('.').pop()!;
    if (!self) return this.unknownAt(node, `${name} is not evaluated`);
    const env = self.env ?? null;
    if (self.kind === 'str') {
      const text = self.value;
      const first = positional[0];
      const firstString = first && first.kind === 'str' ? first.value : null;
      switch (method) {
        case 'lower':
          return { kind: 'str', value: text.toLowerCase(), at, env };
        case 'upper':
          return { kind: 'str', value: text.toUpperCase(), at, env };
        case 'strip':
        case 'lstrip':
        case 'rstrip': {
          if (first && firstString === null) break;
          const chars = firstString ?? ' \t\n\r\x0b\x0c';
          let start = 0;
          let end = text.length;
          if (method !== 'rstrip') while (start < end && chars.includes(text[start])) start++;
          if (method !== 'lstrip') while (end > start && chars.includes(text[end - 1])) end--;
          return { kind: 'str', value: text.slice(start, end), at, env };
        }
        case 'split': {
          if (positional.length > 1) break;
          const parts = firstString === null ? (first ? null : text.split(/\s+/).filter(Boolean)) : firstString === '' ? null : text.split(firstString);
          if (!parts) break;
          return { kind: 'list', items: parts.map((part) => ({ kind: 'str', value: part, at })), at, env };
        }
        case 'startswith':
        case 'endswith': {
          if (firstString === null) break;
          return { kind: 'bool', value: method === 'startswith' ? text.startsWith(firstString) : text.endsWith(firstString), at, env };
        }
        case 'replace': {
          const second = positional[1];
          if (firstString === null || !second || second.kind !== 'str' || positional.length > 2) break;
          return { kind: 'str', value: text.split(firstString).join(second.value), at, env };
        }
        case 'format': {
          // Positional fields only (`{}`, `{0}`); keyword fields are not read.
          let out = '';
          const parts: StringPart[] = [];
          let auto = 0;
          let failed = false;
          const pattern = /\{\{|\}\}|\{(\d*)\}|[{}]/g;
          let cursor = 0;
          for (let match = pattern.exec(text); match && !failed; match = pattern.exec(text)) {
            const literal = text.slice(cursor, match.index) + (match[0] === '{{' ? '{' : match[0] === '}}' ? '}' : '');
            out += literal;
            parts.push({ length: literal.length, origin: self.env ? 'computed' : 'source', at: self.at ?? at });
            cursor = match.index + match[0].length;
            if (match[0] === '{{' || match[0] === '}}') continue;
            if (match[1] === undefined) failed = true;
            const value = positional[match[1] === '' ? auto++ : Number(match[1])];
            const shown = value && !unsetRead(value) ? pythonStr(value) : null;
            if (!value || shown === null) {
              failed = true;
              break;
            }
            out += shown;
            if (value.kind === 'str') parts.push(...partsOf(value));
            else parts.push(partOf(value, shown, at));
          }
          if (failed) break;
          const rest = text.slice(cursor);
          out += rest;
          parts.push({ length: rest.length, origin: self.env ? 'computed' : 'source', at: self.at ?? at });
          const folded = normalParts(parts);
          return folded ? { kind: 'str', value: out, at, env: firstRead(folded), parts: folded } : { kind: 'str', value: out, at };
        }
        case 'join': {
          const items = first ? iterableItems(first) : null;
          if (!items) break;
          const strings = items.map((item) => (item.kind === 'str' ? item.value : null));
          if (strings.includes(null)) break;
          return { kind: 'str', value: strings.join(text), at };
        }
      }
    }
    if (self.kind === 'dict' && method === 'get') {
      const key = positional[0];
      if (!key || key.kind !== 'str') return this.unknownAt(node, 'dict.get of an unknown key');
      const found = dictGet(self, key.value);
      if (found === null) return this.unknownAt(node, 'dict.get on a dict whose keys are not all known');
      return found ?? positional[1] ?? { kind: 'none', at };
    }
    if (self.kind === 'path' && (method === 'resolve' || method === 'absolute')) return { ...self, at };
    if (self.kind === 'path' && (method === 'exists' || method === 'is_file') && positional.length === 0) return this.fileExists(self, node, at);
    if (self.kind === 'path' && method === 'joinpath') {
      const parts = positional.map(pythonStr);
      if (parts.includes(null)) return this.unknownAt(node, 'joinpath of an unknown value');
      return { kind: 'path', value: posixJoin(self.value, ...(parts as string[])), at };
    }
    return this.unknownAt(node, `${self.kind}.${method}() is not evaluated`);
  }

  /**
   * `os.path.exists(p)` / `Path.exists()` of a path the project can answer for: False for a file
   * the repository lacks or git ignores (production does not have it), noted like an optional
   * import when it is a Python module (`if os.path.exists(…/local.py): from .local import *`).
   */
  private fileExists(path: Value | undefined, node: SyntaxNode, at: Location): Value {
    const text = path ? pythonStr(path) : null;
    if (text === null || !text.startsWith('/')) return this.unknownAt(node, 'whether a file exists, for a path that is not a known absolute path, is not known');
    const answer = JSON.parse(this.askHost({ kind: 'file', path: posixJoin(text) })) as MissingFile | { state: 'present'; file: string } | null;
    if (!answer) return this.unknownAt(node, `whether ${text} exists in production is not known`);
    if (answer.state === 'present') return { kind: 'bool', value: true, at };
    if (/\.py$/.test(text) && this.scopes.length === 0) this.ns.optionalModules.push({ state: answer.state, file: answer.file, at });
    return { kind: 'bool', value: false, at };
  }

  /** `env(...)`, `env.bool(...)`, … on a django-environ Env, with its scheme. */
  private environCall(
    callee: Extract<Value, { kind: 'object' }>,
    args: ReturnType<ModuleEvaluator['args']>,
    arg: (index: number, keyword: string) => { value: Value; node: SyntaxNode } | undefined,
    node: SyntaxNode,
    at: Location,
  ): Value {
    const method = callee.name === 'env' ? null : callee.name.slice(4);
    if (method === 'read_env') {
      this.ns.trace.push({ at, note: 'read_env() loads a .env file at run time; its values are not added to production\'s environment' });
      return { kind: 'none', at };
    }
    const casts: Record<string, string> = { bool: 'bool', int: 'int', float: 'float', str: 'str', list: 'list', tuple: 'tuple', db: 'db', db_url: 'db', cache: 'cache', cache_url: 'cache', json: 'json', url: 'url', path: 'path', dict: 'dict', email: 'email', email_url: 'email', search_url: 'search' };
    if (method !== null && !(method in casts)) return this.unknownAt(node, `env.${method}() is not evaluated`);
    const defaultVariable: Record<string, string> = { db: 'DATABASE_URL', cache: 'CACHE_URL', email: 'EMAIL_URL', search: 'SEARCH_URL' };
    let variable = arg(0, 'var');
    let cast: string | null = method ? casts[method] : null;
    const explicitCast = method === null ? arg(1, 'cast') : undefined;
    if (explicitCast) cast = castName(explicitCast.value);
    const fallback = method === null ? (args.positional.length > 2 ? { value: args.positional[2], node: args.positionalNodes[2] } : arg(99, 'default')) : arg(1, 'default');
    if (!variable && cast && defaultVariable[cast]) variable = { value: { kind: 'str', value: defaultVariable[cast], at: null }, node };
    if (!variable || variable.value.kind !== 'str') return this.unknownAt(node, 'an env read whose variable name is not a known string');
    const scheme = callee.scheme?.get(variable.value.value);
    if (scheme && cast === null) cast = scheme.cast;
    let defaultValue: Value | undefined = fallback?.value;
    if (defaultValue === undefined && scheme?.default) defaultValue = scheme.default;
    // django-environ's smart cast: with no cast, the default's type decides.
    if (cast === null && defaultValue && ['bool', 'int', 'float', 'list', 'tuple', 'dict'].includes(defaultValue.kind)) cast = defaultValue.kind;
    const reader = method === null ? 'env' : `env.${method}`;
    return this.envRead(variable.value.value, reader, node, fallback?.node ?? null, defaultValue, cast, defaultValue !== undefined);
  }

  /** What the env libraries' calls (settings/readers/library.ts) need of the evaluator. */
  private libraryContext(
    args: ReturnType<ModuleEvaluator['args']>,
    arg: (index: number, keyword: string) => { value: Value; node: SyntaxNode } | undefined,
    node: SyntaxNode,
    at: Location,
  ): LibraryContext {
    return {
      arg,
      keywords: args.keywords,
      positional: args.positional,
      read: (variable, reader, fallback, conversion, implicitDefault) =>
        this.envRead(variable, reader, node, fallback?.node ?? null, fallback?.value ?? implicitDefault, null, fallback !== undefined || implicitDefault !== undefined, conversion),
      unknown: (reason, raises) => this.unknownAt(node, reason, raises),
      callerDirectory: posixDirname(this.current.path),
      repository: (directory) => this.repository(directory),
      trace: (note) => {
        if (this.scopes.length === 0) this.ns.trace.push({ at, note });
      },
    };
  }

  /**
   * An env read: production's value when the environment has it, else the default, else what
   * Python would do with an empty environment (None, or a KeyError / ImproperlyConfigured).
   * `conversion`: how an env library (settings/readers/) makes the value.
   */
  private envRead(
    variable: string,
    reader: string,
    node: SyntaxNode,
    defaultNode: SyntaxNode | null,
    defaultValue: Value | undefined,
    cast: string | null,
    hasDefault = defaultValue !== undefined,
    conversion?: LibraryConversion,
  ): Value {
    const at = this.loc(node);
    const known = this.environmentKnown();
    const seen = this.environmentValue(variable);
    const unreadable = seen.unreadable;
    // decouple reads its repository file when os.environ lacks the variable.
    const fallback = !seen.value && !unreadable && conversion?.repository ? conversion.repository(variable) : null;
    const source = seen.value ?? (fallback && fallback !== 'unknown' ? fallback : null);
    // decouple casts its default: the read's default is the value it gives.
    const shownDefault = hasDefault && defaultValue ? (conversion?.library === 'decouple' ? conversion.fromDefault(defaultValue) : defaultValue) : null;
    const read: EnvRead = {
      variable,
      reader,
      library: conversion?.library ?? (reader.startsWith('env') ? 'django-environ' : 'os'),
      at,
      defaultAt: defaultNode ? this.loc(defaultNode) : null,
      hasDefault,
      defaultValue: shownDefault && shownDefault.kind !== 'unknown' ? { ...shownDefault, at: shownDefault.at ?? defaultValue?.at ?? null } : shownDefault,
      source,
      environmentKnown: known,
    };
    if (this.scopes.length === 0 || this.current.path === this.path) this.ns.envReads.push(read);
    this.helperCall?.reads.push(read);
    if (unreadable) return { ...unknown(`production sets ${variable} from ${unreadable}, whose value cannot be read`, at), env: read };
    if (conversion) {
      if (fallback === 'unknown') return { ...unknown(`${reader}("${variable}") may come from ${conversion.repositoryName ?? 'a file'} production has, which is not read`, at), env: read };
      if (source) return { ...conversion.fromEnvironment(source.value), at, env: read };
      if (hasDefault && defaultValue) return { ...(conversion.library === 'decouple' ? shownDefault! : conversion.fromDefault(defaultValue)), at, env: read };
      const why = known ? `${variable} is set by no env source of production` : 'no production environment is known';
      return { ...unknown(`${reader}("${variable}") has no default and ${why}: loading the settings raises ${conversion.raises}`, at, conversion.raises), env: read };
    }
    const django = reader.startsWith('env');
    if (source) {
      let raw = source.value;
      if (django && raw.startsWith('$')) {
        // django-environ reads `$NAME` as another variable's value.
        const proxied = this.environmentValue(raw.slice(1)).value;
        if (!proxied) return { ...unknown(`${variable}=${raw} names another variable that production's environment lacks`, at), env: read };
        raw = proxied.value;
      }
      if (django && defaultValue && defaultValue.kind === 'str' && defaultValue.value === raw) {
        // django-environ returns a value equal to the default without parsing it.
        return { kind: 'str', value: raw, at, env: read };
      }
      const value = django ? castEnvironValue(raw, cast) : ({ kind: 'str', value: raw } as Value);
      return { ...value, at, env: read };
    }
    if (hasDefault && defaultValue) {
      // A default is returned as written: django-environ does not parse it (except env.db/env.cache URLs).
      if (django && (cast === 'db' || cast === 'cache') && defaultValue.kind === 'str') return { ...castEnvironValue(defaultValue.value, cast), at, env: read };
      return { ...defaultValue, at, env: read };
    }
    if (reader === 'os.getenv' || reader === 'os.environ.get') return { kind: 'none', at, env: read };
    const exception = reader === 'os.environ[]' ? 'KeyError' : 'ImproperlyConfigured';
    const why = known ? `${variable} is set by no env source of production` : 'no production environment is known';
    return { ...unknown(`${reader}("${variable}") has no default and ${why}: loading the settings raises ${exception}`, at, exception), env: read };
  }
}

// ---- pure helpers ---------------------------------------------------------------------
const BUILTINS = new Set(['bool', 'int', 'str', 'float', 'list', 'tuple', 'set', 'dict', 'len']);
/** Python's other builtins: not evaluated, but defined (reading one is no NameError). */
const PYTHON_BUILTINS = new Set(
  ('open print isinstance getattr hasattr setattr max min sorted reversed any all repr range enumerate zip map filter iter next abs round sum type object super id hash format vars callable locals ' +
    'Exception BaseException ValueError KeyError TypeError RuntimeError OSError IOError FileNotFoundError ImportError ModuleNotFoundError AttributeError NotImplementedError LookupError IndexError AssertionError')
    .split(' '),
);
