/** The dependency readers, one table per format: what each line declares, and what cannot be read. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDockerfileDependencies, parseLockFile, parsePyprojectDependencies, parseSetupCfgDependencies, parseSetupPyDependencies, poetryToPep440 } from '../../../server/src/parse/python-dependencies';
import { Dependency, parseRequirements } from '../../../server/src/parse/requirements';

/** `name specifier [extras] ; marker @line`, compact enough for a table. */
const show = (dependency: Dependency) =>
  `${dependency.name}${dependency.specifier}${dependency.extras.length ? `[${dependency.extras.join(',')}]` : ''}${dependency.marker ? ` ; ${dependency.marker}` : ''}${dependency.url ? ` @ ${dependency.url}` : ''} @${dependency.line}`;

describe('requirements files', () => {
  const table: { name: string; text: string; requirements: string[]; includes?: string[]; problems?: RegExp[] }[] = [
    { name: 'a pin', text: 'Django==5.2.8\n', requirements: ['django==5.2.8 @1'] },
    { name: 'a range with extras, a marker and a comment', text: '# web\nDjango[argon2,bcrypt]>=4.2,<5.0 ; python_version >= "3.10"  # LTS\n', requirements: ['django>=4.2,<5.0[argon2,bcrypt] ; python_version >= "3.10" @2'] },
    { name: 'compatible release and wildcard', text: 'django~=5.1\nDjango==4.2.*\n', requirements: ['django~=5.1 @1', 'django==4.2.* @2'] },
    { name: 'hashes on continuation lines', text: 'Django==5.2.8 \\\n    --hash=sha256:aaaa \\\n    --hash=sha256:bbbb\npsycopg==3.2.1\n', requirements: ['django==5.2.8 @1', 'psycopg==3.2.1 @4'] },
    { name: 'includes and constraints in each spelling', text: '-r base.txt\n--requirement other.txt\n--requirement=third.txt\n-c constraints.txt\n--constraint=more.txt\n', requirements: [], includes: ['requirements base.txt @1', 'requirements other.txt @2', 'requirements third.txt @3', 'constraints constraints.txt @4', 'constraints more.txt @5'] },
    { name: 'options, editables, URLs and paths name no version', text: '--index-url https://pypi.example/simple\n-e .\n./vendor/pkg\ngit+https://example.com/x.git#egg=x\nhttps://example.com/Django-5.0.tar.gz\n', requirements: [] },
    { name: 'a direct reference keeps its name', text: 'django @ https://example.com/Django-5.0-py3-none-any.whl\n', requirements: ['django @ https://example.com/Django-5.0-py3-none-any.whl @1'] },
    { name: "PEP 440's arbitrary equality, which the grammar lacks (tandoor, ecosystem check)", text: 'cryptography===48.0.1\nDjango===5.2.8 ; python_version >= "3.10"\n', requirements: ['cryptography===48.0.1 @1', 'django===5.2.8 ; python_version >= "3.10" @2'] },
    { name: 'names are normalised', text: 'Django_Environ>=0.11\n', requirements: ['django-environ>=0.11 @1'] },
    { name: 'an unreadable line is a problem on its line, the rest still read', text: 'Django>=>4\ngunicorn\n-r\n', requirements: ['gunicorn @2'], problems: [/^1: "Django>=>4" is not a requirement pip can read/, /^3: "-r" names no file$/] },
  ];
  for (const row of table) {
    it(row.name, () => {
      const parsed = parseRequirements(row.text);
      assert.deepEqual(parsed.requirements.map(show), row.requirements);
      assert.deepEqual(parsed.includes.map((include) => `${include.kind} ${include.path} @${include.line}`), row.includes ?? []);
      const problems = parsed.problems.map((problem) => `${problem.line}: ${problem.message}`);
      assert.equal(problems.length, (row.problems ?? []).length, problems.join('\n'));
      (row.problems ?? []).forEach((pattern, index) => assert.match(problems[index], pattern));
    });
  }
});

describe('pyproject.toml', () => {
  it('reads [project] dependencies (PEP 621: PDM, uv, hatch) with their lines', () => {
    const parsed = parsePyprojectDependencies('[project]\nname = "shop"\ndependencies = [\n  "django[argon2]>=5.1,<6",\n  "gunicorn",  # server\n]\n');
    assert.deepEqual(parsed.dependencies.map(show), ['django>=5.1,<6[argon2] @4', 'gunicorn @5']);
    assert.deepEqual(parsed.problems, []);
  });
  it('reads Poetry dependencies: strings, tables with extras, several constraints; python is not a dependency', () => {
    const parsed = parsePyprojectDependencies('[tool.poetry.dependencies]\npython = "^3.11"\nDjango = { version = "^4.2", extras = ["argon2"] }\ncelery = [\n  { version = "~5.3", python = "<3.12" },\n  { version = "^5.4", python = ">=3.12" },\n]\nrequests = "*"\n');
    assert.deepEqual(parsed.dependencies.map(show), ['django>=4.2,<5.0[argon2] @3', 'celery>=5.3,<5.4 || >=5.4,<6.0 @4', 'requests @8']);
  });
  it('a requirement string pip cannot read is a problem; malformed TOML too', () => {
    assert.match(parsePyprojectDependencies('[project]\ndependencies = ["django>=>4"]\n').problems[0].message, /not a requirement pip can read/);
    assert.deepEqual(parsePyprojectDependencies('[project\n').problems.map((problem) => problem.line), [1]);
  });
  const poetry: [string, string | null][] = [
    ['^4.2', '>=4.2,<5.0'], ['^0.3', '>=0.3,<0.4'], ['~5.1.3', '>=5.1.3,<5.2'], ['~5', '>=5,<6.0'], ['4.2.*', '==4.2.*'],
    ['5.2.8', '==5.2.8'], ['>=4.2,<5', '>=4.2,<5'], ['>=4.2 <5', '>=4.2,<5'], ['*', ''], ['^4.2 || ^5.1', '>=4.2,<5.0 || >=5.1,<6.0'], ['latest', null],
  ];
  for (const [constraint, pep440] of poetry) it(`Poetry ${constraint} is PEP 440 ${pep440}`, () => assert.equal(poetryToPep440(constraint), pep440));
});

describe('setup.cfg and setup.py', () => {
  it('setup.cfg: install_requires of [options], one a line, comments dropped; another section ignored', () => {
    const parsed = parseSetupCfgDependencies('[metadata]\nname = shop\ninstall_requires = ignored\n[options]\ninstall_requires =\n    Django>=4.2,<5.0  # LTS\n    requests\npackages = find:\n');
    assert.deepEqual(parsed.dependencies.map(show), ['django>=4.2,<5.0 @6', 'requests @7']);
  });
  it('setup.py: a list literal passed to install_requires', () => {
    assert.deepEqual(parseSetupPyDependencies('from setuptools import setup\nsetup(\n    name="shop",\n    install_requires=[\n        "Django~=5.1",\n        \'gunicorn\',\n    ],\n)\n').dependencies.map(show), ['django~=5.1 @5', 'gunicorn @6']);
  });
  it('setup.py: a name bound to a list literal at the top level', () => {
    assert.deepEqual(parseSetupPyDependencies('REQUIREMENTS = ["Django==4.2.11"]\nsetup(name="shop", install_requires=REQUIREMENTS)\n').dependencies.map(show), ['django==4.2.11 @1']);
  });
  it('setup.py: a computed list is unknown, said as a problem, and nothing is run', () => {
    const parsed = parseSetupPyDependencies('import os\nsetup(install_requires=open("requirements.txt").read().splitlines())\nos.system("rm -rf /")\n');
    assert.deepEqual(parsed.dependencies, []);
    assert.match(parsed.problems[0].message, /computed, which Preflight does not run/);
  });
});

describe('lock files', () => {
  it('uv.lock, poetry.lock and pdm.lock: [[package]] name and version, the version line', () => {
    for (const name of ['uv.lock', 'poetry.lock', 'pdm.lock']) {
      const parsed = parseLockFile(name, '[[package]]\nname = "asgiref"\nversion = "3.8.1"\n\n[[package]]\nname = "Django"\nversion = "5.2.8"\n');
      assert.deepEqual(parsed.packages, [{ name: 'asgiref', version: '3.8.1', line: 3 }, { name: 'django', version: '5.2.8', line: 7 }], name);
    }
  });
  it('Pipfile.lock: default only (develop is not installed in production)', () => {
    const parsed = parseLockFile('Pipfile.lock', JSON.stringify({ _meta: {}, default: { django: { hashes: ['sha256:aa'], version: '==4.2.11' } }, develop: { pytest: { version: '==8.0.0' } } }, null, 4));
    assert.deepEqual(parsed.packages.map((entry) => `${entry.name} ${entry.version}`), ['django 4.2.11']);
    assert.equal(parsed.packages[0].line, 8);
  });
  it('malformed TOML and JSON are problems, never a throw', () => {
    assert.match(parseLockFile('poetry.lock', '[[package]]\nname = "django"\nversion = \n').problems[0].message, /not valid TOML/);
    assert.equal(parseLockFile('poetry.lock', '[[package]]\nname = "django"\nversion = \n').problems[0].line, 3);
    assert.match(parseLockFile('Pipfile.lock', '{"default": {').problems[0].message, /not valid JSON/);
    assert.match(parseLockFile('Pipfile.lock', '[]').problems[0].message, /no "default" section/);
  });
});

describe('Dockerfile pip install', () => {
  it('reads requirements and -r files of pip install in RUN, across continuations and &&', () => {
    const parsed = parseDockerfileDependencies('FROM python:3.12\n# RUN pip install Django==3.2\nRUN pip install --no-cache-dir -r requirements/production.txt && \\\n    python -m pip install "Django==5.2.8" gunicorn --target /opt\nCMD ["gunicorn"]\n');
    assert.deepEqual(parsed.dependencies.map(show), ['django==5.2.8 @3', 'gunicorn @3']);
    assert.deepEqual(parsed.includes, [{ kind: 'requirements', path: 'requirements/production.txt', line: 3 }]);
  });

  it("skips the values of options (uv's --python-preference system, --index-strategy unsafe-best-match) and reads uv's --requirements", () => {
    const parsed = parseDockerfileDependencies('FROM python:3.12\nRUN uv pip install --no-cache --system --python-preference system \\\n  --index https://pypi.org/simple --index-strategy unsafe-best-match \\\n  --requirements requirements.txt gunicorn==23.0.0\n');
    assert.deepEqual(parsed.dependencies.map(show), ['gunicorn==23.0.0 @2']);
    assert.deepEqual(parsed.includes, [{ kind: 'requirements', path: 'requirements.txt', line: 2 }]);
  });
});
