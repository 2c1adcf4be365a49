/** The CLI's context line says which Django each project is judged as and why: one case per source format, through the bundle. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { CLI, JsonFinding, preflight, writeProject } from './bundled-cli';

const SETTINGS = { 'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")\n', 'config/settings/production.py': 'DEBUG = False\n' };

function contextLine(files: Record<string, string>, args: string[] = []): string {
  const root = writeProject({ ...SETTINGS, ...files }, 'preflight-django-version-');
  const { stdout, stderr } = preflight([...args, '.'], root);
  const line = stdout.split('\n')[0];
  assert.ok(line.startsWith('Django '), `no context line in:\n${stdout}${stderr}`);
  return line;
}

describe('the CLI says which Django it assumes', () => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run npm run build first`);
  const table: { name: string; files: Record<string, string>; args?: string[]; line: string }[] = [
    { name: 'nothing', files: {}, line: 'Django 5.2: nothing in the project says which Django it runs: assuming the newest LTS, 5.2 (project .)' },
    { name: '--django-version', files: { 'requirements.txt': 'Django==4.2.1\n' }, args: ['--django-version', '6.0'], line: 'Django 6.0: set by --django-version (project .)' },
    { name: 'uv.lock', files: { 'uv.lock': 'version = 1\n[[package]]\nname = "django"\nversion = "5.2.8"\n' }, line: 'Django 5.2.8: locked in uv.lock line 4 (project .)' },
    { name: 'poetry.lock', files: { 'poetry.lock': '[[package]]\nname = "django"\nversion = "4.2.11"\n' }, line: 'Django 4.2.11: locked in poetry.lock line 3 (project .)' },
    { name: 'pdm.lock', files: { 'pdm.lock': '[[package]]\nname = "django"\nversion = "5.1.4"\n' }, line: 'Django 5.1.4: locked in pdm.lock line 3 (project .)' },
    { name: 'Pipfile.lock', files: { 'Pipfile.lock': '{\n  "default": {\n    "django": {\n      "version": "==6.0.1"\n    }\n  }\n}\n' }, line: 'Django 6.0.1: locked in Pipfile.lock line 4 (project .)' },
    { name: 'requirements with -r', files: { 'requirements/base.txt': 'Django==5.2.8\n', 'requirements/production.txt': '-r base.txt\n', 'requirements/local.txt': 'Django==6.0\n' }, line: 'Django 5.2.8: pinned in requirements/base.txt line 1 (included by requirements/production.txt) (project .)' },
    { name: 'pyproject.toml', files: { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["django>=4.2,<5.0"]\n' }, line: 'Django 4.2: required as Django>=4.2,<5.0 in pyproject.toml line 3 (project .)' },
    { name: 'setup.cfg', files: { 'setup.cfg': '[options]\ninstall_requires =\n    Django~=5.1\n' }, line: 'Django 5.1–5.2: required as Django~=5.1 in setup.cfg line 3 (project .)' },
    { name: 'setup.py', files: { 'setup.py': 'from setuptools import setup\nsetup(install_requires=["Django==5.0.9"])\n' }, line: 'Django 5.0.9: pinned in setup.py line 2 (project .)' },
    { name: 'Dockerfile', files: { Dockerfile: 'FROM python:3.12\nRUN pip install "Django==5.2.8"\n' }, line: 'Django 5.2.8: pinned in Dockerfile line 2 (project .)' },
  ];
  for (const row of table) it(row.name, () => assert.equal(contextLine(row.files, row.args), row.line));

  it('a malformed dependency file is a DJ001 finding on its line, and the next file decides', () => {
    const root = writeProject({ ...SETTINGS, 'poetry.lock': '[[package]\n', 'requirements.txt': 'Django==4.2.1\nDjango>=>4\n' }, 'preflight-django-version-');
    assert.match(preflight(['.'], root).stdout, /^Django 4\.2\.1: pinned in requirements\.txt line 1 \(project \.\)\n/);
    const { stdout, status } = preflight(['--format', 'json', '.'], root);
    assert.notEqual(status, 2);
    const found = (JSON.parse(stdout) as JsonFinding[]).filter((finding) => finding.code === 'DJ001').map((finding) => `${finding.file}:${finding.line} ${finding.message}`);
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0], /^poetry\.lock:1 Preflight could not read this dependency file here: it is not valid TOML/);
    assert.match(found[1], /^requirements\.txt:2 Preflight could not read this dependency file here: "Django>=>4"/);
  });
});
