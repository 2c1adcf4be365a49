/**
 * One root cause on one line: DJ201 (the settings read) and DJ202 (the env value) judge the same
 * DJANGO_DEBUG=True, so the line carries one diagnostic, DJ201, with DJ202's place as related
 * information, and the repair is offered once.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, it } from 'node:test';
import { CodeAction } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { LspClient } from './lsp-client';
import { writeTempProject } from '../temp-project';

const FILES: Record<string, string> = {
  'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")\n',
  'config/__init__.py': '',
  'config/settings/__init__.py': '',
  'config/settings/production.py': 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n',
  '.envs/.production/.django': 'DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_DEBUG=True\n',
};

let client: LspClient;
let root: string;

before(async () => {
  root = writeTempProject(FILES, 'preflight-shared-fix-');
  client = new LspClient();
  await client.initialize(root);
});

after(async () => {
  await client.shutdown();
});

it('reports DJANGO_DEBUG=True once (DJ201, DJ202 merged) and offers "Set DJANGO_DEBUG=False" once', { timeout: 30_000 }, async () => {
  const envPath = path.join(root, '.envs/.production/.django');
  const uri = await client.open(envPath, FILES['.envs/.production/.django']);
  const diagnostics = await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'DJ201' && x.range.start.line === 1));
  const onLine = diagnostics.filter((d) => d.range.start.line === 1 && (d.code === 'DJ201' || d.code === 'DJ202'));
  assert.deepEqual(onLine.map((d) => d.code), ['DJ201'], JSON.stringify(onLine.map((d) => d.code)));
  assert.ok(onLine[0].relatedInformation?.some((info) => /read here by env\.bool\("DJANGO_DEBUG"\)/.test(info.message)), JSON.stringify(onLine[0].relatedInformation));
  const actions = (await client.sendRequest('textDocument/codeAction', {
    textDocument: { uri: URI.file(envPath).toString() },
    range: onLine[0].range,
    context: { diagnostics: onLine },
  })) as CodeAction[];
  const setFalse = actions.filter((action) => action.title === 'Set DJANGO_DEBUG=False');
  assert.equal(setFalse.length, 1, JSON.stringify(actions.map((a) => a.title)));
  assert.deepEqual(setFalse[0].diagnostics!.map((d) => d.code), ['DJ201']);
});
