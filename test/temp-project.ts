/** Project folders written for a test into the temp directory: relative path → text or bytes. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export type ProjectFiles = Record<string, string | Buffer>;

/** Writes `files` under `root`, making their folders. */
export function writeFiles(root: string, files: ProjectFiles): void {
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
  }
}

/** A fresh folder in the temp directory holding `files`. */
export function writeTempProject(files: ProjectFiles, prefix = 'preflight-test-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  writeFiles(root, files);
  return root;
}
