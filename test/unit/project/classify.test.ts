import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextFromPath, kindFromPath, looksLikeCompose, looksLikeNginx } from '../../../server/src/project/classify';

describe('file kinds', () => {
  const table: [string, string | null][] = [
    ['.env', 'env'],
    ['.env.production', 'env'],
    ['config/prod.env', 'env'],
    ['.envs/.production/.django', 'env'],
    ['.envs/.production/.postgres', 'env'],
    ['.envrc', null],
    ['env.py', null],
    ['docker-compose.yml', 'compose'],
    ['docker-compose.production.yaml', 'compose'],
    ['compose.yaml', 'compose'],
    ['compose.override.yml', 'compose'],
    ['deploy/compose.prod.yml', 'compose'],
    ['composer.yml', null],
    ['mysite/settings.py', 'settings'],
    ['config/settings/production.py', 'settings'],
    ['config/settings/__init__.py', 'settings'],
    ['app/models.py', null],
    ['DEPLOYMENT_CHECKLIST.md', 'checklist'],
    ['docs/DEPLOYMENT_CHECKLIST.md', null],
    ['Dockerfile', 'dockerfile'],
    ['compose/production/django/Dockerfile', 'dockerfile'],
    ['Dockerfile.prod', 'dockerfile'],
    ['docker/web.Dockerfile', 'dockerfile'],
    ['dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['server/src/parse/dockerfile.ts', null],
    ['docs/Dockerfile.md', null],
    ['Dockerfile.j2', null],
    ['Dockerfile.dockerignore', null],
    ['nginx.conf', 'nginx'],
    ['deploy/site.nginx', 'nginx'],
    ['deploy/app.nginx.conf', 'nginx'],
    ['nginx/conf.d/app.conf', 'nginx'],
    ['etc/nginx/sites-available/default', 'nginx'],
    ['deploy/nginx/Dockerfile', 'dockerfile'],
    ['conf.d/app.conf', null],
    ['supervisor/app.conf', null],
    ['gunicorn.conf.py', 'gunicorn-config'],
    ['deploy/gunicorn_config.py', 'gunicorn-config'],
    ['gunicorn.py', 'gunicorn-config'],
    ['config/gunicorn_conf.py', 'gunicorn-config'],
    ['gunicorn_settings.py', null],
    ['gunicorn.conf', null],
  ];
  for (const [path, kind] of table) it(`${path} -> ${kind}`, () => assert.equal(kindFromPath(path), kind));

  it('recognises compose files by their top-level services map', () => {
    assert.equal(looksLikeCompose('production.yml', 'version: "3"\nservices:\n  web:\n    image: x\n'), true);
    assert.equal(looksLikeCompose('.github/workflows/ci.yml', 'jobs:\n  test:\n    services:\n      db: {}\n'), false);
    assert.equal(looksLikeCompose('notes.txt', 'services:\n'), false);
  });

  it('recognises an nginx *.conf by a server, http or upstream block and an nginx directive', () => {
    assert.equal(looksLikeNginx('server {\n    listen 80;\n    location / { proxy_pass http://app:8000; }\n}\n'), true);
    assert.equal(looksLikeNginx('[program:web]\ncommand=gunicorn app\n'), false);
    assert.equal(looksLikeNginx('server {\n}\n'), false);
  });
});

describe('file contexts', () => {
  const table: [string, string][] = [
    ['.envs/.production/.django', 'production'],
    ['.env.prod', 'production'],
    ['config/settings/production.py', 'production'],
    ['deploy/live/.env', 'production'],
    ['.envs/.local/.django', 'development'],
    ['.env.example', 'development'],
    ['.env.production.example', 'development'],
    ['.env.dist', 'development'], // horilla's template (ecosystem check)
    ['.env.prod.tpl', 'development'],
    ['config/app.env.tmpl', 'development'],
    ['dist/docker-compose.yml', 'unknown'], // a folder named dist is a build's output, not a template
    ['distribution/.env', 'unknown'],
    ['config/settings/test.py', 'development'],
    ['docker-compose.dev.yml', 'development'],
    ['tcms/settings/devel.py', 'development'], // Kiwi TCMS's development settings (ecosystem check)
    ['ci/.env', 'development'],
    ['.env', 'unknown'],
    ['mysite/settings.py', 'unknown'],
    ['producer/.env', 'unknown'],
    ['.devcontainer/docker-compose.yml', 'development'],
    ['.devcontainer/.env', 'development'],
    ['.github/workflows/deploy-production.yml', 'development'],
    ['.github/compose.yaml', 'development'],
    ['.circleci/config.yml', 'development'],
    ['.gitlab-ci.yml', 'development'],
    ['.travis.yml', 'development'],
    ['bitbucket-pipelines.yml', 'development'],
    ['docker-compose.override.yml', 'development'],
    ['compose.override.yaml', 'development'],
    ['deploy/production/docker-compose.override.yml', 'production'],
    ['docker-compose.yml', 'unknown'],
    ['devcontainer/.env', 'unknown'],
    ['github.env', 'unknown'],
  ];
  for (const [path, context] of table) it(`${path} -> ${context}`, () => assert.equal(contextFromPath(path).context, context));

  it('says why', () => {
    assert.equal(contextFromPath('.envs/.production/.django').reason, 'its path says "production"');
  });

  it('says which development place', () => {
    assert.equal(contextFromPath('.devcontainer/docker-compose.yml').reason, 'it is in .devcontainer/, a dev container configuration');
    assert.equal(contextFromPath('.travis.yml').reason, 'it is .travis.yml, Travis CI configuration');
    assert.equal(contextFromPath('.github/compose.yaml', { productionGlobs: ['.github/**'] }).context, 'production');
  });

  it('lets configuration decide first', () => {
    assert.equal(contextFromPath('.env', { productionGlobs: ['.env'] }).context, 'production');
    assert.equal(contextFromPath('deploy/app.env', { productionGlobs: ['deploy/**'] }).context, 'production');
    assert.equal(contextFromPath('.envs/.production/.django', { developmentGlobs: ['.envs/**'] }).context, 'development');
    assert.equal(contextFromPath('.env.example', { context: 'production' }).context, 'production');
  });
});
