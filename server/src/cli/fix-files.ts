import * as fs from 'fs';
import { AppliedFix, fixAll } from '../engine/fix-all';
import { Finding } from '../engine/runner';
import { ProjectModel } from '../project/model';
import { unifiedDiff } from './unified-diff';

export interface FixRun {
  /** What is left after fixing, positions in the fixed text. */
  remaining: Finding[];
  applied: AppliedFix[];
  /** Absolute paths of the files written (or, on a dry run, that would be). */
  written: string[];
  /** Each changed file's text before and after, in the order written. */
  changes: { path: string; before: string; after: string }[];
  /** True when nothing was written: `--fix-dry-run`. */
  dryRun: boolean;
}

const BOM = '\uFEFF';

/**
 * `preflight --fix`: applies every safe fix of each project (fix-all, to a fixpoint) and writes
 * the files that changed; with `dryRun` (`--fix-dry-run`) it writes nothing. Fixes that need
 * review are never applied here.
 */
export function fixAndWrite(projects: Iterable<ProjectModel>, { dryRun = false } = {}): FixRun {
  const run: FixRun = { remaining: [], applied: [], written: [], changes: [], dryRun };
  for (const project of projects) {
    const result = fixAll(project);
    for (const [filePath, { before, after }] of result.changed) {
      // The reader drops a byte-order mark; the file keeps it.
      if (!dryRun) fs.writeFileSync(filePath, startsWithBom(filePath) ? BOM + after : after);
      run.written.push(filePath);
      run.changes.push({ path: filePath, before, after });
    }
    run.applied.push(...result.applied);
    run.remaining.push(...result.remaining);
  }
  return run;
}

function startsWithBom(filePath: string): boolean {
  const handle = fs.openSync(filePath, 'r');
  try {
    const head = Buffer.alloc(3);
    return fs.readSync(handle, head, 0, 3, 0) === 3 && head.equals(Buffer.from([0xef, 0xbb, 0xbf]));
  } finally {
    fs.closeSync(handle);
  }
}

/**
 * One line per applied fix, then a summary; `relative` turns absolute paths into what the user
 * typed. A dry run shows the diff of each file instead and says that nothing was written.
 */
export function describeFixRun(run: FixRun, relative: (filePath: string) => string): string {
  if (run.dryRun) return describeDryRun(run, relative);
  const lines = run.applied.map(({ finding, fix }) => `fixed ${relative(finding.path)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${finding.code}  ${fix.title}`);
  const files = run.written.length;
  lines.push(
    run.applied.length === 0
      ? 'preflight --fix: nothing to fix safely; no file changed.'
      : `preflight --fix: ${run.applied.length} fix${run.applied.length === 1 ? '' : 'es'} applied, ${files} file${files === 1 ? '' : 's'} written.`,
  );
  return lines.join('\n') + '\n';
}

function describeDryRun(run: FixRun, relative: (filePath: string) => string): string {
  const diffs = run.changes.map(({ path, before, after }) => unifiedDiff(relative(path), before, after)).join('');
  const files = run.changes.length;
  const summary =
    run.applied.length === 0
      ? 'preflight --fix-dry-run: nothing to fix safely; no file would change.'
      : `preflight --fix-dry-run: ${run.applied.length} fix${run.applied.length === 1 ? '' : 'es'} would be applied to ${files} file${files === 1 ? '' : 's'}; nothing was written.`;
  return `${diffs}${summary}\n`;
}
