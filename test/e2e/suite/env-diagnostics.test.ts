import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { cliFindings, describeFinding } from '../cli-findings';
import { DiagnosticsWatch, ExpectedSquiggle, assertSquiggles, describeAll, describeDiagnostic, screenshotHover, untilWorkspace, withCode } from '../diagnostics-watch';
import { activatedExtension, openInEditor, workspaceRoot, workspaceUri } from '../fixture-workspace';
import { clearNotifications, screenshot } from '../screenshot';

const PRODUCTION_DJANGO = '.envs/.production/.django';
const PRODUCTION_POSTGRES = '.envs/.production/.postgres';

describe('Env file squiggles', () => {
  it('underlines exactly the offending values of a production env file, with code, severity and docs link', async () => {
    const watch = new DiagnosticsWatch(workspaceUri(PRODUCTION_DJANGO));
    try {
      const editor = await openInEditor(PRODUCTION_DJANGO);
      const diagnostics = await watch.until((all) => ['DJ201', 'DJ604', 'DJ103'].every((code) => withCode(all, code)), 'DJ201, DJ604 and DJ103');
      const expectations: ExpectedSquiggle[] = [
        ['DJ201', 'DJANGO_DEBUG=True', 'True', vscode.DiagnosticSeverity.Error],
        ['DJ604', 'DJANGO_ADMIN_URL=admin/', 'admin/', vscode.DiagnosticSeverity.Warning],
        ['DJ405', 'DJANGO_SECURE_SSL_REDIRECT=False', 'False', vscode.DiagnosticSeverity.Warning],
        ['DJ603', 'DJANGO_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend', 'django.core.mail.backends.console.EmailBackend', vscode.DiagnosticSeverity.Error],
      ];
      assertSquiggles(editor, diagnostics, expectations);
      for (const [code] of expectations) {
        const link = withCode(diagnostics, code)!.code as { value: string; target: vscode.Uri };
        assert.match(link.target.toString(), new RegExp(`/docs/rules/${code}-[a-z-]+\\.md$`), `${code} links to its docs page`);
      }
      const secret = withCode(diagnostics, 'DJ103')!;
      assert.ok(!secret.message.includes('7hq2k9wzr4mx8p1vd6tc3nb5yf0gj'), 'the message does not print the secret key');

      await screenshotHover(watch, editor, withCode(diagnostics, 'DJ201')!, 'env-file-hover.png');
    } finally {
      watch.dispose();
    }
  });

  it('reports on the production files nobody opened, and the editor agrees with the CLI on the whole project', async () => {
    await activatedExtension();
    const repository = vscode.extensions.getExtension('django-preflight.django-preflight')!.extensionPath;
    const expected = new Map<string, string>();
    for (const finding of cliFindings(repository, workspaceRoot())) {
      const uri = workspaceUri(finding.file).toString();
      expected.set(uri, [expected.get(uri), describeFinding(finding)].filter(Boolean).join(', '));
    }
    for (const [uri, described] of expected) expected.set(uri, described.split(', ').sort().join(', '));
    assert.ok(expected.has(workspaceUri(PRODUCTION_POSTGRES).toString()), 'the CLI reports on the Postgres env file');
    const state = (all: [vscode.Uri, vscode.Diagnostic[]][]) =>
      all.map(([uri, diagnostics]) => `${vscode.workspace.asRelativePath(uri)}: ${describeAll(diagnostics)}`).join('; ') || '(nothing)';
    const all = await untilWorkspace(
      (current) => current.length === expected.size && current.every(([uri, diagnostics]) => expected.get(uri.toString()) === describeAll(diagnostics)),
      `the CLI's findings (${[...expected].map(([uri, described]) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(uri))}: ${described}`).join('; ')})`,
      state,
    );
    // The workspace's pyproject.toml turns restart-policy-missing (DJ714) off by name: both read it.
    assert.ok(!all.some(([, diagnostics]) => withCode(diagnostics, 'DJ714')), '[tool.preflight.rules] turns DJ714 off in the editor too');
    const postgres = all.find(([uri]) => uri.toString() === workspaceUri(PRODUCTION_POSTGRES).toString())![1];
    const credential = withCode(postgres, 'DJ111');
    assert.ok(credential, `DJ111 on the Postgres password; got ${describeAll(postgres)}`);
    assert.equal(describeDiagnostic(credential), 'DJ111@7:19-7:27');
    assert.ok(
      !vscode.workspace.textDocuments.some((document) => document.uri.toString() === workspaceUri(PRODUCTION_POSTGRES).toString()),
      'the Postgres env file was never opened',
    );
    assert.ok(!all.some(([uri]) => vscode.workspace.asRelativePath(uri).startsWith('.envs/.local/')), 'local env files get no diagnostics');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openInEditor(PRODUCTION_DJANGO);
    await clearNotifications();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems-panel.png');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });
});
