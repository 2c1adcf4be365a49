import { JsonFinding } from './format-json';

const COLORS = { error: 31, warning: 33, info: 36, hint: 90, dim: 90, bold: 1, underline: 4 } as const;

/**
 * ESLint's "stylish" layout: findings grouped by file, a summary line at the end. `context`: lines
 * said first, dimmed (which Django each project is judged as, and why).
 */
export function formatText(findings: JsonFinding[], color: boolean, context: readonly string[] = []): string {
  const paint = (code: keyof typeof COLORS, text: string): string => (color ? `\x1b[${COLORS[code]}m${text}\x1b[0m` : text);
  const lines: string[] = context.map((line) => paint('dim', line));
  const byFile = new Map<string, JsonFinding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);

  for (const [file, fileFindings] of byFile) {
    lines.push('', paint('underline', file));
    const width = Math.max(...fileFindings.map((f) => `${f.line}:${f.column}`.length));
    for (const f of fileFindings) {
      const position = `${f.line}:${f.column}`.padEnd(width);
      const severity = paint(f.severity as keyof typeof COLORS, f.severity.padEnd(7));
      lines.push(`  ${paint('dim', position)}  ${severity}  ${f.message}  ${paint('dim', `${f.code} ${f.name}`)}`);
      // The finding's other places, indented under it: one root cause, one entry in the list.
      const indent = ' '.repeat(2 + width + 2 + 7 + 2);
      for (const place of f.related) lines.push(`${indent}${paint('dim', `↳ ${place.file === file ? '' : place.file + ':'}${place.line}:${place.column}`)}  ${place.message}`);
    }
  }

  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const other = findings.length - errors - warnings;
  lines.push('');
  if (findings.length === 0) {
    lines.push('No problems found.');
  } else {
    const summary = `✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${other} info)`;
    lines.push(paint(errors > 0 ? 'error' : 'warning', paint('bold', summary)));
    lines.push(...fixSummary(findings).map((line) => paint('dim', line)));
  }
  return lines.join('\n') + '\n';
}

/** How many findings `--fix` would repair, and how many more have a fix that needs a review. */
function fixSummary(findings: JsonFinding[]): string[] {
  const repairable = findings.filter((f) => f.fix).length;
  const reviewable = findings.filter((f) => !f.fix && f.suggestions).length;
  const lines: string[] = [];
  if (repairable > 0) lines.push(`  ${repairable} of them can be repaired by \`preflight --fix\` (\`--fix-dry-run\` shows the diff).`);
  if (reviewable > 0) lines.push(`  ${reviewable} ${repairable > 0 ? 'more have' : 'of them have'} a suggested fix to review in the editor.`);
  return lines;
}
