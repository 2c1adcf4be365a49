import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'mocha';
import * as vscode from 'vscode';
import { DiagnosticsWatch, describeAll, withCode } from '../diagnostics-watch';
import { EXTENSION_ID, activatedExtension, openInEditor, workspaceUri } from '../fixture-workspace';

describe('The packaged VSIX', () => {
  it('is installed from django-preflight.vsix, activates and reports diagnostics', async () => {
    const extension = await activatedExtension();
    const installedIn = process.env.PREFLIGHT_E2E_EXTENSIONS_DIR;
    assert.ok(installedIn, 'the runner names the extensions folder it installed the VSIX into');
    assert.ok(
      path.resolve(extension.extensionPath).startsWith(path.resolve(installedIn) + path.sep),
      `${EXTENSION_ID} runs from the extensions folder (${extension.extensionPath}), not from the development checkout`,
    );
    console.log(`[e2e] installed extension ${extension.packageJSON.version} at ${extension.extensionPath}`);
    // What .vscodeignore lets through: the bundles and what the Marketplace page shows, no sources or node_modules.
    const shipped = fs.readdirSync(extension.extensionPath).sort();
    assert.deepEqual(shipped.filter((name) => ['node_modules', 'out', 'test', 'server', 'client', 'examples'].includes(name)), []);
    for (const file of ['dist/client.js', 'dist/server.js', 'changelog.md', 'readme.md', ...filesNamedBy(extension.packageJSON)]) {
      assert.ok(fs.existsSync(path.join(extension.extensionPath, file)), `the VSIX ships ${file} (it has ${shipped.join(', ')})`);
    }

    const file = '.envs/.production/.django';
    const watch = new DiagnosticsWatch(workspaceUri(file));
    try {
      const editor = await openInEditor(file);
      const diagnostics = await watch.until((all) => !!withCode(all, 'DJ201'), 'DJ201');
      assert.equal(editor.document.getText(withCode(diagnostics, 'DJ201')!.range), 'True', `DJ201 underlines the value; got ${describeAll(diagnostics)}`);
    } finally {
      watch.dispose();
    }
  });
});

/** Every file the manifest points at (icons, grammars): each must be in the package, or VS Code shows a blank. */
function filesNamedBy(manifest: Record<string, unknown>): string[] {
  const files: string[] = [];
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if ((key === 'icon' || key === 'path' || key === 'light' || key === 'dark') && !value.startsWith('$(')) files.push(path.normalize(value));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (value && typeof value === 'object') {
      for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
    }
  };
  visit({ icon: manifest.icon, contributes: manifest.contributes }, '');
  return [...new Set(files)];
}
