import { rule } from '../../../server/src/rules/DJ741-whitenoise-not-a-dependency';
import { ruleTester } from '../rule-tester';

const SETTINGS = 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "whitenoise.middleware.WhiteNoiseMiddleware",\n]\n';
const PRODUCTION = { 'config/settings/production.py': SETTINGS };

ruleTester(rule, {
  valid: [
    { path: 'requirements.txt', text: 'Django==5.2.8\nwhitenoise==6.7.0\n', files: PRODUCTION },
    { path: 'requirements.txt', text: 'Django==5.2.8\nwhitenoise[brotli]==6.7.0\n', files: PRODUCTION, name: 'with an extra' },
    { path: 'requirements.txt', text: 'Django==5.2.8\ndjango-heroku==0.3.1\n', files: PRODUCTION, name: 'installed by django-heroku' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n', files: { 'config/settings/production.py': 'MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n' }, name: 'WhiteNoise not used' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n', files: { 'config/settings/local.py': SETTINGS }, name: 'used by the development settings only' },
    { path: 'requirements.txt', text: 'Django==5.2.8\n-r other.txt\n', files: PRODUCTION, name: 'an include not in the project: unknown' },
    { path: 'requirements/base.txt', text: 'Django==5.2.8\n', files: { ...PRODUCTION, 'requirements/production.txt': '-r base.txt\nwhitenoise==6.7.0\n' }, name: 'the production file installs it' },
    {
      path: 'requirements.txt',
      text: 'Django==5.2.8\n',
      files: { 'config/settings/production.py': 'import os\nMIDDLEWARE = os.environ["MIDDLEWARE"].split(",")\n' },
      name: 'MIDDLEWARE unknown',
    },
  ],
  invalid: [
    {
      path: 'requirements.txt',
      text: 'Django==5.2.8\ngunicorn==23.0.0\n',
      files: PRODUCTION,
      errors: [{ line: 2, column: 1, severity: 'warning', message: 'MIDDLEWARE names whitenoise.middleware.WhiteNoiseMiddleware', related: [{ path: 'config/settings/production.py', line: 3, message: 'MIDDLEWARE names whitenoise.middleware.WhiteNoiseMiddleware' }] }],
      output: 'Django==5.2.8\ngunicorn==23.0.0\nwhitenoise\n',
    },
    {
      path: 'requirements/production.txt',
      name: 'the base settings the production module imports; the storage too',
      text: '-r base.txt\ngunicorn==23.0.0\n',
      files: {
        'requirements/base.txt': 'Django==5.2.8\n',
        'config/settings/base.py': SETTINGS,
        'config/settings/production.py': 'from .base import *  # noqa\nSTORAGES = {"staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}\n',
      },
      errors: [
        {
          line: 2,
          column: 1,
          severity: 'error',
          related: [
            { path: 'config/settings/base.py', line: 3 },
            { path: 'config/settings/production.py', line: 2, message: 'STORAGES["staticfiles"]["BACKEND"] names whitenoise.storage.CompressedManifestStaticFilesStorage' },
          ],
        },
      ],
      output: '-r base.txt\ngunicorn==23.0.0\nwhitenoise\n',
    },
    {
      path: 'pyproject.toml',
      name: 'in the pyproject dependencies',
      text: '[project]\nname = "site"\ndependencies = ["django>=5.2,<6", "gunicorn"]\n',
      files: { 'config/settings/production.py': 'INSTALLED_APPS = ["whitenoise.runserver_nostatic", "django.contrib.staticfiles"]\n' },
      errors: [{ line: 3, column: 1, message: 'INSTALLED_APPS names whitenoise.runserver_nostatic' }],
      output: '[project]\nname = "site"\ndependencies = ["django>=5.2,<6", "gunicorn", "whitenoise"]\n',
    },
  ],
});
