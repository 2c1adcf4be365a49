import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { DiagnosticsWatch, ExpectedSquiggle, assertSquiggles, describeAll, withCode } from '../diagnostics-watch';
import { openInEditor, workspaceUri } from '../fixture-workspace';

const UNIT = 'deploy/systemd/shop.service';
const EXEC_START = 'ExecStart=/srv/shop/venv/bin/python manage.py runserver 0.0.0.0:8000';

describe('systemd unit squiggles', () => {
  it('opens a unit as ini and underlines the development server and the missing [Install], with DJ719 silenced by its own-line directive', async () => {
    const watch = new DiagnosticsWatch(workspaceUri(UNIT));
    try {
      const editor = await openInEditor(UNIT);
      assert.equal(editor.document.languageId, 'ini', "the extension maps *.service to VS Code's ini language");
      const diagnostics = await watch.until((all) => ['DJ703', 'DJ720'].every((code) => withCode(all, code)), 'DJ703 and DJ720');
      const expectations: ExpectedSquiggle[] = [
        ['DJ703', EXEC_START, '/srv/shop/venv/bin/python manage.py runserver 0.0.0.0:8000', vscode.DiagnosticSeverity.Error],
        ['DJ720', EXEC_START, 'ExecStart', vscode.DiagnosticSeverity.Warning],
      ];
      assertSquiggles(editor, diagnostics, expectations);
      // No User=: DJ719 would report on ExecStart, but the directive above silences it (and is used, so no DJ002).
      assert.ok(!withCode(diagnostics, 'DJ719'), `DJ719 is silenced; got ${describeAll(diagnostics)}`);
      assert.equal(diagnostics.length, 2, `only those two; got ${describeAll(diagnostics)}`);
    } finally {
      watch.dispose();
    }
  });
});
