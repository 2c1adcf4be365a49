/**
 * JUnit XML, which CI systems (GitLab, Jenkins, Azure Pipelines) show as test results: one
 * testsuite per file, one failing testcase per finding.
 */
import { JsonFinding } from './format-json';

/** Characters XML 1.0 cannot carry at all (control characters, lone surrogates) become U+FFFD. */
function xmlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function escapeXml(text: string): string {
  return xmlCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An attribute keeps its newlines only as character references. */
function attribute(text: string): string {
  return escapeXml(text).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export function formatJunit(findings: JsonFinding[]): string {
  const byFile = new Map<string, JsonFinding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="preflight" tests="${findings.length}" failures="${findings.length}" errors="0">`];
  for (const [file, fileFindings] of byFile) {
    lines.push(`  <testsuite name="${attribute(file)}" tests="${fileFindings.length}" failures="${fileFindings.length}" errors="0" skipped="0">`);
    for (const f of fileFindings) {
      const where = `${f.file}:${f.line}:${f.column}`;
      lines.push(
        `    <testcase name="${attribute(`${f.code} ${f.name} at ${f.line}:${f.column}`)}" classname="${attribute(file)}" file="${attribute(file)}" line="${f.line}">`,
        `      <failure type="${attribute(f.severity)}" message="${attribute(f.message)}">${escapeXml(`${f.severity} ${where} ${f.code} ${f.name}\n${f.message}\n${f.context}`)}</failure>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
