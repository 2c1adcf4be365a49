/**
 * The compose side of env rules: the same check judges `environment:` values of a compose file
 * (through compose-services' EnvFile views, values interpolated as compose does, ranges in the
 * compose file), and its fixes are rewritten for YAML. A fix that cannot be written faithfully
 * in YAML (a quoting change, an edit of another file, a value that came from interpolation) is
 * dropped rather than guessed.
 */
import type { ComposeEnvironmentEntry, ComposeFile } from '../../parse/compose';
import type { EnvEntry, EnvFile } from '../../parse/env';
import { Range, rangeContains } from '../../parse/source-text';
import type { ProjectFile } from '../../project/model';
import { ComposeEnvView, composeEnvViews, composeValueFix, isOnOwnLines } from './compose-services';
import type { Fix, FileEdit, Report, RuleContext } from '../rule';

export type EnvCheck = (env: EnvFile, context: RuleContext) => void;

/** Runs `check` over each service's `environment:`; `adjust` may add compose-only fixes to a report. */
export function checkComposeEnvironment(
  check: EnvCheck,
  compose: ComposeFile,
  context: RuleContext,
  adjust?: (report: Report, entry: ComposeEnvironmentEntry | null) => Report,
): void {
  const { file, project } = context;
  for (const view of composeEnvViews(project, file, compose)) {
    // Only reports need the index; most views of most rules report nothing.
    let byRange: EntriesByRange | undefined;
    const entriesByRange = () => (byRange ??= indexByRange(view));
    const entryAt = (range: Range) => [...view.entries.values()].find((entry) => rangeContains(entry.range, range) || rangeContains(entry.valueRange, range)) ?? null;
    check(view.env, {
      ...context,
      report(report) {
        const fixes = (report.fixes ?? []).flatMap((fix) => composeFix(file, compose, fix, entriesByRange()));
        const translated = { ...report, fixes };
        context.report(adjust ? adjust(translated, entryAt(report.range)) : translated);
      },
    });
  }
}

type EntriesByRange = Map<string, { env: EnvEntry; compose: ComposeEnvironmentEntry }>;

function indexByRange(view: ComposeEnvView): EntriesByRange {
  const byRange: EntriesByRange = new Map();
  for (const [envEntry, composeEntry] of view.entries) {
    for (const range of [envEntry.valueRange, envEntry.innerRange, envEntry.keyRange, envEntry.range]) byRange.set(rangeKey(range), { env: envEntry, compose: composeEntry });
  }
  return byRange;
}

function rangeKey(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** An env fix as YAML edits, or nothing when it cannot be written faithfully. */
function composeFix(file: ProjectFile, compose: ComposeFile, fix: Fix, byRange: Map<string, { env: EnvEntry; compose: ComposeEnvironmentEntry }>): Fix[] {
  const edits: FileEdit[] = [];
  for (const edit of fix.edits) {
    if (edit.path !== file.path) return [];
    const deleted = deletedEntry(compose, edit, byRange);
    if (deleted) {
      edits.push(edit);
      continue;
    }
    const target = byRange.get(rangeKey(edit.range));
    if (!target || (edit.range !== target.env.valueRange && rangeKey(edit.range) !== rangeKey(target.env.valueRange) && rangeKey(edit.range) !== rangeKey(target.env.innerRange))) return [];
    const written = target.compose.value;
    // A value that came from interpolation is fixed where it is set, not by overwriting the reference.
    if (!written || written.template.parts.some((part) => part.kind === 'variable')) return [];
    if (!/^[^'"#\s$\\]*$/.test(edit.newText)) return [];
    const replaced = composeValueFix(file, target.compose, edit.newText, fix.title, fix.safe)[0];
    if (!replaced) return [];
    edits.push(...replaced.edits);
  }
  return edits.length > 0 ? [{ ...fix, edits }] : [];
}

/** A deletion of whole lines that hold exactly one `environment:` entry. */
function deletedEntry(compose: ComposeFile, edit: FileEdit, byRange: Map<string, { env: EnvEntry; compose: ComposeEnvironmentEntry }>): boolean {
  if (edit.newText !== '' || edit.range.start.character !== 0) return false;
  const entries = [...new Set([...byRange.values()].map((value) => value.compose))];
  const inside = entries.filter((entry) => entry.range.start.line >= edit.range.start.line && entry.range.end.line < Math.max(edit.range.end.line, edit.range.start.line + 1));
  return inside.length === 1 && isOnOwnLines(compose, inside[0].range);
}
