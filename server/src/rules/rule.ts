import type { ChecklistFile } from '../checklist/checklist-file';
import type { Directive, DirectiveId } from '../engine/suppressions';
import type { ComposeFile } from '../parse/compose';
import type { EnvFile } from '../parse/env';
import type { Procfile } from '../parse/procfile';
import type { SystemdUnit } from '../parse/systemd-unit';
import type { Dockerfile } from '../parse/dockerfile';
import type { NginxConfig } from '../parse/nginx';
import type { GunicornConfigModule } from '../project/gunicorn-settings';
import type { SettingsView } from '../settings/project-settings';
import type { Range } from '../parse/source-text';
import type { ProjectFile, ProjectModel } from '../project/model';
import type { ProjectConfig } from '../project/project-config';
import type { ProductionDependencies } from '../project/production-dependencies';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type RuleCategory = 'files' | 'secrets' | 'debug' | 'hosts' | 'https' | 'cookies' | 'data' | 'compose' | 'hygiene' | 'checklist';

export interface RuleMeta {
  /** Stable code, never renumbered: `DJ202`. */
  code: string;
  /** Kebab-case name, also stable: `debug-enabled-by-env`. */
  name: string;
  /** One sentence: what the rule flags. */
  description: string;
  category: RuleCategory;
  /** Severity in a production context; the engine lowers it for unknown contexts. */
  severity: Severity;
  /** The seed-checklist item this rule enforces. */
  checklistItem: string;
  /** The `manage.py check --deploy` id this rule mirrors, or null. */
  djangoCheck: string | null;
  /**
   * True for rules whose finding is as serious in any file, development files included
   * (a committed live token is live wherever it sits): the context does not lower them.
   */
  anyContext?: boolean;
}

/** A text replacement in one file; ranges are zero-based like LSP's. */
export interface FileEdit {
  path: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: FileEdit[];
  /** Safe fixes may be applied without review (fix-all); others only one at a time. */
  safe: boolean;
  /** The one obvious repair among several. */
  preferred?: boolean;
}

export interface Report {
  range: Range;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. DJ303's two levels). */
  severity?: Severity;
  /**
   * The file the finding belongs in, when not the file being checked: a settings rule judges the
   * module Django loads and reports where the value was set (a base module, an env file). The
   * engine keeps such a report while it lints that file.
   */
  path?: string;
  /** The exact Django check id of this finding when it depends on the case (W010/W011/W012); null when Django is silent. */
  djangoCheck?: string | null;
  /** Other places that explain the finding (the production module that loads a base module). */
  related?: RelatedLocation[];
  fixes?: Fix[];
  /**
   * The root cause this finding reports, for findings that several rules (or several places of
   * one rule) would otherwise report again: reports of one file with the same key are one
   * diagnostic. The engine keeps the most severe (then the lowest code), and the others' places
   * join its related information. Build keys with `rootCause` so rules agree on them.
   */
  cause?: string;
}

/**
 * The key of a root cause: what it is about (`env-value`, `env-missing`, `env-file-missing`) and
 * the thing itself (the variable and line, the missing variable, the file). Rules that may report
 * one cause build its key here, from the same parts.
 */
export function rootCause(kind: 'env-value' | 'env-default' | 'env-missing' | 'env-file-missing', ...parts: (string | number)[]): string {
  return [kind, ...parts].join('\u0000');
}

export interface RelatedLocation {
  path: string;
  range: Range;
  message: string;
}

export interface RuleContext {
  file: ProjectFile;
  project: ProjectModel;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /** Runs on every file, analysed or skipped (used by file-level notices). */
  checkFile?(context: RuleContext): void;
  checkEnv?(env: EnvFile, context: RuleContext): void;
  /** Runs on settings modules (and env files feeding production) with the settings as Django loads them. */
  checkSettings?(settings: SettingsView, context: RuleContext): void;
  /** Runs on compose files (also unreadable ones: `compose.readable` says whether services were read). */
  checkCompose?(compose: ComposeFile, context: RuleContext): void;
  /** Runs on nginx configurations (also ones with syntax errors: `config.problems`). */
  checkNginx?(config: NginxConfig, context: RuleContext): void;
  /** Runs after every other rule, with the engine's review of the file's suppression directives. */
  checkSuppressions?(review: DirectiveReview, context: RuleContext): void;
  /** Runs on the deployment checklist after the deployment files, whose findings it receives. */
  checkChecklist?(checklist: ChecklistFile, context: ChecklistRuleContext): void;
  /** Runs on Preflight's configuration file (`[tool.preflight]`), read with the registry's rule names. */
  checkConfig?(config: ProjectConfig, context: RuleContext): void;
  /** A Procfile's processes. */
  checkProcfile?(procfile: Procfile, context: RuleContext): void;
  /** Dependency files (requirements, lock files, setup.cfg, setup.py) and pyproject.toml, with what production installs. */
  checkDependencies?(dependencies: ProductionDependencies, context: RuleContext): void;
  /** A systemd unit's sections and entries (`*.service`, `*.socket`, `*.timer`). */
  checkSystemdUnit?(unit: SystemdUnit, context: RuleContext): void;
  /** A Dockerfile's stages and instructions. */
  checkDockerfile?(dockerfile: Dockerfile, context: RuleContext): void;
  /** A Gunicorn config file, evaluated (never run). */
  checkGunicornConfig?(config: GunicornConfigModule, context: RuleContext): void;
}

/** A finding of another file, as a checklist rule sees it. */
export interface ReportedProblem {
  code: string;
  relativePath: string;
  range: Range;
  message: string;
  severity: Severity;
}

export interface ChecklistRuleContext extends RuleContext {
  /** What every registered rule reports in the project's deployment files (after context, overrides and suppressions). */
  findings: readonly ReportedProblem[];
  /** The registered rules, for markers to be checked against. */
  registry: readonly RuleMeta[];
}

/** Which `# preflight: disable-…` directives of a file silenced nothing, and which name no rule. */
export interface DirectiveReview {
  /** `id` null: a directive without a list that silenced nothing. */
  unused: { directive: Directive; id: DirectiveId | null }[];
  unknown: { directive: Directive; id: DirectiveId }[];
}

const DOCS_BASE = 'https://github.com/django-preflight/django-preflight/blob/main/docs/rules';

export function docsFileName(meta: RuleMeta): string {
  return `${meta.code}-${meta.name}.md`;
}

export function docsUrl(meta: RuleMeta): string {
  return `${DOCS_BASE}/${docsFileName(meta)}`;
}
