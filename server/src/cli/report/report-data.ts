/**
 * What the readiness report shows, gathered once for both renderings (HTML and Markdown): the
 * checklist's progress per section, the findings grouped by the checklist section whose items
 * name their rule, the manual items still open, the sign-off history and the production model.
 * Everything here is already safe to print: rule messages mask secrets, and the production model
 * is named by services, modules and files, never by values.
 */
import * as path from 'path';
import type { ChecklistStatus, ItemStatus } from '../../checklist/status';
import type { Finding } from '../../engine/runner';
import type { ProjectModel } from '../../project/model';
import { productionLinks } from '../../project/production';

export interface ReportFinding {
  code: string;
  severity: string;
  message: string;
  /** `path:line:column`, relative to the project root. */
  location: string;
  context: string;
  related: string[];
}

export interface ReportSection {
  title: string;
  done: number;
  total: number;
  /** Findings of the rules this section's items name, most severe first. */
  findings: ReportFinding[];
  /** Manual items not ticked. */
  openManual: string[];
  openCritical: number;
}

export interface ProductionModelSummary {
  /** The process that runs Django in production, e.g. `compose service "django" (gunicorn)`; null when none is known. */
  process: string | null;
  settingsModule: string | null;
  settingsOrigin: string | null;
  envFiles: string[];
}

export interface ReportData {
  project: string;
  checklistFile: string | null;
  summary: { total: number; done: number; openCritical: number; failing: number } | null;
  sections: ReportSection[];
  /** Findings of rules no checklist item names. */
  unlisted: ReportFinding[];
  signOffs: string[];
  model: ProductionModelSummary;
  counts: { error: number; warning: number; info: number; hint: number };
}

const SEVERITY_ORDER = ['error', 'warning', 'info', 'hint'];

function reportFinding(finding: Finding, root: string): ReportFinding {
  const at = (file: string, line: number, character: number) => `${path.relative(root, file).split(path.sep).join('/')}:${line + 1}:${character + 1}`;
  return {
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    location: at(finding.path, finding.range.start.line, finding.range.start.character),
    context: finding.contextReason,
    related: (finding.related ?? []).map((place) => `${at(place.path, place.range.start.line, place.range.start.character)} ${place.message}`),
  };
}

const bySeverity = (a: ReportFinding, b: ReportFinding) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || (a.location < b.location ? -1 : 1);

/** The item's section as a reader names it: the `##` heading (the document title says nothing). */
function sectionTitle(item: ItemStatus): string {
  const inner = item.section.length > 1 ? item.section.slice(1) : item.section;
  return inner[0] ?? 'Checklist';
}

/** The list items under a `Sign-off` heading, as written (checklist-edits.ts appends them). */
export function signOffLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const start = lines.findIndex((line) => /^ {0,3}#{1,6}\s+sign[\s-]*off\s*#*\s*$/i.test(line));
  if (start < 0) return [];
  const records: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^ {0,3}#{1,6}\s/.test(line)) break;
    const record = /^\s*[-*+]\s+(?!\[[ xX]\])(.*\S)\s*$/.exec(line);
    if (record) records.push(record[1]);
  }
  return records;
}

function productionModel(project: ProjectModel): ProductionModelSummary {
  const links = productionLinks(project);
  let process: string | null = null;
  if (links.webService) {
    // The program only: a command line can carry values, and the report never prints one.
    const command = [links.webService.entrypoint?.text, links.webService.command?.text].filter(Boolean).join(' ');
    const program = /\b(gunicorn|uvicorn|daphne|hypercorn|granian|runserver|waitress-serve)\b/.exec(command)?.[1];
    process = `compose service "${links.webService.name}"${program ? ` (${program})` : ''}`;
  }
  const envFiles = project
    .ofKind('env')
    .filter((file) => project.contextOf(file).context === 'production')
    .map((file) => file.relativePath)
    .sort();
  return {
    process,
    settingsModule: links.settings?.module ?? null,
    settingsOrigin: links.settings?.origin ?? null,
    envFiles,
  };
}

export function reportData(project: ProjectModel, findings: readonly Finding[], checklist: ChecklistStatus | null, checklistText: string | null): ReportData {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const finding of findings) counts[finding.severity as keyof typeof counts]++;
  const sections = new Map<string, ReportSection>();
  const placed = new Set<Finding>();
  for (const item of checklist?.items ?? []) {
    const title = sectionTitle(item);
    let section = sections.get(title);
    if (!section) sections.set(title, (section = { title, done: 0, total: 0, findings: [], openManual: [], openCritical: 0 }));
    section.total++;
    if (item.done) section.done++;
    else if (item.priority === 'critical') section.openCritical++;
    if (item.state === 'manual' && !item.checked) section.openManual.push(item.text);
    for (const finding of findings) {
      if (!placed.has(finding) && item.rules.includes(finding.code)) {
        placed.add(finding);
        section.findings.push(reportFinding(finding, project.root));
      }
    }
  }
  for (const section of sections.values()) section.findings.sort(bySeverity);
  return {
    project: path.basename(path.resolve(project.root)),
    checklistFile: checklist?.relativePath ?? null,
    summary: checklist?.summary ?? null,
    sections: [...sections.values()],
    unlisted: findings.filter((finding) => !placed.has(finding)).map((finding) => reportFinding(finding, project.root)).sort(bySeverity),
    signOffs: checklistText === null ? [] : signOffLines(checklistText),
    model: productionModel(project),
    counts,
  };
}
