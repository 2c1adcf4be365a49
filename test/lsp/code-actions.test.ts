/** Code actions over LSP: request them for a diagnostic, apply the WorkspaceEdit as an editor would, watch the diagnostic go. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { applyEdits } from '../../server/src/engine/fix-all';
import { LspClient, SERVER_BUNDLE } from './lsp-client';
import { writeTempProject } from '../temp-project';

const DJANGO = 'DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_DEBUG=True\nDATABASE_URL=postgres://app:password@db.example.com:5432/app\n';
const POSTGRES = 'POSTGRES_HOST=postgres\nPOSTGRES_USER=app\nPOSTGRES_PASSWORD=postgres\n';

describe('code actions over stdio', { timeout: 60_000 }, () => {
  let client: LspClient;
  let root: string;
  /** The editor's copy of each open file. */
  const texts = new Map<string, string>();

  const uriOf = (relative: string) => URI.file(path.join(root, relative)).toString();

  async function open(relative: string): Promise<string> {
    const text = fs.readFileSync(path.join(root, relative), 'utf8');
    const uri = await client.open(path.join(root, relative), text);
    texts.set(uri, text);
    return uri;
  }

  async function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return (await client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } })) as CodeAction[];
  }

  /** Applies a WorkspaceEdit to the open documents, sending the new text as an editor does. */
  async function apply(edit: WorkspaceEdit): Promise<string[]> {
    const changes = Object.entries(edit.changes ?? {}) as [string, TextEdit[]][];
    for (const [uri, edits] of changes) {
      if (!texts.has(uri)) await open(path.relative(root, URI.parse(uri).fsPath));
      const text = applyEdits(texts.get(uri)!, edits);
      texts.set(uri, text);
      await client.change(uri, [{ text }]);
    }
    return changes.map(([uri]) => uri);
  }

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build first`);
    root = writeTempProject({ '.envs/.production/.django': DJANGO, '.envs/.production/.postgres': POSTGRES }, 'preflight-actions-');
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.shutdown();
  });

  it('a quick fix for DJ202, preferred, makes the diagnostic disappear', async () => {
    const uri = await open('.envs/.production/.django');
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'DJ202'));
    const debug = diagnostics.find((d) => d.code === 'DJ202')!;
    const actions = await actionsFor(uri, [debug]);
    const titles = actions.map((action) => action.title);
    // Repairs first, then the ways to silence the rule or read about it (and fix-all, for the source menu).
    const silencing = ['Disable DJ202 for this line', 'Disable DJ202 for this file', 'Show documentation for DJ202'];
    assert.deepEqual(titles.filter((title) => silencing.includes(title)), silencing);
    assert.ok(titles.indexOf('Set DJANGO_DEBUG=False') < titles.indexOf(silencing[0]));
    const fix = actions.find((action) => action.title === 'Set DJANGO_DEBUG=False')!;
    assert.ok(fix, `no DJ202 fix among ${titles.join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [debug]);
    await apply(fix.edit!);
    assert.match(texts.get(uri)!, /^DJANGO_DEBUG=False$/m);
    await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'DJ202'));
  });

  it('"Show documentation" runs the client command with the rule page', async () => {
    const uri = uriOf('.envs/.production/.django');
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    const actions = await actionsFor(uri, [diagnostics[0]]);
    const docs = actions.find((action) => action.title.startsWith('Show documentation'))!;
    assert.equal(docs.command!.command, 'preflight.showDocumentation');
    assert.equal(docs.command!.arguments![0], diagnostics[0].codeDescription!.href);
  });

  it('"Disable DJxxx for this line" writes the directive and silences the rule there', async () => {
    const uri = uriOf('.envs/.production/.django');
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'DJ606'));
    const ssl = diagnostics.find((d) => d.code === 'DJ606')!;
    const disable = (await actionsFor(uri, [ssl])).find((action) => action.title === 'Disable DJ606 for this line')!;
    await apply(disable.edit!);
    assert.match(texts.get(uri)!, /^# preflight: disable-next-line DJ606\nDATABASE_URL=/m);
    await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'DJ606'));
  });

  it('a cross-file fix is one WorkspaceEdit that edits both files; both diagnostics disappear', async () => {
    const postgres = await open('.envs/.production/.postgres');
    const django = uriOf('.envs/.production/.django');
    const diagnostics = await client.waitForDiagnostics(postgres, (d) => d.some((x) => x.code === 'DJ111'));
    await client.waitForDiagnostics(django, (d) => d.some((x) => x.code === 'DJ111'));
    const weak = diagnostics.find((d) => d.code === 'DJ111')!;
    const fix = (await actionsFor(postgres, [weak])).find((action) => action.title.startsWith('Replace POSTGRES_PASSWORD with a generated password'))!;
    assert.ok(fix, 'no DJ111 fix');
    assert.match(fix.title, /also DATABASE_URL's password in \.envs\/\.production\/\.django/);
    assert.deepEqual(Object.keys(fix.edit!.changes!).sort(), [django, postgres].sort());
    await apply(fix.edit!);
    const password = /^POSTGRES_PASSWORD=([A-Za-z0-9]{32})$/m.exec(texts.get(postgres)!)![1];
    assert.ok(texts.get(django)!.includes(`postgres://app:${password}@db.example.com:5432/app`), 'the URL got the same new password');
    await client.waitForDiagnostics(postgres, (d) => !d.some((x) => x.code === 'DJ111'));
    await client.waitForDiagnostics(django, (d) => !d.some((x) => x.code === 'DJ111'));
  });

  it('source.fixAll.preflight applies the safe fixes only, and then offers nothing', async () => {
    const uri = uriOf('.envs/.production/.django');
    const text = texts.get(uri)!.replace('DJANGO_DEBUG=False', 'DJANGO_DEBUG=yes') + 'LOG_LEVEL=DEBUG\nDJANGO_SECRET_KEY=short\n';
    texts.set(uri, text);
    await client.change(uri, [{ text }]);
    await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'DJ207'));
    const [fixAll, ...others] = await actionsFor(uri, [], ['source.fixAll']);
    assert.deepEqual(others, []);
    assert.equal(fixAll.kind, 'source.fixAll.preflight');
    await apply(fixAll.edit!);
    assert.match(texts.get(uri)!, /^DJANGO_DEBUG=False$/m);
    assert.match(texts.get(uri)!, /^LOG_LEVEL=INFO$/m);
    assert.match(texts.get(uri)!, /^DJANGO_SECRET_KEY=short$/m, 'a new key needs review: never applied by fix-all');
    await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'DJ207' || x.code === 'DJ202'));
    assert.deepEqual(await actionsFor(uri, [], ['source.fixAll.preflight']), []);
  });

  it('a stale diagnostic (text changed since) gets no fix', async () => {
    const uri = uriOf('.envs/.production/.django');
    const stale: Diagnostic = { range: { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } }, message: 'old', source: 'preflight', code: 'DJ202' };
    assert.deepEqual(await actionsFor(uri, [stale], ['quickfix']), []);
  });
});
