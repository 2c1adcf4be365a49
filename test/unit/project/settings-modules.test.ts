/** Settings modules named as what Django loads, whatever their path, and app `settings.py` modules that are not Django's. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintProject } from '../../../server/src/engine/runner';
import { loadProject } from '../../../server/src/project/load';
import { settingsAnalysis } from '../../../server/src/settings/project-settings';
import { writeTempProject } from '../../temp-project';

const MANAGE = (module: string) => `import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "${module}")\n`;
const STYLEGUIDE = {
  'manage.py': MANAGE('config.django.base'),
  'config/__init__.py': '',
  'config/env.py': 'import environ\nenv = environ.Env()\n',
  'config/django/__init__.py': '',
  'config/django/base.py': 'from config.env import env\nINSTALLED_APPS = ["django.contrib.admin"]\nfrom config.settings.cors import *\n',
  'config/django/production.py': 'from .base import *\nDEBUG = True\n',
  'config/settings/cors.py': 'CORS_ALLOW_ALL_ORIGINS = True\n',
  'config/django/test.py': 'from .base import *\n',
};

function load(files: Record<string, string>, settingsModule?: string) {
  const root = fs.realpathSync(writeTempProject(files, 'preflight-named-'));
  return loadProject(root, settingsModule ? { settingsModule } : {});
}

describe('named settings modules', () => {
  it('reads the module --settings names, whatever its path, and what it imports', () => {
    const model = load(STYLEGUIDE, 'config.django.production');
    const settings = model.ofKind('settings').map((file) => file.relativePath);
    assert.deepEqual(settings, ['config/django/base.py', 'config/django/production.py', 'config/env.py', 'config/settings/cors.py']);
    const analysis = settingsAnalysis(model);
    assert.equal(analysis.production?.file.relativePath, 'config/django/production.py');
    assert.deepEqual(analysis.namespaces.get(analysis.production!.file.path)!.files.map((file) => path.relative(model.root, file)), [
      'config/django/production.py',
      'config/django/base.py',
      'config/env.py',
      'config/settings/cors.py',
    ]);
  });

  it('reads the module manage.py defaults to, and not a sibling nobody names', () => {
    const model = load(STYLEGUIDE);
    const settings = model.ofKind('settings').map((file) => file.relativePath);
    assert.ok(settings.includes('config/django/base.py'));
    assert.ok(!settings.includes('config/django/test.py'));
    assert.ok(!settings.includes('config/django/production.py'));
  });

  it('reads nothing more without a name', () => {
    const { 'manage.py': _manage, ...rest } = STYLEGUIDE;
    const model = load({ ...rest, 'manage.py': 'import os\n' });
    assert.deepEqual(model.ofKind('settings').map((file) => file.relativePath), ['config/settings/cors.py']);
  });
});

const HORILLA = {
  'manage.py': MANAGE('horilla.settings'),
  'horilla/wsgi.py': MANAGE('horilla.settings'),
  'horilla/settings.py': 'DEBUG = True\nSECRET_KEY = "x"\nTEMPLATES = [{"OPTIONS": {"context_processors": []}}]\nMIDDLEWARE = []\n',
  'payroll/settings.py': 'from horilla.settings import TEMPLATES\nTEMPLATES[0]["OPTIONS"]["context_processors"].append("payroll.cp")\n',
  'auth/settings.py': 'from django.conf import settings\nUSER_SETTINGS = getattr(settings, "SIMPLE_JWT", None)\n',
};

describe('app settings.py modules', () => {
  it('keeps the module manage.py names as an entry when an app settings.py imports from it', () => {
    const model = load(HORILLA);
    const entries = settingsAnalysis(model).entries.map((file) => file.relativePath);
    assert.ok(entries.includes('horilla/settings.py'));
  });

  it('lints an app settings.py that sets no Django setting as no settings module', () => {
    const model = load(HORILLA);
    const findings = lintProject(model);
    const byFile = (relative: string) => findings.filter((finding) => finding.path === path.join(model.root, relative)).map((finding) => finding.code);
    assert.deepEqual(byFile('payroll/settings.py'), []);
    assert.deepEqual(byFile('auth/settings.py'), []);
    // The project's own module is still judged, once.
    const project = byFile('horilla/settings.py');
    assert.ok(project.includes('DJ401'), project.join(' '));
    assert.equal(project.filter((code) => code === 'DJ401').length, 1);
  });
});

const LINKDING = {
  'manage.py': MANAGE('bookmarks.settings.prod'),
  'bookmarks/settings/__init__.py': 'try:\n    from .dev import *\nexcept ImportError:\n    from .prod import *\n',
  'bookmarks/settings/dev.py': 'from .base import *\nDEBUG = True\n',
  'bookmarks/settings/prod.py': 'from .base import *\nDEBUG = False\n',
  'bookmarks/settings/base.py': 'MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\nSECRET_KEY = "x"\n',
};

describe('a package __init__ that loads another settings module', () => {
  it('does not judge a star import of production again', () => {
    const model = load({ ...LINKDING, 'bookmarks/settings/__init__.py': 'from .prod import *\n' }, 'bookmarks.settings.prod');
    const findings = lintProject(model);
    assert.deepEqual(findings.filter((finding) => finding.relativePath === 'bookmarks/settings/__init__.py').map((finding) => finding.code), []);
    assert.ok(findings.some((finding) => finding.relativePath === 'bookmarks/settings/base.py' && finding.code === 'DJ401'));
  });

  it('still judges an __init__ that loads an unmarked module', () => {
    const model = load({ ...LINKDING, 'bookmarks/settings/__init__.py': 'from .base import *\n' }, 'bookmarks.settings.prod');
    const findings = lintProject(model);
    assert.ok(findings.some((finding) => finding.relativePath === 'bookmarks/settings/__init__.py'));
  });

  it('does not judge development settings loaded through it', () => {
    const model = load(
      {
        'manage.py': MANAGE('bookmarks.settings.prod'),
        'bookmarks/settings/__init__.py': 'try:\n    from .dev import *\nexcept ImportError:\n    from .prod import *\n',
        'bookmarks/settings/dev.py': 'from .base import *\nDEBUG = True\n',
        'bookmarks/settings/prod.py': 'from .base import *\nDEBUG = False\n',
        'bookmarks/settings/base.py': 'MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\nSECRET_KEY = "x"\n',
      },
      'bookmarks.settings.prod',
    );
    const findings = lintProject(model);
    const of = (relative: string) => findings.filter((finding) => finding.relativePath === relative).map((finding) => finding.code);
    assert.deepEqual(of('bookmarks/settings/__init__.py'), [], JSON.stringify(findings.filter((f) => f.relativePath.endsWith('__init__.py')).map((f) => [f.message, f.range.start.line])));
    assert.ok(of('bookmarks/settings/base.py').includes('DJ401'));
  });
});
