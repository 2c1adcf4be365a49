// Deterministic inputs for the benchmarks: env files, compose files and cookiecutter-style project
// trees of a given size. No randomness: the same size always gives the same bytes, so runs compare.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A production env file of `lines` lines: sections, comments, keys the rules read, and filler keys. */
export function envFile(lines) {
  const head = [
    '# General',
    'DJANGO_SETTINGS_MODULE=config.settings.production',
    'DJANGO_DEBUG=True',
    'DJANGO_SECRET_KEY=django-insecure-0123456789abcdefghijklmnopqrstuvwxyz0123456789',
    'DJANGO_ALLOWED_HOSTS=*',
    'DJANGO_ADMIN_URL=admin/',
    'DATABASE_URL=postgres://app:postgres@db.example.com:5432/app',
    'REDIS_URL=redis://redis:6379/0',
    'DJANGO_SECURE_SSL_REDIRECT=False',
    '',
  ];
  const body = [];
  for (let i = 0; body.length + head.length < lines; i++) {
    body.push(
      `# Feature ${i}`,
      `FEATURE_${i}_ENABLED=true`,
      `FEATURE_${i}_LIMIT=${(i * 37) % 1000}`,
      `FEATURE_${i}_URL="https://f${i}.example.com/path?x=${i}"`,
      `FEATURE_${i}_HOSTS=a${i}.example.com,b${i}.example.com`,
    );
  }
  return [...head, ...body].slice(0, lines).join('\n') + '\n';
}

/** A compose file with `services` services (about 12 lines each), all feeding from one env file. */
export function composeFile(services, envFilePath = './.envs/.production/.django') {
  const out = ['services:'];
  for (let i = 0; i < services; i++) {
    out.push(
      `  service${i}:`,
      `    image: registry.example.com/app/service${i}:1.${i % 10}`,
      `    command: gunicorn config.wsgi --bind 0.0.0.0:${8000 + (i % 1000)}`,
      '    env_file:',
      `      - ${envFilePath}`,
      '    environment:',
      `      SERVICE_INDEX: "${i}"`,
      '      DJANGO_DEBUG: "False"',
      '    ports:',
      `      - "${10000 + i}:${8000 + (i % 1000)}"`,
      '    restart: unless-stopped',
      '',
    );
  }
  return out.join('\n') + '\n';
}

/** Services a compose file needs to have about `lines` lines. */
export const servicesForLines = (lines) => Math.max(1, Math.round(lines / 12));

const BASE_SETTINGS = (n) => `from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve(strict=True).parent.parent.parent
env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", ${n % 2 === 0 ? 'True' : 'False'})
DATABASES = {"default": env.db("DATABASE_URL")}
ROOT_URLCONF = "config.urls"
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "project${n}",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
STATIC_URL = "/static/"
STATIC_ROOT = str(BASE_DIR / "staticfiles")
`;

const PRODUCTION_SETTINGS = (n) => `from .base import *  # noqa
from .base import env

SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["project${n}.example.com"])
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = ${n % 3 === 0 ? 60 : 31536000}
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
`;

const LOCAL_SETTINGS = `from .base import *  # noqa

SECRET_KEY = "local-only-not-a-secret"
ALLOWED_HOSTS = ["localhost"]
`;

/**
 * A workspace of `projects` cookiecutter-style Django projects (6 deployment files each: settings base/production/local, two production env files, a compose file) plus a
 * node_modules and a .venv full of files that look like configuration and must be skipped.
 * Returns counts of what was written.
 */
export function writeWorkspace(root, { projects = 500, nodeModulesPackages = 2000, venvPackages = 400 } = {}) {
  let configFiles = 0;
  let skippedFiles = 0;
  const write = (relative, text) => {
    const full = path.join(root, relative);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  };
  for (let n = 0; n < projects; n++) {
    const p = `projects/project${n}`;
    write(`${p}/manage.py`, 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")\n');
    write(`${p}/config/__init__.py`, '');
    write(`${p}/config/settings/__init__.py`, '');
    write(`${p}/config/settings/base.py`, BASE_SETTINGS(n));
    write(`${p}/config/settings/production.py`, PRODUCTION_SETTINGS(n));
    write(`${p}/config/settings/local.py`, LOCAL_SETTINGS);
    write(`${p}/.envs/.production/.django`, envFile(30 + (n % 20)));
    write(`${p}/.envs/.production/.postgres`, `POSTGRES_HOST=postgres\nPOSTGRES_DB=project${n}\nPOSTGRES_USER=app\nPOSTGRES_PASSWORD=${n % 4 === 0 ? 'postgres' : 'Zq8r2Lm4Kx7Vt1Nw9Bp3Hs6Jd0Fc5Gy'}\n`);
    write(`${p}/docker-compose.production.yml`, composeFile(3, './.envs/.production/.django'));
    configFiles += 6;
  }
  // Dependencies that look like configuration: every one of these files must be skipped.
  for (let i = 0; i < nodeModulesPackages; i++) {
    const p = `node_modules/pkg${i}`;
    write(`${p}/package.json`, `{"name":"pkg${i}","version":"1.0.${i}"}\n`);
    write(`${p}/index.js`, `module.exports = ${i};\n`.repeat(20));
    write(`${p}/.env`, `DJANGO_DEBUG=True\nSECRET_KEY=short\n`);
    write(`${p}/docker-compose.yml`, composeFile(2));
    skippedFiles += 4;
  }
  write('.venv/pyvenv.cfg', 'home = /usr/bin\ninclude-system-site-packages = false\nversion = 3.11.2\n');
  for (let i = 0; i < venvPackages; i++) {
    const p = `.venv/lib/python3.11/site-packages/dist${i}`;
    write(`${p}/__init__.py`, `VALUE = ${i}\n`);
    write(`${p}/settings.py`, `DEBUG = True\nSECRET_KEY = "short"\nALLOWED_HOSTS = []\n`);
    write(`${p}/conf/settings/production.py`, `DEBUG = True\n`);
    skippedFiles += 3;
  }
  return { projects, configFiles, skippedFiles };
}
