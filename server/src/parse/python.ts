import { NodeSet, SyntaxNode, Tree, TreeBuffer, TreeFragment } from '@lezer/common';
import { parser } from '@lezer/python';
import { SourceText } from './source-text';

/** A Python file read with @lezer/python: the tree never throws, syntax errors become error nodes. */
export interface PythonFile {
  source: SourceText;
  tree: Tree;
  /** Whether any node is a syntax error (a whole-tree walk, done on first use: the evaluator mostly asks per statement). */
  readonly hasErrors: boolean;
}

class ParsedPython implements PythonFile {
  private errors: boolean | null = null;

  constructor(
    readonly source: SourceText,
    readonly tree: Tree,
  ) {}

  get hasErrors(): boolean {
    return (this.errors ??= treeHasErrors(this.tree));
  }
}

/**
 * The last tree parsed for each path, so a file re-read after an edit reuses the unchanged
 * parts of its previous tree (lezer's incremental parsing). Bounded: an editor has few
 * settings modules in flight, and a workspace scan must not hold every tree forever.
 */
const previousTrees = new Map<string, { text: string; tree: Tree; fragments: readonly TreeFragment[] }>();
const MAX_REMEMBERED = 64;

/** Parses a Python file; `key` (its path) lets a later edit of the same file parse incrementally. */
export function parsePython(text: string, key?: string): PythonFile {
  const previous = key === undefined ? undefined : previousTrees.get(key);
  let tree: Tree;
  if (previous && previous.text === text) tree = previous.tree;
  else if (previous) {
    const change = changedRange(previous.text, text);
    const fragments = TreeFragment.applyChanges(previous.fragments, [change]);
    tree = parser.parse(text, fragments);
  } else tree = parser.parse(text);
  if (key !== undefined) {
    previousTrees.delete(key);
    previousTrees.set(key, { text, tree, fragments: TreeFragment.addTree(tree) });
    if (previousTrees.size > MAX_REMEMBERED) previousTrees.delete(previousTrees.keys().next().value as string);
  }
  return new ParsedPython(new SourceText(text), tree);
}

/**
 * The one span that differs between two texts (common prefix and suffix trimmed). Found by
 * binary search over native slice comparisons: a keystroke in a large file costs little.
 */
export function changedRange(before: string, after: string): { fromA: number; toA: number; fromB: number; toB: number } {
  const limit = Math.min(before.length, after.length);
  let low = 0;
  let high = limit;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (before.slice(0, mid) === after.slice(0, mid)) low = mid;
    else high = mid - 1;
  }
  const prefix = low;
  low = 0;
  high = limit - prefix;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (before.slice(before.length - mid) === after.slice(after.length - mid)) low = mid;
    else high = mid - 1;
  }
  const suffix = low;
  return { fromA: prefix, toA: before.length - suffix, fromB: prefix, toB: after.length - suffix };
}

/**
 * Whether the tree holds a syntax error anywhere (most files: no, and per-statement checks are
 * skipped). Reads lezer's node buffers directly: ~20x cheaper than visiting every node.
 */
export function treeHasErrors(tree: Tree): boolean {
  if (tree.type.isError) return true;
  for (const child of tree.children) {
    if (child instanceof Tree) {
      if (treeHasErrors(child)) return true;
      continue;
    }
    const { buffer, set } = child as TreeBuffer;
    const errors = errorTypes(set);
    // A buffer holds nodes as [type, from, to, end] quadruples.
    for (let i = 0; i < buffer.length; i += 4) if (errors[buffer[i]] === 1) return true;
  }
  return false;
}

const errorTypesOfSets = new WeakMap<NodeSet, Uint8Array>();

/** 1 for each node type id that is a syntax error. */
function errorTypes(set: NodeSet): Uint8Array {
  let flags = errorTypesOfSets.get(set);
  if (!flags) {
    flags = new Uint8Array(set.types.length);
    for (const type of set.types) if (type.isError) flags[type.id] = 1;
    errorTypesOfSets.set(set, flags);
  }
  return flags;
}

/** The source text of a node, as a string of its own (see ownString). */
export function nodeText(file: PythonFile, node: SyntaxNode): string {
  return ownString(file.source.text.slice(node.from, node.to));
}

/**
 * A copy of a slice that does not keep the whole text alive: V8 represents slices of 13+
 * characters as views into their parent, and the evaluator caches values (names, strings)
 * across edits, which would otherwise hold every past version of the file in memory.
 */
export function ownString(slice: string): string {
  return slice.length < 13 ? slice : (' ' + slice).slice(1);
}

/** The children of a node, error nodes included (named `⚠`). */
export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
  return children;
}

/** Python string literal (a String node's text, prefixes and implicit concatenation aside) to its value; null for bytes-escapes it cannot read. */
export function stringLiteralValue(raw: string): { value: string; bytes: boolean; format: boolean } | null {
  const match = /^([rRbBuUfF]{0,2})('''|"""|'|")/.exec(raw);
  if (!match) return null;
  const prefix = match[1].toLowerCase();
  const quote = match[2];
  if (!raw.endsWith(quote) || raw.length < prefix.length + quote.length * 2) return null;
  const body = raw.slice(prefix.length + quote.length, raw.length - quote.length);
  const bytes = prefix.includes('b');
  const format = prefix.includes('f');
  if (prefix.includes('r')) return { value: body, bytes, format };
  const value = unescape(body);
  return value === null ? null : { value, bytes, format };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };

function unescape(body: string): string | null {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) return null;
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next];
      i++;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + length);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) return null;
      out += String.fromCodePoint(parseInt(hex, 16));
      i += 1 + length;
    } else {
      // Python keeps unknown escapes as they are (backslash included).
      out += c;
    }
  }
  return out;
}
