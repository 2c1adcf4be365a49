import * as fs from 'fs';
import { AppliedFix, fixAll } from '../engine/fix-all';
import { Finding } from '../engine/runner';
import { ProjectModel } from '../project/model';

export interface FixRun {
  /** What is left after fixing, positions in the fixed text. */
  remaining: Finding[];
  applied: AppliedFix[];
  /** Absolute paths of the files written. */
  written: string[];
}

const BOM = '\uFEFF';

/**
 * `preflight --fix`: applies every safe fix of each project (fix-all, to a fixpoint) and writes
 * the files that changed. Fixes that need review are never applied here.
 */
export function fixAndWrite(projects: Iterable<ProjectModel>): FixRun {
  const run: FixRun = { remaining: [], applied: [], written: [] };
  for (const project of projects) {
    const result = fixAll(project);
    for (const [filePath, { after }] of result.changed) {
      // The reader drops a byte-order mark; the file keeps it.
      fs.writeFileSync(filePath, startsWithBom(filePath) ? BOM + after : after);
      run.written.push(filePath);
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

/** One line per applied fix, then a summary; `relative` turns absolute paths into what the user typed. */
export function describeFixRun(run: FixRun, relative: (filePath: string) => string): string {
  const lines = run.applied.map(({ finding, fix }) => `fixed ${relative(finding.path)}:${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${finding.code}  ${fix.title}`);
  const files = run.written.length;
  lines.push(
    run.applied.length === 0
      ? 'preflight --fix: nothing to fix safely; no file changed.'
      : `preflight --fix: ${run.applied.length} fix${run.applied.length === 1 ? '' : 'es'} applied, ${files} file${files === 1 ? '' : 's'} written.`,
  );
  return lines.join('\n') + '\n';
}
