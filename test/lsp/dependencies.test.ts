/**
 * The dependency graph over LSP: editing a production env file re-diagnoses, in the same cycle
 * (before the delayed project-wide pass), the compose file that reads it and the settings module
 * its DJANGO_SETTINGS_MODULE selects.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { LspClient, SERVER_BUNDLE } from './lsp-client';
import { writeTempProject } from '../temp-project';

const ENV = 'DJANGO_SETTINGS_MODULE=mysite.settings\nDJANGO_DEBUG=False\n';
const COMPOSE = 'services:\n  django:\n    build: .\n    command: gunicorn mysite.wsgi\n    env_file: .envs/.production/.django\n';
const SETTINGS = 'DEBUG = True\nINSTALLED_APPS = []\nMIDDLEWARE = []\n';
/** The server re-validates the whole project this long after an edit; a dependent must not wait for it. */
const PROJECT_PASS_DELAY_MS = 300;

describe('language server: files linked to an edited env file', { timeout: 60_000 }, () => {
  let client: LspClient;
  let root: string;
  const uriOf = (relative: string) => URI.file(path.join(root, relative)).toString();

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build first`);
    root = writeTempProject({ '.envs/.production/.django': ENV, 'docker-compose.production.yml': COMPOSE, 'mysite/settings.py': SETTINGS }, 'preflight-lsp-deps-');
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.shutdown();
  });

  it('links the settings module and the env file into production, saying why', async () => {
    // One root cause, one diagnostic: the missing key is the production env file's finding (where the fix goes), not the service's.
    const envFile = await client.waitForDiagnostics(uriOf('.envs/.production/.django'), (d) => d.some((x) => x.code === 'DJ105'));
    assert.equal(envFile.find((d) => d.code === 'DJ105')!.range.start.line, 0);
    const compose = await client.waitForDiagnostics(uriOf('docker-compose.production.yml'), (d) => d.length > 0);
    assert.ok(!compose.some((d) => d.code === 'DJ105'), `the service repeats the env file's finding: ${compose.map((d) => d.code)}`);
    const settings = await client.waitForDiagnostics(uriOf('mysite/settings.py'), (d) => d.length > 0);
    const debug = settings.find((d) => d.code === 'DJ201');
    assert.ok(debug, `DJ201 in ${settings.map((d) => d.code)}`);
    assert.equal(debug.severity, DiagnosticSeverity.Error);
    assert.match(debug.relatedInformation![0].message, /^production context: DJANGO_SETTINGS_MODULE=mysite\.settings \(\.envs\/\.production\/\.django line 1\) for service `django` in docker-compose\.production\.yml/);
    const env = await client.waitForDiagnostics(uriOf('.envs/.production/.django'), (d) => d.length > 0);
    assert.match(env[0].relatedInformation![0].message, /used by service `django` in docker-compose\.production\.yml/);
  });

  it('re-diagnoses the compose file and the settings module in the same cycle as the edit', async () => {
    const envUri = await client.open(path.join(root, '.envs/.production/.django'), ENV);
    await client.waitForDiagnostics(envUri);
    // Let the project pass the open scheduled go by, so what follows can only come from the edit.
    await new Promise((resolve) => setTimeout(resolve, PROJECT_PASS_DELAY_MS + 200));
    const arrivals = new Map<string, number>();
    const waitAndTime = (uri: string, predicate: (diagnostics: Diagnostic[]) => boolean) =>
      client.waitForDiagnostics(uri, predicate).then((diagnostics) => (arrivals.set(uri, Date.now()), diagnostics));
    // The key is added and DJANGO_SETTINGS_MODULE removed: the env file's finding goes, the settings module is no longer
    // production, and the compose file that reads the env file is published again (its findings need not change).
    const composePublications = client.publications.get(uriOf('docker-compose.production.yml')) ?? 0;
    const edited = client.change(envUri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 38 } }, text: 'DJANGO_SECRET_KEY=k8Jq2mZ0vX7pL4rT9wY1bN6cH3sD5fG0aQ2eR8uI4oP7lK1jW3xV' }]);
    const [composeAfter, settingsAfter] = await Promise.all([
      waitAndTime(uriOf('docker-compose.production.yml'), () => (client.publications.get(uriOf('docker-compose.production.yml')) ?? 0) > composePublications),
      waitAndTime(uriOf('mysite/settings.py'), (d) => d.some((x) => x.code === 'DJ201' && x.severity === DiagnosticSeverity.Warning)),
      waitAndTime(envUri, (d) => !d.some((x) => x.code === 'DJ105')),
      edited,
    ]);
    assert.ok(!composeAfter.some((d) => d.code === 'DJ105'));
    assert.match(settingsAfter.find((d) => d.code === 'DJ201')!.relatedInformation![0].message, /^unknown context/);
    const times = [...arrivals.values()];
    assert.ok(Math.max(...times) - Math.min(...times) < PROJECT_PASS_DELAY_MS, `dependents arrived ${Math.max(...times) - Math.min(...times)} ms after the edited file: not the same cycle`);
  });
});
