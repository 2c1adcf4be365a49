/** The view's logic without VS Code: server status in, tree nodes, progress and badge out. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTree, isTickable, resetTargets, summarise, walk } from '../../../client/src/checklist/tree-model';
import type { FolderChecklist } from '../../../client/src/checklist/tree-model';
import { projectChecklistStatus } from '../../../server/src/checklist/status';
import { lintProject } from '../../../server/src/engine/runner';
import { createProjectModel } from '../../../server/src/project/model';
import { rules } from '../../../server/src/rules';

const CHECKLIST = [
  '# Deployment Checklist',
  '## Critical: must be complete',
  '### Debug',
  '- [x] DEBUG is off <!-- preflight: DJ202 -->',
  '- [ ] Hosts <!-- preflight: DJ302 -->',
  '- [ ] Compose ports <!-- preflight: DJ701 -->',
  '- [X] Backups tested',
  '  - [ ] Restore drill',
  '## Optional',
  '- [ ] CDN',
  '',
].join('\n');

function folder(files: Record<string, string>, root = '/p'): FolderChecklist {
  const project = createProjectModel(root, Object.entries(files).map(([relative, text]) => ({ path: `${root}/${relative}`, text, skipped: null, notice: null })));
  return { folderUri: `file://${root}`, checklistUri: `file://${root}/DEPLOYMENT_CHECKLIST.md`, status: projectChecklistStatus(project, lintProject(project), rules) };
}

describe('checklist tree model', () => {
  const single = folder({ 'DEPLOYMENT_CHECKLIST.md': CHECKLIST, '.envs/.production/.django': 'DJANGO_DEBUG=True\nDJANGO_ALLOWED_HOSTS=example.com\n' });

  it('shows sections (the lone # title flattened), items and sub-items, with progress per section', () => {
    const tree = buildTree([single]);
    assert.deepEqual(tree.map((node) => [node.kind, node.label, node.description]), [
      ['section', 'Critical: must be complete', '2 / 5'],
      ['section', 'Optional', '0 / 1'],
    ]);
    const debug = tree[0].children[0];
    assert.equal(debug.label, 'Debug');
    assert.deepEqual(debug.children.map((node) => node.label), ['DEBUG is off', 'Hosts', 'Compose ports', 'Backups tested']);
    assert.deepEqual(debug.children[3].children.map((node) => node.label), ['Restore drill']);
  });

  it('automated items carry live status and their findings as children, without a checkbox', () => {
    const items = walk(buildTree([single])).filter((node) => node.kind === 'item');
    const [debug, hosts, compose, backups, drill] = items;
    assert.deepEqual([debug.description, debug.icon, debug.checkbox, debug.contextValue, debug.collapsed], ['1 problem', 'failing', null, 'item.automated.failing', false]);
    assert.equal(debug.children.length, 1);
    const problem = debug.children[0];
    assert.deepEqual([problem.kind, problem.description, problem.icon], ['problem', 'DJ202 .envs/.production/.django:1', 'problem-error']);
    assert.deepEqual(problem.location, { path: '/p/.envs/.production/.django', range: { start: { line: 0, character: 13 }, end: { line: 0, character: 17 } } });
    assert.deepEqual([hosts.description, hosts.icon, hosts.checkbox], ['passing', 'passing', null]);
    // No compose file: nothing to check, so a person ticks it.
    assert.deepEqual([compose.description, compose.icon, compose.checkbox], ['nothing to check', 'unchecked', 'unchecked']);
    assert.deepEqual([backups.checkbox, backups.contextValue, drill.checkbox], ['checked', 'item.manual', 'unchecked']);
  });

  it('the nginx items are judged only where the project has an nginx configuration', () => {
    const checklist = '# Deployment Checklist\n## Web server\n- [ ] Nginx is configured for Django <!-- preflight: DJ304 DJ413 DJ415 -->\n- [ ] Gzip compression is enabled <!-- preflight: DJ614 -->\n';
    const statuses = (files: Record<string, string>) =>
      walk(buildTree([folder({ 'DEPLOYMENT_CHECKLIST.md': checklist, ...files })]))
        .filter((node) => node.kind === 'item')
        .map((node) => [node.label, node.description, node.checkbox]);
    assert.deepEqual(statuses({ '.envs/.production/.django': 'DJANGO_DEBUG=False\n' }), [
      ['Nginx is configured for Django', 'nothing to check', 'unchecked'],
      ['Gzip compression is enabled', 'nothing to check', 'unchecked'],
    ]);
    const site = 'server {\n    listen 443 ssl;\n    location / {\n        proxy_pass http://app:8000;\n    }\n}\n';
    assert.deepEqual(statuses({ 'deploy/nginx/nginx.conf': `events {}\nhttp {\n    gzip on;\n    server_tokens off;\n${site}}\n` }), [
      ['Nginx is configured for Django', '1 problem', null],
      ['Gzip compression is enabled', 'passing', null],
    ]);
  });

  it('one root cause is one problem child, its other places in the tooltip', () => {
    const grouped = folder({
      'DEPLOYMENT_CHECKLIST.md': '## Critical\n- [ ] DEBUG is off <!-- preflight: DJ201 DJ202 -->\n',
      '.envs/.production/.django': 'DJANGO_DEBUG=True\n',
      'config/settings/production.py': 'import environ\nenv = environ.Env()\nDEBUG = env.bool("DJANGO_DEBUG", default=False)\n',
    });
    const item = walk(buildTree([grouped])).find((node) => node.kind === 'item')!;
    assert.equal(item.description, '1 problem');
    const [problem] = item.children;
    assert.equal(problem.description, 'DJ201 .envs/.production/.django:1');
    assert.match(problem.tooltip ?? '', /\n {2}↳ config\/settings\/production\.py:3: read here by env\.bool\("DJANGO_DEBUG"\)/);
  });

  it('a tick targets the one character the server saw, with what it held', () => {
    const backups = walk(buildTree([single])).find((node) => node.label === 'Backups tested')!;
    assert.deepEqual(backups.tick, { checklistPath: '/p/DEPLOYMENT_CHECKLIST.md', range: { start: { line: 6, character: 3 }, end: { line: 6, character: 4 } }, expected: 'X', lineText: '- [X] Backups tested', itemIndex: 3 });
    assert.equal(CHECKLIST.split('\n')[6][3], 'X');
    assert.equal(walk(buildTree([single])).find((node) => node.label === 'DEBUG is off')!.tick, null);
  });

  it('summarises progress and open critical items for the description and badge', () => {
    // Done: Hosts (passing) and Backups tested (ticked); DEBUG fails though ticked.
    assert.deepEqual(summarise([single]), { description: '2 / 6', badge: 3, badgeTooltip: '3 critical items open', missing: false });
    const none: FolderChecklist = { folderUri: 'file:///q', checklistUri: 'file:///q/DEPLOYMENT_CHECKLIST.md', status: null };
    assert.deepEqual(summarise([none]), { description: '', badge: 0, badgeTooltip: '', missing: true });
    assert.deepEqual(buildTree([none]), []);
  });

  it('reset unticks what people tick, never the linter\'s items', () => {
    assert.deepEqual(resetTargets(single.status!).map((target) => target.itemIndex), [3]);
    assert.ok(single.status!.items.filter(isTickable).every((item) => item.state === 'manual' || item.status === 'unchecked'));
  });

  it('several folders with checklists get a node each', () => {
    const other = folder({ 'DEPLOYMENT_CHECKLIST.md': '- [x] one\n- [ ] two\n' }, '/other%20project');
    const tree = buildTree([single, other]);
    assert.deepEqual(tree.map((node) => [node.kind, node.label, node.description]), [
      ['folder', 'p', '2 / 6'],
      ['folder', 'other project', '1 / 2'],
    ]);
    assert.deepEqual(tree[1].children.map((node) => node.label), ['one', 'two']);
  });
});
