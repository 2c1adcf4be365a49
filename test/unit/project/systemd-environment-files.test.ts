/**
 * A systemd unit's EnvironmentFile= is a path on the server (`/srv/app/.envs/.production/.django`);
 * the repository's env file with the longest common tail is the one deployed there. Two equally
 * good matches, or none, leave production's environment unknown and say why; nothing is guessed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintProject } from '../../../server/src/engine/runner';
import { createProjectModel } from '../../../server/src/project/model';
import { productionLinks, systemdEnvironmentFiles } from '../../../server/src/project/production';

const ROOT = '/project';

function model(files: Record<string, string>) {
  const sources = Object.entries(files).map(([relative, text]) => ({ path: `${ROOT}/${relative}`, text, skipped: null, notice: null }));
  return createProjectModel(ROOT, sources, {});
}

const SETTINGS = 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nDEBUG = False\nSTRIPE_KEY = os.environ["STRIPE_KEY"]\n';

const unit = (environmentFiles: string) =>
  `[Service]\nUser=app\nWorkingDirectory=/srv/app\nEnvironment=DJANGO_SETTINGS_MODULE=config.settings.production\n${environmentFiles}ExecStart=/srv/app/venv/bin/gunicorn config.wsgi\nRestart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n`;

const project = (environmentFiles: string, extra: Record<string, string>) =>
  model({ 'deploy/app.service': unit(environmentFiles), 'config/settings/production.py': SETTINGS, 'config/__init__.py': '', ...extra });

const missingVariables = (files: ReturnType<typeof model>) =>
  lintProject(files, { onRuleError: (message) => assert.fail(message) })
    .filter((finding) => finding.code === 'DJ605')
    .map((finding) => finding.message);

describe('EnvironmentFile= mapped to the repository', () => {
  it('takes the env file with the longest common tail', () => {
    const files = project('EnvironmentFile=/srv/app/deploy/env/app.env\n', { 'deploy/env/app.env': 'DJANGO_SECRET_KEY=k\nSTRIPE_KEY=s\n', 'app.env': 'X=1\n' });
    const [resolved] = systemdEnvironmentFiles(files);
    assert.equal(resolved.file?.relativePath, 'deploy/env/app.env');
    assert.deepEqual(resolved.candidates.map((candidate) => candidate.relativePath), ['deploy/env/app.env', 'app.env']);
    const links = productionLinks(files);
    assert.equal(links.environment?.get('STRIPE_KEY')?.origin, 'deploy/env/app.env line 2');
    assert.equal(links.environment?.has('X'), false);
    assert.equal(links.unknownVariables.otherwise, null);
  });

  it('two env files with the same tail: neither is taken, production\'s environment is unknown and says which', () => {
    const files = project('EnvironmentFile=/srv/app/app.env\n', { 'hosts/a/app.env': 'DJANGO_SECRET_KEY=a\n', 'hosts/b/app.env': 'DJANGO_SECRET_KEY=b\n' });
    const [resolved] = systemdEnvironmentFiles(files);
    assert.equal(resolved.file, null);
    assert.match(resolved.why, /matches several env files of the repository equally \(hosts\/a\/app\.env, hosts\/b\/app\.env\): which one is deployed there is unknown/);
    const links = productionLinks(files);
    assert.equal(links.environment?.has('DJANGO_SECRET_KEY'), false, 'no value guessed from either copy');
    assert.equal(links.linkedFiles.has(`${ROOT}/hosts/a/app.env`), false);
    assert.equal(links.linkedFiles.has(`${ROOT}/hosts/b/app.env`), false);
    assert.match(links.unknownVariables.get('STRIPE_KEY')!, /^\/srv\/app\/app\.env \(EnvironmentFile= of deploy\/app\.service line 5\) matches several/);
    // So no "STRIPE_KEY is set by no env source" cascade.
    assert.deepEqual(missingVariables(files), []);
  });

  it('equal tails of which all but one are development\'s: the other one', () => {
    const files = project('EnvironmentFile=/srv/app/.django\n', { '.envs/.local/.django': 'DJANGO_SECRET_KEY=dev\n', '.envs/.production/.django': 'DJANGO_SECRET_KEY=k\n' });
    const [resolved] = systemdEnvironmentFiles(files);
    assert.equal(resolved.file?.relativePath, '.envs/.production/.django');
    assert.equal(productionLinks(files).environment?.get('DJANGO_SECRET_KEY')?.value, 'k');
    // STRIPE_KEY is read and no known source sets it: now it can be said.
    assert.equal(missingVariables(files).length, 1);
  });

  it("an optional ('-') file the repository lacks: the server may have it, so what it sets is unknown", () => {
    const files = project('EnvironmentFile=/srv/app/.env\nEnvironmentFile=-/etc/app/override.env\n', { '.env': 'DJANGO_SECRET_KEY=k\n' });
    const resolved = systemdEnvironmentFiles(files);
    assert.deepEqual(resolved.map((entry) => [entry.path, entry.optional, entry.file?.relativePath ?? null]), [['/srv/app/.env', false, '.env'], ['/etc/app/override.env', true, null]]);
    const links = productionLinks(files);
    assert.equal(links.environment?.get('DJANGO_SECRET_KEY')?.value, 'k');
    assert.match(links.unknownVariables.get('STRIPE_KEY')!, /\/etc\/app\/override\.env \(EnvironmentFile= of deploy\/app\.service line 6, optional\) is not in the repository/);
    assert.deepEqual(missingVariables(files), []);
  });

  it('an empty EnvironmentFile= drops the files before it', () => {
    const files = project('EnvironmentFile=/etc/app/secrets.env\nEnvironmentFile=\nEnvironmentFile=/srv/app/.env\n', { '.env': 'DJANGO_SECRET_KEY=k\n' });
    assert.deepEqual(systemdEnvironmentFiles(files).map((entry) => entry.path), ['/srv/app/.env']);
    assert.equal(productionLinks(files).unknownVariables.otherwise, null);
    assert.equal(missingVariables(files).length, 1, 'STRIPE_KEY: set by no source, and every source is known');
  });
});
