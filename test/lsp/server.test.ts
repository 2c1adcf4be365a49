import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { LspClient, SERVER_BUNDLE } from './lsp-client';
import { writeTempProject } from '../temp-project';

const ACCEPTANCE_ENV = 'DJANGO_DEBUG=True\nDJANGO_SECRET_KEY=short\nDATABASE_URL=sqlite:///db.sqlite3\n';

function workspace(files: Record<string, string>): string {
  const root = writeTempProject(files, 'preflight-lsp-');
  return root;
}

const codes = (diagnostics: { code?: number | string }[]) => diagnostics.map((d) => d.code).sort();

describe('language server over stdio', { timeout: 60_000 }, () => {
  let client: LspClient;
  let root: string;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build first`);
    root = workspace({
      '.envs/.production/.django': 'DJANGO_SECRET_KEY=django-insecure-abc\nDJANGO_DEBUG=yes\n',
      '.envs/.local/.django': 'DJANGO_DEBUG=True\n',
      'node_modules/pkg/.env': 'DEBUG=True\n',
    });
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.shutdown();
  });

  it('publishes diagnostics for workspace env files nobody opened', async () => {
    const uri = URI.file(path.join(root, '.envs/.production/.django')).toString();
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length > 0);
    assert.ok(codes(diagnostics).includes('DJ202'));
    const debug = diagnostics.find((d) => d.code === 'DJ202')!;
    assert.deepEqual(debug.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } });
    assert.equal(debug.severity, DiagnosticSeverity.Error);
    assert.equal(debug.source, 'preflight');
    assert.match(debug.codeDescription!.href, /docs\/rules\/DJ202-debug-enabled-by-env\.md$/);
    assert.match(debug.relatedInformation![0].message, /production context: its path says "production"/);
    // Development files get an empty publication, skipped folders none at all.
    const local = await client.waitForDiagnostics(URI.file(path.join(root, '.envs/.local/.django')).toString());
    assert.deepEqual(local, []);
    assert.equal(client.diagnostics.has(URI.file(path.join(root, 'node_modules/pkg/.env')).toString()), false);
  });

  it('diagnoses an opened .env: DJ202, DJ102, DJ601, DJ402 at the right places, secret masked', async () => {
    const uri = await client.open(path.join(root, '.env'), ACCEPTANCE_ENV);
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.length >= 4);
    const byCode = new Map(diagnostics.map((d) => [d.code, d]));
    for (const code of ['DJ202', 'DJ102', 'DJ601', 'DJ402']) assert.ok(byCode.has(code), `missing ${code} in ${codes(diagnostics)}`);
    assert.equal(byCode.get('DJ202')!.range.start.line, 0);
    assert.equal(byCode.get('DJ102')!.range.start.line, 1);
    assert.equal(byCode.get('DJ601')!.range.start.line, 2);
    assert.equal(byCode.get('DJ402')!.range.start.line, 0);
    // .env alone is of unknown context: errors are softened to warnings.
    assert.equal(byCode.get('DJ202')!.severity, DiagnosticSeverity.Warning);
    for (const diagnostic of diagnostics) assert.ok(!diagnostic.message.includes('short'), `secret shown: ${diagnostic.message}`);
  });

  it('re-diagnoses on incremental edits', async () => {
    const uri = URI.file(path.join(root, '.env')).toString();
    await client.change(uri, [{ range: { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } }, text: 'False' }]);
    // A project-wide validation scheduled before the edit may still publish first: wait for the result of the edit.
    const diagnostics = await client.waitForDiagnostics(uri, (d) => !codes(d).includes('DJ202'));
    assert.deepEqual(codes(diagnostics), ['DJ102', 'DJ402', 'DJ601']);
  });

  it('applies severity overrides from configuration without a restart', async () => {
    const uri = URI.file(path.join(root, '.env')).toString();
    await client.changeSettings({ rules: { DJ402: 'error', 'sqlite-in-production': 'off' } });
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'DJ402' && x.severity === DiagnosticSeverity.Error));
    assert.ok(!codes(diagnostics).includes('DJ601'));
    await client.changeSettings({ enable: false });
    await client.waitForDiagnostics(uri, (d) => d.length === 0);
    await client.changeSettings({});
    await client.waitForDiagnostics(uri, (d) => d.length > 0);
  });

  it('treats productionGlobs as production', async () => {
    const uri = URI.file(path.join(root, '.env')).toString();
    await client.changeSettings({ productionGlobs: ['.env'] });
    const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'DJ102' && x.severity === DiagnosticSeverity.Error));
    assert.match(diagnostics[0].relatedInformation![0].message, /matches preflight.productionGlobs/);
    await client.changeSettings({});
  });

  it('survives malformed input and keeps answering', async () => {
    const binary = await client.open(path.join(root, 'bin/.env'), 'PK\u0003\u0004\u0000\u0000garbage');
    assert.deepEqual(codes(await client.waitForDiagnostics(binary)), ['DJ001']);
    const huge = await client.open(path.join(root, 'huge/.env'), 'A=' + 'x'.repeat(20 * 1024 * 1024));
    const hugeDiagnostics = await client.waitForDiagnostics(huge);
    assert.deepEqual(codes(hugeDiagnostics), ['DJ001']);
    assert.match(hugeDiagnostics[0].message, /skipped/);
    const broken = await client.open(path.join(root, 'broken/.env'), 'DJANGO_DEBUG="True\nSECRET_KEY=\'open\n\uFFFD\uFFFD=\uFFFD\n=\n"');
    await client.waitForDiagnostics(broken);
    const notAFile = await client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere/.env' }, position: { line: 99, character: 99 } }).catch((error) => error);
    assert.ok(notAFile !== undefined);
    // Still serving: a fresh document gets fresh diagnostics.
    const after = await client.open(path.join(root, 'after/.env'), 'DJANGO_DEBUG=on\n');
    assert.ok(codes(await client.waitForDiagnostics(after, (d) => d.length > 0)).includes('DJ202'));
  });
});
