import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { DiagnosticsWatch, withCode } from '../diagnostics-watch';
import { activatedExtension, openInEditor, workspaceUri } from '../fixture-workspace';

const PRODUCTION_DJANGO = '.envs/.production/.django';

describe('Restricted Mode', () => {
  it('the folder is not trusted: workspace trust is on and nobody granted it', () => {
    assert.equal(vscode.workspace.getConfiguration('security.workspace.trust').get('enabled'), true, 'workspace trust is enabled');
    assert.equal(vscode.workspace.isTrusted, false, 'the workspace is in Restricted Mode');
  });

  it('Preflight still activates and reports: it reads files and runs nothing', async () => {
    const watch = new DiagnosticsWatch(workspaceUri(PRODUCTION_DJANGO));
    try {
      await openInEditor(PRODUCTION_DJANGO);
      const diagnostics = await watch.until((all) => ['DJ201', 'DJ604'].every((code) => withCode(all, code)), 'DJ201 and DJ604 in Restricted Mode');
      assert.equal(withCode(diagnostics, 'DJ201')!.severity, vscode.DiagnosticSeverity.Error);
      assert.ok((await activatedExtension()).isActive);
      // Still untrusted after the extension ran: nothing asked for trust.
      assert.equal(vscode.workspace.isTrusted, false);
    } finally {
      watch.dispose();
    }
  });
});
