/** The language status item's request and the first scan's progress, over stdio. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { FileStatus } from '../../server/src/status-protocol';
import { LspClient, SERVER_BUNDLE } from './lsp-client';

describe('file status and scan progress over LSP', { timeout: 60_000 }, () => {
  let client: LspClient;
  let root: string;
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
    return path.join(root, relative);
  };

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build first`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-lsp-status-'));
    write('manage.py', 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")\n');
    write('config/settings/production.py', 'DEBUG = False\n');
    write('config/settings/local.py', 'DEBUG = True\n');
    write('.envs/.production/.django', 'DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_DEBUG=False\n');
    write('docker-compose.production.yml', 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    env_file: [.envs/.production/.django]\n');
    write('README.md', '# hello\n');
    write('requirements/base.txt', 'Django==5.2.8 --hash=sha256:0123  # the LTS\n');
    write('requirements/production.txt', '-r base.txt\ngunicorn\n');
    write('requirements/local.txt', '-r base.txt\nDjango==6.0\n');
    client = new LspClient();
    await client.initialize(root, { workDoneProgress: true });
  });

  after(async () => {
    await client.shutdown();
  });

  it('reports the first scan as work-done progress, begun and ended', async () => {
    await client.waitFor(() => client.progress.includes('end'), () => `progress ${JSON.stringify(client.progress)}`);
    assert.match(client.progress[0], /^create \S+$/);
    assert.equal(client.progress[1], `begin Checking ${path.basename(root)}`);
    assert.equal(client.progress.at(-1), 'end');
  });

  it('says what production runs and why, for a production env file and its settings module', async () => {
    const env = (await client.sendRequest('preflight/fileStatus', { uri: URI.file(path.join(root, '.envs/.production/.django')).toString() })) as FileStatus;
    assert.equal(env.context, 'production');
    assert.match(env.contextReason, /\.production/);
    assert.equal(env.settingsModule, 'config.settings.production');
    assert.equal(env.settingsOrigin, '.envs/.production/.django line 1');
    assert.equal(env.djangoVersion, 'Django 5.2.8');
    assert.equal(env.djangoVersionOrigin, 'pinned in requirements/base.txt line 1 (included by requirements/production.txt)');
    assert.equal(env.checklistExists, false);
    assert.equal(env.checklistUri, URI.file(path.join(root, 'DEPLOYMENT_CHECKLIST.md')).toString());
    const local = (await client.sendRequest('preflight/fileStatus', { uri: URI.file(path.join(root, 'config/settings/local.py')).toString() })) as FileStatus;
    assert.equal(local.context, 'development');
    assert.equal(local.settingsModule, 'config.settings.production');
  });

  it('has no status for a file Preflight does not diagnose, or outside the workspace', async () => {
    assert.equal(await client.sendRequest('preflight/fileStatus', { uri: URI.file(path.join(root, 'README.md')).toString() }), null);
    assert.equal(await client.sendRequest('preflight/fileStatus', { uri: 'untitled:Untitled-1' }), null);
    assert.equal(await client.sendRequest('preflight/fileStatus', { uri: URI.file(path.join(os.tmpdir(), 'elsewhere', '.env')).toString() }), null);
  });
});
