// Extension cost measurements that need a process of their own: the language server's start to
// first diagnostics over stdio, and the client's require() + activate() with a stubbed vscode.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const {
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} = require('vscode-languageserver-protocol/node');

/**
 * Spawns `node server.js --stdio` with `folder` as the workspace, opens the production env file,
 * and times spawn -> initialize answered and spawn -> first publishDiagnostics for that file.
 */
export async function measureServerStart(serverBundle, folder) {
  const started = performance.now();
  const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const file = path.join(folder, '.envs/.production/.django');
  const uri = pathToFileURL(file).toString();
  let resolveDiagnostics;
  const diagnosticsArrived = new Promise((resolve) => (resolveDiagnostics = resolve));
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri === uri) resolveDiagnostics({ at: performance.now(), count: params.diagnostics.length });
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
      workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: path.basename(folder) }],
    });
    const initializeMs = performance.now() - started;
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'dotenv', version: 1, text: readFileSync(file, 'utf8') } });
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`no diagnostics within 20 s\n${stderr}`)), 20_000).unref());
    const { at, count } = await Promise.race([diagnosticsArrived, timeout]);
    return { initializeMs, firstDiagnosticsMs: at - started, diagnostics: count };
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}

/**
 * require() of the client bundle and activate() in a child node, with `vscode` stubbed: every API
 * is a no-op proxy. The language client really starts (it forks dist/server.js over IPC and
 * waits for the initialize answer); what VS Code itself adds (the extension host loading the
 * extension, the real API) is not in this number.
 */
export function measureActivation(clientBundle) {
  // The top-level names of the vscode API (namespaces, classes, enums), from its type declarations.
  const apiNames = () => {
    const declarations = readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
    return [...new Set([...declarations.matchAll(/^\s{1,4}export (?:declare )?(?:class|enum|namespace|const|let|function) (\w+)/gm)].map((match) => match[1]))];
  };
  const script = `
    const Module = require('module');
    const { performance } = require('perf_hooks');
    const path = require('path');
    // A stub API: any property is a callable stub; calls return stubs; nothing is thenable.
    const stub = () => new Proxy(function () {}, {
      get: (target, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : key === Symbol.iterator ? function* () {} : stub()),
      apply: () => stub(),
      construct: () => stub(),
    });
    // Bundlers copy the module's own names (esbuild's __toESM): the stub has every name @types/vscode declares.
    const vscode = { version: '1.100.0' };
    for (const name of ${JSON.stringify(apiNames())}) if (!(name in vscode)) vscode[name] = stub();
    const load = Module._load;
    Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
    const root = ${JSON.stringify(path.dirname(path.dirname(clientBundle)))};
    const context = { subscriptions: [], asAbsolutePath: (relative) => path.join(root, relative), extensionPath: root, extensionUri: stub(), globalState: stub(), workspaceState: stub(), storageUri: undefined, logUri: stub() };
    let started = performance.now();
    const extension = require(${JSON.stringify(clientBundle)});
    const requireMs = performance.now() - started;
    started = performance.now();
    const timeout = setTimeout(() => { console.log('RESULT ' + JSON.stringify({ requireMs, activateMs: null, error: 'activate() did not finish within 15 s' })); process.exit(0); }, 15000);
    extension.activate(context).then(
      () => { const activateMs = performance.now() - started; clearTimeout(timeout); console.log('RESULT ' + JSON.stringify({ requireMs, activateMs })); process.exit(0); },
      (error) => { clearTimeout(timeout); console.log('RESULT ' + JSON.stringify({ requireMs, activateMs: null, error: String(error && error.message || error) })); process.exit(0); },
    );
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', () => {
      const line = stdout.split('\n').reverse().find((text) => text.startsWith('RESULT '));
      if (!line) return reject(new Error(`activation measurement failed:\n${stderr}`));
      const result = JSON.parse(line.slice('RESULT '.length));
      if (result.activateMs === null) {
        // Say honestly what was measured when the stub could not carry activate() through.
        resolve({ requireMs: result.requireMs, activateMs: 0, note: `only require() of dist/client.js was measured: activate() with the stubbed vscode failed (${result.error}).` });
      } else {
        resolve({ ...result, note: 'measured in a plain node process, not VS Code: `require(dist/client.js)` with `vscode` replaced by a no-op stub API, then `activate()` until its promise resolves: creating the language client and the checklist view and starting the server process, which `activate()` does not wait for (the client queues requests until the server answers `initialize`). Not included: the extension host\'s own work and the real API\'s cost (the e2e run does not log activation time; measuring it in code-server would take minutes).' });
      }
    });
  });
}
