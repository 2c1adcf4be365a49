import { rules } from '../rules';
import { docsUrl } from '../rules/rule';
import { JsonFinding } from './format-json';

const LEVELS: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, the format GitHub code scanning uploads. */
export function formatSarif(findings: JsonFinding[], version: string): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Django Preflight',
            version,
            informationUri: 'https://github.com/django-preflight/django-preflight',
            rules: rules.map((rule) => ({
              id: rule.meta.code,
              name: rule.meta.name,
              shortDescription: { text: rule.meta.description },
              helpUri: docsUrl(rule.meta),
              defaultConfiguration: { level: LEVELS[rule.meta.severity] },
              properties: { djangoCheck: rule.meta.djangoCheck, checklistItem: rule.meta.checklistItem },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: rules.findIndex((rule) => rule.meta.code === f.code),
          level: LEVELS[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          ...(f.related.length > 0
            ? {
                relatedLocations: f.related.map((place, id) => ({
                  id,
                  physicalLocation: { artifactLocation: { uri: place.file }, region: { startLine: place.line, startColumn: place.column, endLine: place.endLine, endColumn: place.endColumn } },
                  message: { text: place.message },
                })),
              }
            : {}),
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
