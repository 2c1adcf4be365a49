/** The checklist over LSP: its diagnostics, and the custom requests the tree view is drawn from. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { FolderChecklist, SignOffResult } from '../../server/src/checklist-requests';
import { LspClient, SERVER_BUNDLE } from './lsp-client';

const CHECKLIST = [
  '# Deployment Checklist',
  '## Critical: must be complete',
  '- [x] DEBUG is off <!-- preflight: DJ202 -->',
  '- [ ] Hosts <!-- preflight: DJ302 DJ999 -->',
  '- [ ] Backups tested',
  '## Testing',
  '- [ ] backups  tested',
  '',
].join('\n');

describe('checklist over LSP', { timeout: 60_000 }, () => {
  let client: LspClient;
  let root: string;
  let checklistUri: string;
  let envPath: string;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build first`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-lsp-checklist-'));
    fs.writeFileSync(path.join(root, 'DEPLOYMENT_CHECKLIST.md'), CHECKLIST);
    envPath = path.join(root, '.envs/.production/.django');
    fs.mkdirSync(path.dirname(envPath), { recursive: true });
    fs.writeFileSync(envPath, 'DJANGO_DEBUG=True\nDJANGO_ALLOWED_HOSTS=example.com\n');
    checklistUri = URI.file(path.join(root, 'DEPLOYMENT_CHECKLIST.md')).toString();
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.shutdown();
  });

  it('publishes DJ901, DJ902 and DJ903 for the checklist file, with the untick fix', async () => {
    const diagnostics = await client.waitForDiagnostics(checklistUri, (d) => d.length >= 3);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      [
        ['DJ903', 2, 2],
        ['DJ901', 3, 34],
        ['DJ902', 6, 6],
      ],
    );
    const ticked = diagnostics[0];
    assert.equal(ticked.message, 'Ticked, but 1 problem remains: DJ202 in .envs/.production/.django:1.');
    assert.match(ticked.codeDescription!.href, /docs\/rules\/DJ903-checklist-ticked-but-failing\.md$/);
    const fix = (ticked.data as { fixes: { title: string; edits: { range: unknown; newText: string }[] }[] }).fixes[0];
    assert.deepEqual([fix.title, fix.edits[0].range, fix.edits[0].newText], ['Untick the item', { start: { line: 2, character: 3 }, end: { line: 2, character: 4 } }, ' ']);
  });

  it('answers preflight/checklist with sections, items, exact ranges and live status', async () => {
    const [folder] = (await client.sendRequest('preflight/checklist', {})) as FolderChecklist[];
    assert.equal(folder.checklistUri, checklistUri);
    const status = folder.status!;
    assert.deepEqual(status.sections.map((s) => [s.title, s.priority]), [['Deployment Checklist', null], ['Critical: must be complete', 'critical'], ['Testing', null]]);
    assert.deepEqual(
      status.items.map((item) => [item.text, item.state, item.status, item.checked, item.done, item.problems.length]),
      [
        ['DEBUG is off', 'automated', 'failing', true, false, 1],
        ['Hosts', 'automated', 'passing', false, true, 0],
        ['Backups tested', 'manual', null, false, false, 0],
        ['backups tested', 'manual', null, false, false, 0],
      ],
    );
    assert.deepEqual(status.items[2].checkRange, { start: { line: 4, character: 3 }, end: { line: 4, character: 4 } });
    assert.equal(status.items[2].checkChar, ' ');
    assert.deepEqual(status.items[0].problems[0].range, { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } });
    assert.deepEqual(status.summary, { total: 4, done: 1, openCritical: 2, failing: 1 });
  });

  it('follows the other files: fixing DEBUG in an open editor clears DJ903 and the item passes', async () => {
    const envUri = await client.open(envPath, 'DJANGO_DEBUG=True\nDJANGO_ALLOWED_HOSTS=example.com\n');
    await client.change(envUri, [{ range: { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } }, text: 'False' }]);
    const diagnostics = await client.waitForDiagnostics(checklistUri, (d) => !d.some((diagnostic) => diagnostic.code === 'DJ903'));
    assert.deepEqual(diagnostics.map((d) => d.code), ['DJ901', 'DJ902']);
    const [folder] = (await client.sendRequest('preflight/checklist', {})) as FolderChecklist[];
    assert.deepEqual([folder.status!.items[0].status, folder.status!.items[0].done], ['passing', true]);
  });

  it('reflects the checklist editor\'s unsaved text, and computes the sign-off edit', async () => {
    await client.open(path.join(root, 'DEPLOYMENT_CHECKLIST.md'), CHECKLIST.replace('- [ ] Backups tested', '- [x] Backups tested'), 'markdown');
    let folder: FolderChecklist | undefined;
    // didOpen is a notification: poll the request until the server has the editor's text.
    for (let attempt = 0; attempt < 50; attempt++) {
      [folder] = (await client.sendRequest('preflight/checklist', {})) as FolderChecklist[];
      if (folder.status!.items[2].checked) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(folder!.status!.items[2].checked, true);
    assert.equal(folder!.status!.items[2].checkChar, 'x');
    const signOff = (await client.sendRequest('preflight/checklistSignOff', { checklistUri, date: '2025-01-31', name: 'Ada', version: 'abc1234' })) as SignOffResult;
    assert.equal(signOff.openCritical, 0);
    assert.deepEqual(signOff.edit, { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, newText: '\n## Sign-off\n\n- 2025-01-31: abc1234 signed off by Ada\n' });
    // The client sends the editor's text of the moment: the record goes where that text says, not the server's copy.
    const current = `Intro.\n\n${CHECKLIST}`;
    const inCurrent = (await client.sendRequest('preflight/checklistSignOff', { checklistUri, date: '2025-01-31', name: 'Ada', version: 'abc1234', text: current })) as SignOffResult;
    const end = current.split('\n').length - 1;
    assert.deepEqual(inCurrent.edit.range, { start: { line: end, character: 0 }, end: { line: end, character: 0 } });
    const template = (await client.sendRequest('preflight/checklistTemplate', {})) as { text: string };
    assert.match(template.text, /^# Deployment Checklist\n/);
  });
});
