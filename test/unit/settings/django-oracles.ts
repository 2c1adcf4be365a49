/**
 * The four real Djangos the differential tests compare against, and one way to ask each for the
 * `security.*` ids of `run_checks(include_deployment_checks=True)` on many case folders:
 * 3.2 is Debian bookworm's python3-django (/usr/bin/python3); 4.2 and 5.2 are Debian's packages
 * unpacked by .ci/unpack-djangos.sh and put on PYTHONPATH; 6.1 needs Python >= 3.12 and runs in
 * Pyodide (CPython 3.14 in WebAssembly) under Node, many cases per interpreter (pyodide-worker.ts).
 * Where the unpacked Djangos live: $PREFLIGHT_DJANGOS, else .cache/djangos in the repository.
 * Absent, the tests fail (never skip), saying how to make them.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SettingsCase, generateCase } from './settings-case-generator';

export const REPO = path.resolve(__dirname, '../../../..');
export const PYTHON = '/usr/bin/python3';
export const ORACLE_SERIES = ['3.2', '4.2', '5.2', '6.1'] as const;
export type OracleSeries = (typeof ORACLE_SERIES)[number];

export function djangosDir(): string {
  return path.resolve(process.env.PREFLIGHT_DJANGOS ?? path.join(REPO, '.cache/djangos'));
}

/** The site folder of an unpacked series; throws (the test fails) when it is not there. */
export function siteOf(series: Exclude<OracleSeries, '3.2'>): string {
  const site = path.join(djangosDir(), series);
  if (!fs.existsSync(path.join(site, 'django', '__init__.py')) || !fs.existsSync(path.join(site, 'decouple.py'))) {
    throw new Error(`Django ${series} is not unpacked at ${site} (with django-environ and python-decouple): run .ci/unpack-djangos.sh ${djangosDir()} (.ci/run does it), or set PREFLIGHT_DJANGOS to where it is.`);
  }
  return site;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], input?: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // An empty environment (but for what is given): neither side may pick anything up from the test's own.
    const child = spawn(command, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/**
 * The Python that checks cases one after another in one interpreter: the security checks read
 * nothing but settings, so resetting the settings object (and the cached `config` modules)
 * between cases gives what a fresh process would. Reads `CASES` ([folder, module] pairs), sets
 * `RESULTS` (JSON). The first line of RESULTS' run is django.get_version().
 */
export const CHECK_CASES = `
import json, os, sys
import django
from django.conf import settings
from django.utils.functional import empty
results = []
ready = False
for folder, module in json.loads(CASES):
    for name in [n for n in sys.modules if n == "config" or n.startswith("config.")]:
        del sys.modules[name]
    sys.path.insert(0, folder)
    os.environ.clear()
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
RESULTS = json.dumps({"version": django.get_version(), "results": results})
`;

export interface OracleAnswer {
  version: string;
  results: { folder: string; ids?: string[]; error?: string }[];
}

const CPYTHON_MAIN = `import sys\nCASES = sys.stdin.read()\n${CHECK_CASES}\nprint(RESULTS)\n`;

/** One CPython worker over `cases`: 3.2 as installed, 4.2 and 5.2 from their unpacked folder. */
export async function checkWithCPython(series: '3.2' | '4.2' | '5.2', cases: [string, string][]): Promise<OracleAnswer> {
  const env: Record<string, string> = series === '3.2' ? {} : { PYTHONPATH: siteOf(series) };
  const result = await run(PYTHON, ['-c', CPYTHON_MAIN], JSON.stringify(cases), env);
  if (result.status !== 0) {
    if (series === '3.2' && /No module named/.test(result.stderr)) {
      throw new Error(`Django 3.2 is not installed for ${PYTHON}: apt-get install python3-django python3-django-environ python3-decouple (.ci/run does it).\n${result.stderr}`);
    }
    throw new Error(`the Django ${series} worker failed: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as OracleAnswer;
}

/** One Pyodide interpreter (in a Node child process) over `cases`, with Django 6.1. */
export async function checkWithPyodide(cases: [string, string][]): Promise<OracleAnswer> {
  const worker = path.join(__dirname, 'pyodide-worker.js');
  const result = await run(process.execPath, [worker, siteOf('6.1')], JSON.stringify(cases));
  if (result.status !== 0) throw new Error(`the Pyodide worker failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as OracleAnswer;
}

export function pyodideInstalled(): void {
  const probe = spawnSync(process.execPath, ['-e', 'require.resolve("pyodide")'], { cwd: REPO, encoding: 'utf8' });
  if (probe.status !== 0) throw new Error(`the npm package pyodide is not installed (npm ci installs it): ${probe.stderr}`);
}

/** The generated cases 0..count-1 written under `workspace`, one folder each. */
export function generatedCases(workspace: string, count: number): (SettingsCase & { folder: string })[] {
  const cases = Array.from({ length: count }, (_, index) => ({ ...generateCase(index, 1000 + index), folder: path.join(workspace, `case-${index}`) }));
  for (const testCase of cases) {
    for (const [relative, text] of Object.entries(testCase.files)) {
      const file = path.join(testCase.folder, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
  return cases;
}

/** One worker's answer over `cases`, by the way `series` runs. */
export function askDjango(series: OracleSeries, cases: [string, string][]): Promise<OracleAnswer> {
  return series === '6.1' ? checkWithPyodide(cases) : checkWithCPython(series, cases);
}

