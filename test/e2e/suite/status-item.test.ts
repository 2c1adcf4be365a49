import * as assert from 'assert';
import { describe, it } from 'mocha';
import type { PreflightApi } from '../../../client/src/extension';
import { activatedExtension, closeAllEditors, openInEditor, workspaceUri } from '../fixture-workspace';

/** What the language status items show, once they show it for `uri` (they follow the active editor). */
async function shownFor(api: PreflightApi, uri: string): Promise<NonNullable<PreflightApi['statusItems']['shown']>['status']> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const shown = api.statusItems.shown;
    if (shown?.uri === uri) return shown.status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the status items never showed ${uri}: ${JSON.stringify(api.statusItems.shown)}`);
}

describe('Language status items', () => {
  it('show the context and the production settings module of the active deployment file, and why', async () => {
    const api = (await activatedExtension()).exports as PreflightApi;
    await closeAllEditors();
    await openInEditor('.envs/.production/.django');
    const env = await shownFor(api, workspaceUri('.envs/.production/.django').toString());
    assert.equal(env.context, 'production');
    assert.equal(env.settingsModule, 'config.settings.production');
    assert.equal(env.settingsOrigin, '.envs/.production/.django line 3');
    assert.equal(env.checklistExists, true);
    // Another file, another status: local.py is development, production still runs production.py.
    await openInEditor('config/settings/local.py');
    const local = await shownFor(api, workspaceUri('config/settings/local.py').toString());
    assert.equal(local.context, 'development');
    assert.equal(local.settingsModule, 'config.settings.production');
  });
});
