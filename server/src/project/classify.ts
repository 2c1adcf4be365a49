import picomatch from 'picomatch';

/**
 * `config`: Preflight's own configuration (`pyproject.toml`, `preflight.toml`; project/project-config.ts).
 * `procfile`: the processes a PaaS (Heroku, Render, Dokku, Scalingo) runs.
 * `dependencies`: what pip, uv, Poetry or PDM install (requirements files, lock files, setup.cfg,
 * setup.py), read for the Django version (project/django-version-detection.ts); a line that cannot be read is DJ001's.
 * `systemd-unit`: a systemd service, socket or timer unit a VM deployment installs (`deploy/systemd/app.service`).
 * `dockerfile`: an image's build (by its name, or named by a compose `build:`), parse/dockerfile.ts.
 * `nginx`: an nginx configuration (parse/nginx.ts).
 * `gunicorn-config`: a Gunicorn config file (`gunicorn.conf.py`, `gunicorn_config.py`, `gunicorn.py`), Python read
 * with the settings evaluator as a plain module (project/gunicorn-settings.ts).
 */
export type FileKind = 'env' | 'settings' | 'compose' | 'checklist' | 'config' | 'procfile' | 'dependencies' | 'systemd-unit' | 'dockerfile' | 'nginx' | 'gunicorn-config';
export type FileContext = 'production' | 'development' | 'unknown';

export const DEFAULT_CHECKLIST_FILE = 'DEPLOYMENT_CHECKLIST.md';

/** The kind of a file from its path alone (posix, relative to the project root), or null. */
export function kindFromPath(relativePath: string, checklistFile = DEFAULT_CHECKLIST_FILE): FileKind | null {
  const segments = relativePath.split('/');
  const name = segments[segments.length - 1];
  const directories = segments.slice(0, -1);
  if (name === '.env' || name.startsWith('.env.') || (name.endsWith('.env') && name.length > 4)) return 'env';
  // cookiecutter-django keeps env files as .envs/.production/.django: no ".env" in the name.
  if (directories.includes('.envs')) return 'env';
  if (/^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/.test(name) || /^docker-compose[\w.-]*\.ya?ml$/.test(name)) return 'compose';
  // Before the settings folder: config/settings/gunicorn.py would be no settings module.
  if (GUNICORN_CONFIG_NAME.test(name)) return 'gunicorn-config';
  if (name === 'settings.py' || (directories[directories.length - 1] === 'settings' && name.endsWith('.py'))) return 'settings';
  // A developer's override beside settings.py (`try: from .local_settings import *`): read, so that its absence is known too.
  // Not secret_settings.py and the like: read on its own, a gitignored file of secrets would be judged as a module in source control.
  if (LOCAL_SETTINGS_NAME.test(name)) return 'settings';
  if (relativePath === checklistFile) return 'checklist';
  if (name === 'pyproject.toml' || name === 'preflight.toml') return 'config';
  if (PROCFILE_NAME.test(name)) return 'procfile';
  if (isDependencyManifest(relativePath)) return 'dependencies';
  if (SYSTEMD_UNIT_NAME.test(name)) return 'systemd-unit';
  if (isDockerfileName(name)) return 'dockerfile';
  if (isNginxPath(name, directories)) return 'nginx';
  return null;
}

/**
 * `Dockerfile`, `Dockerfile.prod`, `web.Dockerfile` (and Podman's `Containerfile`): the names
 * Docker's tooling and editors take for Dockerfiles. Not the sources and documents named after
 * them (`dockerfile.ts`, `Dockerfile.md`), templates (`Dockerfile.j2`) or per-Dockerfile ignore files.
 */
export function isDockerfileName(name: string): boolean {
  if (NOT_A_DOCKERFILE.test(name)) return false;
  return /^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$/i.test(name) || /^[\w.-]+\.(?:Dockerfile|Containerfile)$/i.test(name);
}

const NOT_A_DOCKERFILE = /\.(?:md|rst|txt|py|pyc|[cm]?js|ts|json|ya?ml|toml|ini|cfg|sh|html?|j2|jinja2?|tpl|tmpl|template|in|orig|bak|swp|lock|(?:docker)?ignore)$/i;

const LOCK_FILES = new Set(['uv.lock', 'poetry.lock', 'pdm.lock', 'Pipfile.lock']);

/** `requirements*.txt`, `requirements/*.txt`, a lock file, setup.cfg or setup.py (posix path relative to the root). */
export function isDependencyManifest(relativePath: string): boolean {
  const segments = relativePath.split('/');
  const name = segments[segments.length - 1];
  if (LOCK_FILES.has(name) || name === 'setup.cfg' || name === 'setup.py') return true;
  return /^requirements.*\.txt$/i.test(name) || (segments[segments.length - 2] === 'requirements' && name.endsWith('.txt'));
}

/** The names gunicorn's docs and projects give its config file (`./gunicorn.conf.py` is the one it loads by default). */
const GUNICORN_CONFIG_NAME = /^gunicorn(?:\.conf|_conf|_config|\.config)?\.py$/;

/** `Procfile`, and the variants some platforms and teams keep (`Procfile.web`, `Procfile.dev`: development by its word). */
const PROCFILE_NAME = /^Procfile(?:\.[\w-]+)?$/;

/** The unit types a Django deployment installs: the services, the sockets that start them, the timers that schedule jobs. */
export const SYSTEMD_UNIT_NAME = /^[\w@.:-]+\.(?:service|socket|timer)$/;

/** Folders whose files are nginx's own whatever their content (a `conf.d/` may be another program's: see mayBeNginx). */
const NGINX_FOLDERS = new Set(['nginx', 'sites-available', 'sites-enabled']);

function isNginxPath(name: string, directories: string[]): boolean {
  if (name === 'nginx.conf' || (name.endsWith('.nginx') && name.length > 6) || name.endsWith('.nginx.conf')) return true;
  if (!directories.some((directory) => NGINX_FOLDERS.has(directory))) return false;
  // Debian's sites-available/default has no extension; under nginx/ only *.conf (not a Dockerfile or a certificate).
  const extensionless = !name.includes('.') && directories.some((directory) => directory.startsWith('sites-'));
  return name.endsWith('.conf') || extensionless;
}

/** A `*.conf` that is nginx's only if its content says so (`conf.d/` is also supervisor's, fail2ban's…): read by the walk. */
export function mayBeNginx(relativePath: string): boolean {
  return relativePath.endsWith('.conf');
}

/** Content second: a server or http block, or an nginx location with a proxy_pass (blocks at the start of a line). */
export function looksLikeNginx(text: string): boolean {
  return /^[ \t]*(?:server|http|upstream)[ \t]*\{/m.test(text) && /^[ \t]*(?:listen|server_name|proxy_pass|location|root|uwsgi_pass)\s/m.test(text);
}

const LOCAL_SETTINGS_NAME = /^(?:(?:local|dev|development|custom|override|overrides)_settings|settings_(?:local|dev|development|custom|override|overrides))\.py$/;

/** A YAML file with a top-level `services:` map is a compose file whatever its name. */
export function looksLikeCompose(relativePath: string, text: string): boolean {
  return /\.ya?ml$/.test(relativePath) && /^services:[ \t]*(#.*)?$/m.test(text);
}

const DEVELOPMENT_WORDS = new Set(['local', 'dev', 'devel', 'development', 'test', 'tests', 'ci', 'example', 'sample', 'template']);
const PRODUCTION_WORDS = new Set(['production', 'prod', 'live']);
/** Suffixes of a file to copy and fill in (`.env.dist`, `config.yml.tpl`): a template, like `.example`; only as the last extension (a `dist/` folder is a build's output). */
const TEMPLATE_SUFFIX = /\.(dist|tpl|tmpl)$/i;

/**
 * Places that configure development tooling, never a deployment: a dev container, CI. A file
 * there is development whatever its name says (`.github/workflows/deploy-production.yml` is CI's).
 */
const DEVELOPMENT_FOLDERS = new Map([
  ['.devcontainer', 'a dev container configuration'],
  ['.github', 'GitHub CI configuration'],
  ['.gitlab', 'GitLab CI configuration'],
  ['.circleci', 'CircleCI configuration'],
  ['.buildkite', 'Buildkite CI configuration'],
  ['.woodpecker', 'Woodpecker CI configuration'],
]);
const DEVELOPMENT_FILES = new Map([
  ['.devcontainer.json', 'a dev container configuration'],
  ['.gitlab-ci.yml', 'GitLab CI configuration'],
  ['.travis.yml', 'Travis CI configuration'],
  ['bitbucket-pipelines.yml', 'Bitbucket Pipelines configuration'],
  ['azure-pipelines.yml', 'Azure Pipelines configuration'],
  ['.drone.yml', 'Drone CI configuration'],
  ['.woodpecker.yml', 'Woodpecker CI configuration'],
]);
/** docker compose merges it into compose.yaml on a plain `docker compose up`: Docker documents it for local development. */
const COMPOSE_OVERRIDE = /^(?:docker-)?compose\.override\.ya?ml$/;

/** Why a path is a development place, or null. */
export function developmentPlace(relativePath: string): string | null {
  const segments = relativePath.split('/');
  const name = segments[segments.length - 1];
  const folder = segments.slice(0, -1).find((segment) => DEVELOPMENT_FOLDERS.has(segment));
  if (folder) return `it is in ${folder}/, ${DEVELOPMENT_FOLDERS.get(folder)}`;
  const file = DEVELOPMENT_FILES.get(name);
  return file ? `it is ${name}, ${file}` : null;
}

export interface ContextOptions {
  productionGlobs?: string[];
  developmentGlobs?: string[];
  /** `production` treats every file as production (the CLI's `--context production`). */
  context?: 'auto' | 'production';
}

export interface ContextDecision {
  context: FileContext;
  reason: string;
  /** Development because of where the file is (a dev container, CI, the compose override): what it names is development too. */
  place?: boolean;
}

/** Per RULES.md "Context": configuration first, then the words of the path. */
export function contextFromPath(relativePath: string, options: ContextOptions = {}): ContextDecision {
  if (options.context === 'production') return { context: 'production', reason: 'context forced to production' };
  for (const glob of options.developmentGlobs ?? []) {
    if (picomatch.isMatch(relativePath, glob, { dot: true })) {
      return { context: 'development', reason: `matches preflight.developmentGlobs "${glob}"` };
    }
  }
  for (const glob of options.productionGlobs ?? []) {
    if (picomatch.isMatch(relativePath, glob, { dot: true })) {
      return { context: 'production', reason: `matches preflight.productionGlobs "${glob}"` };
    }
  }
  const place = developmentPlace(relativePath);
  if (place) return { context: 'development', reason: place, place: true };
  const words = relativePath.toLowerCase().split(/[/._-]+/).filter(Boolean);
  // A development word wins: `.env.production.example` is an example, not production.
  const development = words.find((word) => DEVELOPMENT_WORDS.has(word)) ?? TEMPLATE_SUFFIX.exec(relativePath)?.[1];
  if (development) return { context: 'development', reason: `its path says "${development}"` };
  const production = words.find((word) => PRODUCTION_WORDS.has(word));
  if (production) return { context: 'production', reason: `its path says "${production}"` };
  // Below a production word (deploy/production/compose.override.yaml) it is production's own override.
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  if (PROCFILE_NAME.test(name)) return { context: 'production', reason: `it is ${name}, which the platform (Heroku, Render, Dokku, Scalingo) runs in deployment` };
  if (SYSTEMD_UNIT_NAME.test(name)) return { context: 'production', reason: `it is ${name}, a systemd unit, which a server installs to run the deployment` };
  if (COMPOSE_OVERRIDE.test(name)) return { context: 'development', reason: `it is ${name}, which docker compose merges in on a plain \`docker compose up\`: the development override`, place: true };
  return { context: 'unknown', reason: 'nothing marks it as production or development' };
}
