/** Which Django the project's files say runs: one row per source format and per precedence the order promises. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDjangoVersion } from '../../../server/src/project/django-version';
import { detectDjangoVersion, isDependencyFile, seriesAdmitted } from '../../../server/src/project/django-version-detection';

const detect = (files: Record<string, string>) => detectDjangoVersion(new Map(Object.entries(files)));
const described = (files: Record<string, string>) => {
  const { version } = detect(files);
  return version ? `${describeDjangoVersion(version)} [${version.series.join(' ')}]` : null;
};

describe('Django version detection', () => {
  const table: { name: string; files: Record<string, string>; says: string | null }[] = [
    { name: 'nothing says: null (the model then assumes the newest LTS)', files: { 'requirements.txt': 'gunicorn\n' }, says: null },
    { name: 'uv.lock', files: { 'uv.lock': 'version = 1\n[[package]]\nname = "django"\nversion = "5.2.8"\n' }, says: 'Django 5.2.8: locked in uv.lock line 4 [5.2]' },
    { name: 'poetry.lock', files: { 'poetry.lock': '[[package]]\nname = "Django"\nversion = "4.2.11"\n' }, says: 'Django 4.2.11: locked in poetry.lock line 3 [4.2]' },
    { name: 'pdm.lock', files: { 'pdm.lock': '[[package]]\nname = "django"\nversion = "5.1.4"\n' }, says: 'Django 5.1.4: locked in pdm.lock line 3 [5.1]' },
    { name: 'Pipfile.lock', files: { 'Pipfile.lock': '{"default": {"django": {"version": "==6.0.1"}}}' }, says: 'Django 6.0.1: locked in Pipfile.lock line 1 [6.0]' },
    { name: 'a lock file wins over a range', files: { 'requirements.txt': 'Django>=4.2\n', 'uv.lock': '[[package]]\nname = "django"\nversion = "5.2.8"\n' }, says: 'Django 5.2.8: locked in uv.lock line 3 [5.2]' },
    { name: 'requirements.txt pin', files: { 'requirements.txt': '# deps\nDjango==5.2.8\n' }, says: 'Django 5.2.8: pinned in requirements.txt line 2 [5.2]' },
    { name: 'a range is the series it admits', files: { 'requirements.txt': 'Django>=4.2,<5.0\n' }, says: 'Django 4.2: required as Django>=4.2,<5.0 in requirements.txt line 1 [4.2]' },
    { name: 'compatible release', files: { 'requirements.txt': 'django~=5.1\n' }, says: 'Django 5.1–5.2: required as Django~=5.1 in requirements.txt line 1 [5.1 5.2]' },
    { name: 'wildcard', files: { 'requirements.txt': 'Django==4.2.*\n' }, says: 'Django 4.2: required as Django==4.2.* in requirements.txt line 1 [4.2]' },
    { name: 'extras, markers, hashes and comments do not hide it', files: { 'requirements.txt': 'Django[argon2]==5.2.8 ; python_version >= "3.10" \\\n  --hash=sha256:abcd  # LTS\n' }, says: 'Django 5.2.8: pinned in requirements.txt line 1 [5.2]' },
    { name: 'without a version: any series', files: { 'requirements.txt': 'django\n' }, says: 'Django 3.2–6.1: required without a version in requirements.txt line 1 [3.2 4.0 4.1 4.2 5.0 5.1 5.2 6.0 6.1]' },
    {
      name: 'production over local, through -r relative to the including file',
      files: { 'requirements/base.txt': 'Django==5.2.8\n', 'requirements/production.txt': '-r base.txt\ngunicorn\n', 'requirements/local.txt': '-r base.txt\nDjango==6.0\n' },
      says: 'Django 5.2.8: pinned in requirements/base.txt line 1 (included by requirements/production.txt) [5.2]',
    },
    {
      name: 'a -c constraint that pins decides the release',
      files: { 'requirements.txt': '-c constraints/prod.txt\nDjango>=4.2\n', 'constraints/prod.txt': 'Django==4.2.16\n' },
      says: 'Django 4.2.16: pinned in constraints/prod.txt line 1 (included by requirements.txt) [4.2]',
    },
    { name: 'a -c constraint range narrows the requirement', files: { 'requirements.txt': '--constraint c.txt\nDjango>=4.2\n', 'c.txt': 'Django<5.0\n' }, says: 'Django 4.2: required as Django>=4.2,<5.0 in requirements.txt line 2 [4.2]' },
    { name: 'requirements over pyproject.toml', files: { 'requirements.txt': 'Django==4.2.1\n', 'pyproject.toml': '[project]\ndependencies = ["django>=5"]\n' }, says: 'Django 4.2.1: pinned in requirements.txt line 1 [4.2]' },
    { name: 'pyproject.toml [project]', files: { 'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "django>=5.2,<6.0",\n]\n' }, says: 'Django 5.2: required as Django>=5.2,<6.0 in pyproject.toml line 4 [5.2]' },
    { name: 'pyproject.toml Poetry', files: { 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\ndjango = "^5.1"\n' }, says: 'Django 5.1–5.2: required as Django>=5.1,<6.0 in pyproject.toml line 3 [5.1 5.2]' },
    { name: 'setup.cfg', files: { 'setup.cfg': '[options]\ninstall_requires =\n    Django>=4.2,<5\n' }, says: 'Django 4.2: required as Django>=4.2,<5 in setup.cfg line 3 [4.2]' },
    { name: 'setup.py', files: { 'setup.py': 'setup(install_requires=["Django==5.0.9"])\n' }, says: 'Django 5.0.9: pinned in setup.py line 1 [5.0]' },
    { name: 'the Dockerfile pip install', files: { Dockerfile: 'FROM python:3.12\nRUN pip install Django==5.2.8 gunicorn\n' }, says: 'Django 5.2.8: pinned in Dockerfile line 2 [5.2]' },
    { name: 'development files are not asked', files: { 'requirements/local.txt': 'Django==6.0\n', 'Dockerfile.dev': 'RUN pip install Django==6.0\n' }, says: null },
    { name: 'a series Preflight does not know: the newest LTS, and why', files: { 'requirements.txt': 'Django==2.2.28\n' }, says: 'Django 5.2: requirements.txt line 1 asks for Django==2.2.28, a series Preflight does not know: assuming the newest LTS, 5.2 [5.2]' },
  ];
  for (const row of table) it(row.name, () => assert.equal(described(row.files), row.says));

  it('malformed files are problems with their file and line, and detection goes on', () => {
    const detected = detect({ 'poetry.lock': '[[package]\n', 'Pipfile.lock': '{"default": ', 'requirements.txt': 'Django==5.2.8\nnot a requirement!\n-r missing.txt\n' });
    assert.equal(detected.version && describeDjangoVersion(detected.version), 'Django 5.2.8: pinned in requirements.txt line 1');
    assert.deepEqual(detected.problems.map((problem) => `${problem.path}:${problem.line}`).sort(), ['Pipfile.lock:1', 'poetry.lock:1', 'requirements.txt:2', 'requirements.txt:3']);
    assert.match(detected.problems.find((problem) => problem.path === 'requirements.txt' && problem.line === 3)!.message, /missing\.txt is not in the project/);
  });

  it('an include cycle ends', () => {
    assert.equal(described({ 'requirements.txt': '-r other.txt\n', 'other.txt': '-r requirements.txt\nDjango==4.2.1\n' }), 'Django 4.2.1: pinned in other.txt line 2 (included by requirements.txt) [4.2]');
  });

  it('series admitted by specifiers', () => {
    assert.deepEqual(seriesAdmitted('>=4.2,<5.0'), ['4.2']);
    assert.deepEqual(seriesAdmitted('>4.2.8,<5.1'), ['4.2', '5.0']);
    assert.deepEqual(seriesAdmitted('<3'), []);
    assert.deepEqual(seriesAdmitted('==4.2.* || ==5.2.*'), ['4.2', '5.2']);
  });

  it('the walk reads the dependency files by name', () => {
    for (const yes of ['requirements.txt', 'requirements-prod.txt', 'requirements/production.txt', 'backend/requirements/base.txt', 'uv.lock', 'poetry.lock', 'pdm.lock', 'Pipfile.lock', 'setup.cfg', 'setup.py', 'Dockerfile', 'docker/production/Dockerfile', 'Dockerfile.prod', 'web.Dockerfile']) assert.ok(isDependencyFile(yes), yes);
    for (const no of ['notes.txt', 'docs/requirements.md', 'package-lock.json', 'Pipfile', 'Dockerfile-notes.md']) assert.ok(!isDependencyFile(no), no);
  });
});
