import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { DiagnosticsWatch, ExpectedSquiggle, assertSquiggles, screenshotHover, withCode } from '../diagnostics-watch';
import { closeAllEditors, openInEditor, workspaceUri } from '../fixture-workspace';

const COMPOSE = 'docker-compose.production.yml';

describe('Compose file squiggles', () => {
  it('underlines the development server and the published ports of the production compose file', async () => {
    const watch = new DiagnosticsWatch(workspaceUri(COMPOSE));
    try {
      await closeAllEditors();
      const editor = await openInEditor(COMPOSE);
      const diagnostics = await watch.until((all) => ['DJ701', 'DJ702', 'DJ703'].every((code) => withCode(all, code)), 'DJ701, DJ702 and DJ703');
      const expectations: ExpectedSquiggle[] = [
        ['DJ703', '    command: python manage.py runserver 0.0.0.0:8000', 'python manage.py runserver 0.0.0.0:8000', vscode.DiagnosticSeverity.Error],
        ['DJ702', '      - "8000:8000"', '"8000:8000"', vscode.DiagnosticSeverity.Warning],
        ['DJ701', '      - "5432:5432"', '"5432:5432"', vscode.DiagnosticSeverity.Error],
      ];
      assertSquiggles(editor, diagnostics, expectations);

      await screenshotHover(watch, editor, withCode(diagnostics, 'DJ701')!, 'compose-file-hover.png');
    } finally {
      watch.dispose();
    }
  });
});
