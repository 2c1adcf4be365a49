/**
 * Imports that may not be there: `try: from .local_settings import *` / `except ImportError`,
 * and `if os.path.exists(...)` guards. Production loads the path without a module the repository
 * lacks or git ignores, says so on every value that module could change, and an unconditional
 * import of a missing module stays unknown.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProjectModel } from '../../../server/src/project/model';
import { productionSettings } from '../../../server/src/settings/project-settings';
import { pythonRepr } from '../../../server/src/settings/value';

const ROOT = '/optional';
const PRODUCTION = 'config/settings/production.py';
const LOCAL = 'config/settings/local_settings.py';
const TRY = 'try:\n    from .local_settings import *\nexcept ImportError:\n    pass\n';

interface Case {
  name: string;
  production: string;
  files?: Record<string, string>;
  ignored?: string[];
  /** Setting -> Python repr, 'unknown', or 'default'. */
  expect: Record<string, string>;
  /** Setting -> the caveat's words (a substring), or null for none. */
  caveats?: Record<string, string | null>;
}

const CASES: Case[] = [
  {
    name: 'absent module in try/except ImportError: the handler path, with a caveat',
    production: `DEBUG = True\n${TRY}SECURE_SSL_REDIRECT = True\n`,
    expect: { DEBUG: 'True', SECURE_SSL_REDIRECT: 'True', X_FRAME_OPTIONS: 'default' },
    caveats: { DEBUG: '`config/settings/local_settings.py`, which is not in the repository', SECURE_SSL_REDIRECT: null, X_FRAME_OPTIONS: 'not in the repository' },
  },
  {
    name: 'present and tracked: imported as before',
    production: `DEBUG = True\n${TRY}`,
    files: { [LOCAL]: 'DEBUG = False\n' },
    expect: { DEBUG: 'False' },
    caveats: { DEBUG: null },
  },
  {
    name: 'present but ignored by git: a developer file, evaluated without it',
    production: `DEBUG = True\n${TRY}`,
    files: { [LOCAL]: 'DEBUG = False\n' },
    ignored: [LOCAL],
    expect: { DEBUG: 'True' },
    caveats: { DEBUG: 'git ignores it' },
  },
  {
    name: 'except ModuleNotFoundError and a bare except catch it too',
    production: 'DEBUG = True\ntry:\n    from .local_settings import *\nexcept ModuleNotFoundError:\n    DEBUG = False\ntry:\n    from .dev_settings import SECRET_KEY\nexcept:\n    SECRET_KEY = "fallback"\n',
    expect: { DEBUG: 'False', SECRET_KEY: "'fallback'" },
  },
  {
    name: 'a handler that does not catch ImportError: the module does not load (unknown)',
    production: 'DEBUG = True\ntry:\n    from .local_settings import *\nexcept KeyError:\n    pass\n',
    expect: { X_FRAME_OPTIONS: 'unknown' },
  },
  {
    name: 'unconditional import of a missing module: unknown, as before',
    production: 'DEBUG = True\nfrom .local_settings import *\n',
    expect: { X_FRAME_OPTIONS: 'unknown' },
  },
  {
    name: 'a module the walk would not show (config/other.py): whether it exists is not known, unknown',
    production: 'DEBUG = True\ntry:\n    from ..other import *\nexcept ImportError:\n    pass\n',
    expect: { X_FRAME_OPTIONS: 'unknown' },
  },
  {
    name: 'os.path.exists guard of an absent module',
    production: 'import os\nfrom pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent\nDEBUG = True\nif os.path.exists(os.path.join(BASE_DIR, "local_settings.py")):\n    from .local_settings import *\n',
    expect: { DEBUG: 'True' },
    caveats: { DEBUG: 'not in the repository' },
  },
  {
    name: 'Path.exists() guard of a present module',
    production: 'from pathlib import Path\nDEBUG = True\nif (Path(__file__).parent / "local_settings.py").exists():\n    from .local_settings import *\n',
    files: { [LOCAL]: 'DEBUG = False\n' },
    expect: { DEBUG: 'False' },
    caveats: { DEBUG: null },
  },
  {
    name: 'an absent module imported by the base module: the production module says so too',
    production: 'from .base import *\n',
    files: { 'config/settings/base.py': `DEBUG = True\n${TRY}` },
    expect: { DEBUG: 'True' },
    caveats: { DEBUG: 'not in the repository' },
  },
];

function production(testCase: Case) {
  const files = { ...testCase.files, [PRODUCTION]: testCase.production };
  const sources = Object.entries(files).map(([relative, text]) => ({ path: `${ROOT}/${relative}`, text, skipped: null, notice: null }));
  const git = testCase.ignored ? { tracked: new Set<string>(Object.keys(files).filter((file) => !testCase.ignored!.includes(file))), ignored: new Set(testCase.ignored) } : null;
  const view = productionSettings(createProjectModel(ROOT, sources, {}, git));
  assert.ok(view, 'no production settings');
  return view;
}

describe('optional imports', () => {
  for (const testCase of CASES) {
    it(testCase.name, () => {
      const view = production(testCase);
      for (const [name, expected] of Object.entries(testCase.expect)) {
        const lookup = view.get(name);
        const shown = lookup.state === 'unknown' ? 'unknown' : lookup.state === 'default' ? 'default' : pythonRepr(lookup.value);
        assert.equal(shown, expected, name);
      }
      for (const [name, caveat] of Object.entries(testCase.caveats ?? {})) {
        const optional = view.get(name).optional;
        if (caveat === null) assert.equal(optional, undefined, name);
        else assert.ok(optional?.caveat.includes(caveat), `${name}: ${optional?.caveat}`);
      }
    });
  }

  it('the local_settings.py beside a settings.py is a file the project reads', () => {
    const model = createProjectModel(ROOT, [{ path: `${ROOT}/app/local_settings.py`, text: 'DEBUG = True\n', skipped: null, notice: null }, { path: `${ROOT}/app/app_settings.py`, text: 'X = 1\n', skipped: null, notice: null }]);
    assert.deepEqual(model.files.map((file) => [file.relativePath, file.kind]), [['app/local_settings.py', 'settings']]);
  });

  it('a replayed evaluation follows the module appearing and disappearing', () => {
    // The production text never changes; only the repository does.
    const absent: Case = { name: '', production: `DEBUG = True\n${TRY}`, expect: {} };
    const present: Case = { ...absent, files: { [LOCAL]: 'DEBUG = False\n' } };
    const ignored: Case = { ...present, ignored: [LOCAL] };
    const debug = (testCase: Case) => pythonRepr(production(testCase).get('DEBUG').value);
    assert.deepEqual([absent, present, ignored, present, absent].map(debug), ['True', 'False', 'True', 'False', 'True']);
  });
});
