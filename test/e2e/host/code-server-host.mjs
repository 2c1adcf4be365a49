// Stands in for a desktop VS Code executable: accepts the Electron-style command line that
// @vscode/test-electron's runTests() passes, serves the real workbench with code-server, opens it in
// headless Chromium and exits with the test module's result. The extension runs in code-server's
// Node extension host, so the tests see the genuine `vscode` API.
//
// While the tests run, a line `[screenshot] name.png` in the extension host's console becomes a
// page screenshot in $PREFLIGHT_E2E_SCREENSHOTS (see test/e2e/suite/screenshot.ts).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { codeServerEntry } from './code-server-install.mjs';

const CHROMIUM = process.env.PREFLIGHT_CHROMIUM ?? '/usr/bin/chromium';
const RUN_TIMEOUT_MS = Number(process.env.PREFLIGHT_E2E_TIMEOUT_MS ?? 10 * 60_000);
/** Lets the workbench paint what the test just opened (a hover, a menu) before the picture. */
const SCREENSHOT_SETTLE_MS = 1500;
const VIEWPORT = { width: 1400, height: 900 };
/** Workbench start-up logs and its failed calls to the dead marketplace address: expected, and noise. */
const WORKBENCH_CHATTER = /127\.0\.0\.1:9\b|^(Creating a socket|Resolving connection token|Resolved connection token|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore|Failed snippets from folder)/;

function parseArguments(argv) {
  const options = { folder: null, extensionDevelopmentPath: [], extensionTestsPath: null, userDataDir: null, extensionsDir: null, workspaceTrust: false };
  for (const argument of argv) {
    const [flag, ...rest] = argument.split('=');
    const value = rest.join('=');
    if (flag === '--extensionDevelopmentPath') options.extensionDevelopmentPath.push(resolve(value));
    else if (flag === '--extensionTestsPath') options.extensionTestsPath = resolve(value);
    else if (flag === '--user-data-dir') options.userDataDir = resolve(value);
    else if (flag === '--extensions-dir') options.extensionsDir = resolve(value);
    // Ours, for the Restricted Mode run: leave code-server's workspace trust on.
    else if (flag === '--enable-workspace-trust') options.workspaceTrust = true;
    else if (!argument.startsWith('-')) options.folder = resolve(argument);
    // Electron-only switches (--no-sandbox, --disable-updates, ...) mean nothing to code-server.
  }
  for (const [name, value] of Object.entries({ folder: options.folder, extensionTestsPath: options.extensionTestsPath, userDataDir: options.userDataDir, extensionsDir: options.extensionsDir })) {
    if (!value) throw new Error(`code-server host: no ${name} on the command line (${argv.join(' ')})`);
  }
  if (options.extensionDevelopmentPath.length === 0) throw new Error('code-server host: no --extensionDevelopmentPath');
  return options;
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(port, serverExited) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (serverExited()) throw new Error('code-server exited before it answered /healthz');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error('code-server did not answer /healthz within 60 s');
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const port = await freePort();
  const stateDir = resolve(options.userDataDir, '..');
  const config = join(stateDir, 'code-server.yaml');
  writeFileSync(config, 'auth: none\n');
  const serverLogPath = join(stateDir, 'code-server.log');
  const serverLog = createWriteStream(serverLogPath);
  const deadGallery = 'http://127.0.0.1:9';
  const server = spawn(
    process.execPath,
    [
      codeServerEntry(),
      '--config', config,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--user-data-dir', options.userDataDir,
      '--extensions-dir', options.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      options.folder,
    ],
    {
      // Its own process group, so the extension hosts it forks end with it.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // No marketplace: nothing may try the network.
        EXTENSIONS_GALLERY: JSON.stringify({
          serviceUrl: `${deadGallery}/gallery`,
          itemUrl: `${deadGallery}/items`,
          resourceUrlTemplate: `${deadGallery}/resource/{publisher}/{name}/{version}/{path}`,
        }),
      },
    },
  );
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  let serverExitCode = null;
  server.on('exit', (code, signal) => (serverExitCode = code ?? signal));
  const stopServer = () => {
    if (serverExitCode !== null) return;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', stopServer);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

  let browser;
  try {
    await waitForHealth(port, () => serverExitCode !== null);
    console.log(`[host] code-server ${port} serving ${options.folder}`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: 'light' });
    const screenshotDir = process.env.PREFLIGHT_E2E_SCREENSHOTS;
    let screenshots = Promise.resolve();
    let exitCode;
    const exited = new Promise((done) => (exitCode = done));
    await page.exposeFunction('codeAutomationLog', (_level, message) => {
      // The extension host's console arrives as console.log's arguments (a format string first).
      const text = Array.isArray(message) ? format(...message) : String(message);
      if (WORKBENCH_CHATTER.test(text)) return;
      const marker = /\[screenshot\] ([\w.-]+\.png)/.exec(text);
      if (marker && screenshotDir) {
        screenshots = screenshots.then(() => takeScreenshot(page, screenshotDir, marker[1]));
        return;
      }
      for (const line of text.split('\n')) console.log(`[vscode] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exitCode(Number(code)));
    const remote = (path) => `vscode-remote://localhost:${port}${path}`;
    const payload = [
      ...options.extensionDevelopmentPath.map((path) => ['extensionDevelopmentPath', remote(path)]),
      ['extensionTestsPath', remote(options.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    const url = `http://localhost:${port}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const timeout = new Promise((done) => setTimeout(() => done('timeout'), RUN_TIMEOUT_MS));
    const result = await Promise.race([exited, timeout]);
    await screenshots;
    if (result === 'timeout') {
      console.error(`[host] the tests did not finish within ${RUN_TIMEOUT_MS / 1000} s; code-server log: ${serverLogPath}`);
      return 1;
    }
    if (result !== 0) console.error(`[host] tests exited with ${result}; code-server log: ${serverLogPath}`);
    return result;
  } catch (error) {
    console.error(`[host] ${error.stack ?? error}`);
    try {
      console.error(`[host] code-server log (${serverLogPath}):\n${readFileSync(serverLogPath, 'utf8').slice(-4000)}`);
    } catch {
      // no log
    }
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    stopServer();
  }
}

async function takeScreenshot(page, directory, name) {
  await new Promise((done) => setTimeout(done, SCREENSHOT_SETTLE_MS));
  mkdirSync(directory, { recursive: true });
  // Written under a temporary name and renamed, so a test waiting for the file never sees half of it.
  const partial = join(directory, `.${name}.partial`);
  await page.screenshot({ path: partial, type: 'png' });
  renameSync(partial, join(directory, name));
  console.log(`[host] screenshot ${join(directory, name)}`);
}

process.exit(await main());
