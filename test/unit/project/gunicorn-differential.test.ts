/**
 * Gunicorn's settings against gunicorn itself: Debian's `gunicorn` (20.1) prints the settings it
 * resolved with `--print-config` and exits without serving. A seeded generator writes command
 * lines (long, short, attached and abbreviated options, quoting, the application before or after
 * them), config files (the default `./gunicorn.conf.py` or one named by `-c` on the command line
 * or in GUNICORN_CMD_ARGS; literals, strings gunicorn converts, arithmetic and `os.environ`
 * reads) and environments (GUNICORN_CMD_ARGS, WEB_CONCURRENCY, PORT); our reading of bind,
 * workers, worker_class, threads, reload, loglevel, timeout and forwarded_allow_ips must equal
 * gunicorn's. Gunicorn runs only its own code on these generated files (the config file is
 * Python it executes: ours). A list for forwarded_allow_ips is left out: 20.1 rejects it, later
 * versions take it (and so does our reading). `.ci/run` installs the package; without it this
 * test fails.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { serverCommandsInText } from '../../../server/src/project/gunicorn-command';
import { ConfigLookup, RESOLVED_SETTINGS, SettingValue, evaluateGunicornConfig, resolveGunicorn } from '../../../server/src/project/gunicorn-settings';
import type { EnvironmentValue } from '../../../server/src/project/production';
import { seededRandom } from '../seeded-random';

const CASES = 48;

interface Case {
  command: string;
  /** Relative path -> text. */
  configs: Record<string, string>;
  env: Record<string, string>;
}

function generateCase(random: () => number): Case {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const options: string[] = [];
  if (chance(0.4)) options.push(pick(['-w 3', '--workers=5', '-w2', '--workers 1', '"-w" "4"']));
  if (chance(0.3)) options.push(pick(['-k gthread', '--worker-class=uvicorn.workers.UvicornWorker', '-ksync', "'--worker-class' gevent"]));
  if (chance(0.3)) options.push(pick(['--threads 4', '--threads=1', '--thr 2']));
  if (chance(0.3)) options.push('--reload');
  if (chance(0.35)) options.push(pick(['--log-level debug', '--log-level=DEBUG', "'--log-level=warning'", '--log-lev info']));
  if (chance(0.3)) options.push(pick(['-t 60', '--timeout=90', '--time 45', '-t120']));
  if (chance(0.4)) options.push(pick(['-b 0.0.0.0:8000', '--bind=127.0.0.1:9000 -b unix:/tmp/g.sock', '-b :8001', '--bind "[::]:8002"']));
  if (chance(0.3)) options.push(pick(["--forwarded-allow-ips '*'", '--forwarded-allow-ips="10.0.0.1, 10.0.0.2"', '--forwarded-allow-ips=127.0.0.1']));
  const configs: Record<string, string> = {};
  const env: Record<string, string> = {};
  const configPlace = pick(['none', 'default', 'command', 'environment', 'both']);
  const configText = generateConfig(random);
  if (configPlace === 'default') configs['gunicorn.conf.py'] = configText;
  if (configPlace === 'command' || configPlace === 'both') {
    configs['conf/gunicorn_config.py'] = configText;
    options.push(pick(['-c conf/gunicorn_config.py', '--config=conf/gunicorn_config.py']));
  }
  if (configPlace === 'both') configs['gunicorn.conf.py'] = generateConfig(random);
  const envOptions: string[] = [];
  if (configPlace === 'environment') {
    configs['conf/gunicorn.py'] = configText;
    envOptions.push('-c conf/gunicorn.py');
  }
  if (chance(0.3)) envOptions.push(pick(['--workers 6', '--log-level error', '--timeout 15 --reload', "--forwarded-allow-ips='*'", '-b 0.0.0.0:7000', '--threads 3']));
  if (envOptions.length) env.GUNICORN_CMD_ARGS = envOptions.join(' ');
  if (chance(0.25)) env.WEB_CONCURRENCY = pick(['3', '1']);
  if (chance(0.25)) env.PORT = pick(['5000', '8080']);
  // The application goes first or last: argparse takes options after the positional too.
  const words = chance(0.5) ? ['app:app', ...options] : [...options, 'app:app'];
  return { command: `gunicorn ${words.join(' ')}`, configs, env };
}

function generateConfig(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const lines = ['import os', 'import multiprocessing'];
  const chance = (p: number) => random() < p;
  if (chance(0.5)) lines.push(pick(['workers = 4', 'workers = "3"', 'workers = int(os.environ.get("WEB_CONCURRENCY", "2"))', 'workers = 1', 'workers = 2 * 2 + 1']));
  if (chance(0.3)) lines.push(pick(['worker_class = "gthread"', "worker_class = 'sync'", 'worker_class = "gevent"']));
  if (chance(0.3)) lines.push(pick(['threads = 2', 'threads = 1']));
  if (chance(0.4)) lines.push(pick(['reload = True', 'reload = False', 'reload = os.environ.get("RELOAD", "false") == "true"']));
  if (chance(0.4)) lines.push(pick(['loglevel = "debug"', "loglevel = 'info'", 'loglevel = os.environ.get("LOG_LEVEL", "warning")']));
  if (chance(0.4)) lines.push(pick(['timeout = 60 * 2', 'timeout = 300', 'timeout = "45"']));
  if (chance(0.4)) lines.push(pick(['bind = "0.0.0.0:8000"', 'bind = ["127.0.0.1:8000", "unix:/tmp/app.sock"]', 'bind = "0.0.0.0:" + os.environ.get("PORT", "8000")', "bind = ('127.0.0.1:9001',)"]));
  if (chance(0.3)) lines.push(pick(['forwarded_allow_ips = "*"', 'forwarded_allow_ips = " 10.0.0.1 , 10.0.0.2"', 'forwarded_allow_ips = "127.0.0.1,10.1.1.1"']));
  if (chance(0.2)) lines.push('accesslog = "-"', 'def post_fork(server, worker):', '    pass');
  return lines.join('\n') + '\n';
}

/** Python's repr of a resolved value, as `--print-config` prints it. */
function printed(setting: string, value: SettingValue): string {
  if (Array.isArray(value)) return `[${value.map((item) => `'${item}'`).join(', ')}]`;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

function gunicornConfigOf(directory: string, testCase: Case): Map<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', ...testCase.env };
  const result = spawnSync('sh', ['-c', `${testCase.command} --print-config`], { cwd: directory, env, encoding: 'utf8', timeout: 30000 });
  assert.equal(result.status, 0, `gunicorn failed on ${JSON.stringify(testCase)}: ${result.stderr}`);
  const values = new Map<string, string>();
  for (const line of result.stdout.split('\n')) {
    const match = /^(\w+)\s+= ?(.*)$/.exec(line);
    if (match) values.set(match[1], match[2]);
  }
  return values;
}

function ourConfigOf(directory: string, testCase: Case): Map<string, string> {
  const [command] = serverCommandsInText(testCase.command);
  assert.ok(command, `no gunicorn command read in ${testCase.command}`);
  const environment = new Map<string, EnvironmentValue>(Object.entries(testCase.env).map(([name, value]) => [name, { value, file: null, entry: null, origin: 'the test' }]));
  const findConfig = (written: string | null): ConfigLookup => {
    const relative = path.posix.normalize(written ?? 'gunicorn.conf.py');
    const text = testCase.configs[relative];
    if (text === undefined) return { state: 'none' };
    return { state: 'found', config: evaluateGunicornConfig(path.join(directory, relative), relative, text, environment) };
  };
  const resolution = resolveGunicorn(command, findConfig, (name) => testCase.env[name] ?? null);
  const values = new Map<string, string>();
  for (const setting of RESOLVED_SETTINGS) {
    const resolved = resolution.settings.get(setting)!;
    values.set(setting, resolved.state === 'known' ? printed(setting, resolved.value) : `unknown: ${resolved.reason}`);
  }
  return values;
}

describe('gunicorn settings: our reading equals gunicorn --print-config', () => {
  it(`agrees on ${CASES} generated command lines, config files and environments`, () => {
    const version = spawnSync('gunicorn', ['--version'], { encoding: 'utf8' });
    assert.equal(version.status, 0, 'Debian\'s gunicorn is the oracle of this test: `apt-get install gunicorn` (.ci/run does)');
    const random = seededRandom(14_2);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-gunicorn-'));
    try {
      for (let index = 0; index < CASES; index++) {
        const testCase = generateCase(random);
        const directory = path.join(root, String(index));
        fs.mkdirSync(path.join(directory, 'conf'), { recursive: true });
        fs.writeFileSync(path.join(directory, 'app.py'), 'def app(environ, start_response):\n    pass\n');
        for (const [relative, text] of Object.entries(testCase.configs)) fs.writeFileSync(path.join(directory, relative), text);
        const theirs = gunicornConfigOf(directory, testCase);
        const ours = ourConfigOf(directory, testCase);
        for (const setting of RESOLVED_SETTINGS) {
          assert.equal(ours.get(setting), theirs.get(setting), `${setting} of case ${index}: ${JSON.stringify(testCase, null, 1)}`);
        }
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
