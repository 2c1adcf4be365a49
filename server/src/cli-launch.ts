/**
 * The `preflight` command as installed (dist/cli.js): loads the CLI bundle (dist/cli-main.js)
 * through V8's code cache and runs it. Parsing and compiling the ~800 KB bundle is a third of a
 * small project's run; with the cache, a run after the first skips most of it.
 *
 * Node >= 22.1 has this built in (`module.enableCompileCache`). On Node 20 the cache is
 * `vm.Script`'s cached data, one file per bundle. It lives in the user's own cache folder
 * (`$XDG_CACHE_HOME` or `~/.cache`, `django-preflight/`, created 0700): V8 runs what the file
 * holds, so it must not sit where another user could write it. V8 checks a cached file only
 * against the source's length, so the file's name carries the bundle's size and mtime.
 * Any failure (no home, read-only disk, a rejected cache) falls back to a plain load.
 * `PREFLIGHT_NO_COMPILE_CACHE=1` turns the cache off.
 */
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

declare const PREFLIGHT_VERSION: string | undefined;
const VERSION = typeof PREFLIGHT_VERSION === 'string' ? PREFLIGHT_VERSION : 'development';
const MAIN = path.join(__dirname, 'cli-main.js');
const INFO_ONLY = process.argv.slice(2).some((arg) => ['--version', '-v', '--help', '-h'].includes(arg));

interface CliMain {
  main(args: string[]): number;
}

/** The folder for cached code, or undefined when there is none to use. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string | undefined {
  if (env.PREFLIGHT_NO_COMPILE_CACHE === '1') return undefined;
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home ? path.join(home, '.cache') : undefined;
  return base && path.join(base, 'django-preflight');
}

/** A folder only this user can write, or undefined. */
function privateDirectory(directory: string): string | undefined {
  try {
    fs.mkdirSync(directory, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(directory);
    const ownedByUs = typeof process.getuid !== 'function' || stat.uid === process.getuid();
    return ownedByUs && (stat.mode & 0o022) === 0 ? directory : undefined;
  } catch {
    return undefined;
  }
}

function loadWithCache(directory: string): CliMain {
  const stat = fs.statSync(MAIN);
  const name = `${VERSION}-${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}.v8cache`;
  const cacheFile = path.join(directory, name);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(nodeModule.wrap(fs.readFileSync(MAIN, 'utf8')), { filename: MAIN, cachedData });
  if ((cachedData === undefined || script.cachedDataRejected) && !INFO_ONLY) {
    // Written at exit: by then the functions this run compiled lazily are in the cache as well
    // (not after --version or --help, which compile almost nothing of the linter).
    process.once('exit', () => writeCache(directory, name, script));
  }
  const bundle = new nodeModule.Module(MAIN, module);
  bundle.filename = MAIN;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: nodeModule.Module, filename: string, dirname: string) => void;
  run(bundle.exports, nodeModule.createRequire(MAIN), bundle, MAIN, path.dirname(MAIN));
  return bundle.exports as CliMain;
}

function writeCache(directory: string, name: string, script: vm.Script): void {
  try {
    const temporary = path.join(directory, `${name}.${process.pid}.tmp`);
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, path.join(directory, name));
    // One cache per user: the files of other bundles (older versions, rebuilds) go.
    for (const other of fs.readdirSync(directory)) {
      if (other !== name && other.endsWith('.v8cache')) fs.rmSync(path.join(directory, other), { force: true });
    }
  } catch {
    // A cache that cannot be written only costs the next run its speed.
  }
}

function load(): CliMain {
  const requested = cacheDirectory();
  const builtIn = (nodeModule as { enableCompileCache?: (directory: string) => unknown }).enableCompileCache;
  const directory = requested === undefined ? undefined : privateDirectory(requested);
  if (directory !== undefined && typeof builtIn === 'function') builtIn(directory);
  else if (directory !== undefined) {
    try {
      return loadWithCache(directory);
    } catch {
      // Fall through to a plain load.
    }
  }
  return nodeModule.createRequire(__filename)(MAIN) as CliMain;
}

if (require.main === module) process.exitCode = load().main(process.argv.slice(2));
