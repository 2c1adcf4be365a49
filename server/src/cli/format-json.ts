import { Finding } from '../engine/runner';
import type { Range } from '../parse/source-text';
import { JsonFix, JsonSuggestion, jsonFixes } from './format-json-fixes';

/** A place that explains a finding (where a value is read, another place of the same root cause). */
export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  name: string;
  message: string;
  djangoCheck: string | null;
  checklistItem: string;
  /** Some fix exists: `fix` or `suggestions`. */
  fixable: boolean;
  context: string;
  /** The finding's related information: one root cause is one finding, its other places here. */
  related: JsonLocation[];
  /** The fix `--fix` applies without review (ESLint's `fix`). */
  fix?: JsonFix;
  /** Fixes that need a review; `--fix` leaves them (ESLint's `suggestions`). */
  suggestions?: JsonSuggestion[];
}

function positions(range: Range) {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

/** One object per finding; positions 1-based, files relative to the working directory (`display`). */
export function toJsonFinding(finding: Finding, display: (path: string) => string): JsonFinding {
  return {
    file: display(finding.path),
    ...positions(finding.range),
    severity: finding.severity,
    code: finding.code,
    name: finding.name,
    message: finding.message,
    djangoCheck: finding.djangoCheck,
    checklistItem: finding.checklistItem,
    fixable: finding.fixes.length > 0,
    // The context and why: "production: used by service `django` in docker-compose.production.yml".
    context: `${finding.context}: ${finding.contextReason}`,
    related: (finding.related ?? []).map((place) => ({ file: display(place.path), ...positions(place.range), message: place.message })),
    ...jsonFixes(finding, display),
  };
}

/**
 * `JSON.stringify(findings, null, 2)` and a newline, in pieces, one finding each: a large report
 * is written without one string of it all.
 */
export function* formatJsonChunks(findings: JsonFinding[]): Generator<string> {
  if (findings.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  // JSON.stringify escapes newlines inside strings, so every newline here is layout.
  for (let i = 0; i < findings.length; i++) yield `  ${JSON.stringify(findings[i], null, 2).replace(/\n/g, '\n  ')}${i < findings.length - 1 ? ',' : ''}\n`;
  yield ']\n';
}
