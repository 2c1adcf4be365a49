import { Finding } from '../engine/runner';
import { JsonFix, JsonSuggestion, jsonFixes } from './format-json-fixes';

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
  /** The fix `--fix` applies without review (ESLint's `fix`). */
  fix?: JsonFix;
  /** Fixes that need a review; `--fix` leaves them (ESLint's `suggestions`). */
  suggestions?: JsonSuggestion[];
}

/** One object per finding; positions 1-based, files relative to the working directory (`display`). */
export function toJsonFinding(finding: Finding, display: (path: string) => string): JsonFinding {
  return {
    file: display(finding.path),
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    severity: finding.severity,
    code: finding.code,
    name: finding.name,
    message: finding.message,
    djangoCheck: finding.djangoCheck,
    checklistItem: finding.checklistItem,
    fixable: finding.fixes.length > 0,
    // The context and why: "production: used by service `django` in docker-compose.production.yml".
    context: `${finding.context}: ${finding.contextReason}`,
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
