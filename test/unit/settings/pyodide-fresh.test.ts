/**
 * The 6.1 differential runs many cases in one Pyodide interpreter, resetting Django's settings
 * between them. On a few cases (the new settings of 4.x–6.x among them), one fresh interpreter
 * per case must give the same answers as one interpreter for all of them.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, after } from 'node:test';
import { checkWithPyodide, generatedCases, pyodideInstalled } from './django-oracles';

describe('Django 6.1 in Pyodide: many cases in one interpreter answer as one interpreter per case', () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-pyodide-'));
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('gives the same ids on 6 cases, new-setting cases and differing ones among them', async () => {
    pyodideInstalled();
    const all = generatedCases(workspace, 40);
    // Cases that set what 6.x added, and the first few whatever they hold.
    const chosen = [...all.filter((c) => Object.values(c.files).some((text) => /SECURE_CSP|SECRET_KEY_FALLBACKS|OPENER/.test(text))).slice(0, 4), ...all.slice(0, 2)];
    const pairs = chosen.map((c): [string, string] => [c.folder, c.module]);
    const together = await checkWithPyodide(pairs);
    const alone = await Promise.all(pairs.map((pair) => checkWithPyodide([pair])));
    assert.match(together.version, /^6\.1\./);
    assert.deepEqual(alone.map((answer) => answer.results[0]), together.results);
    // Not all alike: the comparison tells cases apart.
    assert.ok(new Set(together.results.map((result) => JSON.stringify(result.ids))).size > 2, JSON.stringify(together.results));
  });
});
