/** textDocument/hover over stdio: what production does with a file, where a Django developer looks for it. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { LspClient, SERVER_BUNDLE } from './lsp-client';
import { writeTempProject } from '../temp-project';

const ENV = 'DJANGO_SETTINGS_MODULE=config.settings.production\nDJANGO_SECRET_KEY=k8Jq2mZ0vX7pL4rT9wY1bN6cH3sD5fG0aQ2eR8uI4oP7lK1jW3xV\n';

describe('language server: hover', { timeout: 60_000 }, () => {
  let client: LspClient;
  let root: string;
  const uriOf = (relative: string) => URI.file(path.join(root, relative)).toString();
  const hoverAt = async (relative: string, line: number, character: number) =>
    (await client.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(relative) }, position: { line, character } })) as Hover | null;
  const text = (hover: Hover | null) => (hover!.contents as MarkupContent).value;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build first`);
    root = writeTempProject(
      {
        '.envs/.production/.django': ENV,
        'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    env_file: [.envs/.production/.django]\n',
        'config/settings/production.py': 'INSTALLED_APPS = []\nDEBUG = False\n',
        'requirements.txt': 'gunicorn==23.0.0\nDjango==5.2.8\n',
        Dockerfile: 'FROM python:3.12\nCMD ["gunicorn", "config.wsgi"]\n',
      },
      'preflight-lsp-hover-',
    );
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.shutdown();
  });

  it('on the first line of an env file: its context, the service that reads it, the settings module and the Django version', async () => {
    const uri = await client.open(path.join(root, '.envs/.production/.django'), ENV);
    await client.waitForDiagnostics(uri);
    const hover = await hoverAt('.envs/.production/.django', 0, 30);
    assert.equal((hover!.contents as MarkupContent).kind, 'markdown');
    assert.deepEqual(hover!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 49 } });
    assert.equal(
      text(hover),
      [
        '**Django Preflight** · production: used by service `django` in docker-compose.production.yml; its path says "production"',
        '',
        '- Used by service `django` of docker-compose.production.yml (the web process), built from Dockerfile: reads it as an env_file',
        '- Production loads settings module `config.settings.production`: set in .envs/.production/.django line 1',
        '- Django 5.2.8: pinned in requirements.txt line 2',
      ].join('\n'),
    );
  });

  it('on DJANGO_SETTINGS_MODULE, the settings module alone; elsewhere nothing, and never a value', async () => {
    const hover = await hoverAt('.envs/.production/.django', 0, 3);
    assert.equal(text(hover), '**Django Preflight**\n\nProduction loads settings module `config.settings.production`: set in .envs/.production/.django line 1');
    assert.equal(await hoverAt('.envs/.production/.django', 1, 3), null);
    assert.doesNotMatch(text(await hoverAt('.envs/.production/.django', 0, 30)), /k8Jq2/);
  });

  it('on the Django requirement, the version that applies and why', async () => {
    const hover = await hoverAt('requirements.txt', 1, 4);
    assert.equal(text(hover), '**Django Preflight**\n\nDjango 5.2.8: pinned in requirements.txt line 2');
    assert.deepEqual(hover!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } });
  });

  it('on the first line of a requirements file, what it is to production', async () => {
    assert.match(text(await hoverAt('requirements.txt', 0, 2)), /^- Production's dependencies: requirements\.txt, where a missing one is added$/m);
  });

  it('has no hover for a file Preflight does not read', async () => {
    fs.writeFileSync(path.join(root, 'README.md'), '# site\n');
    assert.equal(await hoverAt('README.md', 0, 1), null);
  });
});
