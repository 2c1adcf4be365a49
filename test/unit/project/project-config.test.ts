/** Finding the project's configuration file, and what it sets when the caller leaves a setting unset. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findProjectConfig, parseProjectConfig, withProjectConfig } from '../../../server/src/project/project-config';
import { createProjectModel } from '../../../server/src/project/model';

const isRule = () => true;
const disk = (files: Record<string, string>) => (file: string) => files[file] ?? null;

describe('findProjectConfig', () => {
  it('takes the nearest file upwards; preflight.toml before pyproject.toml in one folder', () => {
    const files = { '/r/pyproject.toml': '[tool.preflight]\nsettings-module = "outer.settings"\n', '/r/app/preflight.toml': 'settings-module = "inner.settings"\n', '/r/app/pyproject.toml': '[tool.preflight]\nsettings-module = "pyproject.settings"\n' };
    assert.equal(findProjectConfig('/r/app/deep', disk(files), isRule)?.options.settingsModule, 'inner.settings');
    assert.equal(findProjectConfig('/r/other', disk(files), isRule)?.options.settingsModule, 'outer.settings');
    assert.equal(findProjectConfig('/elsewhere', disk(files), isRule), null);
  });

  it('passes over a pyproject.toml without [tool.preflight], as ruff does', () => {
    const files = { '/r/pyproject.toml': '[tool.preflight.rules]\nDJ404 = "off"\n', '/r/app/pyproject.toml': '[tool.ruff]\nline-length = 99\n' };
    const config = findProjectConfig('/r/app', disk(files), isRule);
    assert.equal(config?.path, path.resolve('/r/pyproject.toml'));
    assert.deepEqual(config?.options.rules, { DJ404: 'off' });
  });

  it('a malformed file is found, with a problem and no options, never a throw', () => {
    for (const text of ['[tool.preflight]\nrules = {', '[tool.preflight]\n\u0000\u0001binary', '[tool.preflight]\nx = """']) {
      const config = parseProjectConfig('/r/pyproject.toml', text, isRule);
      assert.deepEqual(config.options, {});
      assert.equal(config.problems.length, 1, text);
    }
  });
});

describe('withProjectConfig', () => {
  const config = parseProjectConfig('/r/pyproject.toml', '[tool.preflight]\nsettings-module = "config.settings.production"\nproduction = ["deploy/**"]\nchecklist-file = "docs/DEPLOY.md"\nignore = ["vendor/**"]\n', isRule);
  const sources = ['/r/vendor/lib/.env', '/r/.env', '/r/pyproject.toml'].map((file) => ({ path: file, text: 'A=1\n', skipped: null, notice: null }));

  it('fills what the caller left unset, and drops the ignored paths', () => {
    const { options, sources: kept } = withProjectConfig('/r', { config, checklistFile: 'DEPLOYMENT_CHECKLIST.md' }, sources);
    assert.equal(options.settingsModule, 'config.settings.production');
    assert.deepEqual(options.productionGlobs, ['deploy/**']);
    assert.equal(options.checklistFile, 'docs/DEPLOY.md');
    assert.deepEqual(kept.map((source) => source.path), ['/r/.env', '/r/pyproject.toml']);
  });

  it('an explicit setting (--settings, a VS Code setting) wins', () => {
    const { options } = withProjectConfig('/r', { config, settingsModule: 'other.settings', productionGlobs: ['prod/**'], checklistFile: 'CHECKLIST.md' }, sources);
    assert.equal(options.settingsModule, 'other.settings');
    assert.deepEqual(options.productionGlobs, ['prod/**']);
    assert.equal(options.checklistFile, 'CHECKLIST.md');
  });

  it('the model keeps the configuration, for the runner to take its rule severities', () => {
    const model = createProjectModel('/r', sources, { config });
    assert.equal(model.config, config);
    assert.equal(model.settingsModule, 'config.settings.production');
    assert.equal(model.get('/r/vendor/lib/.env'), undefined);
    assert.equal(model.get('/r/pyproject.toml')?.kind, 'config');
  });
});
