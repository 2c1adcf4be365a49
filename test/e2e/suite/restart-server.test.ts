import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { DiagnosticsWatch, withCode } from '../diagnostics-watch';
import { openInEditor, workspaceUri } from '../fixture-workspace';

const FILE = '.envs/.production/.django';

describe('Restart Server', () => {
  it('stops the server (its diagnostics go) and brings up one that validates edits again', async () => {
    const watch = new DiagnosticsWatch(workspaceUri(FILE));
    try {
      const editor = await openInEditor(FILE);
      await watch.until((all) => !!withCode(all, 'DJ201'), 'DJ201');
      const before = watch.history.length;

      await vscode.commands.executeCommand('preflight.restartServer');
      await watch.until(
        (all) => watch.history.slice(before).some((state) => state.length === 0) && !!withCode(all, 'DJ201'),
        'the diagnostics cleared by the stop and published again by the new server',
      );

      // The new server answers edits: fix the line by hand, then put it back.
      const debugLine = editor.document.getText().split('\n').findIndex((line) => line.startsWith('DJANGO_DEBUG='));
      const setDebug = (value: string) => editor.edit((edit) => edit.replace(editor.document.lineAt(debugLine).range, `DJANGO_DEBUG=${value}`));
      assert.ok(await setDebug('False'));
      await watch.until((all) => !withCode(all, 'DJ201') && all.length > 0, 'DJ201 gone after DJANGO_DEBUG=False');
      assert.ok(await setDebug('True'));
      await watch.until((all) => !!withCode(all, 'DJ201'), 'DJ201 back after DJANGO_DEBUG=True');
      await editor.document.save();
    } finally {
      watch.dispose();
    }
  });
});
