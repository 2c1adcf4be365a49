/** Django's entry points: the settings module they default to, read from the walked project. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintProject } from '../../../server/src/engine/runner';
import { settingsModuleDefault, settingsModuleDefaults } from '../../../server/src/project/django-entry-points';
import { loadProject } from '../../../server/src/project/load';
import { writeFiles } from '../../temp-project';

describe('settingsModuleDefault', () => {
  const cases: [string, string | null][] = [
    ['import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")\n', 'config.settings.local'],
    ["def main():\n    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'mysite.settings')\n", 'mysite.settings'],
    ['os.environ.setdefault(\n    "DJANGO_SETTINGS_MODULE",\n    "config.settings.production",\n)\n', 'config.settings.production'],
    ['os.environ.setdefault("DJANGO_SETTINGS_MODULE", f"config.settings.{ENV}")\n', null],
    ['os.environ.setdefault("DJANGO_SETTINGS_MODULE", MODULE)\n', null],
    ['os.environ.setdefault("OTHER", "config.settings.local")\n', null],
    ['os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.local"\n', null],
    ['# os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")\n', null],
    ['os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local"\n', 'config.settings.local'],
    ['\u0000\u0001 not python ((( "', null],
  ];
  for (const [text, module] of cases) {
    it(JSON.stringify(text), () => assert.equal(settingsModuleDefault(text)?.module ?? null, module));
  }

  it('gives the range of the module literal', () => {
    const found = settingsModuleDefault('import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")\n');
    assert.deepEqual(found?.range, { start: { line: 1, character: 48 }, end: { line: 1, character: 71 } });
  });
});

describe('entry points in a loaded project', () => {
  it('the walk reads manage.py and the settings package\'s wsgi.py/asgi.py, and DJ206 reports the local fallback on the production env file', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-entry-points-'));
    const files: Record<string, string> = {
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")\n',
      'config/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")\n',
      'config/asgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")\n',
      'shop/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.dev")\n',
      'config/settings/base.py': 'DEBUG = False\n',
      'config/settings/local.py': 'from .base import *\nDEBUG = True\n',
      'config/settings/production.py': 'from .base import *\n',
      '.envs/.production/.django': 'DJANGO_DEBUG=False\n',
    };
    writeFiles(root, files);
    const project = loadProject(root);
    // shop/ holds no settings: its wsgi.py is not one of this project's entry points.
    assert.deepEqual(settingsModuleDefaults(project).map((found) => `${found.relativePath}=${found.module}`), [
      'manage.py=config.settings.local',
      'config/wsgi.py=config.settings.production',
      'config/asgi.py=config.settings.production',
    ]);
    const findings = lintProject(project).filter((finding) => finding.code === 'DJ206');
    assert.deepEqual(findings.map((finding) => [finding.relativePath, finding.range.start.line, finding.severity]), [['.envs/.production/.django', 0, 'error']]);
    assert.match(findings[0].message, /manage\.py falls back to config\.settings\.local/);
    assert.deepEqual(findings[0].related?.map((related) => path.relative(root, related.path)), ['manage.py']);
  });
});
