/** The CLI over a folder holding several Django projects: each is checked as a project of its own. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonFinding, preflight, writeProject } from './bundled-cli';

/** Two projects with the same layout; only shop's base module leaves DEBUG on. */
function twoProjects(): string {
  const files: Record<string, string> = {
    'DEPLOYMENT_CHECKLIST.md': '# Deployment checklist\n\n- [x] `DEBUG = False` in production <!-- preflight: DJ201 DJ202 DJ203 -->\n',
  };
  for (const [folder, debug] of [['shop', 'True'], ['blog', 'False']]) {
    files[`${folder}/manage.py`] = 'import os\n';
    files[`${folder}/config/settings/base.py`] = `DEBUG = ${debug}\nALLOWED_HOSTS = ["${folder}.example.com"]\nINSTALLED_APPS = []\n`;
    // An absolute import: the same module name in both projects.
    files[`${folder}/config/settings/production.py`] = 'from config.settings.base import *  # noqa\n';
  }
  return writeProject(files);
}

describe('preflight over a folder of several Django projects', () => {
  it('checks each against its own settings: no finding bleeds into the other', () => {
    const root = twoProjects();
    const { status, stdout } = preflight(['--format', 'json', '.'], root);
    assert.equal(status, 1);
    const findings: JsonFinding[] = JSON.parse(stdout);
    const debug = findings.filter((finding) => finding.code === 'DJ201');
    // shop's production module imports shop's base: DEBUG = True is production's, an error.
    assert.deepEqual(
      debug.map((finding) => [finding.file, finding.line, finding.severity, finding.context]),
      [['shop/config/settings/base.py', 1, 'error', 'production: imported by config/settings/production.py, the production settings module']],
    );
    // blog's production module sees blog's base only.
    assert.ok(!findings.some((finding) => finding.file.startsWith('blog/') && /DEBUG/.test(finding.message)));
    // The folder's checklist judges every project's findings, named from the folder.
    const ticked = findings.filter((finding) => finding.code === 'DJ903');
    assert.deepEqual(ticked.map((finding) => [finding.file, finding.message]), [['DEPLOYMENT_CHECKLIST.md', 'Ticked, but 1 problem remains: DJ201 in shop/config/settings/base.py:1.']]);
    // Findings come in path order whichever project they belong to.
    const files = findings.map((finding) => finding.file);
    assert.deepEqual(files, [...files].sort());
  });

  it('finds the same in one project whether it is checked alone or with its neighbours', () => {
    const root = twoProjects();
    const alone: JsonFinding[] = JSON.parse(preflight(['--format', 'json', 'shop'], root).stdout);
    const together: JsonFinding[] = JSON.parse(preflight(['--format', 'json', '.'], root).stdout);
    const key = (finding: JsonFinding) => `${finding.file.replace(/^shop\//, '')}:${finding.line}:${finding.column} ${finding.code} ${finding.severity} ${finding.message}`;
    assert.deepEqual(together.filter((finding) => finding.file.startsWith('shop/')).map(key), alone.map(key));
  });
});
