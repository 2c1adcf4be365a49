/**
 * The readiness report as one self-contained HTML page (inline CSS, no script, no external
 * resource), to attach to a deployment record.
 */
import type { ReportData, ReportFinding } from './report-data';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
.counts span { display: inline-block; margin-right: 1rem; font-weight: 600; }
.error { color: #cf222e; } .warning { color: #9a6700; } .info, .hint { color: #0969da; }
.model { display: flex; align-items: stretch; gap: .5rem; flex-wrap: wrap; }
.box { border: 1px solid #0c4b33; border-radius: 6px; padding: .5rem .8rem; background: #f0f7f3; min-width: 10rem; }
.box b { display: block; font-size: .75rem; text-transform: uppercase; color: #0c4b33; }
.arrow { align-self: center; font-size: 1.4rem; color: #0c4b33; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #eaeef2; vertical-align: top; }
.bar { background: #eaeef2; border-radius: 4px; height: .8rem; width: 12rem; overflow: hidden; }
.bar div { background: #1a7f37; height: 100%; }
code { font: 12px ui-monospace, monospace; background: #f6f8fa; padding: 0 .2rem; border-radius: 3px; }
.related { color: #57606a; font-size: .85rem; }
`;

function findingTable(findings: ReportFinding[]): string {
  const rows = findings.map(
    (f) => `<tr><td class="${escapeHtml(f.severity)}">${escapeHtml(f.severity)}</td><td>${escapeHtml(f.code)}</td><td><code>${escapeHtml(f.location)}</code></td><td>${escapeHtml(f.message)}<div class="related">${escapeHtml(f.context)}</div>${f.related.map((place) => `<div class="related">↳ ${escapeHtml(place)}</div>`).join('')}</td></tr>`,
  );
  return `<table><tr><th>Severity</th><th>Rule</th><th>Where</th><th>Message</th></tr>${rows.join('')}</table>`;
}

export function renderHtml(data: ReportData): string {
  const { error, warning, info, hint } = data.counts;
  const model = data.model;
  const parts: string[] = [];
  parts.push(`<h1>Deployment readiness: ${escapeHtml(data.project)}</h1>`);
  parts.push(`<p class="counts"><span class="error">${error} errors</span><span class="warning">${warning} warnings</span><span class="info">${info + hint} notes</span></p>`);
  parts.push(
    data.summary
      ? `<p>Checklist <code>${escapeHtml(data.checklistFile ?? '')}</code>: <b>${data.summary.done} / ${data.summary.total}</b> done, <b>${data.summary.openCritical}</b> critical open, <b>${data.summary.failing}</b> automated failing.</p>`
      : '<p>No deployment checklist in the project (<code>preflight checklist init</code> writes one).</p>',
  );
  parts.push('<h2>Production model</h2><div class="model">');
  parts.push(`<div class="box"><b>Process</b>${escapeHtml(model.process ?? 'none found in the repository')}</div><div class="arrow">→</div>`);
  parts.push(`<div class="box"><b>Settings module</b>${model.settingsModule ? `<code>${escapeHtml(model.settingsModule)}</code><div class="related">${escapeHtml(model.settingsOrigin ?? '')}</div>` : 'not known'}</div><div class="arrow">→</div>`);
  parts.push(`<div class="box"><b>Env files</b>${model.envFiles.length ? model.envFiles.map((file) => `<div><code>${escapeHtml(file)}</code></div>`).join('') : 'none in the repository'}</div></div>`);
  if (data.sections.length > 0) {
    parts.push('<h2>Checklist progress</h2><table><tr><th>Section</th><th>Progress</th><th>Done</th><th>Critical open</th></tr>');
    for (const section of data.sections) {
      const percent = section.total === 0 ? 0 : Math.round((section.done / section.total) * 100);
      parts.push(`<tr><td>${escapeHtml(section.title)}</td><td><div class="bar" title="${percent}%"><div style="width:${percent}%"></div></div></td><td>${section.done} / ${section.total}</td><td>${section.openCritical}</td></tr>`);
    }
    parts.push('</table>');
  }
  const withFindings = data.sections.filter((section) => section.findings.length > 0);
  if (withFindings.length > 0 || data.unlisted.length > 0) {
    parts.push('<h2>Findings</h2>');
    for (const section of withFindings) parts.push(`<h3>${escapeHtml(section.title)}</h3>${findingTable(section.findings)}`);
    if (data.unlisted.length > 0) parts.push(`<h3>Not on the checklist</h3>${findingTable(data.unlisted)}`);
  }
  const open = data.sections.filter((section) => section.openManual.length > 0);
  if (open.length > 0) {
    parts.push('<h2>Manual items open</h2>');
    for (const section of open) parts.push(`<h3>${escapeHtml(section.title)}</h3><ul>${section.openManual.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`);
  }
  parts.push('<h2>Sign-off history</h2>');
  parts.push(data.signOffs.length ? `<ul>${data.signOffs.map((record) => `<li>${escapeHtml(record)}</li>`).join('')}</ul>` : '<p>No sign-off recorded.</p>');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Deployment readiness: ${escapeHtml(data.project)}</title><style>${STYLE}</style></head>
<body>${parts.join('\n')}</body></html>
`;
}
