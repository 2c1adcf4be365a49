/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` line per finding, which
 * the runner turns into an annotation on the pull request's changed lines.
 * https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
 */
import { JsonFinding } from './format-json';

const COMMANDS: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** The message after `::`: the runner decodes %25, %0D and %0A. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: JsonFinding[]): string {
  return findings
    .map((f) => {
      const properties = [
        ['file', f.file],
        ['line', String(f.line)],
        ['col', String(f.column)],
        ['endLine', String(f.endLine)],
        ['endColumn', String(f.endColumn)],
        ['title', `${f.code} ${f.name}`],
      ]
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
      return `::${COMMANDS[f.severity] ?? 'notice'} ${properties}::${escapeData(f.message)}\n`;
    })
    .join('');
}
