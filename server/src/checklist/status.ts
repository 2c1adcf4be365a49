import type { Range } from '../parse/source-text';
import type { FileKind } from '../project/classify';
import type { ProjectFile, ProjectModel } from '../project/model';
import type { RelatedLocation, ReportedProblem, Rule, Severity } from '../rules/rule';
import { ChecklistFile, Priority, sectionPath } from './checklist-file';
import { itemRules } from './markers';

/**
 * The checklist as the tree view and the CLI show it: every section and item with its exact
 * ranges, and for automated items the live result of the rules their marker names.
 */

/** passing: the rules report nothing; failing: they report problems; unchecked: no file they read. */
export type AutomatedStatus = 'passing' | 'failing' | 'unchecked';

export interface ProblemStatus {
  code: string;
  message: string;
  severity: Severity;
  path: string;
  relativePath: string;
  range: Range;
  /** The finding's other places (one root cause is one problem): shown under it. */
  related: RelatedLocation[];
}

/** A finding as the checklist judges items by it. */
export type ChecklistFinding = ReportedProblem & { path: string; related?: RelatedLocation[] };

export interface ItemStatus {
  index: number;
  text: string;
  /** Section titles, outermost first. */
  section: string[];
  sectionIndex: number | null;
  priority: Priority | null;
  parent: number | null;
  children: number[];
  checked: boolean;
  /** The one character between the brackets, and what it holds now: the client checks it before editing. */
  checkRange: Range;
  checkChar: string;
  range: Range;
  /** The item's whole line as parsed: what a tick is checked against before it is written. */
  lineText: string;
  /** Marker ids as written, and the registered rule codes they name. */
  markers: string[];
  rules: string[];
  /** Automated: the marker names at least one registered rule. */
  state: 'manual' | 'automated';
  status: AutomatedStatus | null;
  problems: ProblemStatus[];
  /** Manual: ticked. Automated: passing, or ticked when there is nothing to check. */
  done: boolean;
}

export interface SectionStatus {
  index: number;
  title: string;
  level: number;
  parent: number | null;
  items: number[];
  priority: Priority | null;
  range: Range;
}

export interface ChecklistSummary {
  total: number;
  done: number;
  /** Critical items not done: the view's badge, and what `verify` fails on. */
  openCritical: number;
  /** Automated items whose rules report problems: `verify` fails on these too. */
  failing: number;
}

export interface ChecklistStatus {
  path: string;
  relativePath: string;
  sections: SectionStatus[];
  items: ItemStatus[];
  summary: ChecklistSummary;
}

/** The file kinds each check method reads; a rule judges a project only when it has such a file. */
const CHECK_KINDS: Record<string, FileKind> = { checkEnv: 'env', checkSettings: 'settings', checkCompose: 'compose', checkProcfile: 'procfile', checkSystemdUnit: 'systemd-unit', checkDockerfile: 'dockerfile', checkNginx: 'nginx', checkGunicornConfig: 'gunicorn-config' };

function judgedKinds(rule: Rule): FileKind[] {
  return Object.keys(CHECK_KINDS)
    .filter((check) => typeof (rule as unknown as Record<string, unknown>)[check] === 'function')
    .map((check) => CHECK_KINDS[check]);
}

export interface StatusInput {
  project: ProjectModel;
  file: ProjectFile;
  checklist: ChecklistFile;
  /** The project's findings; those of the checklist file itself are ignored. */
  findings: readonly ChecklistFinding[];
  registry: readonly Rule[];
}

export function checklistStatus({ project, file, checklist, findings, registry }: StatusInput): ChecklistStatus {
  const metas = registry.map((rule) => rule.meta);
  // Development files report nothing, so they cannot make an item pass.
  const judgedFileKinds = new Set(project.files.filter((candidate) => candidate !== file && project.contextOf(candidate).context !== 'development').map((candidate) => candidate.kind));
  const deployment = findings.filter((finding) => finding.path !== file.path);

  const items: ItemStatus[] = checklist.items.map((item) => {
    const linked = itemRules(item, metas);
    const codes = new Set(linked.map((meta) => meta.code));
    const automated = linked.length > 0;
    let status: AutomatedStatus | null = null;
    let problems: ProblemStatus[] = [];
    if (automated) {
      problems = deployment
        .filter((finding) => codes.has(finding.code))
        .map(({ code, message, severity, path, relativePath, range, related }) => ({ code, message, severity, path, relativePath, range, related: related ?? [] }));
      const rules = registry.filter((rule) => codes.has(rule.meta.code));
      const judged = rules.some((rule) => judgedKinds(rule).some((kind) => judgedFileKinds.has(kind)));
      status = problems.length > 0 ? 'failing' : judged ? 'passing' : 'unchecked';
    }
    const done = status === 'passing' || (status !== 'failing' && item.checked);
    return {
      index: item.index,
      text: item.text,
      section: sectionPath(checklist, item),
      sectionIndex: item.section,
      priority: item.priority,
      parent: item.parent,
      children: item.children,
      checked: item.checked,
      checkRange: item.checkRange,
      checkChar: item.checkChar,
      range: item.range,
      lineText: checklist.source.lineText(item.range.start.line),
      markers: item.codes.map((code) => code.id),
      rules: linked.map((meta) => meta.code),
      state: automated ? 'automated' : 'manual',
      status,
      problems,
      done,
    };
  });

  const sections: SectionStatus[] = checklist.sections.map(({ index, title, level, parent, items, priority, range }) => ({ index, title, level, parent, items, priority, range }));
  return {
    path: file.path,
    relativePath: file.relativePath,
    sections,
    items,
    summary: {
      total: items.length,
      done: items.filter((item) => item.done).length,
      openCritical: items.filter((item) => item.priority === 'critical' && !item.done).length,
      failing: items.filter((item) => item.status === 'failing').length,
    },
  };
}

/** The status of the project's checklist file, or null when the project has none (or it could not be read). */
export function projectChecklistStatus(project: ProjectModel, findings: readonly ChecklistFinding[], registry: readonly Rule[]): ChecklistStatus | null {
  const file = project.ofKind('checklist').find((candidate) => candidate.text !== null);
  if (!file) return null;
  return checklistStatus({ project, file, checklist: project.checklist(file), findings, registry });
}
