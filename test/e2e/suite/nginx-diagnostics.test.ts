import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { DiagnosticsWatch, ExpectedSquiggle, assertSquiggles, describeAll, withCode } from '../diagnostics-watch';
import { openInEditor, workspaceUri } from '../fixture-workspace';

const SITE = 'deploy/nginx/shop.conf';

describe('nginx squiggles', () => {
  it('opens a site as the nginx language and underlines server_tokens and the location that forwards neither Host nor the X-Forwarded-Proto production trusts, pointing at the setting', async () => {
    const watch = new DiagnosticsWatch(workspaceUri(SITE));
    try {
      const editor = await openInEditor(SITE);
      assert.equal(editor.document.languageId, 'nginx', 'the extension contributes the nginx language');
      const diagnostics = await watch.until((all) => ['DJ304', 'DJ413', 'DJ415'].every((code) => withCode(all, code)), 'DJ304, DJ413 and DJ415');
      const expectations: ExpectedSquiggle[] = [
        ['DJ415', '    server_tokens on;', 'server_tokens on;', vscode.DiagnosticSeverity.Information],
        ['DJ304', '    location / {', 'location /', vscode.DiagnosticSeverity.Warning],
        ['DJ413', '    location / {', 'location /', vscode.DiagnosticSeverity.Warning],
      ];
      assertSquiggles(editor, diagnostics, expectations);
      assert.equal(diagnostics.length, 3, `only those three; got ${describeAll(diagnostics)}`);
      // One root cause across two files: the squiggle is where the fix goes, the setting is related information.
      const related = withCode(diagnostics, 'DJ413')!.relatedInformation ?? [];
      assert.ok(
        related.some((info) => vscode.workspace.asRelativePath(info.location.uri) === 'config/settings/production.py' && info.message.includes('SECURE_PROXY_SSL_HEADER')),
        `DJ413 points at SECURE_PROXY_SSL_HEADER in the production settings; got ${related.map((info) => `${vscode.workspace.asRelativePath(info.location.uri)}: ${info.message}`).join('; ')}`,
      );
    } finally {
      watch.dispose();
    }
  });
});
