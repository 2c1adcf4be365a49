/**
 * GitLab's Code Quality report (a subset of the Code Climate issue format), which a merge request
 * shows as new and resolved findings. The fingerprint leaves the line out, so a finding keeps its
 * identity when lines above it move.
 * https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
 */
import { createHash } from 'crypto';
import { JsonFinding } from './format-json';

const SEVERITIES: Record<string, string> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export function formatGitlab(findings: JsonFinding[]): string {
  // Identical findings in one file (same rule and message) are told apart by their order.
  const seen = new Map<string, number>();
  const issues = findings.map((f): CodeQualityIssue => {
    const identity = [f.code, f.file, f.message].join('\0');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return {
      description: `${f.message} (${f.code} ${f.name})`,
      check_name: `${f.code} ${f.name}`,
      fingerprint: createHash('sha256').update(`${identity}\0${occurrence}`).digest('hex'),
      severity: SEVERITIES[f.severity] ?? 'info',
      location: { path: f.file, lines: { begin: f.line, end: f.endLine } },
    };
  });
  return JSON.stringify(issues, null, 2) + '\n';
}
