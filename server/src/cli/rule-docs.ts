/**
 * The rule documentation pages (docs/rules/<code>-<name>.md), for SARIF's `help.markdown`. The
 * bundler inlines them into dist/cli.js, so an installed CLI needs no docs folder; compiled tests
 * read them from the source tree.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RuleMeta, docsFileName, docsUrl } from '../rules/rule';

declare const PREFLIGHT_RULE_DOCS: Record<string, string> | undefined;

const DOCS_SOURCE = path.resolve(__dirname, '../../../../docs/rules');

/** The page's Markdown, its links to sibling pages made absolute (SARIF viewers show it out of place); null when there is none. */
export function ruleDocs(meta: RuleMeta): string | null {
  const file = docsFileName(meta);
  let markdown: string | undefined;
  if (typeof PREFLIGHT_RULE_DOCS === 'object') markdown = PREFLIGHT_RULE_DOCS[file];
  else {
    try {
      markdown = fs.readFileSync(path.join(DOCS_SOURCE, file), 'utf8');
    } catch {
      markdown = undefined;
    }
  }
  if (markdown === undefined) return null;
  const base = docsUrl(meta).slice(0, -file.length);
  return markdown.replace(/\]\((?:\.\/)?([\w.-]+\.md)(#[\w-]*)?\)/g, (_link, target: string, anchor = '') => `](${base}${target}${anchor})`);
}
