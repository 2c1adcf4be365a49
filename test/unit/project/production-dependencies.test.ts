/** What production installs: where a missing package goes, what counts as installed, and why it is unknown when it is. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProjectModel } from '../../../server/src/project/model';
import { declaredPackage, productionDependencies } from '../../../server/src/project/production-dependencies';

const ROOT = '/project';

function dependenciesOf(files: Record<string, string>) {
  const sources = Object.entries(files).map(([relative, text]) => ({ path: `${ROOT}/${relative}`, text, skipped: null, notice: null }));
  return productionDependencies(createProjectModel(ROOT, sources, {}));
}

describe('productionDependencies', () => {
  it('chooses the production requirements file as the target, and reads the other non-development files', () => {
    const dependencies = dependenciesOf({
      'requirements/base.txt': 'Django==5.2.8\n',
      'requirements/production.txt': '-r base.txt\ngunicorn==23.0.0\n',
      'requirements/local.txt': '-r base.txt\ndjango-debug-toolbar==4.4\n',
      'pyproject.toml': '[project]\nname = "site"\ndependencies = ["sentry-sdk"]\n',
      Dockerfile: 'FROM python:3.12\nRUN pip install --no-cache-dir whitenoise==6.7.0\n',
    });
    assert.ok(dependencies.known);
    assert.equal(dependencies.target.describe, 'requirements/production.txt');
    assert.deepEqual(dependencies.target.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 16 } });
    assert.deepEqual(dependencies.targetFiles.map((read) => read.file.relativePath), ['requirements/production.txt', 'requirements/base.txt']);
    for (const name of ['django', 'gunicorn', 'sentry-sdk', 'whitenoise']) assert.ok(declaredPackage(dependencies, name), name);
    assert.equal(declaredPackage(dependencies, 'django-debug-toolbar'), null, 'a development file installs nothing in production');
  });

  const unknown: [string, Record<string, string>, RegExp][] = [
    ['an include not in the project', { 'requirements.txt': '-r ../shared/base.txt\n' }, /^requirements\.txt line 1 includes \.\.\/shared\/base\.txt, which is not in the project/],
    ['a line pip cannot read', { 'requirements.txt': 'Django==5.2.8\ngunicorn==\n' }, /^requirements\.txt line 2: "gunicorn==" is not a requirement pip can read/],
    ['dynamic dependencies', { 'pyproject.toml': '[project]\nname = "site"\ndynamic = ["dependencies"]\n' }, /^pyproject\.toml: its dependencies are `dynamic`/],
    ['a computed install_requires', { 'setup.py': 'from setuptools import setup\nsetup(install_requires=open("r.txt").read().split())\n' }, /^setup\.py line 2: install_requires is computed/],
    ['a malformed lock file', { 'requirements.txt': 'Django==5.2.8\n', 'poetry.lock': '[[package]\nname = "x"\n' }, /^poetry\.lock line 1: it is not valid TOML/],
    ['no dependency file', { '.env': 'DEBUG=0\n' }, /^no requirements file, pyproject\.toml dependencies or install_requires/],
    ['a pyproject.toml of tool settings only', { 'pyproject.toml': '[tool.ruff]\nline-length = 100\n' }, /^no requirements file/],
  ];
  for (const [name, files, reason] of unknown) {
    it(`is unknown, saying why: ${name}`, () => {
      const dependencies = dependenciesOf(files);
      assert.equal(dependencies.known, false);
      assert.match((dependencies as { reason: string }).reason, reason);
    });
  }
});
