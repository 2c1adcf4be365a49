// Ecosystem check (issue #13): runs the built CLI on the deployment files of public Django projects
// and compares its findings with what a careful reviewer expects (bench/ecosystem/manifest.json).
//
//   npm run build && node bench/ecosystem.mjs [--only name,name] [--json out.json] [--keep] [--explain] [--cli path/to/cli.js]
//
// --explain (needs `npm run compile`: it loads out/) also prints, per project, which settings module
// the evaluator takes for production and why, and how it sees the settings the deploy checks read
// (set / Django's default / unknown with the evaluator's reason), plus the first trace notes: the
// place to start when a certain finding is missed.
// For each project the script copies the pinned files (`paths`) out of the local bare mirror
// (/work/.mirror/<owner>+<name>/repo, or $ECOSYSTEM_MIRRORS) into a temporary directory, makes it a
// git repository with those files committed (so "tracked by git" rules see what the project
// tracks), runs `node dist/cli.js --format json [--settings M] <dir>` and prints:
//   - recall on `certain` findings (matched by code + file + line; `codes` lists accepted codes),
//   - traps flagged (a trap is a line that must get no finding, or none of `codes` when given),
//   - every finding nobody listed, for a human to read and then file as certain/arguable/trap.
// Nothing of the projects is committed: the mirrors stay outside the repository and the temporary
// directories are removed (unless --keep). A missing mirror is reported loudly and the project is
// skipped (the script cannot fetch; ask the `fetch` tool for github:<owner>/<name>).
// It is a measurement: the exit status is 0 whatever the numbers are (2 on bad usage: --only naming no known project).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MANIFEST = path.join(REPO, 'bench', 'ecosystem', 'manifest.json');
const MIRRORS = process.env.ECOSYSTEM_MIRRORS ?? '/work/.mirror';
const cliAt = process.argv.indexOf('--cli');
// --cli measures another build (a branch built elsewhere); by default this checkout's dist/cli.js.
const CLI = cliAt > 0 ? path.resolve(process.argv[cliAt + 1]) : path.join(REPO, 'dist', 'cli.js');

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const only = option('--only')?.split(',');
const jsonOut = option('--json');
const keep = args.includes('--keep');
const explainMode = args.includes('--explain');
const EXPLAINED = ['DEBUG', 'SECRET_KEY', 'ALLOWED_HOSTS', 'MIDDLEWARE', 'INSTALLED_APPS', 'SECURE_HSTS_SECONDS', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'X_FRAME_OPTIONS', 'EMAIL_BACKEND', 'DATABASES'];

/** The evaluator's view of the production settings (out/ is tsc's output of server/src). */
async function explain(project, dir) {
  const out = path.resolve(path.dirname(CLI), '..', 'out', 'server', 'src'); // the measured build's tsc output
  if (!fs.existsSync(path.join(out, 'project', 'load.js'))) return ['(run npm run compile for --explain)'];
  const { loadProjects } = await import(path.join(out, 'project', 'load.js'));
  const { settingsAnalysis, productionSettings, settingsViewsFor } = await import(path.join(out, 'settings', 'project-settings.js'));
  const lines = [];
  const short = (text, size = 160) => (text.length > size ? `${text.slice(0, size)}…` : text);
  for (const model of loadProjects(dir, project.settings ? { settingsModule: project.settings } : {})) {
    const analysis = settingsAnalysis(model);
    const root = path.relative(dir, model.root) || '.';
    const production = productionSettings(model);
    // Without a production module (a lone settings.py), each entry module is seen on its own.
    const views = production ? [production] : analysis.entries.flatMap((file) => settingsViewsFor(model, file).filter((view) => view.entry === file));
    const environment = `environment ${analysis.environment ? `known (${analysis.environment.size} variables)` : 'unknown/none'}`;
    if (!production) lines.push(`[${root}] no production settings module known; ${environment}; entries: ${analysis.entries.map((file) => `${file.relativePath} (${file.context})`).join(', ') || 'none'}`);
    for (const view of views) {
    if (production) lines.push(`[${root}] production: ${view.entry.relativePath} (${analysis.production.reason}); ${environment}`);
    else lines.push(`[${root}] entry ${view.entry.relativePath}:`);
    if (view.namespace.tainted) lines.push(`    tainted: ${view.namespace.tainted}`);
    for (const name of EXPLAINED) {
      const lookup = view.get(name);
      const at = lookup.location?.path ? `${path.relative(dir, lookup.location.path)}:${lookup.location.range.start.line + 1}` : '';
      const shown = lookup.state === 'unknown' ? `UNKNOWN: ${short(lookup.reason)}` : short(describe(lookup.value));
      lines.push(`    ${name.padEnd(22)} ${lookup.state.padEnd(7)} ${shown}  ${at}`);
    }
    // Imports of the standard library and third-party packages are expected; the rest says where values became unknown.
    for (const note of view.namespace.trace.filter((item) => !item.note.endsWith('is imported from outside the settings modules')).slice(0, 8)) {
      const at = note.at?.path ? `${path.relative(dir, note.at.path)}:${note.at.range.start.line + 1}` : '';
      lines.push(`    trace: ${short(note.note, 200)}  ${at}`);
    }
    }
  }
  return lines;
}

function describe(value) {
  switch (value.kind) {
    case 'str': return JSON.stringify(value.value.length > 60 ? `${value.value.slice(0, 12)}…(${value.value.length} chars)` : value.value);
    case 'int': case 'float': case 'bool': return String(value.value);
    case 'none': return 'None';
    case 'list': case 'tuple': case 'set': return `${value.kind}[${value.items.map(describe).join(', ')}]`;
    case 'dict': return `dict{${value.entries.map((entry) => describe(entry.key)).join(', ')}}`;
    case 'unknown': return `unknown(${value.reason})`;
    default: return value.kind + (value.name ? ` ${value.name}` : '');
  }
}
const log = (text = '') => process.stdout.write(`${text}\n`);

function git(gitDir, gitArgs, options = {}) {
  return spawnSync('git', ['--git-dir', gitDir, ...gitArgs], { encoding: options.encoding ?? 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Every blob path of the commit, for the `dir/` entries of `paths`. */
function listFiles(gitDir, commit) {
  const result = git(gitDir, ['ls-tree', '-r', '--name-only', commit]);
  return result.status === 0 ? result.stdout.split('\n').filter(Boolean) : [];
}

/** Copies the project's pinned paths into `into`; returns the paths that were missing. */
function materialise(project, gitDir, into) {
  const missing = [];
  const wanted = new Map(); // path in the commit -> path in the copy
  let tree;
  for (const entry of project.paths) {
    // {from, to}: a file the project's own build copies elsewhere (taiga's Dockerfile: docker/config.py -> settings/config.py).
    if (typeof entry === 'object') wanted.set(entry.from, entry.to);
    else if (entry.endsWith('/')) {
      tree ??= listFiles(gitDir, project.commit);
      const under = tree.filter((file) => file.startsWith(entry));
      if (under.length === 0) missing.push(entry);
      under.forEach((file) => wanted.set(file, file));
    } else wanted.set(entry, entry);
  }
  for (const [file, copy] of wanted) {
    const blob = git(gitDir, ['show', `${project.commit}:${file}`], { encoding: 'buffer' });
    if (blob.status !== 0) {
      missing.push(file);
      continue;
    }
    const target = path.join(into, copy);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, blob.stdout);
  }
  // Commit what was copied, so git-aware rules (DJ112, DJ113) see the files as the project tracks them.
  const env = { ...process.env, GIT_AUTHOR_NAME: 'ecosystem', GIT_AUTHOR_EMAIL: 'ecosystem@invalid', GIT_COMMITTER_NAME: 'ecosystem', GIT_COMMITTER_EMAIL: 'ecosystem@invalid' };
  for (const step of [['init', '-q'], ['add', '-A', '-f'], ['commit', '-q', '-m', 'pinned files', '--no-gpg-sign']]) {
    spawnSync('git', step, { cwd: into, env, encoding: 'utf8' });
  }
  return missing;
}

function runCli(project, dir) {
  const cliArgs = [CLI, '--format', 'json'];
  if (project.settings) cliArgs.push('--settings', project.settings);
  cliArgs.push(dir);
  const started = Date.now();
  const result = spawnSync(process.execPath, cliArgs, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Date.now() - started;
  if (result.error) return { error: String(result.error), ms };
  try {
    const findings = JSON.parse(result.stdout);
    return { findings, ms, status: result.status };
  } catch {
    return { error: `exit ${result.status}, output is not JSON: ${(result.stderr || result.stdout).slice(0, 400)}`, ms };
  }
}

/** The finding's path relative to the project root (the CLI prints paths as it was given them). */
function relativeFile(finding, dir) {
  const absolute = path.isAbsolute(finding.file) ? finding.file : path.resolve(dir, finding.file);
  return path.relative(dir, absolute).split(path.sep).join('/');
}

const codesOf = (expectation) => expectation.codes ?? [expectation.code];
// `lines` lists the places a reviewer accepts when the fix can go at either (a helper's call or its default).
const linesOf = (expectation) => expectation.lines ?? [expectation.line];
// `absent`: a setting the module never assigns has no line of its own; any line of the file matches.
const matches = (finding, expectation) =>
  finding.file === expectation.file &&
  (expectation.absent || linesOf(expectation).includes(finding.line)) &&
  codesOf(expectation).includes(finding.code);
const onLine = (finding, trap) => finding.file === trap.file && finding.line === trap.line && (!trap.codes || trap.codes.includes(finding.code));
const where = (item) => `${item.file}:${item.absent ? '(absent)' : item.line}`;

/** The quote must still be on the pinned line: a guard against a manifest that drifted. */
function checkQuote(dir, item) {
  if (!item.quote || item.absent) return undefined;
  const file = path.join(dir, item.file);
  if (!fs.existsSync(file)) return `${item.file} is not materialised`;
  const line = fs.readFileSync(file, 'utf8').split(/\r?\n/)[item.line - 1] ?? '';
  return line.includes(item.quote) ? undefined : `${where(item)} does not contain ${JSON.stringify(item.quote)} (it reads ${JSON.stringify(line.trim())})`;
}

async function measure(project) {
  const gitDir = path.join(MIRRORS, project.repo.replace('/', '+'), 'repo');
  if (!fs.existsSync(gitDir)) return { skipped: `no mirror at ${gitDir}: fetch github:${project.repo} first` };
  if (git(gitDir, ['cat-file', '-e', `${project.commit}^{commit}`]).status !== 0) {
    return { skipped: `the mirror at ${gitDir} lacks commit ${project.commit}` };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ecosystem-${project.name}-`));
  try {
    const missing = materialise(project, gitDir, dir);
    const run = runCli(project, dir);
    if (run.error) return { error: run.error, missing, dir };
    const findings = run.findings.map((finding) => ({ ...finding, file: relativeFile(finding, dir) }));
    const certain = project.certain ?? [];
    const arguable = project.arguable ?? [];
    const traps = project.traps ?? [];
    const drift = [...certain, ...arguable, ...traps].map((item) => checkQuote(dir, item)).filter(Boolean);
    const found = certain.filter((item) => findings.some((finding) => matches(finding, item)));
    const missed = certain.filter((item) => !found.includes(item));
    const flaggedTraps = traps
      .map((trap) => ({ trap, hits: findings.filter((finding) => onLine(finding, trap)) }))
      .filter((entry) => entry.hits.length > 0);
    const arguableFound = arguable.filter((item) => findings.some((finding) => matches(finding, item)));
    const listed = (finding) =>
      [...certain, ...arguable].some((item) => matches(finding, item)) || traps.some((trap) => onLine(finding, trap));
    const unlisted = findings.filter((finding) => !listed(finding));
    // The production settings (the module and the settings it imports) are silent when none of
    // their files gets a finding while a reviewer lists certain ones in them.
    const production = project.productionSettings ?? [];
    const chainSilent =
      production.length > 0 &&
      certain.some((item) => production.includes(item.file)) &&
      !findings.some((finding) => production.includes(finding.file));
    const silentProduction = chainSilent ? [production.join(' + ')] : [];
    const explained = explainMode ? await explain(project, dir).catch((error) => [`explain failed: ${error.stack}`]) : [];
    return { dir, ms: run.ms, missing, drift, findings, found, missed, flaggedTraps, arguableFound, unlisted, silentProduction, explained };
  } finally {
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
// A misspelt --only would measure nothing and print totals of 0: bad usage (exit 2), like the CLI's.
const unknownNames = (only ?? []).filter((name) => !manifest.projects.some((project) => project.name === name));
if (args.includes('--only') && (!only || only.length === 0 || unknownNames.length > 0)) {
  process.stderr.write(`--only ${unknownNames.length > 0 ? `names no project of the manifest: ${unknownNames.join(', ')}` : 'needs a comma-separated list of project names'}. Known projects: ${manifest.projects.map((project) => project.name).join(', ')}\n`);
  process.exit(2);
}
if (!fs.existsSync(CLI)) {
  log(`${path.relative(REPO, CLI)} is missing: run npm run build first.`);
  process.exit(0);
}
const cliRepo = path.resolve(path.dirname(CLI), '..');
const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: cliRepo, encoding: 'utf8' }).stdout.trim() || path.relative(REPO, CLI);
log(`Ecosystem check: Preflight ${head}, ${new Date().toISOString()}, ${manifest.projects.length} projects in the manifest`);

const totals = { projects: 0, skipped: [], certain: 0, found: 0, traps: 0, trapsFlagged: 0, arguable: 0, arguableFound: 0, unlisted: 0, findings: 0, silentProduction: [] };
const report = [];
for (const project of manifest.projects) {
  if (only && !only.includes(project.name)) continue;
  log();
  log(`== ${project.name}  (${project.repo}@${project.commit.slice(0, 10)}${project.settings ? `, --settings ${project.settings}` : ''})`);
  const result = await measure(project);
  if (result.skipped || result.error) {
    const why = result.skipped ?? `the CLI failed: ${result.error}`;
    log(`   SKIPPED: ${why}`);
    totals.skipped.push(`${project.name}: ${why}`);
    report.push({ name: project.name, skipped: why });
    continue;
  }
  if (keep) log(`   files kept in ${result.dir}`);
  if (result.missing.length) log(`   warning: not in the commit: ${result.missing.join(', ')}`);
  for (const text of result.drift) log(`   warning: manifest drift: ${text}`);
  const certain = result.found.length + result.missed.length;
  log(`   certain ${result.found.length}/${certain}, arguable ${result.arguableFound.length}/${(project.arguable ?? []).length}, traps flagged ${result.flaggedTraps.length}/${(project.traps ?? []).length}, ${result.findings.length} findings, ${result.unlisted.length} unlisted, ${result.ms} ms`);
  for (const item of result.missed) log(`   MISSED  ${codesOf(item).join('/')} ${where(item)}  ${item.quote ?? ''}  -- ${item.why ?? ''}`);
  for (const { trap, hits } of result.flaggedTraps) {
    for (const hit of hits) log(`   TRAP    ${hit.code} ${where(trap)}  ${trap.quote ?? ''}  -- ${hit.message}`);
  }
  for (const file of result.silentProduction) log(`   SILENT  ${file}: the production settings get no finding while certain ones are listed`);
  for (const line of result.explained) log(`   ${line}`);
  for (const finding of result.unlisted) log(`   unlisted ${finding.code} ${finding.file}:${finding.line} [${finding.severity}] ${finding.message}`);
  totals.projects += 1;
  totals.certain += certain;
  totals.found += result.found.length;
  totals.traps += (project.traps ?? []).length;
  totals.trapsFlagged += result.flaggedTraps.length;
  totals.arguable += (project.arguable ?? []).length;
  totals.arguableFound += result.arguableFound.length;
  totals.unlisted += result.unlisted.length;
  totals.findings += result.findings.length;
  totals.silentProduction.push(...result.silentProduction.map((file) => `${project.name}: ${file}`));
  report.push({
    name: project.name,
    certain,
    found: result.found.length,
    missed: result.missed.map((item) => `${codesOf(item).join('/')} ${where(item)}`),
    arguable: (project.arguable ?? []).length,
    arguableFound: result.arguableFound.length,
    traps: (project.traps ?? []).length,
    trapsFlagged: result.flaggedTraps.map(({ trap, hits }) => `${hits.map((hit) => hit.code).join('/')} ${where(trap)}`),
    findings: result.findings.length,
    unlisted: result.unlisted.map((finding) => `${finding.code} ${finding.file}:${finding.line}`),
    silentProduction: result.silentProduction,
  });
}

const percent = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
log();
log('== Totals');
log(`   projects measured ${totals.projects}, skipped ${totals.skipped.length}`);
log(`   recall on certain findings ${totals.found}/${totals.certain} = ${percent(totals.found, totals.certain)}`);
log(`   arguable findings reported ${totals.arguableFound}/${totals.arguable}`);
log(`   traps flagged ${totals.trapsFlagged}/${totals.traps}`);
log(`   production settings modules with no finding while certain ones are listed: ${totals.silentProduction.length}${totals.silentProduction.length ? ` (${totals.silentProduction.join('; ')})` : ''}`);
log(`   findings ${totals.findings}, of them unlisted ${totals.unlisted}`);
for (const skipped of totals.skipped) log(`   skipped: ${skipped}`);
if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify({ preflight: head, date: new Date().toISOString(), totals, projects: report }, null, 2)}\n`);
process.exit(0);
