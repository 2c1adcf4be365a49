import * as path from 'path';
import { pathToFileURL } from 'url';
import { rules } from '../rules';
import { RuleCategory, RuleMeta, Severity, docsUrl } from '../rules/rule';
import type { JsonFinding, JsonLocation } from './format-json';
import { ruleDocs } from './rule-docs';

const LEVELS: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The base every artifact URI is relative to: GitHub code scanning resolves it as the repository root. */
const SRCROOT = '%SRCROOT%';

/**
 * Categories whose findings are security weaknesses: GitHub lists their rules under security
 * alerts, ranked by `security-severity`. The others are correctness and hygiene.
 */
const SECURITY_CATEGORIES: ReadonlySet<RuleCategory> = new Set(['secrets', 'debug', 'hosts', 'https', 'cookies', 'compose']);

/** GitHub's bands: 9.0+ critical, 7.0+ high, 4.0+ medium, below low. A leaked secret ranks above the rest. */
function securitySeverity(meta: RuleMeta): string | undefined {
  if (!SECURITY_CATEGORIES.has(meta.category)) return undefined;
  const bySeverity: Record<Severity, string> = { error: meta.category === 'secrets' ? '9.0' : '7.5', warning: '5.0', info: '3.0', hint: '1.0' };
  return bySeverity[meta.severity];
}

export interface SarifPaths {
  /** Absolute: the repository root (where `.git` is), which artifact URIs are relative to. */
  root: string;
  /** Absolute: what the findings' `file` paths are relative to. */
  workingDirectory: string;
}

/** SARIF 2.1.0, the format GitHub code scanning uploads. */
export function formatSarif(findings: JsonFinding[], version: string, paths: SarifPaths = { root: process.cwd(), workingDirectory: process.cwd() }): string {
  const artifactLocation = (file: string) => {
    const absolute = path.resolve(paths.workingDirectory, file);
    const relative = path.relative(paths.root, absolute);
    // A file outside the repository keeps its absolute URI.
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  };
  const physicalLocation = (place: Omit<JsonLocation, 'message'>) => ({
    artifactLocation: artifactLocation(place.file),
    region: { startLine: place.line, startColumn: place.column, endLine: place.endLine, endColumn: place.endColumn },
  });
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
            rules: rules.map((rule) => sarifRule(rule.meta)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(paths.root + path.sep).href } },
        results: findings.map((f) => {
          const related = f.related;
          return {
            ruleId: f.code,
            ruleIndex: rules.findIndex((rule) => rule.meta.code === f.code),
            level: LEVELS[f.severity],
            message: { text: f.message },
            locations: [{ physicalLocation: physicalLocation(f) }],
            ...(related.length > 0
              ? { relatedLocations: related.map((place, id) => ({ id, physicalLocation: physicalLocation(place), message: { text: place.message } })) }
              : {}),
          };
        }),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function sarifRule(meta: RuleMeta) {
  const severity = securitySeverity(meta);
  const markdown = ruleDocs(meta);
  return {
    id: meta.code,
    name: meta.name,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.description },
    helpUri: docsUrl(meta),
    help: { text: `${meta.description} See ${docsUrl(meta)}`, ...(markdown !== null ? { markdown } : {}) },
    defaultConfiguration: { level: LEVELS[meta.severity] },
    properties: {
      tags: [...(severity !== undefined ? ['security'] : []), meta.category, 'django'],
      ...(severity !== undefined ? { 'security-severity': severity } : {}),
      djangoCheck: meta.djangoCheck,
      checklistItem: meta.checklistItem,
    },
  };
}
