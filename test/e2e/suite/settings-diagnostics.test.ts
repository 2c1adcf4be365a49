import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { DiagnosticsWatch, ExpectedSquiggle, assertSquiggles, screenshotHover, withCode } from '../diagnostics-watch';
import { closeAllEditors, openInEditor, workspaceUri } from '../fixture-workspace';

const SETTINGS = 'config/settings/production.py';

describe('Settings module squiggles', () => {
  it('underlines the settings of the production settings module that break the checklist', async () => {
    const watch = new DiagnosticsWatch(workspaceUri(SETTINGS));
    try {
      await closeAllEditors();
      const editor = await openInEditor(SETTINGS);
      const diagnostics = await watch.until((all) => ['DJ302', 'DJ501', 'DJ402'].every((code) => withCode(all, code)), 'DJ302, DJ501 and DJ402');
      const expectations: ExpectedSquiggle[] = [
        ['DJ302', 'ALLOWED_HOSTS = ["*"]', '"*"', vscode.DiagnosticSeverity.Warning],
        ['DJ501', 'SESSION_COOKIE_SECURE = False', 'False', vscode.DiagnosticSeverity.Error],
        ['DJ402', 'SECURE_HSTS_SECONDS = 60', '60', vscode.DiagnosticSeverity.Information],
      ];
      assertSquiggles(editor, diagnostics, expectations);
      // local.py is development: DEBUG = True there is fine.
      assert.deepEqual(vscode.languages.getDiagnostics(workspaceUri('config/settings/local.py')).filter((d) => d.source === 'preflight').map((d) => d.code), []);

      await screenshotHover(watch, editor, withCode(diagnostics, 'DJ501')!, 'settings-file-hover.png');
    } finally {
      watch.dispose();
    }
  });
});
