import { rule } from '../../../server/src/rules/DJ611-file-cache-overlaps-static';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION } from './settings-cases';

const FILE_CACHE = 'django.core.cache.backends.filebased.FileBasedCache';
const PATHLIB = 'from pathlib import Path\nBASE_DIR = Path("/srv/app")\n';
const cache = (location: string, alias = 'default') => `CACHES = {"${alias}": {"BACKEND": "${FILE_CACHE}", "LOCATION": ${location}}}\n`;

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: `${PATHLIB}MEDIA_ROOT = BASE_DIR / "media"\n${cache('"/var/tmp/django_cache"')}`, name: 'a cache folder of its own' },
    { path: PRODUCTION, text: `${PATHLIB}MEDIA_ROOT = BASE_DIR / "media"\n${cache('str(BASE_DIR / "mediacache")')}`, name: 'a sibling whose name starts like MEDIA_ROOT' },
    { path: PRODUCTION, text: `MEDIA_ROOT = "/srv/media"\nCACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": "/srv/media"}}\n`, name: 'not a file cache' },
    { path: PRODUCTION, text: 'MEDIA_ROOT = "/srv/media"\n', name: 'CACHES unset: Django\'s LocMemCache' },
    { path: PRODUCTION, text: `MEDIA_ROOT = ""\nSTATIC_ROOT = None\nSTATICFILES_DIRS = []\n${cache('"/srv"')}`, name: 'empty settings are skipped, as Django skips them' },
    { path: PRODUCTION, text: `MEDIA_ROOT = "/srv/media"\n${cache('"cache"')}`, name: 'a relative LOCATION against an absolute root depends on the working directory' },
    { path: PRODUCTION, text: `MEDIA_ROOT = "media"\n${cache('"../media"')}`, name: 'relative paths that climb differently depend on the working directory' },
    { path: PRODUCTION, text: `import os\nMEDIA_ROOT = "/srv/media"\n${cache('os.environ["CACHE_DIR"]')}`, name: 'an unknown LOCATION: silent' },
    { path: PRODUCTION, text: `STATICFILES_DIRS = [UNKNOWN, "/srv/assets"]\n${cache('"/srv/assets/cache"')}`, name: 'an unknown STATICFILES_DIRS entry might match first: silent' },
    { path: PRODUCTION, text: `MEDIA_ROOT = "/srv/media"\nCACHES = {"default": {"BACKEND": "myproject.cache.FileCache", "LOCATION": "/srv/media"}}\n`, name: 'a project backend: not known to be a FileBasedCache' },
    { path: PRODUCTION, text: `MEDIA_ROOT = "media"\nCACHES = {"default": {"BACKEND": "${FILE_CACHE}"}}\n`, name: 'no LOCATION: Django 3.2\'s cache checks crash (KeyError), check --deploy reports nothing' },
    { path: 'config/settings/local.py', text: `MEDIA_ROOT = "/srv/media"\n${cache('"/srv/media"')}`, name: 'development module' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      name: 'LOCATION matches MEDIA_ROOT',
      text: `${PATHLIB}MEDIA_ROOT = BASE_DIR / "media"\n${cache('BASE_DIR / "media"')}`,
      errors: [{ line: 4, column: 101, severity: 'warning', message: "The 'default' cache is a FileBasedCache with LOCATION \"/srv/app/media\" that matches MEDIA_ROOT" }],
    },
    {
      path: PRODUCTION,
      name: 'inside STATIC_ROOT, with os.path.join',
      text: `import os\nBASE_DIR = "/srv/app"\nSTATIC_ROOT = os.path.join(BASE_DIR, "staticfiles")\n${cache('os.path.join(BASE_DIR, "staticfiles", "cache")', 'pages')}`,
      errors: [{ line: 4, column: 99, message: "'pages' cache" }],
    },
    {
      path: PRODUCTION,
      name: 'containing a STATICFILES_DIRS entry given as a (prefix, path) pair, and MEDIA_ROOT after .. is resolved',
      text: `STATICFILES_DIRS = [("assets", "/srv/app/assets")]\nMEDIA_ROOT = "/srv/app/static/../media"\n${cache('"/srv/app"')}`,
      errors: [{ line: 3, column: 101, message: 'contains MEDIA_ROOT and contains STATICFILES_DIRS' }],
    },
    {
      path: PRODUCTION,
      name: 'an empty LOCATION: the working directory, which contains a relative MEDIA_ROOT',
      text: `MEDIA_ROOT = "media"\n${cache('""')}`,
      errors: [{ line: 2, column: 101, message: 'an empty LOCATION (the working directory) that contains MEDIA_ROOT' }],
    },
    {
      path: PRODUCTION,
      name: 'both relative to the same working directory',
      text: `MEDIA_ROOT = "./media/"\n${cache('"media/cache"')}`,
      errors: [{ line: 2, column: 101, message: 'is inside MEDIA_ROOT' }],
    },
    {
      path: PRODUCTION,
      name: 'a known match wins over an unknown entry',
      text: `STATICFILES_DIRS = [UNKNOWN, "/srv/assets"]\n${cache('"/srv/assets"')}`,
      errors: [{ line: 2, column: 101, message: 'matches STATICFILES_DIRS' }],
    },
    {
      path: BASE,
      name: 'set in the base module: reported there',
      text: `MEDIA_ROOT = "/srv/media"\n${cache('"/srv/media/cache"')}`,
      files: { [PRODUCTION]: 'from .base import *\n' },
      errors: [{ line: 2, column: 101 }],
    },
    {
      name: 'env.cache() with CACHE_URL from the production env file: on the env line',
      text: 'DJANGO_SETTINGS_MODULE=config.settings.production\nCACHE_URL=filecache:///srv/media/cache\n',
      files: {
        [PRODUCTION]: 'import environ\nenv = environ.Env()\nMEDIA_ROOT = "/srv/media"\nCACHES = {"default": env.cache()}\n',
        'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    env_file: .envs/.production/.django\n',
      },
      errors: [{ line: 2, column: 11, message: 'is inside MEDIA_ROOT' }],
    },
  ],
});
