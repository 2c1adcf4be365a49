/**
 * Differential test against real Django (Debian's python3-django 3.2): for generated settings
 * projects, the `security.*` ids of `run_checks(include_deployment_checks=True)` must equal the
 * Django ids the shipped CLI reports for that case folder, exactly as a user runs it:
 * `preflight --format json --settings <module> <case folder>`. Django runs our own generated
 * modules only, in a subprocess with an empty environment (DJANGO_SETTINGS_MODULE aside); the CLI
 * gets an empty environment too. Fails, never skips, when Django is absent.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, before, after } from 'node:test';
import { SettingsCase, generateCase } from './settings-case-generator';

const CASES = 240;
const PYTHON = '/usr/bin/python3';
const REPO = path.resolve(__dirname, '../../../..');

// Each worker process loads Django once and checks its share of the cases one after another:
// the security checks read nothing but settings, so resetting the settings object (and the
// cached \`config\` modules) between cases gives what a fresh process would.
const WORKER = `
import json, os, sys
import django
from django.conf import settings
from django.utils.functional import empty
cases = json.loads(sys.stdin.read())
results = []
ready = False
for folder, module in cases:
    for name in [n for n in sys.modules if n == "config" or n.startswith("config.")]:
        del sys.modules[name]
    sys.path.insert(0, folder)
    os.environ["DJANGO_SETTINGS_MODULE"] = module
    settings._wrapped = empty
    try:
        if not ready:
            django.setup()
            ready = True
        from django.core import checks
        ids = sorted({m.id for m in checks.run_checks(include_deployment_checks=True) if m.id and m.id.startswith("security.")})
        results.append({"folder": folder, "ids": ids})
    except Exception as error:
        results.append({"folder": folder, "error": repr(error)})
    finally:
        sys.path.remove(folder)
print(json.dumps(results))
`;
const WORKERS = 2;
// One CLI process per case folder, as many at a time as the machine has cores.
const CLI_PARALLELISM = os.availableParallelism();

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    // An empty environment: neither side may pick anything up from the test's own.
    const child = spawn(command, args, { env: {}, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Runs `task` on every item, at most `limit` at a time; results in item order. */
async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

const securityIds = (findings: { djangoCheck: string | null }[]) =>
  [...new Set(findings.map((finding) => finding.djangoCheck).filter((id): id is string => id !== null && id.startsWith('security.')))].sort();

function djangoVersion(): string {
  const result = spawnSync(PYTHON, ['-c', 'import django, environ, decouple; print(django.get_version())'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(
      `Django is not installed for ${PYTHON}: the differential test needs Debian's python3-django, python3-django-environ and python3-decouple ` +
        `(apt-get install python3-django python3-django-environ python3-decouple; .ci/run does it).\n${result.error ?? result.stderr}`,
    );
  }
  return result.stdout.trim();
}

describe('settings evaluation agrees with Django 3.2 check --deploy', () => {
  let workspace: string;
  let cases: (SettingsCase & { folder: string })[];
  const djangoIds = new Map<string, string[]>();
  const cliRuns = new Map<string, Run>();
  let cliSeconds = 0;

  before(async () => {
    const version = djangoVersion();
    assert.match(version, /^3\.2\./, `the differential test is calibrated for Django 3.2 (found ${version})`);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-django-'));
    cases = Array.from({ length: CASES }, (_, index) => ({ ...generateCase(index, 1000 + index), folder: path.join(workspace, `case-${index}`) }));
    for (const testCase of cases) {
      for (const [relative, text] of Object.entries(testCase.files)) {
        const file = path.join(testCase.folder, relative);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
    }
    const django = Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        const share = cases.filter((_, index) => index % WORKERS === worker).map((c) => [c.folder, c.module]);
        const result = await run(PYTHON, ['-c', WORKER], JSON.stringify(share));
        assert.equal(result.status, 0, `the Django worker failed: ${result.stderr}`);
        for (const checked of JSON.parse(result.stdout) as { folder: string; ids?: string[]; error?: string }[]) {
          assert.ok(checked.ids, `Django could not check ${checked.folder}:\n${checked.error}`);
          djangoIds.set(checked.folder, checked.ids);
        }
      }),
    );
    const started = performance.now();
    const cli = inParallel(cases, CLI_PARALLELISM, async (testCase) => {
      cliRuns.set(testCase.folder, await run(process.execPath, [path.join(REPO, 'dist/cli.js'), '--format', 'json', '--settings', testCase.module, testCase.folder]));
    }).then(() => (cliSeconds = (performance.now() - started) / 1000));
    await Promise.all([django, cli]);
  });

  after(() => {
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it(`covers at least 200 cases, clean ones and every deploy check among them`, () => {
    assert.ok(cases.length >= 200);
    const all = new Set([...djangoIds.values()].flat());
    for (const id of ['W001', 'W002', 'W003', 'W004', 'W005', 'W006', 'W008', 'W009', 'W010', 'W011', 'W012', 'W013', 'W014', 'W015', 'W016', 'W018', 'W019', 'W020', 'W021', 'W022', 'E023']) {
      assert.ok(all.has(`security.${id}`), `no generated case triggers security.${id}`);
    }
    assert.ok([...djangoIds.values()].filter((ids) => ids.length === 0).length >= 10, 'at least ten cases Django finds clean');
  });

  // Equal sets also mean that on a case Django finds clean, no finding carries a Django id.
  it('`preflight --format json --settings <module> <case folder>` reports exactly the ids Django reports, for every case', (context) => {
    const mismatches: string[] = [];
    for (const testCase of cases) {
      const result = cliRuns.get(testCase.folder)!;
      if ((result.status !== 0 && result.status !== 1) || result.stderr !== '') {
        mismatches.push(`${testCase.name}: the CLI exited with ${result.status}:\n${result.stderr}`);
        continue;
      }
      const ours = securityIds(JSON.parse(result.stdout) as { djangoCheck: string | null }[]);
      const theirs = djangoIds.get(testCase.folder)!;
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        mismatches.push(`${testCase.name}: Django ${theirs.join(' ') || '(clean)'} / Preflight ${ours.join(' ') || '(clean)'}\n${Object.entries(testCase.files).filter(([name]) => name.endsWith('.py') && !name.endsWith('__init__.py')).map(([name, text]) => `--- ${name}\n${text}`).join('\n')}`);
      }
    }
    context.diagnostic(`${cases.length} CLI runs, ${CLI_PARALLELISM} at a time: ${cliSeconds.toFixed(1)} s`);
    assert.equal(cliRuns.size, cases.length);
    assert.equal(mismatches.length, 0, `${mismatches.length} of ${cases.length} cases disagree:\n\n${mismatches.slice(0, 3).join('\n\n')}\n\nAll: ${mismatches.map((mismatch) => mismatch.split('\n')[0]).join('\n')}`);
  });
});
