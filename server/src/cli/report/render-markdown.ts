/** The readiness report as GitHub-flavoured Markdown: for `$GITHUB_STEP_SUMMARY` and merge-request comments. */
import type { ReportData, ReportFinding } from './report-data';

/** Table cells and inline text: a `|` ends a cell, a newline a row, and `<`/backticks could open markup. */
function inline(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/`/g, "'").replace(/\r?\n|\r/g, ' ');
}

const ICON: Record<string, string> = { error: '🔴', warning: '🟠', info: '🔵', hint: '⚪' };

function bar(done: number, total: number): string {
  const width = 10;
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function findingRows(findings: ReportFinding[]): string[] {
  if (findings.length === 0) return [];
  return [
    '| | Rule | Where | Message |',
    '|---|---|---|---|',
    ...findings.map((f) => `| ${ICON[f.severity] ?? ''} ${f.severity} | ${f.code} | \`${f.location.replace(/`/g, "'")}\` | ${inline(f.message)}${f.related.length ? ` (also: ${f.related.map(inline).join('; ')})` : ''} |`),
    '',
  ];
}

export function renderMarkdown(data: ReportData): string {
  const lines: string[] = [`# Deployment readiness: ${inline(data.project)}`, ''];
  const { error, warning, info, hint } = data.counts;
  lines.push(`**${error}** errors, **${warning}** warnings, **${info + hint}** notes.`);
  if (data.summary) {
    lines.push(`Checklist \`${data.checklistFile}\`: **${data.summary.done} / ${data.summary.total}** done, **${data.summary.openCritical}** critical open, **${data.summary.failing}** automated failing.`);
  } else {
    lines.push('No deployment checklist in the project (`preflight checklist init` writes one).');
  }
  lines.push('', '## Production model', '');
  const model = data.model;
  lines.push(`- Process: ${model.process ? inline(model.process) : 'none found in the repository'}`);
  lines.push(`- Settings module: ${model.settingsModule ? `\`${model.settingsModule}\` (${inline(model.settingsOrigin ?? '')})` : 'not known'}`);
  lines.push(`- Env files: ${model.envFiles.length ? model.envFiles.map((file) => `\`${file}\``).join(', ') : 'none in the repository'}`);
  if (data.sections.length > 0) {
    lines.push('', '## Checklist progress', '', '| Section | Progress | Done | Critical open |', '|---|---|---|---|');
    for (const section of data.sections) lines.push(`| ${inline(section.title)} | ${bar(section.done, section.total)} | ${section.done} / ${section.total} | ${section.openCritical} |`);
  }
  const withFindings = data.sections.filter((section) => section.findings.length > 0);
  if (withFindings.length > 0 || data.unlisted.length > 0) {
    lines.push('', '## Findings', '');
    for (const section of withFindings) lines.push(`### ${inline(section.title)}`, '', ...findingRows(section.findings));
    if (data.unlisted.length > 0) lines.push('### Not on the checklist', '', ...findingRows(data.unlisted));
  }
  const open = data.sections.filter((section) => section.openManual.length > 0);
  if (open.length > 0) {
    lines.push('', '## Manual items open', '');
    for (const section of open) {
      lines.push(`<details><summary>${inline(section.title)} (${section.openManual.length})</summary>`, '');
      for (const item of section.openManual) lines.push(`- [ ] ${inline(item)}`);
      lines.push('', '</details>', '');
    }
  }
  lines.push('', '## Sign-off history', '');
  if (data.signOffs.length === 0) lines.push('No sign-off recorded.');
  for (const record of data.signOffs) lines.push(`- ${inline(record)}`);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}
