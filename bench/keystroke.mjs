// Keystroke latency for env and compose files, in process, along the language server's own path:
// the edited text goes into the open-documents map, ProjectRoot.currentModel() rebuilds the model
// from the previous one (unchanged files keep their parses), the file is linted, then every file
// linked to it (before or after the edit) is linted too -- server.ts validateDocument(), minus the
// LSP transport. Needs `tsc -p .` first. Prints `RESULT {json}` as its last line.
//
//   node bench/keystroke.mjs env:500:300,compose:3600:300
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { composeFile, envFile, servicesForLines } from './generate.mjs';

const require = createRequire(import.meta.url);
const { ProjectRoot } = require('../out/server/src/workspace.js');
const { lintFile } = require('../out/server/src/engine/runner.js');

/** What server.ts validateDocument() computes for one document; returns the edited file's findings. */
function validateDocument(root, file) {
  const before = root.lastModel(file);
  const model = root.currentModel(file);
  const findings = lintFile(model, model.get(file));
  for (const dependent of new Set([...(before?.dependentsOf(file) ?? []), ...model.dependentsOf(file)])) {
    const linked = model.get(dependent);
    if (linked) lintFile(model, linked);
  }
  return findings;
}

const ENV = '.envs/.production/.django';
const COMPOSE = 'docker-compose.production.yml';

/** A small project around the measured file, so that links (compose -> env file) exist as in real use. */
function projectFor(kind, lines, directory) {
  const write = (relative, text) => {
    fs.mkdirSync(path.dirname(path.join(directory, relative)), { recursive: true });
    fs.writeFileSync(path.join(directory, relative), text);
  };
  if (kind === 'env') {
    write(ENV, envFile(lines));
    write(COMPOSE, composeFile(3));
    return { file: path.join(directory, ENV), text: envFile(lines), digits: /_LIMIT=(\d)/g };
  }
  write(ENV, envFile(40));
  const text = composeFile(servicesForLines(lines));
  write(COMPOSE, text);
  return { file: path.join(directory, COMPOSE), text, digits: /:1\.(\d)\n/g };
}

function percentile(sorted, fraction) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

function bench(kind, lines, edits) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `preflight-bench-${kind}-`));
  try {
    const { file, text: initial, digits } = projectFor(kind, lines, directory);
    const openTexts = new Map();
    const root = new ProjectRoot(directory, openTexts);
    root.scan();
    let text = initial;
    openTexts.set(file, text);
    const opened = performance.now();
    validateDocument(root, file);
    const firstMs = performance.now() - opened;
    // One-character edits spread over the file: one digit changes each time, as when typing a value.
    const positions = [...text.matchAll(digits)].map((match) => match.index + match[0].lastIndexOf(match[1]));
    const times = [];
    let findings = 0;
    for (let i = 0; i < edits; i++) {
      const at = positions[(i * 7919) % positions.length];
      text = text.slice(0, at) + String((Number(text[at]) + 1) % 10) + text.slice(at + 1);
      openTexts.set(file, text);
      const start = performance.now();
      findings = validateDocument(root, file).length;
      times.push(performance.now() - start);
    }
    if (findings === 0) throw new Error(`the ${kind} benchmark file should have findings`);
    const sorted = [...times].sort((a, b) => a - b);
    return { kind, lines: text.split('\n').length - 1, edits, firstMs, median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), findings };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

const plan = (process.argv[2] ?? 'env:500:300,compose:3600:300').split(',').map((entry) => entry.split(':'));
const results = [];
for (const [kind, lines, edits] of plan) {
  const result = bench(kind, Number(lines), Number(edits));
  results.push(result);
  console.log(`${kind} file of ${result.lines} lines, one-character edit -> diagnostics: median ${result.median.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms (${edits} edits; first open ${result.firstMs.toFixed(0)} ms)`);
}
console.log(`RESULT ${JSON.stringify({ results })}`);
