/**
 * The checklist tree as plain data: what the server said (sections, items, ranges, live status)
 * turned into nodes the VS Code provider only has to copy onto TreeItems. No `vscode` import,
 * so this logic is unit-tested without an editor.
 */
import type { FolderChecklist } from '../../../server/src/checklist-requests';
import type { ChecklistStatus, ItemStatus, ProblemStatus } from '../../../server/src/checklist/status';

export type { FolderChecklist, ChecklistStatus, ItemStatus, ProblemStatus };

export interface Location {
  path: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * What ticking a node must do: rewrite the one character at `range`, if it still reads `expected`
 * on a line that still reads `lineText` (else the tick is recomputed or refused: planTicks).
 */
export interface TickTarget {
  checklistPath: string;
  range: Location['range'];
  expected: string;
  lineText: string;
  itemIndex: number;
}

function tickTarget(status: ChecklistStatus, item: ItemStatus): TickTarget {
  return { checklistPath: status.path, range: item.checkRange, expected: item.checkChar, lineText: item.lineText, itemIndex: item.index };
}

/** Where a target's item was when the view was drawn, as planTicks takes it. */
export function tickBasis(target: TickTarget): { line: number; lineText: string } {
  return { line: target.range.start.line, lineText: target.lineText };
}

export type NodeKind = 'folder' | 'section' | 'item' | 'problem';
export type NodeIcon = 'folder' | 'section' | 'passing' | 'failing' | 'unchecked' | 'problem-error' | 'problem-warning' | 'problem-info' | null;

export interface ChecklistNode {
  /** Stable across refreshes while the file keeps its shape, so VS Code keeps expansion state. */
  id: string;
  kind: NodeKind;
  label: string;
  description: string;
  tooltip: string;
  /** Null: no checkbox (sections, problems, automated items the linter judges). */
  checkbox: 'checked' | 'unchecked' | null;
  tick: TickTarget | null;
  icon: NodeIcon;
  /** The `contextValue` the menus match: `item.manual`, `item.automated.failing`, … */
  contextValue: string;
  /** Where clicking goes: an item's line, a problem's range. */
  location: Location | null;
  collapsed: boolean;
  children: ChecklistNode[];
  /** The item's problems, for "Show problems". */
  problems: ProblemStatus[];
}

export interface ViewSummary {
  /** `18 / 42`; empty without a checklist. */
  description: string;
  /** Open critical items; 0 hides the badge. */
  badge: number;
  badgeTooltip: string;
  /** No folder has a checklist: the welcome view shows instead. */
  missing: boolean;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function statusDescription(item: ItemStatus): string {
  if (item.state === 'manual') return '';
  if (item.status === 'passing') return 'passing';
  if (item.status === 'failing') return plural(item.problems.length, 'problem');
  return 'nothing to check';
}

/** A related place's path as the problem's own is shown: relative to the same root. */
function relativeTo(problem: ProblemStatus, placePath: string): string {
  const root = problem.path.slice(0, problem.path.length - problem.relativePath.length);
  return root && placePath.startsWith(root) ? placePath.slice(root.length) : placePath;
}

function problemNode(problem: ProblemStatus, index: number, idPrefix: string): ChecklistNode {
  const file = problem.relativePath;
  return {
    id: `${idPrefix}/p${index}`,
    kind: 'problem',
    label: problem.message,
    description: `${problem.code} ${file}:${problem.range.start.line + 1}`,
    tooltip: [
      `${problem.code} (${problem.severity}) in ${file}:${problem.range.start.line + 1}:${problem.range.start.character + 1}\n${problem.message}`,
      // One root cause is one problem: its other places follow it.
      ...(problem.related ?? []).map((place) => `  ↳ ${relativeTo(problem, place.path)}:${place.range.start.line + 1}: ${place.message}`),
    ].join('\n'),
    checkbox: null,
    tick: null,
    icon: problem.severity === 'error' ? 'problem-error' : problem.severity === 'warning' ? 'problem-warning' : 'problem-info',
    contextValue: 'problem',
    location: { path: problem.path, range: problem.range },
    collapsed: false,
    children: [],
    problems: [],
  };
}

/** An automated item is judged by the linter; only when there is nothing to check does a person tick it. */
export function isTickable(item: ItemStatus): boolean {
  return item.state === 'manual' || item.status === 'unchecked';
}

function itemNode(status: ChecklistStatus, item: ItemStatus, idPrefix: string): ChecklistNode {
  const id = `${idPrefix}/i${item.index}`;
  const tickable = isTickable(item);
  const children = [
    ...item.children.map((child) => itemNode(status, status.items[child], idPrefix)),
    ...item.problems.map((problem, index) => problemNode(problem, index, id)),
  ];
  const rules = item.rules.length > 0 ? `\nVerified by ${item.rules.join(', ')}.` : '';
  const priority = item.priority ? ` (${item.priority})` : '';
  return {
    id,
    kind: 'item',
    label: item.text || '(empty item)',
    description: statusDescription(item),
    tooltip: `${item.section.join(' › ')}${priority}\n${item.text}${rules}\n${status.relativePath}:${item.range.start.line + 1}`,
    checkbox: tickable ? (item.checked ? 'checked' : 'unchecked') : null,
    tick: tickable ? tickTarget(status, item) : null,
    icon: item.state === 'manual' ? null : (item.status as NodeIcon),
    contextValue: item.state === 'manual' ? 'item.manual' : `item.automated.${item.status}`,
    location: { path: status.path, range: item.range },
    // Failing items open on their findings; the rest stay compact.
    collapsed: children.length > 0 && item.status !== 'failing',
    children,
    problems: item.problems,
  };
}

function sectionNodes(status: ChecklistStatus, idPrefix: string): ChecklistNode[] {
  const build = (index: number): ChecklistNode => {
    const section = status.sections[index];
    const subsections = status.sections.filter((candidate) => candidate.parent === index).map((candidate) => build(candidate.index));
    const items = section.items.map((item) => itemNode(status, status.items[item], idPrefix));
    const all = itemsUnder(status, index);
    const done = all.filter((item) => item.done).length;
    return {
      id: `${idPrefix}/s${index}`,
      kind: 'section',
      label: section.title || '(untitled section)',
      description: all.length > 0 ? `${done} / ${all.length}` : '',
      tooltip: section.priority ? `${section.title} (${section.priority})` : section.title,
      checkbox: null,
      tick: null,
      icon: 'section',
      contextValue: 'section',
      location: { path: status.path, range: section.range },
      collapsed: false,
      children: [...items, ...subsections],
      problems: [],
    };
  };
  const roots = status.sections.filter((section) => section.parent === null).map((section) => build(section.index));
  // A lone `#` title is the document's name, not a grouping: show what is under it.
  const flattened = roots.length === 1 && status.sections[0].level === 1 ? roots[0].children : roots;
  const loose = status.items.filter((item) => item.sectionIndex === null && item.parent === null).map((item) => itemNode(status, item, idPrefix));
  return [...loose, ...flattened];
}

function itemsUnder(status: ChecklistStatus, section: number): ItemStatus[] {
  const sections = new Set([section]);
  for (const candidate of status.sections) if (candidate.parent !== null && sections.has(candidate.parent)) sections.add(candidate.index);
  return status.items.filter((item) => item.sectionIndex !== null && sections.has(item.sectionIndex));
}

/** The tree's top level: sections of the one checklist, or a node per folder when several have one. */
export function buildTree(folders: FolderChecklist[]): ChecklistNode[] {
  const withChecklist = folders.filter((folder) => folder.status !== null);
  if (withChecklist.length === 1) return sectionNodes(withChecklist[0].status!, withChecklist[0].folderUri);
  return withChecklist.map((folder) => {
    const status = folder.status!;
    const name = decodeURIComponent(folder.folderUri.replace(/\/+$/, '').split('/').pop() ?? folder.folderUri);
    return {
      id: folder.folderUri,
      kind: 'folder' as const,
      label: name,
      description: `${status.summary.done} / ${status.summary.total}`,
      tooltip: status.path,
      checkbox: null,
      tick: null,
      icon: 'folder' as const,
      contextValue: 'folder',
      location: null,
      collapsed: false,
      children: sectionNodes(status, folder.folderUri),
      problems: [],
    };
  });
}

export function summarise(folders: FolderChecklist[]): ViewSummary {
  const statuses = folders.map((folder) => folder.status).filter((status): status is ChecklistStatus => status !== null);
  if (statuses.length === 0) return { description: '', badge: 0, badgeTooltip: '', missing: true };
  const done = statuses.reduce((sum, status) => sum + status.summary.done, 0);
  const total = statuses.reduce((sum, status) => sum + status.summary.total, 0);
  const badge = statuses.reduce((sum, status) => sum + status.summary.openCritical, 0);
  return { description: `${done} / ${total}`, badge, badgeTooltip: `${plural(badge, 'critical item')} open`, missing: false };
}

/** Reset for Next Deployment: every ticked item a person ticks (the linter's items follow the linter). */
export function resetTargets(status: ChecklistStatus): TickTarget[] {
  return status.items
    .filter((item) => item.checked && isTickable(item))
    .map((item) => tickTarget(status, item));
}

/** Every node, depth first: for lookups by id. */
export function walk(nodes: ChecklistNode[]): ChecklistNode[] {
  return nodes.flatMap((node) => [node, ...walk(node.children)]);
}
