import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { DiagnosticsWatch, ExpectedSquiggle, assertSquiggles, describeAll, withCode } from '../diagnostics-watch';
import { openInEditor, workspaceUri } from '../fixture-workspace';

describe('Procfile squiggles', () => {
  it('opens a Procfile as the procfile language and underlines the development server and the missing release', async () => {
    const watch = new DiagnosticsWatch(workspaceUri('Procfile'));
    try {
      const editor = await openInEditor('Procfile');
      assert.equal(editor.document.languageId, 'procfile', 'the extension contributes the procfile language');
      const diagnostics = await watch.until((all) => ['DJ703', 'DJ717'].every((code) => withCode(all, code)), 'DJ703 and DJ717');
      const expectations: ExpectedSquiggle[] = [
        ['DJ703', 'web: python manage.py runserver 0.0.0.0:$PORT', 'python manage.py runserver 0.0.0.0:$PORT', vscode.DiagnosticSeverity.Error],
        ['DJ717', 'web: python manage.py runserver 0.0.0.0:$PORT', 'web', vscode.DiagnosticSeverity.Warning],
      ];
      assertSquiggles(editor, diagnostics, expectations);
      assert.equal(diagnostics.length, 2, `only those two; got ${describeAll(diagnostics)}`);
    } finally {
      watch.dispose();
    }
  });
});
