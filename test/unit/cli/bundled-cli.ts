/** The bundled CLI (dist/cli.js) run as a child process, as a user or a CI job runs it. */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { writeTempProject } from '../../temp-project';

export type { JsonFinding } from '../../../server/src/cli/format-json';

// Compiled tests run from out/test/unit/cli.
export const REPO = path.resolve(__dirname, '../../../..');
export const CLI = path.join(REPO, 'dist/cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function preflight(args: string[], cwd = REPO): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh project folder in the temp directory holding `files` (relative path → text). */
export function writeProject(files: Record<string, string>, prefix = 'preflight-cli-'): string {
  return writeTempProject(files, prefix);
}

/**
 * What an output says about the project: SARIF's rule help is the rule documentation, the same
 * for every project (its examples show made-up credentials), so a check for a leaked secret
 * looks at the rest.
 */
export function projectPart(format: string, stdout: string): string {
  if (format !== 'sarif') return stdout;
  const sarif = JSON.parse(stdout);
  for (const rule of sarif.runs[0].tool.driver.rules) delete rule.help;
  return JSON.stringify(sarif);
}
