/**
 * A workspace folder holding several Django projects: the server splits it as the CLI does, so
 * each file is linted with its own project's settings, and the editor and the CLI agree.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { LspClient, SERVER_BUNDLE } from './lsp-client';
import { writeTempProject } from '../temp-project';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const CHECKLIST = '# Deployment checklist\n\n- [x] `DEBUG = False` in production <!-- preflight: DJ201 DJ202 DJ203 -->\n';

function files(): Record<string, string> {
  const tree: Record<string, string> = { 'DEPLOYMENT_CHECKLIST.md': CHECKLIST };
  for (const [folder, debug] of [['shop', 'True'], ['blog', 'False']]) {
    tree[`${folder}/manage.py`] = 'import os\n';
    tree[`${folder}/config/settings/base.py`] = `DEBUG = ${debug}\nALLOWED_HOSTS = ["${folder}.example.com"]\nINSTALLED_APPS = []\n`;
    tree[`${folder}/config/settings/production.py`] = 'from config.settings.base import *  # noqa\n';
  }
  return tree;
}

describe('language server: a folder of several Django projects', { timeout: 60_000 }, () => {
  let client: LspClient;
  let root: string;
  const uriOf = (relative: string) => URI.file(path.join(root, relative)).toString();

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build first`);
    root = writeTempProject(files(), 'preflight-lsp-projects-');
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.shutdown();
  });

  it('publishes what the CLI reports, file by file', async () => {
    const cli = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
    const expected = new Map<string, string[]>();
    for (const finding of JSON.parse(cli.stdout) as { file: string; code: string; line: number }[]) {
      expected.set(finding.file, [...(expected.get(finding.file) ?? []), `${finding.line} ${finding.code}`]);
    }
    assert.ok(expected.has('shop/config/settings/base.py') && expected.has('blog/config/settings/production.py'));
    for (const relative of Object.keys(files()).filter((file) => !file.endsWith('manage.py'))) {
      const diagnostics = await client.waitForDiagnostics(uriOf(relative), (d) => d.length === (expected.get(relative) ?? []).length);
      assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1} ${d.code}`).sort(), [...(expected.get(relative) ?? [])].sort(), relative);
    }
  });

  it('lints an edited module with its own project: blog turning DEBUG on is blog production error', async () => {
    const uri = await client.open(path.join(root, 'blog/config/settings/base.py'), files()['blog/config/settings/base.py'], 'python');
    await client.waitForDiagnostics(uri);
    await client.change(uri, [{ range: { start: { line: 0, character: 8 }, end: { line: 0, character: 13 } }, text: 'True' }]);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'DJ201'));
    const debug = diagnostics.find((d) => d.code === 'DJ201')!;
    assert.equal(debug.severity, DiagnosticSeverity.Error);
    assert.match(debug.relatedInformation![0].message, /imported by config\/settings\/production\.py, the production settings module/);
    // The folder's checklist now counts both projects' DEBUG.
    const checklist = await client.waitForDiagnostics(uriOf('DEPLOYMENT_CHECKLIST.md'), (d) => d.some((x) => /2 problems remain/.test(x.message)));
    assert.match(checklist[0].message, /DJ201 in blog\/config\/settings\/base\.py:1, DJ201 in shop\/config\/settings\/base\.py:1/);
  });

  it('hears of a manage.py deleted: the folder is then one project', async () => {
    // Without blog/manage.py, shop is the only Django project below the folder: no split, one
    // model whose paths are the folder's (and whose two production modules share one base module).
    fs.rmSync(path.join(root, 'blog/manage.py'));
    await client.fileChanged(path.join(root, 'blog/manage.py'), FileChangeType.Deleted);
    const related = (d: { code?: string | number; relatedInformation?: { message: string }[] }) => d.code === 'DJ201' && d.relatedInformation?.[0]?.message;
    const blog = await client.waitForDiagnostics(uriOf('blog/config/settings/base.py'), (d) => d.some((x) => /blog\/config\/settings\/production\.py/.test(String(related(x)))));
    assert.match(String(related(blog.find((d) => d.code === 'DJ201')!)), /^production context: imported by blog\/config\/settings\/production\.py/);
  });
});
