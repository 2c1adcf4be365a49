/**
 * Runs the deploy checks of Django 6.1 in Pyodide (CPython 3.14 in WebAssembly) on the case
 * folders given on stdin ([folder, module] pairs), all in one interpreter, and prints the
 * answer as JSON. argv[2]: the unpacked Django 6.1 site folder. The case folders are mounted
 * at their own paths (NODEFS), so the folders the answer names are the host's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHECK_CASES } from './django-oracles';

async function main(): Promise<void> {
  const site = process.argv[2];
  const cases = JSON.parse(fs.readFileSync(0, 'utf8')) as [string, string][];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadPyodide } = require('pyodide') as typeof import('pyodide');
  const py = await loadPyodide({ stdout: (line: string) => process.stderr.write(`${line}\n`), stderr: (line: string) => process.stderr.write(`${line}\n`) });
  const mounts = new Map<string, string>([[site, '/site']]);
  for (const folder of new Set(cases.map(([folder]) => path.dirname(folder)))) mounts.set(folder, folder);
  for (const [dir, at] of mounts) {
    py.FS.mkdirTree(at);
    py.FS.mount(py.FS.filesystems.NODEFS, { root: dir }, at);
  }
  py.globals.set('CASES', JSON.stringify(cases));
  py.runPython(`import sys\nsys.path.insert(0, "/site")\n${CHECK_CASES}`);
  process.stdout.write(String(py.globals.get('RESULTS')));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
