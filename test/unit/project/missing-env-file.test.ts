/**
 * A production env file that compose names but the repository lacks (gitignored on purpose: the
 * server has it) makes production's environment unknown, not empty: no "no env source sets X"
 * cascade, reads from it unknown with the file named as the reason, and DJ706 says it once.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintProject } from '../../../server/src/engine/runner';
import { createProjectModel } from '../../../server/src/project/model';
import { productionLinks } from '../../../server/src/project/production';
import { productionSettings } from '../../../server/src/settings/project-settings';

const ROOT = '/project';

function model(files: Record<string, string>) {
  const sources = Object.entries(files).map(([relative, text]) => ({ path: `${ROOT}/${relative}`, text, skipped: null, notice: null }));
  return createProjectModel(ROOT, sources, {});
}

const SETTINGS = `import environ
env = environ.Env()
SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
STRIPE_KEY = env("STRIPE_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
`;

const compose = (envFiles: string) => `services:
  django:
    image: app:1.0
    command: gunicorn config.wsgi
    restart: unless-stopped
    env_file:
${envFiles}    environment:
      DJANGO_SETTINGS_MODULE: config.settings.production
  celeryworker:
    image: app:1.0
    command: celery -A config worker
    env_file:
${envFiles}    environment:
      DJANGO_SETTINGS_MODULE: config.settings.production
`;

const files = (envFiles: string, extra: Record<string, string> = {}) => ({
  'docker-compose.production.yml': compose(envFiles),
  'config/settings/production.py': SETTINGS,
  'config/__init__.py': '',
  ...extra,
});

const codes = (project: ReturnType<typeof model>) => lintProject(project, { onRuleError: (message) => assert.fail(message) }).map((finding) => `${finding.code} ${finding.relativePath}:${finding.range.start.line + 1}`);

describe('production env file missing from the repository', () => {
  const missing = '      - ./.envs/.production/.django\n';

  it('leaves production with an unknown environment: compose `environment:` known, the rest unknown', () => {
    const links = productionLinks(model(files(missing)));
    assert.equal(links.environment?.get('DJANGO_SETTINGS_MODULE')?.value, 'config.settings.production');
    assert.equal(links.environment?.has('STRIPE_KEY'), false);
    assert.equal(links.unknownVariables.has('STRIPE_KEY'), true);
    assert.match(links.unknownVariables.get('STRIPE_KEY')!, /\.envs\/\.production\/\.django \(not in the repository\), an env_file of service `django`/);
    assert.deepEqual(links.unreadEnvFiles.map((envFile) => envFile.reference.path.text), ['./.envs/.production/.django']);
  });

  it('makes the reads from it unknown, and the reason names the file', () => {
    const settings = productionSettings(model(files(missing)))!;
    const debug = settings.get('DEBUG');
    assert.equal(debug.state, 'unknown');
    assert.match(debug.state === 'unknown' ? debug.reason : '', /\.envs\/\.production\/\.django \(not in the repository\)/);
    assert.equal(settings.get('SECRET_KEY').state, 'unknown');
  });

  it('reports DJ706 once (not per service), with the other reference as related, and no DJ605/DJ105 cascade', () => {
    const project = model(files(missing));
    const findings = lintProject(project, { onRuleError: (message) => assert.fail(message) });
    const dj706 = findings.filter((finding) => finding.code === 'DJ706');
    assert.equal(dj706.length, 1, dj706.map((finding) => finding.message).join(' | '));
    assert.equal(dj706[0].range.start.line + 1, 7);
    assert.deepEqual(dj706[0].related?.map((related) => related.range.start.line + 1), [14]);
    assert.deepEqual(codes(project).filter((code) => /^DJ(605|105|301)/.test(code)), []);
  });

  it('keeps a value an env file read after the missing one sets, and makes one read before it unknown', () => {
    const envFiles = '      - ./.envs/.production/.early\n      - ./.envs/.production/.django\n      - ./.envs/.production/.late\n';
    const links = productionLinks(model(files(envFiles, { '.envs/.production/.early': 'EARLY=1\n', '.envs/.production/.late': 'LATE=2\n' })));
    assert.equal(links.environment?.get('LATE')?.value, '2');
    assert.equal(links.environment?.has('EARLY'), false);
    assert.match(links.unknownVariables.get('EARLY')!, /\.early line 1 unless \.envs\/\.production\/\.django \(not in the repository\)/);
  });

  it('counts a missing `required: false` file as unknown too (the server may have it), with no DJ706', () => {
    const optional = '      - path: ./.envs/.production/.django\n        required: false\n';
    const project = model(files(optional));
    assert.equal(productionLinks(project).unknownVariables.has('STRIPE_KEY'), true);
    assert.deepEqual(codes(project).filter((code) => /^DJ(605|105|706)/.test(code)), []);
  });

  it('still reports what is missing when every env file is in the repository', () => {
    const project = model(files(missing, { '.envs/.production/.django': 'DJANGO_SECRET_KEY=x\n' }));
    const missingCodes = codes(project).filter((code) => /^DJ605/.test(code));
    assert.ok(missingCodes.length > 0, codes(project).join(', '));
    assert.equal(productionLinks(project).unknownVariables.has('STRIPE_KEY'), false);
  });
});
