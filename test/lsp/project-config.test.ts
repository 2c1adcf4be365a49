/**
 * `[tool.preflight]` read the same way by the language server and the CLI: for one folder with a
 * configuration file, the server publishes exactly the CLI's findings; a VS Code setting overrides
 * the file where the user sets one; an edit of the file re-judges the whole project.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { LspClient, SERVER_BUNDLE } from './lsp-client';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const PYPROJECT = '[project]\nname = "shop"\n\n[tool.preflight]\nsettings-module = "config.settings.production"\nbogus = true\n\n[tool.preflight.rules]\nDJ603 = "off"\nallowed-hosts-wildcard = "error"\n';

describe('the project configuration file over LSP and in the CLI', { timeout: 60_000 }, () => {
  let client: LspClient;
  let root: string;
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  };
  const cli = (): string[] => {
    const result = spawnSync(process.execPath, [CLI, '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
    return (JSON.parse(result.stdout) as { file: string; line: number; column: number; code: string; severity: string }[]).map((f) => `${f.file} ${f.code} ${f.severity} ${f.line}:${f.column}`).sort();
  };
  const editor = (): string[] =>
    [...client.diagnostics].flatMap(([uri, diagnostics]) => diagnostics.map((d) => `${path.relative(root, URI.parse(uri).fsPath)} ${d.code} ${['', 'error', 'warning', 'info', 'hint'][d.severity ?? 0]} ${d.range.start.line + 1}:${d.range.start.character + 1}`)).sort();

  before(async () => {
    assert.ok(fs.existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} is missing: run npm run build first`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-lsp-config-'));
    write('pyproject.toml', PYPROJECT);
    // No env file names the settings module: only the configuration does.
    write('config/settings/production.py', 'DEBUG = False\nALLOWED_HOSTS = ["*"]\nEMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"\nSECRET_KEY = "short"\n');
    write('config/settings/other.py', 'DEBUG = True\n');
    client = new LspClient();
    await client.initialize(root);
  });

  after(async () => {
    await client.shutdown();
  });

  it('the server publishes exactly what the CLI reports', async () => {
    const expected = cli();
    assert.ok(expected.includes('config/settings/production.py DJ302 error 2:18'), `the configured severity applies in the CLI: ${expected.join('; ')}`);
    assert.ok(expected.some((line) => line.startsWith('pyproject.toml DJ003 warning 6:1')), 'the unknown key is reported in pyproject.toml');
    assert.ok(!expected.some((line) => line.includes('DJ603')), 'DJ603 is off');
    assert.ok(!expected.some((line) => line.startsWith('config/settings/other.py')), 'the configured module is production, the other one is not judged as it');
    await client.waitFor(() => editor().join('\n') === expected.join('\n'), () => `the editor's findings ${JSON.stringify(editor())} to be the CLI's ${JSON.stringify(expected)}`);
  });

  it('a VS Code setting overrides the file where the user sets one', async () => {
    await client.changeSettings({ rules: { DJ302: 'hint' } });
    await client.waitFor(() => editor().includes('config/settings/production.py DJ302 hint 2:18'), () => `DJ302 at hint: ${JSON.stringify(editor())}`);
    assert.ok(!editor().some((line) => line.includes('DJ603')), 'the file still turns DJ603 off');
    await client.changeSettings({});
  });

  it('an edit of the configuration re-judges the project, and a malformed one is a diagnostic in it', async () => {
    const uri = await client.open(path.join(root, 'pyproject.toml'), PYPROJECT, 'toml');
    await client.change(uri, [{ text: PYPROJECT.replace('DJ603 = "off"', 'DJ603 = "warning"') }]);
    await client.waitFor(() => editor().some((line) => line.includes('DJ603 warning')), () => `DJ603 back at warning: ${JSON.stringify(editor())}`);
    await client.change(uri, [{ text: '[tool.preflight]\nrules = {\n' }]);
    await client.waitFor(() => (client.diagnostics.get(uri) ?? []).some((d) => d.code === 'DJ003' && /not valid TOML/.test(d.message)), () => `DJ003 on the malformed file: ${JSON.stringify(client.diagnostics.get(uri))}`);
    // The server keeps serving, with the file's settings gone: DJ603 at its catalog severity.
    await client.waitFor(() => editor().some((line) => line.includes('DJ603 error')), () => `DJ603 at error: ${JSON.stringify(editor())}`);
  });
});
