/**
 * What the bundled CLI reports for the fixture workspace, so the editor can be checked against the
 * same engine run from a terminal: the two must agree finding for finding.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  code: string;
  fixable: boolean;
}

export function cliFindings(repository: string, workspace: string): CliFinding[] {
  // In a desktop VS Code, process.execPath is Electron; this makes it behave as node.
  const result = spawnSync(process.execPath, [path.join(repository, 'dist', 'cli.js'), '--format', 'json', '.'], {
    cwd: workspace,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`preflight CLI failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as CliFinding[];
}

/** "DJ201@4:14-4:18", the form describeDiagnostic gives an editor diagnostic. */
export function describeFinding(finding: CliFinding): string {
  return `${finding.code}@${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}`;
}
