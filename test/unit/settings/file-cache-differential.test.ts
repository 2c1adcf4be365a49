/**
 * Differential test of DJ611 against real Django (Debian's python3-django 3.2): for generated
 * settings with file-based caches, MEDIA_ROOT, STATIC_ROOT and STATICFILES_DIRS, the
 * `caches.W002` warnings of `run_checks(include_deployment_checks=True)` — which cache, which
 * relation, which setting — must equal what DJ611 reports. W002 is a deploy check: it runs only
 * with include_deployment_checks. Fails, never skips, when Django is absent.
 *
 * Not generated: a relative path compared with an absolute one. Django resolves the relative one
 * against the working directory, which static analysis cannot know, so DJ611 stays silent there.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, before, after } from 'node:test';
import { lintProject } from '../../../server/src/engine/runner';
import { loadProject } from '../../../server/src/project/load';
import { seededRandom } from '../seeded-random';

const PYTHON = '/usr/bin/python3';
const MODULE = 'config.settings.production';
const FILE_CACHE = 'django.core.cache.backends.filebased.FileBasedCache';

const WORKER = `
import json, os, sys
import django
from django.conf import settings
from django.utils.functional import empty
cases = json.loads(sys.stdin.read())
results = []
ready = False
for folder in cases:
    for name in [n for n in sys.modules if n == "config" or n.startswith("config.")]:
        del sys.modules[name]
    sys.path.insert(0, folder)
    os.environ["DJANGO_SETTINGS_MODULE"] = "${MODULE}"
    settings._wrapped = empty
    try:
        if not ready:
            django.setup()
            ready = True
        from django.core import checks
        from django.core.cache import caches
        # The cache handler caches CACHES and its instances: drop both so each case builds its own.
        caches.__dict__.pop("settings", None)
        caches.__init__()
        messages = [m.msg for m in checks.run_checks(include_deployment_checks=True) if m.id == "caches.W002"]
        results.append({"folder": folder, "messages": messages})
    except Exception as error:
        results.append({"folder": folder, "error": repr(error)})
    finally:
        sys.path.remove(folder)
print(json.dumps(results))
`;

interface CacheCase {
  name: string;
  files: Record<string, string>;
}

/** Absolute paths, all under the case folder (BASE_DIR) or elsewhere on the disk. */
const ABSOLUTE = {
  media: [null, '""', 'BASE_DIR / "media"', 'str(BASE_DIR / "static" / ".." / "media")', '"/srv/uploads"'],
  static: [null, 'None', 'BASE_DIR / "staticfiles"', 'os.path.join(str(BASE_DIR), "staticfiles")'],
  dirs: [null, '[]', '[BASE_DIR / "assets"]', '[("vendor", str(BASE_DIR / "assets")), "/srv/uploads/shared"]'],
  caches: [
    null,
    `{"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": str(BASE_DIR / "media")}}`,
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": str(BASE_DIR / "media")}}`,
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": os.path.join(str(BASE_DIR), "staticfiles", "cache")}}`,
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": str(BASE_DIR)}}`,
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": "/var/tmp/django_cache"}}`,
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": str(BASE_DIR / "mediacache")}}`,
    `{"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "pages": {"BACKEND": "${FILE_CACHE}", "LOCATION": "/srv/uploads/shared/cache"}}`,
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": str(BASE_DIR / "assets" / "..")}}`,
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": BASE_DIR / "assets"}}`,
  ],
};

/** Relative paths: Django resolves every one against the same working directory. */
const RELATIVE = {
  media: [null, '"media"', '"./media/"'],
  static: [null, '"staticfiles"'],
  dirs: [null, '["assets"]'],
  caches: [
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": ""}}`,
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": "media/cache"}}`,
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": "cache"}}`,
    `{"default": {"BACKEND": "${FILE_CACHE}", "LOCATION": "staticfiles"}}`,
  ],
};

/**
 * Combinations of a family (every one, or `sample` of them drawn by a seeded generator), as
 * base + production or a single production module by turns.
 */
function casesOf(family: string, options: typeof ABSOLUTE | typeof RELATIVE, sample?: number): CacheCase[] {
  const combinations: (string | null)[][] = [];
  for (const media of options.media) for (const stat of options.static) for (const dirs of options.dirs) for (const cache of options.caches) combinations.push([media, stat, dirs, cache]);
  const random = seededRandom(611);
  const chosen = sample === undefined ? combinations : Array.from({ length: sample }, () => combinations[Math.floor(random() * combinations.length)]);
  const cases: CacheCase[] = [];
  for (const [media, stat, dirs, cache] of chosen) {
    const lines = [
      'import os',
      'from pathlib import Path',
      'BASE_DIR = Path(__file__).resolve().parent.parent.parent',
      'SECRET_KEY = "x"',
      ...(media === null ? [] : [`MEDIA_ROOT = ${media}`]),
      ...(stat === null ? [] : [`STATIC_ROOT = ${stat}`]),
      ...(dirs === null ? [] : [`STATICFILES_DIRS = ${dirs}`]),
      ...(cache === null ? [] : [`CACHES = ${cache}`]),
    ];
    const split = cases.length % 3 === 0;
    const files: Record<string, string> = { 'config/__init__.py': '', 'config/settings/__init__.py': '' };
    if (split) {
      files['config/settings/base.py'] = lines.join('\n') + '\n';
      files['config/settings/production.py'] = 'from .base import *  # noqa\n';
    } else {
      files['config/settings/production.py'] = lines.join('\n') + '\n';
    }
    cases.push({ name: `${family} ${cases.length}`, files });
  }
  return cases;
}

function djangoVersion(): string {
  const result = spawnSync(PYTHON, ['-c', 'import django; print(django.get_version())'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`Django is not installed for ${PYTHON}: this differential test needs Debian's python3-django (apt-get install python3-django; .ci/run does it).\n${result.error ?? result.stderr}`);
  }
  return result.stdout.trim();
}

/** `'alias' relation SETTING` triples, from Django's messages or ours. */
function djangoTriples(messages: string[]): string[] {
  return messages.map((message) => {
    const match = /^Your '(.+)' cache configuration .* its LOCATION (matches|is inside|contains) (\w+)\.$/.exec(message);
    assert.ok(match, `unexpected W002 message: ${message}`);
    return `${match[1]} ${match[2]} ${match[3]}`;
  });
}

function preflightTriples(messages: string[]): string[] {
  return messages.flatMap((message) => {
    const alias = /^The '(.+?)' cache is a FileBasedCache/.exec(message)?.[1];
    assert.ok(alias, `unexpected DJ611 message: ${message}`);
    return [...message.matchAll(/(matches|is inside|contains) (MEDIA_ROOT|STATIC_ROOT|STATICFILES_DIRS)/g)].map((match) => `${alias} ${match[1]} ${match[2]}`);
  });
}

describe('DJ611 agrees with Django 3.2 caches.W002', () => {
  let workspace: string;
  const cases = [...casesOf('absolute', ABSOLUTE, 240), ...casesOf('relative', RELATIVE)];
  const django = new Map<string, string[]>();
  const folderOf = (index: number) => path.join(workspace, `case-${index}`);

  before(() => {
    const version = djangoVersion();
    assert.match(version, /^3\.2\./, `calibrated for Django 3.2 (found ${version})`);
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-caches-'));
    cases.forEach((testCase, index) => {
      for (const [relative, text] of Object.entries(testCase.files)) {
        const file = path.join(folderOf(index), relative);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
      }
    });
    const run = spawnSync(PYTHON, ['-c', WORKER], { input: JSON.stringify(cases.map((_, index) => folderOf(index))), encoding: 'utf8', env: {}, cwd: workspace, maxBuffer: 64 << 20 });
    assert.equal(run.status, 0, `the Django worker failed: ${run.stderr}`);
    for (const result of JSON.parse(run.stdout) as { folder: string; messages?: string[]; error?: string }[]) {
      assert.ok(result.messages, `Django could not check ${result.folder}:\n${result.error}`);
      django.set(result.folder, djangoTriples(result.messages).sort());
    }
  });

  after(() => {
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('covers every relation and setting, and clean cases', () => {
    const all = new Set([...django.values()].flat().map((triple) => triple.split(' ').slice(1).join(' ')));
    for (const relation of ['matches', 'is inside', 'contains']) for (const setting of ['MEDIA_ROOT', 'STATIC_ROOT', 'STATICFILES_DIRS']) {
      assert.ok(all.has(`${relation} ${setting}`), `no case where the LOCATION ${relation} ${setting}`);
    }
    assert.ok([...django.values()].filter((triples) => triples.length === 0).length >= 20, 'at least twenty clean cases');
  });

  it('reports exactly the warnings Django reports, case by case', () => {
    const mismatches: string[] = [];
    cases.forEach((testCase, index) => {
      const project = loadProject(folderOf(index), { settingsModule: MODULE });
      const findings = lintProject(project).filter((finding) => finding.code === 'DJ611');
      for (const finding of findings) assert.equal(finding.djangoCheck, 'caches.W002');
      const ours = preflightTriples(findings.map((finding) => finding.message)).sort();
      const theirs = django.get(folderOf(index))!;
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        mismatches.push(`${testCase.name}: Django ${theirs.join('; ') || '(clean)'} / Preflight ${ours.join('; ') || '(clean)'}\n${Object.entries(testCase.files).filter(([name]) => !name.endsWith('__init__.py')).map(([name, text]) => `--- ${name}\n${text}`).join('')}`);
      }
    });
    assert.equal(mismatches.length, 0, `${mismatches.length} of ${cases.length} cases disagree:\n\n${mismatches.slice(0, 3).join('\n\n')}`);
  });
});
