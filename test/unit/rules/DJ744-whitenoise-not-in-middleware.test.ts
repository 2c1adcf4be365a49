import { rule } from '../../../server/src/rules/DJ744-whitenoise-not-in-middleware';
import { ruleTester } from '../rule-tester';

const MIDDLEWARE = 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n]\n';
const REQUIREMENTS = { 'requirements.txt': 'Django==5.2.8\nwhitenoise==6.7.0\n' };

ruleTester(rule, {
  valid: [
    { path: 'config/settings/production.py', text: MIDDLEWARE.replace('    "django.contrib', '    "whitenoise.middleware.WhiteNoiseMiddleware",\n    "django.contrib'), files: REQUIREMENTS },
    { path: 'config/settings/production.py', text: MIDDLEWARE, files: { 'requirements.txt': 'Django==5.2.8\n' }, name: 'whitenoise not installed' },
    { path: 'config/settings/production.py', text: MIDDLEWARE, files: { 'requirements.txt': 'Django==5.2.8\ndjango-heroku==0.3.1\n', 'poetry.lock': '[[package]]\nname = "whitenoise"\nversion = "6.7.0"\n' }, name: 'only locked, as what another package pulls in' },
    { path: 'config/settings/production.py', text: MIDDLEWARE, files: { ...REQUIREMENTS, 'config/wsgi.py': 'from whitenoise import WhiteNoise\napplication = WhiteNoise(get_wsgi_application(), root="/app/static")\n' }, name: 'WhiteNoise wraps the WSGI application' },
    { path: 'config/settings/production.py', text: `${MIDDLEWARE}import django_heroku\ndjango_heroku.settings(locals())\n`, files: REQUIREMENTS, name: 'django-heroku adds the middleware' },
    { path: 'config/settings/local.py', text: MIDDLEWARE, files: REQUIREMENTS, name: 'development settings' },
    { path: 'config/settings/production.py', text: MIDDLEWARE, files: { 'requirements.txt': 'Django==5.2.8\nwhitenoise==6.7.0\n-r missing.txt\n' }, name: 'what production installs is unknown' },
  ],
  invalid: [
    {
      path: 'config/settings/production.py',
      text: MIDDLEWARE,
      files: REQUIREMENTS,
      errors: [{ line: 1, column: 14, severity: 'info', message: 'MIDDLEWARE lacks whitenoise.middleware.WhiteNoiseMiddleware: whitenoise is installed (requirements.txt line 2)', related: [{ path: 'requirements.txt', line: 2, message: 'whitenoise is installed here' }] }],
      output: 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "whitenoise.middleware.WhiteNoiseMiddleware",\n    "django.contrib.sessions.middleware.SessionMiddleware",\n]\n',
    },
  ],
});
