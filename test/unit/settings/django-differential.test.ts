/**
 * Differential test against four real Djangos (3.2, 4.2, 5.2 and 6.1; django-oracles.ts says how
 * each runs): for generated settings projects, the `security.*` ids of
 * `run_checks(include_deployment_checks=True)` of each version must equal the Django ids the
 * shipped CLI reports for that case folder, exactly as a user runs it:
 * `preflight --django-version <series> --format json --settings <module> <case folder>`. Django
 * runs our own generated modules only, with an empty environment (DJANGO_SETTINGS_MODULE aside);
 * the CLI gets an empty environment too. Fails, never skips, when a Django is absent.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, before, after } from 'node:test';
import type { SettingsCase } from './settings-case-generator';
import { OracleSeries, REPO, Run, askDjango, generatedCases, pyodideInstalled, run } from './django-oracles';

/**
 * Cases per version. CPython answers 240 cases in about a second; Pyodide (6.1) about 20 s for
 * 240 on 2 workers (interpreter start-up ~2 s each), well under the 3 minutes allowed it
 * (docs/django-versions.md has the times).
 */
const CASES: Record<OracleSeries, number> = { '3.2': 240, '4.2': 240, '5.2': 240, '6.1': 240 };
const WORKERS = 2;
// One CLI process per case folder, as many at a time as the machine has cores.
const CLI_PARALLELISM = os.availableParallelism();

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

/** The ids each version's deploy checks may report on the generated cases; all must occur. */
const EXPECTED_IDS: Record<OracleSeries, string[]> = {
  '3.2': ['W001', 'W002', 'W003', 'W004', 'W005', 'W006', 'W008', 'W009', 'W010', 'W011', 'W012', 'W013', 'W014', 'W015', 'W016', 'W018', 'W019', 'W020', 'W021', 'W022', 'E023'],
  '4.2': ['W001', 'W002', 'W003', 'W004', 'W005', 'W006', 'W008', 'W009', 'W010', 'W011', 'W012', 'W013', 'W014', 'W015', 'W016', 'W018', 'W019', 'W020', 'W021', 'W022', 'E023', 'E024', 'W025'],
  '5.2': ['W001', 'W002', 'W003', 'W004', 'W005', 'W006', 'W008', 'W009', 'W010', 'W011', 'W012', 'W013', 'W014', 'W015', 'W016', 'W018', 'W019', 'W020', 'W021', 'W022', 'E023', 'E024', 'W025'],
  '6.1': ['W001', 'W002', 'W004', 'W008', 'W009', 'W018', 'W020', 'E023', 'E024', 'W025', 'E026', 'W027'],
};

for (const series of ['3.2', '4.2', '5.2', '6.1'] as const) {
  describe(`settings evaluation agrees with Django ${series} check --deploy`, () => {
    let workspace: string;
    let cases: (SettingsCase & { folder: string })[];
    const djangoIds = new Map<string, string[]>();
    const cliRuns = new Map<string, Run>();
    let cliSeconds = 0;
    let djangoSeconds = 0;
    let djangoVersion = '';

    before(async () => {
      if (series === '6.1') pyodideInstalled();
      workspace = fs.mkdtempSync(path.join(os.tmpdir(), `preflight-django-${series}-`));
      cases = generatedCases(workspace, CASES[series]);
      const started = performance.now();
      const django = Promise.all(
        Array.from({ length: WORKERS }, async (_, worker) => {
          const share = cases.filter((_, index) => index % WORKERS === worker).map((c): [string, string] => [c.folder, c.module]);
          const answer = await askDjango(series, share);
          djangoVersion = answer.version;
          for (const checked of answer.results) {
            assert.ok(checked.ids, `Django ${series} could not check ${checked.folder}:\n${checked.error}`);
            djangoIds.set(checked.folder, checked.ids);
          }
        }),
      ).then(() => (djangoSeconds = (performance.now() - started) / 1000));
      const cli = inParallel(cases, CLI_PARALLELISM, async (testCase) => {
        cliRuns.set(testCase.folder, await run(process.execPath, [path.join(REPO, 'dist/cli.js'), '--django-version', series, '--format', 'json', '--settings', testCase.module, testCase.folder]));
      }).then(() => (cliSeconds = (performance.now() - started) / 1000));
      await Promise.all([django, cli]);
    });

    after(() => {
      if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
    });

    it(`is Django ${series}, covers its cases, clean ones and every deploy check among them`, (context) => {
      assert.ok(djangoVersion.startsWith(`${series}.`), `the Django answering is ${djangoVersion}, not ${series}`);
      context.diagnostic(`Django ${djangoVersion}: ${cases.length} cases in ${djangoSeconds.toFixed(1)} s`);
      assert.equal(djangoIds.size, CASES[series]);
      const all = new Set([...djangoIds.values()].flat());
      for (const id of EXPECTED_IDS[series]) assert.ok(all.has(`security.${id}`), `no generated case triggers security.${id} on Django ${series}`);
      assert.ok([...djangoIds.values()].filter((ids) => ids.length === 0).length >= 5, 'at least five cases Django finds clean');
    });

    // Equal sets also mean that on a case Django finds clean, no finding carries a Django id.
    it(`\`preflight --django-version ${series} --format json --settings <module> <case folder>\` reports exactly the ids Django ${series} reports, for every case`, (context) => {
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
      assert.equal(mismatches.length, 0, `${mismatches.length} of ${cases.length} cases disagree with Django ${series}:\n\n${mismatches.slice(0, 3).join('\n\n')}\n\nAll: ${mismatches.map((mismatch) => mismatch.split('\n')[0]).join('\n')}`);
    });
  });
}
