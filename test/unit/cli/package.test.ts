/**
 * The CLI as npm delivers it: `npm pack` of this repository, installed into an empty prefix with
 * no checkout and no dev dependencies around it, and run from there; and the pre-commit hook.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import { before, describe, it } from 'node:test';
import { REPO, preflight } from './bundled-cli';

/**
 * The packed tarball, measured: 234 kB at 0.1.0, 410 kB once the readers of issues 14 and 17 are
 * bundled (dockerfile-ast and dockerfile-utils, pip-requirements-js with ohm-js, pep440, the nginx
 * and systemd readers; README "Command line"). The bound leaves room for rules, not for a stray folder.
 */
const MAX_PACKED_BYTES = 460_000;

/** A child's environment with nothing of the checkout: no node_modules/.bin on PATH, no NODE_PATH. */
function cleanEnvironment(extraPath: string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_PATH;
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  const pathEntries = (env.PATH ?? '').split(path.delimiter).filter((entry) => !entry.includes('node_modules'));
  env.PATH = [...extraPath, ...pathEntries].join(path.delimiter);
  return env;
}

function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; input?: string }) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: options.env ?? cleanEnvironment(), cwd: options.cwd, input: options.input, timeout: 240_000 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: `${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

interface Packed {
  tarball: string;
  size: number;
  files: string[];
}

describe('the npm package', () => {
  let packed: Packed;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-package-'));

  before(() => {
    const result = run('npm', ['pack', '--json', '--pack-destination', work], { cwd: REPO });
    assert.equal(result.status, 0, result.stderr);
    const [report] = JSON.parse(result.stdout);
    packed = { tarball: path.join(work, report.filename), size: report.size, files: report.files.map((file: { path: string }) => file.path).sort() };
  });

  it('carries the bundled CLI, its manifest, README and LICENSE, nothing else, under the size bound', () => {
    assert.deepEqual(packed.files, ['LICENSE', 'README.md', 'dist/cli-main.js', 'dist/cli.js', 'package.json']);
    assert.ok(packed.size < MAX_PACKED_BYTES, `${packed.size} bytes packed`);
    assert.equal(fs.statSync(packed.tarball).size, packed.size);
  });

  it('leaves the VSIX as .vscodeignore shapes it (vsce refuses a `files` list beside it)', () => {
    const listed = run(process.execPath, [path.join(REPO, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: REPO });
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout.trim().split('\n').sort();
    for (const file of ['dist/client.js', 'dist/server.js', 'package.json']) assert.ok(files.includes(file), `${file} in the VSIX`);
    assert.ok(!files.includes('dist/cli.js'), 'the VSIX has no CLI');
  });

  it('needs nothing at run time but Node: no dependencies, and the bundle requires only built-ins', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.dependencies ?? {}, {}, 'esbuild bundles everything; a runtime dependency belongs in devDependencies');
    assert.equal(manifest.bin.preflight, './dist/cli.js');
    // What the bundle asks Node's loader for while it lints examples/ (a text search of the bundle
    // would also find `require("…")` inside the rule docs it embeds).
    const hook = 'const M = require("module"); const load = M._load; const seen = new Set(); M._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); }; process.on("exit", () => process.stderr.write("\\nREQUIRED " + JSON.stringify([...seen]) + "\\n"));';
    const hookFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-requires-')), 'hook.js');
    fs.writeFileSync(hookFile, hook);
    const run = spawnSync(process.execPath, ['--require', hookFile, path.join(REPO, 'dist/cli.js'), '--format', 'json', path.join(REPO, 'examples')], { encoding: 'utf8' });
    const line = /^REQUIRED (.*)$/m.exec(run.stderr);
    assert.ok(line, run.stderr);
    const required = new Set<string>((JSON.parse(line[1]) as string[]).filter((request) => !path.isAbsolute(request) && !request.startsWith('.')));
    assert.ok(required.size > 0);
    for (const name of required) assert.ok(builtinModules.includes(name.replace(/^node:/, '')), `dist/cli.js requires ${name}`);
  });

  it('installs into an empty prefix; `preflight --version` and a lint of examples/ work from there', () => {
    const prefix = path.join(work, 'prefix');
    fs.mkdirSync(prefix);
    // --offline: with no dependencies, the install needs nothing from a registry.
    const install = run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, packed.tarball], { cwd: work });
    assert.equal(install.status, 0, install.stderr);
    const bin = path.join(prefix, 'bin', 'preflight');
    assert.ok(fs.existsSync(bin), 'npm linked the preflight command');
    const installedVersion = run(bin, ['--version'], { cwd: work });
    assert.equal(installedVersion.stdout, `${JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version}\n`);

    // A copy of the example project outside the checkout, linted by the installed command.
    const project = path.join(work, 'examples');
    fs.cpSync(path.join(REPO, 'examples'), project, { recursive: true });
    const installed = run(bin, ['--format', 'json', 'examples'], { cwd: work });
    assert.equal(installed.status, 1, installed.stderr);
    const fromCheckout = preflight(['--format', 'json', 'examples'], work);
    assert.deepEqual(JSON.parse(installed.stdout), JSON.parse(fromCheckout.stdout));
    assert.ok(JSON.parse(installed.stdout).length > 0);
    // The SARIF help comes from the docs inlined into the bundle: the installed package has no docs folder.
    const sarif = JSON.parse(run(bin, ['--format', 'sarif', 'examples'], { cwd: work }).stdout);
    assert.ok(sarif.runs[0].tool.driver.rules.every((rule: { help: { markdown?: string } }) => rule.help.markdown?.startsWith('# DJ')));
  });

  it('the pre-commit hook runs with Debian\'s pre-commit against a fixture repository', () => {
    assert.equal(run('pre-commit', ['--version'], { cwd: work }).status, 0, 'pre-commit is not installed: apt-get install -y pre-commit (.ci/run does)');
    // The hook repository holds the packed package, built. A clone of this source repository would
    // instead `npm install` every dev dependency and build dist/ in postinstall (minutes and ~200 MB
    // from the registry), so the fixture drops devDependencies: nothing of them is used at run time.
    const hook = path.join(work, 'hook-repository');
    fs.mkdirSync(hook);
    assert.equal(run('tar', ['-xzf', packed.tarball, '-C', hook, '--strip-components=1'], { cwd: work }).status, 0);
    const manifestPath = path.join(hook, 'package.json');
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    delete manifest.devDependencies;
    fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
    fs.copyFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), path.join(hook, '.pre-commit-hooks.yaml'));
    const git = (cwd: string, ...args: string[]) => {
      const result = run('git', ['-c', 'user.name=Preflight Tests', '-c', 'user.email=tests@example.com', ...args], { cwd });
      assert.equal(result.status, 0, result.stderr);
      return result.stdout.trim();
    };
    git(hook, 'init', '-q');
    git(hook, 'add', '-A');
    git(hook, 'commit', '-q', '-m', 'hook');
    const rev = git(hook, 'rev-parse', 'HEAD');

    const project = path.join(work, 'hook-user');
    fs.cpSync(path.join(REPO, 'examples'), project, { recursive: true });
    // The three lines a user adds (under `repos:`), with this fixture's repository and revision.
    fs.writeFileSync(path.join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hook}\n    rev: ${rev}\n    hooks:\n      - id: preflight\n`);
    fs.writeFileSync(path.join(project, 'NOTES.md'), 'not a deployment file\n');
    git(project, 'init', '-q');
    git(project, 'add', '-A');
    const env = { ...cleanEnvironment(), PRE_COMMIT_HOME: path.join(work, 'pre-commit-home') };

    const onDeploymentFile = run('pre-commit', ['run', '--files', '.envs/.production/.django'], { cwd: project, env });
    assert.equal(onDeploymentFile.status, 1, onDeploymentFile.stdout + onDeploymentFile.stderr);
    assert.match(onDeploymentFile.stdout, /^Django Preflight\.+Failed$/m);
    assert.match(onDeploymentFile.stdout, /^ {2}4:14 +error +DEBUG is True \(DJANGO_DEBUG=True .* DJ201 debug-enabled$/m);
    // The whole project is judged, not only the file passed: the compose file is reported too.
    assert.match(onDeploymentFile.stdout, /^docker-compose\.production\.yml$/m);

    const onOtherFile = run('pre-commit', ['run', '--files', 'NOTES.md'], { cwd: project, env });
    assert.equal(onOtherFile.status, 0, onOtherFile.stdout + onOtherFile.stderr);
    assert.match(onOtherFile.stdout, /^Django Preflight\.+\(no files to check\)Skipped$/m);
  });
});
