/**
 * Fixes in the JSON output, as ESLint separates them: `fix` is the one `--fix` applies without
 * review (fix-all's choice), with its edits; `suggestions` are the others, by title only: they are
 * applied in the editor after a review, and their text may be a secret (a generated key, a
 * quoted value), which no output prints.
 */
import { safeFixOf } from '../engine/fix-all';
import { Finding } from '../engine/runner';
import { Fix } from '../rules/rule';

export interface JsonEdit {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The replacement text (empty for a deletion). */
  text: string;
}

export interface JsonFix {
  title: string;
  edits: JsonEdit[];
}

export interface JsonSuggestion {
  title: string;
}

export interface JsonFixes {
  /** Present when `--fix` repairs this finding. */
  fix?: JsonFix;
  /** Present when other fixes exist; each needs a review, so `--fix` never applies them. */
  suggestions?: JsonSuggestion[];
}

function toJsonFix(fix: Fix, display: (path: string) => string): JsonFix {
  return {
    title: fix.title,
    edits: fix.edits.map((edit) => ({
      file: display(edit.path),
      line: edit.range.start.line + 1,
      column: edit.range.start.character + 1,
      endLine: edit.range.end.line + 1,
      endColumn: edit.range.end.character + 1,
      text: edit.newText,
    })),
  };
}

export function jsonFixes(finding: Finding, display: (path: string) => string): JsonFixes {
  const safe = safeFixOf(finding);
  // fix-all skips a fix without edits: it would repair nothing.
  const applied = safe && safe.edits.length > 0 ? safe : undefined;
  const others = finding.fixes.filter((fix) => fix !== applied);
  return {
    ...(applied ? { fix: toJsonFix(applied, display) } : {}),
    ...(others.length > 0 ? { suggestions: others.map((fix) => ({ title: fix.title })) } : {}),
  };
}
