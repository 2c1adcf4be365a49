import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import type { PreflightApi } from '../../../client/src/extension';
import type { ChecklistNode } from '../../../client/src/checklist/tree-model';
import { activatedExtension, readOnDisk, removeWorkspaceSettings, workspaceRoot, workspaceUri } from '../fixture-workspace';
import { clearNotifications, screenshot } from '../screenshot';

const CHECKLIST = 'DEPLOYMENT_CHECKLIST.md';

function flatten(nodes: ChecklistNode[]): ChecklistNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** Refreshes until the tree satisfies the predicate: the server answers after its first validation. */
async function treeWhere(api: PreflightApi, predicate: (nodes: ChecklistNode[]) => boolean, what: string): Promise<ChecklistNode[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await api.checklist.refresh();
    const nodes = flatten(api.checklist.nodes);
    if (predicate(nodes)) return nodes;
    if (Date.now() > deadline) assert.fail(`the checklist tree never showed ${what}; it has ${nodes.length} nodes`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits, without asking for a refresh, until the tree satisfies the predicate. */
async function untilNodes(api: PreflightApi, predicate: (nodes: ChecklistNode[]) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!predicate(flatten(api.checklist.nodes))) {
    if (Date.now() > deadline) assert.fail(`the checklist tree never showed ${what} by itself`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('Deployment checklist view', () => {
  it('lists the template sections and items, with live status on automated items', async () => {
    const api = (await activatedExtension()).exports as PreflightApi;
    const nodes = await treeWhere(api, (all) => all.some((node) => node.kind === 'item' && node.contextValue.includes('failing')), 'a failing automated item');
    const sections = nodes.filter((node) => node.kind === 'section').map((node) => node.label);
    assert.ok(sections.some((label) => /Critical/.test(label)), `sections: ${sections.join(' | ')}`);
    assert.ok(sections.some((label) => /Important/.test(label)), `sections: ${sections.join(' | ')}`);
    const debug = nodes.find((node) => node.kind === 'item' && /DEBUG = False/.test(node.label));
    assert.ok(debug, 'the DEBUG item is in the tree');
    assert.ok(debug.children.some((child) => child.kind === 'problem' && /DJ20[12]/.test(child.label + child.description)), 'its findings are its children');

    await clearNotifications();
    await vscode.commands.executeCommand('workbench.view.extension.preflight-checklist');
    await screenshot('checklist-sidebar.png');
  });

  it('ticking a manual item changes exactly one byte of the file on disk', async () => {
    const api = (await activatedExtension()).exports as PreflightApi;
    const nodes = await treeWhere(api, (all) => all.some((node) => node.checkbox === 'unchecked' && node.tick !== null), 'an open manual item');
    const item = nodes.find((node) => node.checkbox === 'unchecked' && node.tick !== null)!;
    const before = readOnDisk(CHECKLIST);
    assert.ok(await api.checklist.applyTicks([{ target: item.tick!, checked: true }]), 'the tick applies');
    const after = readOnDisk(CHECKLIST);
    assert.equal(after.length, before.length, 'the file keeps its length');
    const changed = [...before].map((char, index) => (char === after[index] ? -1 : index)).filter((index) => index >= 0);
    assert.equal(changed.length, 1, `exactly one character changed, not ${changed.length}`);
    assert.equal(before[changed[0]], ' ');
    assert.equal(after[changed[0]], 'x');

    const refreshed = flatten(api.checklist.nodes).find((node) => node.id === item.id);
    assert.equal(refreshed?.checkbox, 'checked', 'the tree shows the item ticked');
    assert.ok(await api.checklist.applyTicks([{ target: refreshed!.tick!, checked: false }]), 'unticking applies');
    assert.equal(readOnDisk(CHECKLIST), before, 'unticking restores the file byte for byte');
  });
});

describe('Deployment checklist live status', () => {
  it('an automated item turns passing when its problem is fixed in the editor, before saving', async () => {
    const api = (await activatedExtension()).exports as PreflightApi;
    const isRedirect = (node: ChecklistNode) => node.kind === 'item' && /^Redirect HTTP to HTTPS/.test(node.label);
    const failing = await treeWhere(api, (all) => all.some((node) => isRedirect(node) && node.icon === 'failing'), 'the HTTPS-redirect item failing');
    assert.ok(failing.find(isRedirect)!.children.some((child) => /DJ405/.test(child.label + child.description + child.tooltip)));

    const document = await vscode.workspace.openTextDocument(workspaceUri('.envs/.production/.django'));
    const editor = await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((text) => text.startsWith('DJANGO_SECURE_SSL_REDIRECT='));
    const value = new vscode.Range(line, 'DJANGO_SECURE_SSL_REDIRECT='.length, line, document.lineAt(line).text.length);
    assert.ok(await editor.edit((edit) => edit.replace(value, 'True')));
    try {
      await treeWhere(api, (all) => all.some((node) => isRedirect(node) && node.icon === 'passing'), 'the HTTPS-redirect item passing after the edit');
    } finally {
      await vscode.commands.executeCommand('undo');
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});

describe('Checklist file setting', () => {
  it('follows preflight.checklistFile to another file at once, without a window reload', async () => {
    const api = (await activatedExtension()).exports as PreflightApi;
    const settings = vscode.workspace.getConfiguration('preflight');
    const other = path.join(workspaceRoot(), 'docs', 'go-live.md');
    fs.mkdirSync(path.dirname(other), { recursive: true });
    fs.writeFileSync(other, '# Go-live\n\n## Critical\n- [ ] Restore last night\'s backup on a scratch server\n');
    const isRestore = (node: ChecklistNode) => node.kind === 'item' && /^Restore last night's backup/.test(node.label);
    try {
      await settings.update('checklistFile', 'docs/go-live.md', vscode.ConfigurationTarget.Workspace);
      const nodes = await treeWhere(api, (all) => all.some(isRestore), 'the item of docs/go-live.md');
      assert.ok(!nodes.some((node) => node.kind === 'item' && /DEBUG = False/.test(node.label)), 'the default checklist is no longer shown');
      const item = nodes.find(isRestore)!;
      assert.ok(await api.checklist.applyTicks([{ target: item.tick!, checked: true }]), 'the tick applies');
      assert.match(fs.readFileSync(other, 'utf8'), /- \[x\] Restore last night's backup/);
      // The new file is watched: a change on disk (a git pull) reaches the tree with no refresh asked.
      fs.appendFileSync(other, '- [ ] Rotate the API keys\n');
      await untilNodes(api, (all) => all.some((node) => node.kind === 'item' && /^Rotate the API keys/.test(node.label)), 'the item added on disk');
    } finally {
      await settings.update('checklistFile', undefined, vscode.ConfigurationTarget.Workspace);
      removeWorkspaceSettings();
      fs.rmSync(path.dirname(other), { recursive: true, force: true });
    }
    await treeWhere(api, (all) => all.some((node) => node.kind === 'item' && /DEBUG = False/.test(node.label)), 'the default checklist back');
  });
});
