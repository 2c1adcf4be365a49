/** `preflight --fix` on a copy of the example project, as a user runs it. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { safeFixOf } from '../../../server/src/engine/fix-all';
import { lintProject } from '../../../server/src/engine/runner';
import { loadProject } from '../../../server/src/project/load';
import { spawnSync } from 'node:child_process';
import { JsonFinding, REPO, preflight } from './bundled-cli';


/** Every file's text under a directory, by relative path. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    files[path.relative(root, full)] = fs.readFileSync(full, 'latin1');
  }
  return files;
}

describe('preflight --fix', () => {
  it('on a copy of examples/: fixes every safe finding, leaves the rest, and a second run changes nothing', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-fix-'));
    fs.cpSync(path.join(REPO, 'examples'), path.join(work, 'examples-copy'), { recursive: true });
    const before = snapshot(work);
    const safeBefore = lintProject(loadProject(path.join(work, 'examples-copy'))).filter((finding) => safeFixOf(finding));
    assert.ok(safeBefore.length > 0, 'the example has safe fixes to apply');

    const first = preflight(['--fix', 'examples-copy/'], work);
    assert.equal(first.status, 1, 'findings that need review remain (errors among them)');
    // What changed is listed first, one line per fix, then a summary.
    assert.match(first.stdout, /^fixed examples-copy\/\.envs\/\.production\/\.django:\d+:\d+ {2}DJ\d{3} {2}\S/m);
    assert.match(first.stdout, /preflight --fix: \d+ fix(es)? applied, \d+ files? written\./);
    const after = snapshot(work);
    assert.notDeepEqual(after, before);
    assert.match(after['examples-copy/.envs/.production/.django'], /^DJANGO_DEBUG=False$/m);
    // Fixes that need review stay unapplied: the development key is still there.
    assert.match(after['examples-copy/.envs/.production/.django'], /^DJANGO_SECRET_KEY=django-insecure-/m);
    assert.deepEqual(lintProject(loadProject(path.join(work, 'examples-copy'))).filter((finding) => safeFixOf(finding)).map((f) => f.code), []);

    const second = preflight(['--fix', 'examples-copy/'], work);
    assert.match(second.stdout, /^preflight --fix: nothing to fix safely; no file changed\.$/m);
    assert.deepEqual(snapshot(work), after);
  });

  it('with --format json keeps stdout JSON and lists the changes on stderr; keeps a byte-order mark', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-fix-'));
    fs.writeFileSync(path.join(work, '.env.prod'), '\uFEFFDJANGO_DEBUG=True\r\n');
    const { stdout, stderr } = preflight(['--fix', '--format', 'json', '.'], work);
    assert.ok(Array.isArray(JSON.parse(stdout)));
    assert.match(stderr, /^fixed \.env\.prod:1:14 {2}DJ20\d/m);
    assert.equal(fs.readFileSync(path.join(work, '.env.prod'), 'utf8'), '\uFEFFDJANGO_DEBUG=False\r\n');
  });

  it('examples: --fix removes every finding whose JSON carries a fix, the text summary counts them, and a second --fix changes nothing', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-fix-'));
    fs.cpSync(path.join(REPO, 'examples'), path.join(work, 'examples'), { recursive: true });
    const json = (): JsonFinding[] => JSON.parse(preflight(['--format', 'json', 'examples'], work).stdout);
    const identity = (f: JsonFinding) => `${f.file} ${f.code} ${f.message}`;
    const before = json();
    const withFix = before.filter((f) => f.fix);
    assert.ok(withFix.length > 0 && withFix.length < before.length, 'some findings have a fix, others only suggestions or none');
    for (const f of withFix) assert.ok(f.fix!.edits.length > 0 && f.fixable, identity(f));
    // A suggestion needs a review: never the fix --fix applies, and printed by title only.
    for (const f of before.filter((f) => f.suggestions)) assert.ok(f.suggestions!.every((s) => Object.keys(s).join() === 'title' && s.title !== f.fix?.title), identity(f));
    assert.match(preflight(['examples'], work).stdout, new RegExp(`^  ${withFix.length} of them can be repaired by \`preflight --fix\``, 'm'));

    preflight(['--fix', 'examples'], work);
    const after = json();
    const left = new Set(after.map(identity));
    assert.deepEqual(withFix.map(identity).filter((id) => left.has(id)), []);
    assert.deepEqual(after.filter((f) => f.fix).map(identity), []);
    // What had no fix is still reported.
    for (const f of before.filter((f) => !f.fix && f.code !== 'DJ002')) assert.ok(left.has(identity(f)) || after.some((a) => a.file === f.file && a.code === f.code), identity(f));
    const fixed = snapshot(work);
    assert.match(preflight(['--fix', 'examples'], work).stdout, /nothing to fix safely; no file changed/);
    assert.deepEqual(snapshot(work), fixed);
    assert.doesNotMatch(preflight(['examples'], work).stdout, /can be repaired by/);
  });

  it('--fix-dry-run prints the diff --fix would make and writes nothing; the diff applied gives the files --fix writes', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-fix-'));
    fs.cpSync(path.join(REPO, 'examples'), path.join(work, 'examples'), { recursive: true });
    const untouched = snapshot(work);
    const dry = preflight(['--fix-dry-run', 'examples'], work);
    assert.deepEqual(snapshot(work), untouched, 'a dry run writes nothing');
    assert.match(dry.stdout, /^--- a\/examples\/\.envs\/\.production\/\.django\n\+\+\+ b\/examples\/\.envs\/\.production\/\.django\n@@ -\d+(,\d+)? \+\d+(,\d+)? @@$/m);
    assert.match(dry.stdout, /^-DJANGO_DEBUG=True\n\+DJANGO_DEBUG=False$/m);
    assert.match(dry.stdout, /^preflight --fix-dry-run: \d+ fix(es)? would be applied to \d+ files?; nothing was written\.$/m);
    // The findings reported are those --fix would leave.
    const remainingDry = JSON.parse(preflight(['--fix-dry-run', '--format', 'json', 'examples'], work).stdout);

    const patch = dry.stdout.slice(0, dry.stdout.indexOf('preflight --fix-dry-run:'));
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-fix-'));
    fs.cpSync(path.join(REPO, 'examples'), path.join(copy, 'examples'), { recursive: true });
    const applied = spawnSync('git', ['apply', '--unsafe-paths', '-'], { cwd: copy, input: patch, encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    preflight(['--fix', 'examples'], work);
    assert.deepEqual(snapshot(copy), snapshot(work));
    assert.deepEqual(remainingDry, JSON.parse(preflight(['--format', 'json', 'examples'], work).stdout));
    assert.match(preflight(['--fix-dry-run', 'examples'], work).stdout, /^preflight --fix-dry-run: nothing to fix safely; no file would change\.$/m);
  });
});
