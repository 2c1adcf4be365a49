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
export function assignedNames(node: SyntaxNode, python: PythonFile): Set<string> {
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
    if (current.name === 'CallExpression') {
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
