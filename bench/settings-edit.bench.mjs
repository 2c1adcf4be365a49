// Re-diagnosing a 2,000-line settings module after a one-character edit, in process, the way the
// language server does it: rebuild the model from the previous one (unchanged files keep their
// parses, the edited module re-parses incrementally from its previous tree), then lint the file.
// Also: a 100,000-line module, to show there is no quadratic path. Needs `tsc -p .` first (npm run bench).
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createProjectModel } = require('../out/server/src/project/model.js');
const { lintFile } = require('../out/server/src/engine/runner.js');

const ROOT = '/bench';
const PATH = `${ROOT}/config/settings/production.py`;

/** A realistic module: env reads, lists, dicts, conditionals, helpers, comments, repeated to size. */
function settingsModule(lines) {
  const head = [
    'import os',
    'from pathlib import Path',
    '',
    'import environ',
    '',
    'env = environ.Env(DJANGO_DEBUG=(bool, False))',
    'BASE_DIR = Path(__file__).resolve().parent.parent.parent',
    '',
    'def env_flag(name, default="0"):',
    '    return os.getenv(name, default).lower() in ("1", "true", "yes")',
    '',
    'DEBUG = env.bool("DJANGO_DEBUG", default=True)',
    'SECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-abc")',
    'ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["example.com"])',
    'MIDDLEWARE = [',
    '    "django.middleware.security.SecurityMiddleware",',
    '    "django.contrib.sessions.middleware.SessionMiddleware",',
    '    "django.middleware.csrf.CsrfViewMiddleware",',
    ']',
    'INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth"]',
    'SECURE_HSTS_SECONDS = 60 * 60',
    '',
  ];
  const body = [];
  for (let i = 0; body.length + head.length < lines; i++) {
    body.push(
      `# Block ${i}: feature flags and limits`,
      `FEATURE_${i}_ENABLED = env_flag("FEATURE_${i}", "false")`,
      `FEATURE_${i}_LIMIT = int(os.getenv("FEATURE_${i}_LIMIT", "${i * 10}"))`,
      `FEATURE_${i}_HOSTS = ["a${i}.example.com", "b${i}.example.com"]`,
      `FEATURE_${i}_HOSTS.append("c${i}.example.com")`,
      `FEATURE_${i}_CONFIG = {`,
      `    "name": "feature-${i}",`,
      `    "path": str(BASE_DIR / "features" / "${i}"),`,
      `    "enabled": FEATURE_${i}_ENABLED and not DEBUG,`,
      `}`,
      `if FEATURE_${i}_LIMIT > 100:`,
      `    FEATURE_${i}_TIER = "large"`,
      `else:`,
      `    FEATURE_${i}_TIER = "small"`,
      `INSTALLED_APPS += ["features.f${i}"]`,
      '',
    );
  }
  return [...head, ...body].slice(0, lines).join('\n') + '\n';
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function bench(lines, edits) {
  let text = settingsModule(lines);
  const source = (content) => [{ path: PATH, text: content, skipped: null, notice: null }];
  let model = createProjectModel(ROOT, source(text));
  lintFile(model, model.get(PATH));
  const times = [];
  // One-character edits spread over the file: a digit of a limit changes each time, or
  // (BENCH_EDIT=newline) a line break is inserted before a block, then removed: every later statement moves a line.
  const newline = process.env.BENCH_EDIT === 'newline';
  const positions = newline
    ? [...text.matchAll(/^# Block/gm)].map((match) => match.index)
    : [...text.matchAll(/_LIMIT", "(\d)/g)].map((match) => match.index + match[0].length - 1);
  let inserted = -1;
  for (let i = 0; i < edits; i++) {
    if (newline && inserted >= 0) {
      text = text.slice(0, inserted) + text.slice(inserted + 1);
      inserted = -1;
    } else if (newline) {
      inserted = positions[(i * 7919) % positions.length];
      text = text.slice(0, inserted) + '\n' + text.slice(inserted);
    } else {
      const at = positions[(i * 7919) % positions.length];
      text = text.slice(0, at) + String((Number(text[at]) + 1) % 10) + text.slice(at + 1);
    }
    const start = performance.now();
    model = createProjectModel(ROOT, source(text), {}, null, model);
    const findings = lintFile(model, model.get(PATH));
    times.push(performance.now() - start);
    if (findings.length === 0) throw new Error('the benchmark module should have findings');
  }
  return { lines: text.split('\n').length - 1, edit: newline ? 'newline' : 'digit', median: median(times), p90: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)], p95: [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)], edits };
}

// BENCH_SIZES=lines:edits,... (bench/run.mjs) picks the sizes; the last line is machine-readable.
const sizes = process.env.BENCH_SIZES ? process.env.BENCH_SIZES.split(',').map((size) => size.split(':').map(Number)) : null;
const results = [];
const newline = process.env.BENCH_EDIT === 'newline';
for (const [lines, edits] of (sizes ?? (process.env.BENCH_SMALL ? [[2000, 300]] : [[2000, 300], [100000, 7]]))) {
  const result = bench(lines, edits);
  results.push(result);
  console.log(`settings module of ${result.lines} lines, one-character edit${newline ? ' (a line break)' : ''} -> diagnostics: median ${result.median.toFixed(2)} ms, p90 ${result.p90.toFixed(2)} ms (${edits} edits)`);
}
console.log(`RESULT ${JSON.stringify({ kind: 'settings', results })}`);
