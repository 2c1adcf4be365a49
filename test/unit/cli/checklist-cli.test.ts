/** `preflight checklist init|status|verify`, run as CI runs it. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseChecklist } from '../../../server/src/checklist/checklist-file';
import { checklistTemplate } from '../../../server/src/checklist/template';
import { REPO, preflight, writeProject } from './bundled-cli';


const PASSING_ENV = 'DJANGO_DEBUG=False\n';

describe('preflight checklist', () => {
  it('init writes the template into an empty folder, and refuses to overwrite without --force', () => {
    const root = writeProject({});
    const target = path.join(root, 'DEPLOYMENT_CHECKLIST.md');
    assert.equal(preflight(['checklist', 'init', root]).status, 0);
    assert.equal(fs.readFileSync(target, 'utf8'), checklistTemplate());
    fs.writeFileSync(target, 'mine\n');
    const refused = preflight(['checklist', 'init', root]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /exists; --force overwrites it/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'mine\n');
    assert.equal(preflight(['checklist', 'init', '--force', root]).status, 0);
    assert.equal(fs.readFileSync(target, 'utf8'), checklistTemplate());
  });

  it('init in the working directory, and into --file', () => {
    const root = writeProject({});
    assert.equal(preflight(['checklist', 'init'], root).status, 0);
    assert.ok(fs.existsSync(path.join(root, 'DEPLOYMENT_CHECKLIST.md')));
    assert.equal(preflight(['checklist', 'init', '--file', 'docs/deploy.md', root]).status, 0);
    assert.ok(fs.existsSync(path.join(root, 'docs/deploy.md')));
  });

  it('verify examples: exit 1, listing the failing automated items and the open critical ones', () => {
    const { status, stdout } = preflight(['checklist', 'verify', 'examples']);
    assert.equal(status, 1);
    assert.match(stdout, /^Automated items failing \(\d+\):$/m);
    assert.match(stdout, /^ {2}examples\/DEPLOYMENT_CHECKLIST\.md:\d+ {2}\[x\] `DEBUG = False` in production {2}\(Critical: must be complete before going live › DEBUG and settings module; automated DJ\d{3}.*; failing \(\d+ problems?\)\)$/m);
    assert.match(stdout, /^ {6}examples\/\.envs\/\.production\/\.django:4:14 {2}DJ201 {2}DEBUG is True/m);
    // One root cause, one problem: its other places indented under it.
    assert.match(stdout, /DJ201 {2}DEBUG is True.*\n {8}↳ examples\/config\/settings\/base\.py:13:9 {2}read here by env\.bool\("DJANGO_DEBUG"\)\n/);
    assert.match(stdout, /^Critical items open \(\d+\):$/m);
    assert.match(stdout, /\[ \] Test backup restoration {2}\(Critical: must be complete before going live › Backups; manual; open\)/);
    assert.match(stdout, /✖ \d+ \/ \d+ done, \d+ critical open, \d+ automated failing/);
    assert.ok(!stdout.includes('django-insecure-8v#k2'), 'never prints a secret');
  });

  it('verify exits 0 when every critical item is done and no automated item fails', () => {
    const root = writeProject({
      'DEPLOYMENT_CHECKLIST.md': '## Critical\n- [x] Backups tested\n- [ ] DEBUG off <!-- preflight: DJ202 -->\n## Optional\n- [ ] CDN\n',
      '.envs/.production/.django': PASSING_ENV,
    });
    const { status, stdout } = preflight(['checklist', 'verify', root]);
    assert.equal(status, 0, stdout);
    assert.match(stdout, /✔ 2 \/ 3 done, 0 critical open, 0 automated failing/);
  });

  it('verify exits 1 on a failing automated item outside the critical sections, ticked or not', () => {
    const root = writeProject({ 'DEPLOYMENT_CHECKLIST.md': '## Important\n- [x] DEBUG off <!-- preflight: DJ202 -->\n', '.envs/.production/.django': 'DJANGO_DEBUG=True\n' });
    const { status, stdout } = preflight(['checklist', 'verify', root]);
    assert.equal(status, 1);
    assert.match(stdout, /Automated items failing \(1\)/);
    assert.doesNotMatch(stdout, /Critical items open/);
  });

  it('verify exits 1 on an open critical manual item', () => {
    const root = writeProject({ 'DEPLOYMENT_CHECKLIST.md': '## Critical\n- [ ] Backups tested\n' });
    const { status, stdout } = preflight(['checklist', 'verify'], root);
    assert.equal(status, 1);
    assert.match(stdout, /Critical items open \(1\):\n {2}DEPLOYMENT_CHECKLIST\.md:2 {2}\[ \] Backups tested {2}\(Critical; manual; open\)/);
  });

  it('status --format json: every item with section, state, ticked and problems; exit 0', () => {
    const root = writeProject({
      'DEPLOYMENT_CHECKLIST.md': '# List\n## Critical\n### Debug\n- [x] DEBUG off <!-- preflight: DJ202 -->\n  - [ ] nested\n',
      '.envs/.production/.django': 'DJANGO_DEBUG=yes\n',
    });
    const { status, stdout } = preflight(['checklist', 'status', '--format', 'json', root]);
    assert.equal(status, 0);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.summary, { total: 2, done: 0, openCritical: 2, failing: 1 });
    assert.deepEqual(report.items[0], {
      line: 4,
      text: 'DEBUG off',
      section: ['List', 'Critical', 'Debug'],
      priority: 'critical',
      state: 'automated',
      ticked: true,
      done: false,
      rules: ['DJ202'],
      status: 'failing',
      problems: [{ file: path.relative(REPO, path.join(root, '.envs/.production/.django')), line: 1, column: 14, code: 'DJ202', severity: 'error', message: report.items[0].problems[0].message, related: [] }],
    });
    assert.match(report.items[0].problems[0].message, /DJANGO_DEBUG=yes turns DEBUG on/);
    assert.deepEqual([report.items[1].text, report.items[1].state, report.items[1].ticked], ['nested', 'manual', false]);
  });

  it('status text lists every item of the examples checklist', () => {
    const { status, stdout } = preflight(['checklist', 'status', 'examples']);
    assert.equal(status, 0);
    const items = parseChecklist(fs.readFileSync(path.join(REPO, 'examples/DEPLOYMENT_CHECKLIST.md'), 'utf8')).items;
    assert.equal(stdout.split('\n').filter((line) => /^ {2}examples\/DEPLOYMENT_CHECKLIST\.md:\d+ {2}\[[ x]\] /.test(line)).length, items.length);
  });

  it('no checklist: exit 1 with a hint; bad usage: exit 2', () => {
    const root = writeProject({ '.env': PASSING_ENV });
    const missing = preflight(['checklist', 'verify', root]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no DEPLOYMENT_CHECKLIST\.md in .*`preflight checklist init` writes one/);
    for (const args of [['checklist'], ['checklist', 'frobnicate'], ['checklist', 'status', '--format', 'xml'], ['checklist', 'verify', '--force'], ['checklist', 'status', '/no/such/folder']]) {
      assert.equal(preflight(args).status, 2, args.join(' '));
    }
    assert.equal(preflight(['checklist', '--help']).status, 0);
  });

  it('the main command lints the checklist too: DJ903 on the examples\' ticked failing item', () => {
    const { stdout } = preflight(['--format', 'json', 'examples']);
    const findings = JSON.parse(stdout) as { file: string; code: string; line: number }[];
    const ticked = findings.find((finding) => finding.code === 'DJ903');
    assert.ok(ticked, 'DJ903 reported');
    assert.equal(ticked.file, 'examples/DEPLOYMENT_CHECKLIST.md');
  });
});
