import * as path from 'path';
import { SourceText, Range, sameRange } from '../parse/source-text';
import { FileContext } from '../project/classify';
import { ProjectFile, ProjectModel, relativePosix } from '../project/model';
import { findRule, rules } from '../rules';
import { DirectiveReview, Fix, RelatedLocation, Report, Rule, Severity, docsUrl } from '../rules/rule';
import { feedsProductionEnvironment } from '../project/production';
import { productionDependencies } from '../project/production-dependencies';
import { gunicornConfigOf } from '../project/server-starts';
import { hasPreflightSection, parseProjectConfig } from '../project/project-config';
import { SettingsView, productionSettings, settingsViewsFor } from '../settings/project-settings';
import { Suppressions, readSuppressions } from './suppressions';

export type SeverityOverride = Severity | 'off';

export interface LintOptions {
  /** Overrides by rule code or name: `{ DJ404: 'off', 'allowed-hosts-wildcard': 'error' }`. */
  ruleSeverities?: Record<string, SeverityOverride>;
  /** The rules to run; the whole registry unless a test narrows it to one. */
  rules?: Rule[];
  /** Where a rule's own bug is reported; the other rules still run. Defaults to stderr. */
  onRuleError?: (message: string) => void;
  /** The deployment files' findings when the caller already has them: what checklist rules judge items by. */
  deploymentFindings?: readonly Finding[];
  /**
   * The findings of the other Django projects of the same folder (project/partition.ts): the
   * folder's checklist judges its items by them too.
   */
  otherProjectsFindings?: readonly Finding[];
}

export interface Finding {
  path: string;
  relativePath: string;
  range: Range;
  severity: Severity;
  code: string;
  name: string;
  message: string;
  djangoCheck: string | null;
  checklistItem: string;
  docsUrl: string;
  fixes: Fix[];
  context: FileContext;
  /** Why the file has its context; the reason the severity is what it is. */
  contextReason: string;
  /** Other places that explain the finding. */
  related?: RelatedLocation[];
}

/** Production keeps the catalog severity, unknown softens errors, development reports nothing. */
function severityInContext(severity: Severity, context: FileContext): Severity | null {
  if (context === 'development') return null;
  if (context === 'unknown' && severity === 'error') return 'warning';
  return severity;
}

/** The caller's override (a VS Code setting), else the project configuration file's (`[tool.preflight.rules]`). */
function overrideFor(rule: Rule, options: LintOptions, project: ProjectModel): SeverityOverride | undefined {
  for (const overrides of [options.ruleSeverities ?? {}, project.config?.options.rules ?? {}]) {
    const override = overrides[rule.meta.code] ?? overrides[rule.meta.name];
    if (override) return override;
  }
  return undefined;
}

function runChecks(
  rule: Rule,
  file: ProjectFile,
  project: ProjectModel,
  report: (report: Report) => void,
  deployment: () => readonly Finding[],
  settingsViews: () => readonly SettingsView[],
): void {
  const context = { file, project, report };
  rule.checkFile?.(context);
  if (file.text === null) return;
  if (file.kind === 'env' && rule.checkEnv) rule.checkEnv(project.env(file), context);
  if (file.kind === 'compose' && rule.checkCompose) rule.checkCompose(project.compose(file), context);
  if (file.kind === 'procfile' && rule.checkProcfile) rule.checkProcfile(project.procfile(file), context);
  if ((file.kind === 'dependencies' || path.basename(file.path) === 'pyproject.toml') && rule.checkDependencies) rule.checkDependencies(productionDependencies(project), context);
  if (file.kind === 'systemd-unit' && rule.checkSystemdUnit) rule.checkSystemdUnit(project.systemdUnit(file), context);
  if (file.kind === 'dockerfile' && rule.checkDockerfile) rule.checkDockerfile(project.dockerfile(file), context);
  if (file.kind === 'nginx' && rule.checkNginx) rule.checkNginx(project.nginx(file), context);
  if (file.kind === 'gunicorn-config' && rule.checkGunicornConfig) rule.checkGunicornConfig(gunicornConfigOf(project, file), context);
  if ((file.kind === 'settings' || file.kind === 'env' || file.kind === 'compose') && rule.checkSettings) {
    for (const view of settingsViews()) rule.checkSettings(view, context);
  }
  if (file.kind === 'config' && rule.checkConfig && file.text !== null && hasPreflightSection(path.basename(file.path), file.text)) {
    const known = new Set(rules.flatMap((registered) => [registered.meta.code, registered.meta.name]));
    rule.checkConfig(parseProjectConfig(file.path, file.text, (id) => known.has(id)), context);
  }
  if (file.kind === 'checklist' && rule.checkChecklist) {
    rule.checkChecklist(project.checklist(file), { ...context, findings: deployment(), registry: rules.map((known) => known.meta) });
  }
}

/**
 * What every registered rule reports in the project's files other than the checklist: checklist
 * rules judge against the whole registry, even when a test narrows the rules that report.
 */
function lintDeploymentFiles(project: ProjectModel, options: LintOptions): Finding[] {
  const whole = { ...options, rules: undefined, deploymentFindings: undefined, otherProjectsFindings: undefined };
  return project.files.filter((file) => file.kind !== 'checklist').flatMap((file) => lintFile(project, file, whole));
}

export function lintFile(project: ProjectModel, file: ProjectFile, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  // systemd has whole-line comments only: a trailing `# preflight:` is part of the value (DJ002 says so).
  const suppressions = file.text === null ? null : readSuppressions(new SourceText(file.text), { ownLineOnly: file.kind === 'systemd-unit' });
  const { context, reason } = project.contextOf(file);
  let deployment = options.deploymentFindings;
  const deploymentFindings = () => (deployment ??= [...lintDeploymentFiles(project, options), ...seenFrom(project, options.otherProjectsFindings)]);
  // The same views serve every settings rule of the file.
  let views: readonly SettingsView[] | undefined;
  // A compose file of the web service sets production's environment too (`environment:`): a
  // settings finding about a value set there is reported there, where the fix goes.
  const viewsOf = (): readonly SettingsView[] => {
    if (file.kind !== 'compose') return settingsViewsFor(project, file);
    const production = feedsProductionEnvironment(project, file) ? productionSettings(project) : null;
    return production ? [production] : [];
  };
  const settingsViews = () => (views ??= viewsOf());
  // Root causes (Report.cause) of this file's findings, and those a directive silenced: a silenced
  // cause is silenced whichever rule reported it.
  const causes = new Map<Finding, Cause>();
  const silencedCauses = new Set<string>();
  // Django does not report the checks production's SILENCED_SYSTEM_CHECKS lists; neither do the rules that mirror them.
  const silenced = context === 'production' ? silencedInProduction(project) : EMPTY;
  const reporterFor = (rule: Rule, override: Severity | undefined) => (report: Report): void => {
    const base = report.severity ?? rule.meta.severity;
    const contextual = rule.meta.anyContext ? base : severityInContext(base, context);
    if (contextual === null) return;
    // Settings rules report where a value was set; each file keeps its own, and a settings
    // finding on an env line the rule's env check already reported is not repeated.
    if (report.path !== undefined && report.path !== file.path) return;
    if (report.path !== undefined && findings.some((found) => found.code === rule.meta.code && sameRange(found.range, report.range))) return;
    if (suppressions?.isSuppressed([rule.meta.code, rule.meta.name], report.range.start.line, !rule.checkSuppressions)) {
      if (report.cause !== undefined) silencedCauses.add(report.cause);
      return;
    }
    const djangoCheck = report.djangoCheck !== undefined ? report.djangoCheck : rule.meta.djangoCheck;
    if (djangoCheck !== null && silenced.has(djangoCheck)) return;
    const finding: Finding = {
      path: file.path,
      relativePath: file.relativePath,
      range: report.range,
      severity: override ?? contextual,
      code: rule.meta.code,
      name: rule.meta.name,
      message: report.message,
      djangoCheck,
      checklistItem: rule.meta.checklistItem,
      docsUrl: docsUrl(rule.meta),
      fixes: report.fixes ?? [],
      context,
      contextReason: reason,
      ...(report.related?.length ? { related: report.related } : {}),
    };
    findings.push(finding);
    if (report.cause !== undefined) causes.set(finding, { key: report.cause, severity: contextual });
  };
  const guarded = (rule: Rule, check: () => void): void => {
    try {
      check();
    } catch (error) {
      // A rule bug must not take the editor down; it surfaces in the log instead.
      const message = `rule ${rule.meta.code} failed on ${file.relativePath}: ${(error as Error).stack ?? error}`;
      (options.onRuleError ?? ((text: string) => console.error(`preflight: ${text}`)))(message);
    }
  };
  const ran: Rule[] = [];
  for (const rule of options.rules ?? rules) {
    const override = overrideFor(rule, options, project);
    if (override === 'off') continue;
    ran.push(rule);
    const report = reporterFor(rule, override);
    guarded(rule, () => runChecks(rule, file, project, report, deploymentFindings, settingsViews));
  }
  // After every other rule, so the review knows which directives silenced something.
  if (suppressions) {
    const review = reviewDirectives(suppressions, ran);
    for (const rule of ran.filter((candidate) => candidate.checkSuppressions)) {
      const report = reporterFor(rule, overrideFor(rule, options, project) as Severity | undefined);
      guarded(rule, () => rule.checkSuppressions!(review, { file, project, report }));
    }
  }
  return oneFindingPerCause(findings, causes, silencedCauses).sort(compareFindings);
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * A finding's root cause (Report.cause) and its severity before the user's override: which rule
 * speaks for a cause does not change when one of them is downgraded (DJ201 set to info stays the
 * finding for DEBUG on, at info, rather than giving way to DJ202's warning).
 */
interface Cause {
  key: string;
  severity: Severity;
}

/**
 * One diagnostic per root cause: of a file's findings with the same cause, the most severe by the
 * catalog and context (then the lowest code) stays; the others' places become its related information (a place it
 * already covers adds nothing), and their fixes join its own.
 */
function oneFindingPerCause(findings: Finding[], causes: Map<Finding, Cause>, silenced: Set<string>): Finding[] {
  if (causes.size === 0) return findings;
  const kept = new Map<string, Finding>();
  const result: Finding[] = [];
  const rank = (finding: Finding) => SEVERITY_RANK[causes.get(finding)?.severity ?? finding.severity];
  // Independent of the order rules ran in: the most severe, then the lowest code, then the first place.
  const ordered = [...findings].sort((a, b) => rank(a) - rank(b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || compareFindings(a, b));
  const merged = new Map<Finding, Finding>();
  for (const finding of ordered) {
    const cause = causes.get(finding)?.key;
    if (cause === undefined) continue;
    if (silenced.has(cause)) {
      merged.set(finding, finding);
      continue;
    }
    const winner = kept.get(cause);
    if (!winner) {
      kept.set(cause, finding);
      continue;
    }
    merged.set(finding, winner);
    const related = [...(winner.related ?? [])];
    const place = (location: { path: string; range: Range }) => (other: { path: string; range: Range }) => other.path === location.path && sameRange(other.range, location.range);
    const candidates = [{ path: finding.path, range: finding.range, message: `${finding.code}: ${finding.message}` }, ...(finding.related ?? [])];
    for (const candidate of candidates) {
      if (place(candidate)(winner) || related.some(place(candidate))) continue;
      related.push(candidate);
    }
    const fixes = [...winner.fixes];
    for (const fix of finding.fixes) {
      const edits = JSON.stringify(fix.edits);
      if (!fixes.some((known) => JSON.stringify(known.edits) === edits)) fixes.push({ ...fix, preferred: false });
    }
    Object.assign(winner, { fixes, ...(related.length > 0 ? { related } : {}) });
  }
  for (const finding of findings) if (!merged.has(finding)) result.push(finding);
  return result;
}

const EMPTY: ReadonlySet<string> = new Set();
const silencedChecks = new WeakMap<ProjectModel, ReadonlySet<string>>();

/**
 * The Django check ids production's SILENCED_SYSTEM_CHECKS lists (`security.W008`): Django does
 * not report them, so neither does the rule that mirrors one.
 */
export function silencedInProduction(project: ProjectModel): ReadonlySet<string> {
  let silenced = silencedChecks.get(project);
  if (!silenced) {
    const lookup = productionSettings(project)?.get('SILENCED_SYSTEM_CHECKS');
    const value = lookup?.state === 'set' ? lookup.value : null;
    const items = value && (value.kind === 'list' || value.kind === 'tuple') ? value.items : [];
    // An unknown element silences nothing known; the literal ones are silenced whatever it is.
    silenced = new Set(items.flatMap((item) => (item.kind === 'str' ? [item.value] : [])));
    silencedChecks.set(project, silenced);
  }
  return silenced;
}

/**
 * Unknown: an id naming no rule of the registry. Unused: an id whose rule ran here and was
 * silenced nowhere, or a list-less directive that silenced nothing while every rule ran.
 * Rules that did not run (turned off, or a test narrowing the set) are not judged.
 */
function reviewDirectives(suppressions: Suppressions, ran: Rule[]): DirectiveReview {
  const review: DirectiveReview = { unused: [], unknown: [] };
  const ranAll = rules.every((rule) => ran.includes(rule));
  for (const directive of suppressions.directives) {
    if (directive.ids.length === 0) {
      if (ranAll && !suppressions.wasUsed(directive)) review.unused.push({ directive, id: null });
      continue;
    }
    for (const id of directive.ids) {
      const rule = findRule(id.text);
      if (!rule) review.unknown.push({ directive, id });
      // The reviewing rule's own findings come after the review; silencing them is never judged unused.
      else if (ran.includes(rule) && !rule.checkSuppressions && !suppressions.wasUsed(directive, id)) review.unused.push({ directive, id });
    }
  }
  return review;
}

export function lintProject(project: ProjectModel, options: LintOptions = {}): Finding[] {
  // The checklist last: its rules read what the other files' rules found.
  const deployment = project.files.filter((file) => file.kind !== 'checklist').flatMap((file) => lintFile(project, file, options));
  const checklistFiles = project.files.filter((file) => file.kind === 'checklist');
  const others = checklistFiles.length > 0 ? seenFrom(project, options.otherProjectsFindings) : [];
  const checklistOptions = { ...options, deploymentFindings: options.rules ? undefined : [...deployment, ...others] };
  const checklists = checklistFiles.flatMap((file) => lintFile(project, file, checklistOptions));
  return [...deployment, ...checklists].sort(compareFindings);
}

/**
 * The Django projects of one folder, in order (loadProjects gives the folder's own files, with its
 * checklist, last): each is linted and may be let go before the next; later ones' checklists see
 * the earlier ones' findings.
 */
export function lintProjects(projects: Iterable<ProjectModel>, options: LintOptions = {}): Finding[] {
  return [...lintProjectsInTurn(projects, options)].flat();
}

/**
 * lintProjects one project at a time: a caller that keeps only what it prints of each lets the
 * rest go (fixes, related locations); what a later checklist needs of them is kept here.
 */
export function* lintProjectsInTurn(projects: Iterable<ProjectModel>, options: LintOptions = {}): Generator<Finding[]> {
  const earlier: Finding[] = [];
  for (const project of projects) {
    // Each call is done with the array before it grows.
    const findings = lintProject(project, { ...options, otherProjectsFindings: earlier });
    for (const { related, ...finding } of findings) earlier.push({ ...finding, fixes: [] });
    yield findings;
  }
}

/** Other projects' findings with paths relative to this project's root, as its checklist lists them. */
function seenFrom(project: ProjectModel, findings: readonly Finding[] = []): Finding[] {
  return findings.map((finding) => ({ ...finding, relativePath: relativePosix(project.root, finding.path) }));
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.relativePath !== b.relativePath) return a.relativePath < b.relativePath ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
