/**
 * Module-level helpers (`def env_bool(name, default=False): …`) interpreted on the values they
 * are called with: local assignments, if/elif/else, early return, raise, try/except, `for` over
 * known iterables and calls to other helpers. Each path is followed; a path that raises yields no
 * value; what the paths return is one value or alternatives (see alternatives.ts). Past a step
 * budget, or on a form that is not followed (while, nested def, global), the result is unknown.
 */
import type { SyntaxNode } from '@lezer/common';
import { childrenOf } from '../parse/python';
import type { PythonFile } from '../parse/python';
import { alternativesOf, decide, oneOf } from './alternatives';
import { iterableItems } from './operations';
import { catches, ifBranches, tryClauses } from './syntax';
import { containsUnknown, unknown } from './value';
import type { Location, Value } from './value';

export type Scope = Map<string, Value>;

export interface Parameter {
  name: string;
  defaultNode: SyntaxNode | null;
  /** `*args` collects extra positional arguments, `**kwargs` extra keywords; after `*` a parameter is keyword-only. */
  kind: 'positional' | 'keyword' | 'rest' | 'keywords';
}

export interface FunctionDefinition {
  params: Parameter[];
  /** The statements of its body (docstring dropped). */
  body: SyntaxNode[];
  /** Why calls are not followed (a decorator, a form of parameter list), or null. */
  unsupported: string | null;
  python: PythonFile;
  /** The defining module: a helper's free names resolve in its namespace when called (late, as in Python). */
  path: string;
  /** Lines of the top-level statement that defines it, for the locations of its body's nodes (StatementLines). */
  lines: { readonly root: unknown };
}

/** What the interpreter needs of the evaluator: expressions and simple statements in the current local scope. */
export interface HelperHost {
  expr(node: SyntaxNode): Value;
  text(node: SyntaxNode): string;
  loc(node: SyntaxNode): Location;
  /** Runs an assignment, augmented assignment, expression or import statement in the innermost scope; the exception it raises, else null. */
  simpleStatement(node: SyntaxNode): string | null;
  /** Makes `scope` the innermost local scope (paths fork into copies). */
  useScope(scope: Scope): void;
}

/** The budget shared by a top-level call and every helper it calls. */
export interface CallBudget {
  steps: number;
  /** Module names a helper changes in place (`MIDDLEWARE.append` without a local MIDDLEWARE): unknown after the call. */
  effects: Set<string>;
}

export const MAX_HELPER_STEPS = 2000;

export interface HelperOutcome {
  /** What the helper returns on the paths that return; empty when every path raises. */
  returns: { value: Value; at: Location }[];
  raises: { exception: string; at: Location }[];
  /** Why the body is not followed, when it is not. */
  abandoned: string | null;
}

type Exit =
  | { kind: 'return'; value: Value; at: Location }
  | { kind: 'raise'; exception: string; at: Location; scope: Scope }
  | { kind: 'break' | 'continue'; scope: Scope };

interface Flow {
  exits: Exit[];
  /** The scope after the statement when some path goes on; null when none does. */
  next: Scope | null;
}

class Abandon extends Error {}

const MUTATING_METHODS = new Set(['append', 'insert', 'extend', 'remove', 'update', 'pop', 'clear', 'add', 'discard', 'setdefault', 'sort', 'reverse']);

/** Runs a helper's body on its bound arguments. */
export function interpretHelper(host: HelperHost, definition: FunctionDefinition, scope: Scope, budget: CallBudget): HelperOutcome {
  const interpreter = new Interpreter(host, budget);
  try {
    const flow = interpreter.block(definition.body, scope);
    const returns: HelperOutcome['returns'] = [];
    const raises: HelperOutcome['raises'] = [];
    for (const exit of flow.exits) {
      if (exit.kind === 'return') returns.push({ value: exit.value, at: exit.at });
      else if (exit.kind === 'raise') raises.push({ exception: exit.exception, at: exit.at });
    }
    // Falling off the end returns None.
    if (flow.next) returns.push({ value: { kind: 'none', at: null }, at: host.loc(definition.body[definition.body.length - 1] ?? definition.body[0]) });
    return { returns, raises, abandoned: null };
  } catch (error) {
    if (!(error instanceof Abandon)) throw error;
    return { returns: [], raises: [], abandoned: error.message };
  }
}

class Interpreter {
  constructor(
    private readonly host: HelperHost,
    private readonly budget: CallBudget,
  ) {}

  block(statements: SyntaxNode[], scope: Scope): Flow {
    const exits: Exit[] = [];
    let live: Scope | null = scope;
    for (const statement of statements) {
      if (!live) break;
      const flow = this.statement(statement, live);
      exits.push(...flow.exits);
      live = flow.next;
    }
    return { exits, next: live };
  }

  private body(node: SyntaxNode, scope: Scope): Flow {
    return this.block(bodyStatements(node), scope);
  }

  private statement(node: SyntaxNode, scope: Scope): Flow {
    if (--this.budget.steps < 0) throw new Abandon('it runs more steps than are followed');
    const host = this.host;
    switch (node.name) {
      case 'Comment':
      case 'PassStatement':
      case ':':
        return { exits: [], next: scope };
      case 'StatementGroup':
        return this.block(childrenOf(node).filter((child) => child.name !== ';'), scope);
      case 'AssignStatement':
      case 'UpdateStatement':
      case 'ExpressionStatement':
      case 'ImportStatement': {
        this.noteEffects(node, scope);
        host.useScope(scope);
        const raised = host.simpleStatement(node);
        return raised ? { exits: [{ kind: 'raise', exception: raised, at: host.loc(node), scope }], next: null } : { exits: [], next: scope };
      }
      case 'ReturnStatement': {
        const expression = childrenOf(node).find((child) => child.name !== 'return');
        host.useScope(scope);
        const value: Value = expression ? host.expr(expression) : { kind: 'none', at: host.loc(node) };
        // A returned expression that raises (`return os.environ[name]`, unset) is a raising path.
        if (value.kind === 'unknown' && value.raises && !value.alternatives) return { exits: [{ kind: 'raise', exception: value.raises, at: host.loc(node), scope }], next: null };
        return { exits: [{ kind: 'return', value, at: host.loc(node) }], next: null };
      }
      case 'RaiseStatement':
        return { exits: [{ kind: 'raise', exception: this.exceptionName(node), at: host.loc(node), scope }], next: null };
      case 'IfStatement':
        return this.ifStatement(node, scope);
      case 'TryStatement':
        return this.tryStatement(node, scope);
      case 'ForStatement':
        return this.forStatement(node, scope);
      case 'WithStatement':
        return this.withStatement(node, scope);
      case 'BreakStatement':
        return { exits: [{ kind: 'break', scope }], next: null };
      case 'ContinueStatement':
        return { exits: [{ kind: 'continue', scope }], next: null };
      case 'DeleteStatement':
        for (const target of childrenOf(node)) if (target.name === 'VariableName') scope.delete(host.text(target));
        return { exits: [], next: scope };
      case 'AssertStatement': {
        const condition = childrenOf(node).find((child) => child.name !== 'assert');
        host.useScope(scope);
        if (condition && decide(host.expr(condition)) === false) return { exits: [{ kind: 'raise', exception: 'AssertionError', at: host.loc(node), scope }], next: null };
        return { exits: [], next: scope };
      }
      case 'ScopeStatement':
        throw new Abandon('it assigns module names (`global`)');
      default:
        throw new Abandon(`${node.name.replace(/Statement|Definition/, '').toLowerCase() || 'this statement'} blocks in a helper are not followed`);
    }
  }

  /** `MIDDLEWARE.append(…)` or `X[k] = …` on a name that is not local changes the module's value in place. */
  private noteEffects(node: SyntaxNode, scope: Scope): void {
    let target: SyntaxNode | null = null;
    if (node.name === 'ExpressionStatement') {
      const call = node.firstChild;
      const callee = call?.name === 'CallExpression' ? call.firstChild : null;
      if (callee?.name === 'MemberExpression') {
        const parts = childrenOf(callee);
        const method = parts[parts.length - 1];
        if (method?.name === 'PropertyName' && MUTATING_METHODS.has(this.host.text(method))) target = parts[0];
      }
    } else if (node.name === 'AssignStatement' || node.name === 'UpdateStatement') {
      const first = node.firstChild;
      if (first?.name === 'MemberExpression') target = first;
    }
    while (target && target.name === 'MemberExpression') target = target.firstChild;
    if (target?.name === 'VariableName') {
      const name = this.host.text(target);
      if (!scope.has(name)) this.budget.effects.add(name);
    }
  }

  private exceptionName(node: SyntaxNode): string {
    const expression = childrenOf(node).find((child) => child.name !== 'raise');
    if (!expression) return 'Exception';
    const callee = expression.name === 'CallExpression' ? expression.firstChild! : expression;
    return this.host.text(callee).split('.').pop() || 'Exception';
  }

  private ifStatement(node: SyntaxNode, scope: Scope): Flow {
    const branches = ifBranches(node);
    if (!branches) throw new Abandon('it does not parse');
    // Decided in order; from the first undecided condition on, every remaining branch is a path.
    const pending: SyntaxNode[] = [];
    let forked = false;
    let hasElse = false;
    for (const branch of branches) {
      if (!forked) {
        if (!branch.condition) return this.body(branch.body, scope);
        this.host.useScope(scope);
        const condition = this.host.expr(branch.condition);
        if (condition.kind === 'unknown' && condition.raises && !condition.alternatives) {
          return { exits: [{ kind: 'raise', exception: condition.raises, at: this.host.loc(branch.condition), scope }], next: null };
        }
        const decided = decide(condition);
        if (decided === true) return this.body(branch.body, scope);
        if (decided === false) continue;
        forked = true;
      }
      if (!branch.condition) hasElse = true;
      pending.push(branch.body);
    }
    if (!forked) return { exits: [], next: scope };
    const flows = pending.map((body) => this.body(body, new Map(scope)));
    const nexts = flows.map((flow) => flow.next).filter((next): next is Scope => next !== null);
    if (!hasElse) nexts.push(new Map(scope));
    return { exits: flows.flatMap((flow) => flow.exits), next: merged(nexts) };
  }

  private tryStatement(node: SyntaxNode, scope: Scope): Flow {
    const clauses = tryClauses(node, (item) => this.host.text(item));
    if (!clauses) throw new Abandon('a try statement that does not parse');
    const { body: tryBody, handlers, elseBody, finallyBody } = clauses;
    const before = new Map(scope);
    const flow = this.body(tryBody, scope);
    const exits: Exit[] = [];
    const nexts: Scope[] = [];
    for (const exit of flow.exits) {
      const handler = exit.kind === 'raise' ? handlers.find((candidate) => candidate.types.length === 0 || candidate.types.some((type) => catches(type, exit.exception))) : undefined;
      if (exit.kind !== 'raise' || !handler) {
        exits.push(exit);
        continue;
      }
      const handled = this.body(handler.body, new Map(exit.scope));
      exits.push(...handled.exits);
      if (handled.next) nexts.push(handled.next);
    }
    let next = flow.next;
    // An unknown the body computed (an int() of an env value not known) may have raised: the first handler is a path too.
    const unsure = (next && [...next].some(([name, value]) => before.get(name) !== value && value.kind === 'unknown' && !value.alternatives)) || flow.exits.some((exit) => exit.kind === 'return' && exit.value.kind === 'unknown' && !exit.value.alternatives);
    if (unsure && handlers.length > 0) {
      const handled = this.body(handlers[0].body, new Map(before));
      exits.push(...handled.exits);
      if (handled.next) nexts.push(handled.next);
    }
    if (next && elseBody) {
      const otherwise = this.body(elseBody, next);
      exits.push(...otherwise.exits);
      next = otherwise.next;
    }
    if (next) nexts.push(next);
    let after = merged(nexts);
    if (finallyBody && after) {
      const last = this.body(finallyBody, after);
      exits.push(...last.exits);
      after = last.next;
    }
    return { exits, next: after };
  }

  private forStatement(node: SyntaxNode, scope: Scope): Flow {
    const children = childrenOf(node);
    const inAt = children.findIndex((child) => child.name === 'in');
    const bodies = children.filter((child) => child.name === 'Body');
    const target = children[1];
    if (inAt < 0 || !target || bodies.length === 0 || target.name !== 'VariableName') throw new Abandon('a for loop of a form that is not followed');
    this.host.useScope(scope);
    const iterable = this.host.expr(children[inAt + 1]);
    const items = knownItems(iterable);
    if (!items) throw new Abandon(`it loops over ${iterable.kind === 'unknown' ? 'a value that is not known' : `a ${iterable.kind}`}`);
    const name = this.host.text(target);
    const exits: Exit[] = [];
    const broken: Scope[] = [];
    let live: Scope | null = scope;
    for (const item of items) {
      if (!live) break;
      live.set(name, item);
      const flow = this.body(bodies[0], live);
      const continued: Scope[] = flow.next ? [flow.next] : [];
      for (const exit of flow.exits) {
        if (exit.kind === 'break') broken.push(exit.scope);
        else if (exit.kind === 'continue') continued.push(exit.scope);
        else exits.push(exit);
      }
      live = merged(continued);
    }
    if (live && bodies[1]) {
      const otherwise = this.body(bodies[1], live);
      exits.push(...otherwise.exits);
      live = otherwise.next;
    }
    return { exits, next: merged([...(live ? [live] : []), ...broken]) };
  }

  /** `with open(path) as f:` reads a file at run time: what its body returns or assigns is unknown. */
  private withStatement(node: SyntaxNode, scope: Scope): Flow {
    const body = childrenOf(node).find((child) => child.name === 'Body');
    const reason = `\`${this.host.text(node).split('\n')[0].replace(/:\s*$/, '')}\` is not followed (a file read at run time, maybe)`;
    const exits: Exit[] = [];
    if (body && containsNode(body, 'ReturnStatement')) exits.push({ kind: 'return', value: unknown(reason, this.host.loc(node)), at: this.host.loc(node) });
    const statements = body ? bodyStatements(body) : [];
    // A body that ends in `return` does not go on.
    if (statements[statements.length - 1]?.name === 'ReturnStatement') return { exits, next: null };
    const next = new Map(scope);
    for (const name of assignedLocals(node, this.host)) next.set(name, unknown(reason, this.host.loc(node)));
    return { exits, next };
  }
}

/** The scope after paths join: a name is one value per path (alternatives) where they differ. */
function merged(scopes: Scope[]): Scope | null {
  if (scopes.length === 0) return null;
  if (scopes.length === 1) return scopes[0];
  const out: Scope = new Map();
  const names = new Set(scopes.flatMap((scope) => [...scope.keys()]));
  for (const name of names) {
    const values = scopes.map((scope) => scope.get(name));
    const first = values[0];
    if (first !== undefined && values.every((value) => value === first)) out.set(name, first);
    else out.set(name, oneOf(values.map((value) => value ?? unknown(`${name} is not assigned on every path`)), `${name} differs between the helper's paths`));
  }
  return out;
}

export function bodyStatements(body: SyntaxNode): SyntaxNode[] {
  return childrenOf(body).filter((child) => child.name !== ':' && child.name !== 'Comment');
}

/** What `for` iterates over: only a value known on every path. */
function knownItems(value: Value): Value[] | null {
  if (alternativesOf(value) || containsUnknown(value)) return null;
  return iterableItems(value);
}

function containsNode(node: SyntaxNode, name: string): boolean {
  const cursor = node.cursor();
  const end = node.to;
  do {
    if (cursor.name === name) return true;
  } while (cursor.next() && cursor.from < end);
  return false;
}

function assignedLocals(node: SyntaxNode, host: HelperHost): string[] {
  const names: string[] = [];
  const cursor = node.cursor();
  const end = node.to;
  do {
    if (cursor.name === 'AssignStatement' || cursor.name === 'UpdateStatement') {
      const first = cursor.node.firstChild;
      if (first?.name === 'VariableName') names.push(host.text(first));
    }
    if (cursor.name === 'as') {
      const next = cursor.node.nextSibling;
      if (next?.name === 'VariableName') names.push(host.text(next));
    }
  } while (cursor.next() && cursor.from < end);
  return names;
}
