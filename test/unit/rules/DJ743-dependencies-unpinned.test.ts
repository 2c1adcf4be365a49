import { rule } from '../../../server/src/rules/DJ743-dependencies-unpinned';
import { ruleTester } from '../rule-tester';

ruleTester(rule, {
  valid: [
    { path: 'requirements.txt', text: 'Django==5.2.8 --hash=sha256:0123\ngunicorn==23.0.0\n' },
    { path: 'requirements.txt', text: 'Django>=5.2,<6\ngunicorn\n-c constraints.txt\n', files: { 'constraints.txt': 'django==5.2.8\ngunicorn==23.0.0\n' }, name: 'constraints pin them' },
    { path: 'requirements.txt', text: 'Django>=5.2,<6\n', files: { 'uv.lock': 'version = 1\n\n[[package]]\nname = "django"\nversion = "5.2.8"\n' }, name: 'a lock file pins them' },
    { path: 'requirements.txt', text: 'Django>=5.2\n-r missing.txt\n', name: 'an include not in the project: unknown' },
    { path: 'requirements/local.txt', text: 'Django>=5.2\n', files: { 'requirements/production.txt': 'Django==5.2.8\n' }, name: 'a development file' },
    { path: 'requirements.txt', text: 'site @ https://example.com/site-1.0.tar.gz\nDjango==5.2.8\n', name: 'a URL names its release' },
    { path: 'pyproject.toml', text: '[project]\nname = "site"\ndependencies = ["django==5.2.8"]\n' },
    { path: 'pyproject.toml', text: '[tool.ruff]\nline-length = 100\n', files: { 'requirements.txt': 'Django==5.2.8\n' }, name: 'a pyproject.toml without dependencies' },
  ],
  invalid: [
    {
      path: 'requirements.txt',
      text: '# production\nDjango==5.2.8\ngunicorn>=23\nwhitenoise\n',
      errors: [{ line: 3, column: 1, endColumn: 13, severity: 'info', message: '2 of the 3 production requirements in requirements.txt are not pinned to one version (gunicorn>=23, whitenoise)', related: [{ line: 4, message: 'whitenoise is not pinned' }] }],
    },
    {
      path: 'requirements/base.txt',
      name: 'a file the production requirements include',
      text: 'Django>=5.2,<6.0\n',
      files: { 'requirements/production.txt': '-r base.txt\ngunicorn==23.0.0\n' },
      errors: [{ line: 1, column: 1, message: 'django>=5.2,<6.0' }],
    },
    {
      path: 'requirements.txt',
      name: 'a wildcard is no pin',
      text: 'Django==5.2.*\n',
      errors: [{ line: 1, column: 1, message: '1 of the 1 production requirements in requirements.txt is not pinned' }],
    },
    {
      path: 'pyproject.toml',
      name: 'pyproject dependencies without a lock file',
      text: '[project]\nname = "site"\ndependencies = [\n  "django>=5.2,<6",\n  "gunicorn==23.0.0",\n]\n',
      errors: [{ line: 4, column: 3, message: 'django>=5.2,<6' }],
    },
  ],
});
