/**
 * The production model follows a built service to its Dockerfile and start scripts (issue 4's
 * DJ605 false positive on cookiecutter-django): on the cookiecutter fixture, through the CLI's
 * loader, the editor's ProjectRoot and the bundled CLI itself.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintProject } from '../../../server/src/engine/runner';
import { loadProject } from '../../../server/src/project/load';
import { productionLinks } from '../../../server/src/project/production';
import { productionSettings } from '../../../server/src/settings/project-settings';
import { ProjectRoot } from '../../../server/src/workspace';
import { JsonFinding, preflight, writeProject } from '../cli/bundled-cli';

const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/cookiecutter');
const ENTRYPOINT_ORIGIN = 'compose/production/django/entrypoint line 14 (exported by the ENTRYPOINT in compose/production/django/Dockerfile line 30)';

describe('start scripts of the production image', () => {
  it('the loader reads the Dockerfile and the scripts its ENTRYPOINT and the compose command run, and explains each export', () => {
    const links = productionLinks(loadProject(FIXTURE));
    assert.equal(links.container?.dockerfile, path.join(FIXTURE, 'compose/production/django/Dockerfile'));
    assert.deepEqual(
      links.container?.scripts.map((script) => `${script.relativePath}: ${script.role}`),
      [
        'compose/production/django/entrypoint: the ENTRYPOINT in compose/production/django/Dockerfile line 30',
        'compose/production/django/start: the command of service `django`',
      ],
    );
    assert.equal(links.unknownVariables.get('DATABASE_URL'), ENTRYPOINT_ORIGIN);
    assert.match(links.unknownVariables.get('CELERY_BROKER_URL')!, /^compose\/production\/django\/entrypoint line 8 /);
    assert.match(links.unknownVariables.get('PYTHONUNBUFFERED')!, /^ENV in compose\/production\/django\/Dockerfile line 13$/);
    // The env file sets POSTGRES_USER: the entrypoint's fallback export does not hide its value.
    assert.equal(links.environment?.get('POSTGRES_USER')?.value, 'shop');
    assert.ok(!links.unknownVariables.has('POSTGRES_USER'));
    assert.ok(links.container?.reads.has('REDIS_URL'));
  });

  it('the settings take DATABASE_URL as set, value unknown, and say where from; DJ605 is silent', () => {
    const project = loadProject(FIXTURE);
    const databases = productionSettings(project)!.get('DATABASES');
    assert.equal(databases.value.kind, 'dict');
    const reasons = databases.value.kind === 'dict' ? databases.value.entries.map((entry) => (entry.value.kind === 'unknown' ? entry.value.reason : '')) : [];
    assert.match(reasons.join('\n'), new RegExp(`production sets DATABASE_URL from ${ENTRYPOINT_ORIGIN.replace(/[()]/g, '\\$&')}`));
    assert.deepEqual(lintProject(project).filter((finding) => finding.code === 'DJ605'), []);
  });

  it("the editor's ProjectRoot reads the same files", () => {
    const root = new ProjectRoot(FIXTURE, new Map());
    root.scan();
    const links = productionLinks(root.currentModel());
    assert.equal(links.container?.scripts.length, 2);
    assert.equal(links.unknownVariables.get('DATABASE_URL'), ENTRYPOINT_ORIGIN);
  });

  it('`preflight --format json` reports no DJ605 on the fixture or the examples', () => {
    for (const target of ['test/fixtures/cookiecutter', 'examples']) {
      const run = preflight(['--format', 'json', target]);
      const findings = JSON.parse(run.stdout) as JsonFinding[];
      assert.ok(findings.length > 0, target);
      assert.deepEqual(findings.filter((finding) => finding.code === 'DJ605').map((finding) => finding.message), [], target);
    }
  });

  it('an unreadable Dockerfile adds nothing: DJ605 reports as before', () => {
    const files: Record<string, string> = {};
    for (const relative of ['docker-compose.production.yml', '.envs/.production/.django', '.envs/.production/.postgres', 'config/settings/base.py', 'config/settings/production.py', 'compose/production/django/entrypoint']) {
      files[relative] = fs.readFileSync(path.join(FIXTURE, relative), 'utf8');
    }
    const root = writeProject(files, 'preflight-entrypoint-');
    try {
      // A folder where the Dockerfile should be: reading it fails.
      fs.mkdirSync(path.join(root, 'compose/production/django/Dockerfile'));
      const project = loadProject(root);
      assert.equal(productionLinks(project).container?.dockerfile, null);
      const variables = lintProject(project).filter((finding) => finding.code === 'DJ605').map((finding) => /\b(DATABASE_URL|CELERY_BROKER_URL)\b/.exec(finding.message)?.[1]);
      assert.deepEqual([...new Set(variables)].sort(), ['CELERY_BROKER_URL', 'DATABASE_URL']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
