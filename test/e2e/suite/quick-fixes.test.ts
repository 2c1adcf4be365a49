import * as assert from 'assert';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { DiagnosticsWatch, describeAll, withCode } from '../diagnostics-watch';
import { openInEditor, readOnDisk, removeWorkspaceSettings, workspaceUri } from '../fixture-workspace';
import { clearNotifications, screenshot } from '../screenshot';

const FILE = '.envs/.production/.django';

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind.value)) ?? [];
}

describe('Quick fixes', () => {
  it('offers the rule\'s fix through executeCodeActionProvider; applying it removes the diagnostic, and undo brings it back', async () => {
    const uri = workspaceUri(FILE);
    const watch = new DiagnosticsWatch(uri);
    try {
      const editor = await openInEditor(FILE);
      const debug = withCode(await watch.until((all) => !!withCode(all, 'DJ201'), 'DJ201'), 'DJ201')!;
      const actions = await codeActions(uri, debug.range, vscode.CodeActionKind.QuickFix);
      const titles = actions.map((action) => action.title);
      const fix = actions.find((action) => action.title === 'Set DJANGO_DEBUG=False');
      assert.ok(fix, `the DJ201 fix is offered; got ${titles.join(' | ')}`);
      assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `the fix is a quick fix (${fix.kind?.value})`);
      assert.ok(titles.includes('Disable DJ201 for this line'), `a way to silence the rule is offered; got ${titles.join(' | ')}`);

      await watch.settled();
      await clearNotifications();
      editor.selection = new vscode.Selection(debug.range.start, debug.range.start);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await screenshot('quick-fix-menu.png');
      await vscode.commands.executeCommand('hideCodeActionWidget');

      assert.ok(fix.edit && (await vscode.workspace.applyEdit(fix.edit)), 'the fix applies');
      await watch.until((all) => !withCode(all, 'DJ201') && all.length > 0, 'DJ201 gone after the fix');
      assert.equal(editor.document.lineAt(debug.range.start.line).text, 'DJANGO_DEBUG=False');

      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      await watch.until((all) => !!withCode(all, 'DJ201'), 'DJ201 back after undo');
      assert.equal(editor.document.getText(), readOnDisk(FILE), 'undo restores the text exactly');
    } finally {
      watch.dispose();
    }
  });

  it('fixes every safe problem of a file on save with source.fixAll.preflight in editor.codeActionsOnSave', async () => {
    const uri = workspaceUri(FILE);
    const original = readOnDisk(FILE);
    const editorSettings = vscode.workspace.getConfiguration('editor', uri);
    const watch = new DiagnosticsWatch(uri);
    try {
      const editor = await openInEditor(FILE);
      const before = await watch.until((all) => !!withCode(all, 'DJ201'), 'DJ201');
      const fixAll = await codeActions(uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.append('preflight'));
      assert.equal(fixAll.length, 1, `one fix-all action; got ${fixAll.map((action) => action.title).join(' | ')}`);

      await editorSettings.update('codeActionsOnSave', { 'source.fixAll.preflight': 'explicit' }, vscode.ConfigurationTarget.Workspace);
      // A change to save: a comment line at the end.
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '# reviewed\n')));
      assert.ok(await editor.document.save(), 'the save succeeds');

      const onDisk = readOnDisk(FILE);
      assert.match(onDisk, /^DJANGO_DEBUG=False$/m, 'the fix-all on save turned DEBUG off on disk');
      assert.match(onDisk, /# reviewed\n$/, 'the edit that was saved is kept');
      const after = await watch.until((all) => !withCode(all, 'DJ201'), 'DJ201 gone after the save');
      assert.ok(after.length < before.length, `fewer problems after fix-all: ${describeAll(before)} -> ${describeAll(after)}`);
    } finally {
      watch.dispose();
      await editorSettings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
      removeWorkspaceSettings();
      // Put the file back for the tests after this one.
      const editor = await openInEditor(FILE);
      await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), original));
      await editor.document.save();
    }
  });
});
