// The e2e layer: runs the extension inside a real VS Code with @vscode/test-electron's runTests(),
// three times: from the development folder (test/e2e/suite), from it again in a folder VS Code does
// not trust (test/e2e/restricted: Restricted Mode), and installed from the packaged VSIX
// (test/e2e/vsix). Prints which host it used and how many tests passed; exits non-zero on any
// failure, and when no host can be had.
//
// Hosts, in order of preference:
//   PREFLIGHT_E2E_VSCODE=/path/to/code   a desktop VS Code executable you name
//   PREFLIGHT_E2E_HOST=desktop           desktop VS Code downloaded by @vscode/test-electron
//   (default)                            code-server + headless Chromium (test/e2e/host/), installed
//                                        into a cache folder on first use; takes the screenshots
// Screenshots the suite took go to out/e2e-screenshots/, or with PREFLIGHT_UPDATE_SCREENSHOTS=1 to docs/images/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { CODE_SERVER_VERSION, DEBIAN_PACKAGES, codeServerEntry, ensureCodeServer } from './host/code-server-install.mjs';

const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const COMPILED = join(REPOSITORY, 'out', 'test', 'e2e');
const SCREENSHOTS = join(REPOSITORY, 'out', 'e2e-screenshots');
const CHROMIUM = process.env.PREFLIGHT_CHROMIUM ?? '/usr/bin/chromium';

/** Light theme and a quiet workbench: no welcome page, telemetry, updates, trust prompt or chat. */
const USER_SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 200,
};

class NoHostError extends Error {}

async function chooseHost() {
  if (process.env.PREFLIGHT_E2E_VSCODE) {
    const executable = resolve(process.env.PREFLIGHT_E2E_VSCODE);
    if (!existsSync(executable)) throw new NoHostError(`PREFLIGHT_E2E_VSCODE names ${executable}, which does not exist`);
    return desktopHost(executable, `desktop VS Code at ${executable}`);
  }
  if (process.env.PREFLIGHT_E2E_HOST === 'desktop') {
    try {
      return desktopHost(await downloadAndUnzipVSCode('stable'), 'desktop VS Code (stable, downloaded by @vscode/test-electron)');
    } catch (error) {
      throw new NoHostError(`PREFLIGHT_E2E_HOST=desktop, but VS Code could not be downloaded: ${error.message}`);
    }
  }
  if (process.platform !== 'linux') {
    throw new NoHostError('the code-server host is set up for Linux only; set PREFLIGHT_E2E_HOST=desktop (or PREFLIGHT_E2E_VSCODE) to use desktop VS Code');
  }
  if (!existsSync(CHROMIUM)) {
    throw new NoHostError(`no Chromium at ${CHROMIUM} for the code-server host (apt-get install -y ${DEBIAN_PACKAGES}, or set PREFLIGHT_CHROMIUM)`);
  }
  try {
    await ensureCodeServer({ log: (line) => console.log(`[e2e] ${line}`) });
  } catch (error) {
    throw new NoHostError(error.message);
  }
  return {
    name: `code-server ${CODE_SERVER_VERSION} (VS Code 1.100.3) in headless Chromium`,
    // runTests() spawns an executable with Electron-style arguments; node running the wrapper is one.
    executable: process.execPath,
    launchArgs: [join(REPOSITORY, 'test', 'e2e', 'host', 'code-server-host.mjs')],
    takesScreenshots: true,
    // The wrapper drops the --disable-workspace-trust runTests() always passes.
    canRestrict: true,
    installExtension(vsix, extensionsDir, userDataDir) {
      const config = join(userDataDir, '..', 'code-server.yaml');
      writeFileSync(config, 'auth: none\n');
      return spawnSync(process.execPath, [codeServerEntry(), '--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8' });
    },
  };
}

function desktopHost(executable, name) {
  return {
    name,
    executable,
    launchArgs: [],
    takesScreenshots: false,
    // runTests() always passes --disable-workspace-trust, which desktop VS Code obeys.
    canRestrict: false,
    installExtension(vsix, extensionsDir, userDataDir) {
      const [cli, ...args] = resolveCliArgsFromVSCodeExecutablePath(executable);
      return spawnSync(cli, [...args, `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`, '--install-extension', vsix], { encoding: 'utf8', shell: process.platform === 'win32' });
    },
  };
}

/**
 * Workspace trust on, no start-up prompt and nothing trusted: the folder opens in Restricted Mode.
 * The host is told too, since code-server otherwise starts with trust disabled.
 */
const RESTRICTED_MODE_SETTINGS = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' };
const RESTRICTED_MODE_ARGS = ['--enable-workspace-trust'];

/** A fresh fixture workspace, profile and extensions folder for one run: the tests edit the workspace. */
function prepareRun(base, name, settings = {}) {
  const folder = join(base, name);
  // Named like a project, since the window title and the explorer show the name.
  const workspace = join(folder, 'shop');
  cpSync(join(REPOSITORY, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const userDataDir = join(folder, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const extensionsDir = join(folder, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  return { folder, workspace, userDataDir, extensionsDir, results: join(folder, 'results.json') };
}

async function runSuite(host, label, run, { extensionDevelopmentPath, extensionTestsPath, screenshots, env = {}, extraArgs = [] }) {
  console.log(`\n--- e2e: ${label} ---`);
  const started = Date.now();
  let exitError = null;
  try {
    await runTests({
      vscodeExecutablePath: host.executable,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [...host.launchArgs, ...extraArgs, run.workspace, `--user-data-dir=${run.userDataDir}`, `--extensions-dir=${run.extensionsDir}`],
      extensionTestsEnv: {
        PREFLIGHT_E2E_RESULTS: run.results,
        ...(host.takesScreenshots ? { PREFLIGHT_E2E_SCREENSHOTS: screenshots } : {}),
        ...env,
      },
    });
  } catch (error) {
    exitError = error;
  }
  const results = existsSync(run.results) ? JSON.parse(readFileSync(run.results, 'utf8')) : null;
  if (!results) {
    console.error(`*** e2e ${label}: the test module reported no results (${exitError?.message ?? 'no error'}) ***`);
    return { passed: 0, failed: 1 };
  }
  for (const failure of results.failed) console.error(`*** e2e FAILED: ${failure.title}\n${failure.error}`);
  const failed = results.failed.length + (exitError && results.failed.length === 0 ? 1 : 0);
  console.log(`${label}: ${results.passed.length} passed, ${results.failed.length} failed in ${Math.round((Date.now() - started) / 1000)} s`);
  return { passed: results.passed.length, failed };
}

function packageVsix(directory) {
  const vsix = join(directory, 'django-preflight.vsix');
  // The same command as `npm run package`, writing into the run's folder instead of the checkout.
  const result = spawnSync(process.execPath, [join(REPOSITORY, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix], {
    cwd: REPOSITORY,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}\n${result.stderr}`);
  return vsix;
}

async function main() {
  if (!existsSync(join(COMPILED, 'suite', 'index.js')) || !existsSync(join(REPOSITORY, 'dist', 'client.js'))) {
    console.error('*** e2e: out/test/e2e or dist/ is missing; run `npm run build && npm run compile` (npm test does both) ***');
    return 1;
  }
  let host;
  try {
    host = await chooseHost();
  } catch (error) {
    if (!(error instanceof NoHostError)) throw error;
    console.error(
      `\n*** e2e tests NOT RUN and FAILED: no VS Code host: ${error.message}. ` +
        'Set PREFLIGHT_SKIP_E2E=1 to skip this layer on purpose. ***\n',
    );
    return 1;
  }
  console.log(`=== e2e host: ${host.name} ===`);
  const base = mkdtempSync(join(tmpdir(), 'preflight-e2e-'));
  // Taken into the run's own folder (parallel runs in one checkout must not see each other's), then copied out.
  const screenshots = join(base, 'screenshots');
  const totals = { passed: 0, failed: 0 };
  const add = (outcome) => {
    totals.passed += outcome.passed;
    totals.failed += outcome.failed;
  };

  const development = prepareRun(base, 'development');
  add(await runSuite(host, 'development folder', development, { extensionDevelopmentPath: REPOSITORY, extensionTestsPath: join(COMPILED, 'suite', 'index.js'), screenshots }));

  if (host.canRestrict) {
    const restricted = prepareRun(base, 'restricted', RESTRICTED_MODE_SETTINGS);
    add(
      await runSuite(host, 'Restricted Mode (untrusted folder)', restricted, {
        extensionDevelopmentPath: REPOSITORY,
        extensionTestsPath: join(COMPILED, 'restricted', 'index.js'),
        screenshots,
        extraArgs: RESTRICTED_MODE_ARGS,
      }),
    );
  } else {
    console.log('\n*** e2e Restricted Mode NOT RUN on this host: runTests() passes --disable-workspace-trust to desktop VS Code; the code-server host runs it ***');
  }

  const installed = prepareRun(base, 'vsix');
  try {
    const vsix = packageVsix(base);
    const install = host.installExtension(vsix, installed.extensionsDir, installed.userDataDir);
    if (install.status !== 0) throw new Error(`installing the VSIX failed:\n${install.stdout}\n${install.stderr}`);
    // The tests need a development path to load from; an empty extension keeps the checkout out of it.
    const probe = join(base, 'vsix-probe');
    mkdirSync(probe);
    writeFileSync(join(probe, 'package.json'), JSON.stringify({ name: 'vsix-probe', publisher: 'preflight-tests', version: '0.0.0', engines: { vscode: '^1.100.0' } }));
    add(
      await runSuite(host, 'installed VSIX', installed, {
        extensionDevelopmentPath: probe,
        extensionTestsPath: join(COMPILED, 'vsix', 'index.js'),
        screenshots,
        env: { PREFLIGHT_E2E_EXTENSIONS_DIR: installed.extensionsDir },
      }),
    );
  } catch (error) {
    console.error(`*** e2e installed VSIX: ${error.message} ***`);
    totals.failed += 1;
  }

  if (host.takesScreenshots) {
    const taken = existsSync(screenshots) ? readdirSync(screenshots).filter((name) => name.endsWith('.png')).sort() : [];
    const destination = process.env.PREFLIGHT_UPDATE_SCREENSHOTS === '1' ? join(REPOSITORY, 'docs', 'images') : SCREENSHOTS;
    if (destination === SCREENSHOTS) rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(destination, { recursive: true });
    for (const name of taken) cpSync(join(screenshots, name), join(destination, name));
    console.log(`screenshots (${taken.length}) in ${destination}: ${taken.join(', ') || 'none'}`);
  }
  console.log(`e2e: ${totals.passed + totals.failed} tests, ${totals.passed} passed, ${totals.failed} failed (host: ${host.name})`);
  if (totals.failed === 0) rmSync(base, { recursive: true, force: true });
  else console.error(`*** e2e: ${totals.failed} failed; the run's workspaces, profiles and code-server logs are in ${base} ***`);
  return totals.failed === 0 && totals.passed > 0 ? 0 : 1;
}

process.exit(await main());
