/**
 * The `preflight` command's launcher (server/src/cli-launch.ts): V8's code cache makes the second
 * run cheaper and never changes what the CLI says, whatever state the cache is in.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cacheDirectory } from '../../../server/src/cli-launch';
import { CLI, REPO } from './bundled-cli';

const EXAMPLES = path.join(REPO, 'examples');

function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: result.status, stdout: result.stdout };
}

function cacheFiles(base: string): string[] {
  const directory = path.join(base, 'django-preflight');
  return fs.existsSync(directory) ? fs.readdirSync(directory).filter((name) => name.endsWith('.v8cache')) : [];
}

describe('the CLI launcher', () => {
  const plain = run(['--format', 'json', EXAMPLES], { PREFLIGHT_NO_COMPILE_CACHE: '1' });

  it('writes one cache after a lint, none after --version, and answers the same from it', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-cache-'));
    assert.equal(run(['--version'], { XDG_CACHE_HOME: base }).status, 0);
    assert.deepEqual(cacheFiles(base), [], '--version leaves no cache');
    const first = run(['--format', 'json', EXAMPLES], { XDG_CACHE_HOME: base });
    assert.equal(cacheFiles(base).length, 1);
    const cache = path.join(base, 'django-preflight', cacheFiles(base)[0]);
    assert.equal(fs.statSync(cache).mode & 0o077, 0, 'the cache is private to the user');
    const written = fs.statSync(cache).mtimeMs;
    const second = run(['--format', 'json', EXAMPLES], { XDG_CACHE_HOME: base });
    assert.equal(fs.statSync(cache).mtimeMs, written, 'an accepted cache is not rewritten');
    for (const answer of [first, second]) {
      assert.equal(answer.status, plain.status);
      assert.equal(answer.stdout, plain.stdout);
    }
  });

  it('survives a corrupt cache file and replaces it', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-cache-'));
    run(['--format', 'json', EXAMPLES], { XDG_CACHE_HOME: base });
    const cache = path.join(base, 'django-preflight', cacheFiles(base)[0]);
    fs.writeFileSync(cache, Buffer.alloc(4096, 7));
    const answer = run(['--format', 'json', EXAMPLES], { XDG_CACHE_HOME: base });
    assert.equal(answer.stdout, plain.stdout);
    assert.notDeepEqual(fs.readFileSync(cache), Buffer.alloc(4096, 7), 'the rejected cache was rewritten');
  });

  it('does not use a cache folder that others can write', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-cache-'));
    fs.mkdirSync(path.join(base, 'django-preflight'), { mode: 0o777 });
    fs.chmodSync(path.join(base, 'django-preflight'), 0o777);
    const answer = run(['--format', 'json', EXAMPLES], { XDG_CACHE_HOME: base });
    assert.equal(answer.stdout, plain.stdout);
    assert.deepEqual(cacheFiles(base), []);
  });

  it('finds the folder from XDG_CACHE_HOME, else the home folder, and none when turned off', () => {
    assert.equal(cacheDirectory({ XDG_CACHE_HOME: '/c' }, '/home/u'), path.join('/c', 'django-preflight'));
    assert.equal(cacheDirectory({ XDG_CACHE_HOME: 'relative' }, '/home/u'), path.join('/home/u', '.cache', 'django-preflight'));
    assert.equal(cacheDirectory({}, ''), undefined);
    assert.equal(cacheDirectory({ PREFLIGHT_NO_COMPILE_CACHE: '1' }, '/home/u'), undefined);
  });
});
