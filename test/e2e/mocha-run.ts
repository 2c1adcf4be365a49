/**
 * The test module VS Code loads into its extension host (`--extensionTestsPath`): runs the
 * compiled `*.test.js` files of one folder with Mocha and reports the outcome twice, as the promise
 * VS Code waits for and as a results file the e2e runner reads to print its counts.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface E2eResults {
  passed: string[];
  failed: { title: string; error: string }[];
}

export function runMochaIn(directory: string): Promise<void> {
  // CommonJS mocha 10: the extension host loads test files with require().
  // PREFLIGHT_E2E_GREP runs only the tests whose title matches, for a quick look at one of them.
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', ...(process.env.PREFLIGHT_E2E_GREP ? { grep: process.env.PREFLIGHT_E2E_GREP } : {}) });
  for (const file of fs.readdirSync(directory).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(directory, file));
  }
  const results: E2eResults = { passed: [], failed: [] };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultsFile = process.env.PREFLIGHT_E2E_RESULTS;
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify(results, null, 2));
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.passed.push(test.fullTitle()));
    runner.on('fail', (test, error) => results.failed.push({ title: test.fullTitle(), error: String(error?.stack ?? error) }));
  });
}
