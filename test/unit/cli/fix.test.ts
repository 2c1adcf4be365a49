/** `preflight --fix` on a copy of the example project, as a user runs it. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { safeFixOf } from '../../../server/src/engine/fix-all';
import { lintProject } from '../../../server/src/engine/runner';
import { loadProject } from '../../../server/src/project/load';
import { REPO, preflight } from './bundled-cli';


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
});
