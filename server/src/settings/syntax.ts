/** What the evaluator reads off @lezer/python's tree: names a statement binds, dotted names, error nodes, numbers. */
import type { SyntaxNode } from '@lezer/common';

import { PythonFile, childrenOf, nodeText } from '../parse/python';

import {
  Location,
  Value,
} from './value';

export function describeNode(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace('⚠', 'a syntax error');
}

export function hasError(node: SyntaxNode): boolean {
  const cursor = node.cursor();
  const end = node.to;
  do {
    if (cursor.type.isError) return true;
  } while (cursor.next() && cursor.from < end);
  return false;
}

/** Whether any node of the subtree is a syntax error, zero-width ones at its very end included. */
export function containsError(node: SyntaxNode): boolean {
  const cursor = node.cursor();
  if (cursor.type.isError) return true;
  if (!cursor.firstChild()) return false;
  let depth = 1;
  for (;;) {
    if (cursor.type.isError) return true;
    if (cursor.firstChild()) {
      depth++;
      continue;
    }
    while (!cursor.nextSibling()) {
      if (--depth === 0 || !cursor.parent()) return false;
    }
  }
}

export function catches(handlerType: string, exception: string): boolean {
  if (handlerType === exception || handlerType === 'Exception' || handlerType === 'BaseException') return true;
  if (handlerType === 'ImportError' && exception === 'ModuleNotFoundError') return true;
  return handlerType === 'LookupError' && exception === 'KeyError';
}

/** Names a statement may bind at top level: assignment targets, mutated names, imports, defs. */
export function assignedNames(node: SyntaxNode, python: PythonFile, options: { calls?: boolean } = {}): Set<string> {
  const names = new Set<string>();
  const visit = (current: SyntaxNode): void => {
    if (current.name === 'AssignStatement' || current.name === 'UpdateStatement') {
      for (const child of childrenOf(current)) {
        if (child.name === 'AssignOp' || child.name === 'UpdateOp') break;
        const root = child.name === 'VariableName' ? nodeText(python, child) : child.name === 'MemberExpression' ? rootName(child, python) : null;
        if (root) names.add(root);
        if (child.name === 'TupleExpression' || child.name === 'ArrayExpression') for (const item of childrenOf(child)) if (item.name === 'VariableName') names.add(nodeText(python, item));
      }
    }
    if (current.name === 'NamedExpression' && current.firstChild?.name === 'VariableName') names.add(nodeText(python, current.firstChild));
    if (current.name === 'CallExpression' && options.calls !== false) {
      const callee = current.firstChild;
      if (callee?.name === 'MemberExpression') {
        const root = rootName(callee, python);
        if (root) names.add(root);
      }
    }
    if (current.name === 'FunctionDefinition' || current.name === 'ClassDefinition') {
      const name = childrenOf(current).find((child) => child.name === 'VariableName');
      if (name) names.add(nodeText(python, name));
      return;
    }
    if ((current.name === 'ForStatement' || current.name === 'WithStatement') && current.firstChild) {
      for (const child of childrenOf(current)) {
        if (child.name === 'Body') break;
        if (child.name === 'VariableName') names.add(nodeText(python, child));
      }
    }
    for (const child of childrenOf(current)) visit(child);
  };
  visit(node);
  return names;
}

export function rootName(node: SyntaxNode, python: PythonFile): string | null {
  let current: SyntaxNode | null = node;
  while (current && (current.name === 'MemberExpression' || current.name === 'CallExpression')) current = current.firstChild;
  return current?.name === 'VariableName' ? nodeText(python, current) : null;
}

export function dottedName(node: SyntaxNode, python: PythonFile): string | null {
  if (node.name === 'VariableName') return nodeText(python, node);
  if (node.name === 'MemberExpression') {
    const children = childrenOf(node);
    if (children[1]?.name !== '.') return null;
    const left = dottedName(children[0], python);
    return left === null ? null : `${left}.${nodeText(python, children[2])}`;
  }
  if (node.name === 'CallExpression') {
    const left = dottedName(node.firstChild!, python);
    return left === null ? null : `${left}()`;
  }
  return null;
}

export function numberValue(text: string, at: Location): Value | null {
  const clean = text.replace(/_/g, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(clean)) return { kind: 'int', value: parseInt(clean.slice(2), 16), at };
  if (/^0[oO][0-7]+$/.test(clean)) return { kind: 'int', value: parseInt(clean.slice(2), 8), at };
  if (/^0[bB][01]+$/.test(clean)) return { kind: 'int', value: parseInt(clean.slice(2), 2), at };
  if (/^\d+$/.test(clean)) return { kind: 'int', value: Number(clean), at };
  if (/^(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/.test(clean)) return { kind: 'float', value: Number(clean), at };
  return null;
}

/** Python's str() of a known value. */

/** An `if`/`elif`/`else` arm: its condition (null for `else`) and its body. */
export interface IfBranch {
  condition: SyntaxNode | null;
  body: SyntaxNode;
}

/** The arms of an if statement in order; null when the statement does not parse. */
export function ifBranches(node: SyntaxNode): IfBranch[] | null {
  const children = childrenOf(node);
  const branches: IfBranch[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if ((child.name === 'if' || child.name === 'elif') && children[i + 2]?.name === 'Body') {
      branches.push({ condition: children[i + 1], body: children[i + 2] });
      i += 2;
    } else if (child.name === 'else' && children[i + 1]?.name === 'Body') {
      branches.push({ condition: null, body: children[i + 1] });
      i += 1;
    } else if (child.name === '⚠') return null;
  }
  return branches;
}

/** A try statement's parts: each handler with the exception types it names (none: a bare `except:`). */
export interface TryClauses {
  body: SyntaxNode;
  handlers: { types: string[]; body: SyntaxNode }[];
  elseBody: SyntaxNode | null;
  finallyBody: SyntaxNode | null;
}

/** The clauses of a try statement; null when it has no body. `text` reads a node's source. */
export function tryClauses(node: SyntaxNode, text: (node: SyntaxNode) => string): TryClauses | null {
  const children = childrenOf(node);
  const body = children.find((child) => child.name === 'Body');
  if (!body) return null;
  const handlers: TryClauses['handlers'] = [];
  let elseBody: SyntaxNode | null = null;
  let finallyBody: SyntaxNode | null = null;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child.name === 'except') {
      const types: string[] = [];
      let j = i + 1;
      for (; j < children.length && children[j].name !== 'Body'; j++) {
        if (children[j].name === 'as') {
          j++;
          continue;
        }
        const named = children[j].name === 'TupleExpression' || children[j].name === 'ParenthesizedExpression' ? childrenOf(children[j]) : [children[j]];
        for (const item of named) if (item.name === 'VariableName' || item.name === 'MemberExpression') types.push(text(item).split('.').pop()!);
      }
      if (children[j]) handlers.push({ types, body: children[j] });
      i = j;
    } else if (child.name === 'else' && children[i + 1]?.name === 'Body') elseBody = children[++i];
    else if (child.name === 'finally' && children[i + 1]?.name === 'Body') finallyBody = children[++i];
  }
  return { body, handlers, elseBody, finallyBody };
}
