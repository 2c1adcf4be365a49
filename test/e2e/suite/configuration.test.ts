import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { DiagnosticsWatch, withCode } from '../diagnostics-watch';
import { openInEditor, readOnDisk, removeWorkspaceSettings, workspaceUri } from '../fixture-workspace';

const FILE = '.envs/.production/.django';

describe('Configuration', () => {
  it('applies a severity override from the settings at once, and undoing it restores the default', async () => {
    const watch = new DiagnosticsWatch(workspaceUri(FILE));
    const settings = vscode.workspace.getConfiguration('preflight', workspaceUri(FILE));
    try {
      await openInEditor(FILE);
      await watch.until((all) => withCode(all, 'DJ603')?.severity === vscode.DiagnosticSeverity.Error && !!withCode(all, 'DJ604'), 'DJ603 as an error and DJ604');

      // By code and by name, as the setting's description promises.
      await settings.update('rules', { DJ603: 'warning', 'admin-url-default': 'off' }, vscode.ConfigurationTarget.Workspace);
      assert.match(readOnDisk('.vscode/settings.json'), /"DJ603": "warning"/);
      await watch.until(
        (all) => withCode(all, 'DJ603')?.severity === vscode.DiagnosticSeverity.Warning && !withCode(all, 'DJ604'),
        'DJ603 downgraded to a warning and DJ604 gone',
      );

      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      await watch.until((all) => withCode(all, 'DJ603')?.severity === vscode.DiagnosticSeverity.Error && !!withCode(all, 'DJ604'), 'the default severities back');
    } finally {
      watch.dispose();
      removeWorkspaceSettings();
    }
  });
});
