/**
 * The production model on the fixture projects written for it (test/fixtures/*): which files
 * are production and why, which services run Django, the environment and settings module
 * production gets, and the dependency graph the server re-diagnoses along.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintProject } from '../../../server/src/engine/runner';
import { effectiveServicesIn } from '../../../server/src/project/compose-application';
import { loadProject } from '../../../server/src/project/load';
import { productionLinks } from '../../../server/src/project/production';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

describe('cookiecutter-style fixture', () => {
  const project = loadProject(path.join(FIXTURES, 'cookiecutter'));
  const file = (relative: string) => {
    const found = project.get(path.join(project.root, relative));
    assert.ok(found, `${relative} is in the model`);
    return found;
  };
  const links = productionLinks(project);

  it('finds the Django services of the production compose file, web first', () => {
    assert.deepEqual(links.applications.map((application) => application.file.relativePath), ['docker-compose.production.yml']);
    assert.deepEqual(links.djangoServices.map((service) => service.name), ['django', 'celeryworker', 'celerybeat']);
    assert.equal(links.webService?.name, 'django');
  });

  it("computes the web service's environment in env_file order, with origins", () => {
    const environment = links.environment!;
    assert.equal(environment.get('DJANGO_DEBUG')?.value, 'True');
    assert.equal(environment.get('DJANGO_DEBUG')?.origin, '.envs/.production/.django line 3');
    assert.equal(environment.get('POSTGRES_PASSWORD')?.origin, '.envs/.production/.postgres line 5');
    // The local env files feed only the local compose file.
    assert.notEqual(environment.get('DJANGO_SECRET_KEY')?.value, 'local');
  });

  it('selects the settings module named by DJANGO_SETTINGS_MODULE and links it', () => {
    assert.equal(links.settings?.module, 'config.settings.production');
    assert.equal(links.settings?.file?.relativePath, 'config/settings/production.py');
    assert.match(project.contextOf(file('config/settings/production.py')).reason, /DJANGO_SETTINGS_MODULE=config\.settings\.production \(\.envs\/\.production\/\.django line 2\) for service `django` in docker-compose\.production\.yml/);
  });

  it('explains why each production env file is production', () => {
    for (const relative of ['.envs/.production/.django', '.envs/.production/.postgres']) {
      const { context, reason } = project.contextOf(file(relative));
      assert.equal(context, 'production');
      assert.match(reason, /^used by service `django` in docker-compose\.production\.yml/);
    }
    assert.equal(project.contextOf(file('.envs/.local/.django')).context, 'development');
  });

  it('reports nothing from local files, and production findings carry their link', () => {
    const findings = lintProject(project, { onRuleError: (message) => assert.fail(message) });
    assert.ok(findings.length > 0);
    for (const finding of findings) {
      assert.doesNotMatch(finding.relativePath, /local/, `${finding.code} in ${finding.relativePath}`);
      assert.equal(finding.context, 'production', `${finding.code} in ${finding.relativePath}`);
    }
    // One root cause, one diagnostic: DJANGO_DEBUG=True read by the settings is DJ201 on the env line, DJ202 merged into it.
    const atDebugLine = findings.filter((finding) => finding.relativePath === '.envs/.production/.django' && finding.range.start.line === 2);
    assert.deepEqual(atDebugLine.map((finding) => finding.code), ['DJ201']);
    assert.match(atDebugLine[0].contextReason, /used by service `django` in docker-compose\.production\.yml/);
    assert.match(atDebugLine[0].related?.[0].message ?? '', /read here by env\.bool\("DJANGO_DEBUG"\)/);
    // DJANGO_ADMIN_URL=admin/ is read by nothing (DJ803): DJ604's env side does not judge it.
    const adminLine = findings.filter((finding) => finding.relativePath === '.envs/.production/.django' && finding.range.start.line === 4);
    assert.deepEqual(adminLine.map((finding) => finding.code), ['DJ803']);
    const composeCodes = findings.filter((finding) => finding.relativePath === 'docker-compose.production.yml').map((finding) => finding.code);
    assert.ok(composeCodes.includes('DJ701'), composeCodes.join(' '));
  });

  it('keeps the dependency graph: an env file reaches its compose file and the settings module', () => {
    const dependents = project.dependentsOf(file('.envs/.production/.django').path).map((dependent) => path.relative(project.root, dependent));
    for (const expected of ['docker-compose.production.yml', 'config/settings/production.py', '.envs/.production/.postgres']) {
      assert.ok(dependents.includes(expected), `${expected} in ${dependents.join(', ')}`);
    }
    const local = project.dependentsOf(file('.envs/.local/.django').path).map((dependent) => path.relative(project.root, dependent));
    assert.ok(local.includes('docker-compose.local.yml'));
    assert.ok(!local.includes('config/settings/production.py'));
  });
});

describe('single settings.py fixture', () => {
  const project = loadProject(path.join(FIXTURES, 'single-settings'));
  const compose = project.get(path.join(project.root, 'docker-compose.yml'))!;

  it('has no production compose file: nothing is production by link', () => {
    assert.equal(compose.context, 'unknown');
    assert.deepEqual(productionLinks(project).applications, []);
    assert.equal(productionLinks(project).linkedFiles.size, 0);
  });

  it('interpolates from the .env beside the compose file', () => {
    const [web] = effectiveServicesIn(project, compose);
    assert.equal(web.application.dotEnv?.relativePath, '.env');
    assert.equal(web.application.lookup('WEB_PORT'), '8000');
  });

  it('reports the compose file as unknown context: errors become warnings', () => {
    const findings = lintProject(project).filter((finding) => finding.relativePath === 'docker-compose.yml');
    const devServer = findings.find((finding) => finding.code === 'DJ703');
    assert.ok(devServer, findings.map((finding) => finding.code).join(' '));
    assert.equal(devServer.severity, 'warning');
  });
});

describe('compose.yaml + compose.override.yaml fixture', () => {
  const project = loadProject(path.join(FIXTURES, 'compose-override'));

  it('reads the env file compose names, although its name is web.conf', () => {
    const envFile = project.get(path.join(project.root, 'env/web.conf'));
    assert.equal(envFile?.kind, 'env');
  });

  it('merges the override into the base: override values win, the rest is kept', () => {
    const base = project.get(path.join(project.root, 'compose.yaml'))!;
    const override = project.get(path.join(project.root, 'compose.override.yaml'))!;
    const web = effectiveServicesIn(project, override).find((service) => service.name === 'web')!;
    assert.equal(web.application.file, base);
    assert.equal(web.command?.text, 'python manage.py runserver 0.0.0.0:8000');
    assert.equal(web.image?.text, 'registry.example.com/shop/web:1.4.2');
    assert.ok(web.healthcheck, 'healthcheck from the base');
    assert.deepEqual([...web.environment.keys()], ['DJANGO_DEBUG']);
    assert.deepEqual(web.envFiles.map((envFile) => envFile.file?.relativePath), ['env/web.conf']);
    assert.deepEqual(project.dependentsOf(base.path).map((dependent) => path.relative(project.root, dependent)).sort(), ['compose.override.yaml', 'env/web.conf']);
  });
});

describe('dev container and CI fixture', () => {
  const root = path.join(FIXTURES, 'devcontainer-ci');
  const project = loadProject(root);
  const contextOf = (relative: string) => {
    const found = project.get(path.join(project.root, relative));
    assert.ok(found, `${relative} is in the model`);
    return project.contextOf(found);
  };

  it('classifies every file of the dev container, the compose override and CI as development, saying why', () => {
    const table: [string, RegExp][] = [
      ['.devcontainer/docker-compose.extend.yml', /^it is in \.devcontainer\/, a dev container configuration$/],
      ['docker-compose.yml', /^it is a dockerComposeFile of \.devcontainer\/devcontainer\.json, a dev container configuration$/],
      ['.env', /^used by docker-compose\.yml \(it is a dockerComposeFile of \.devcontainer\/devcontainer\.json/],
      ['docker-compose.override.yml', /^it is docker-compose\.override\.yml, which docker compose merges in/],
      ['container.env', /^it is a runArgs --env-file of \.devcontainer\/python\/devcontainer\.json/],
      ['.github/compose.yaml', /^it is in \.github\/, GitHub CI configuration$/],
      ['.travis.yml', /^it is \.travis\.yml, Travis CI configuration$/],
    ];
    for (const [relative, reason] of table) {
      const { context, reason: actual } = contextOf(relative);
      assert.equal(context, 'development', relative);
      assert.match(actual, reason, relative);
    }
    assert.deepEqual(productionLinks(project).applications, []);
  });

  it('reports nothing but the committed live token', () => {
    const findings = lintProject(project, { onRuleError: (message) => assert.fail(message) });
    assert.deepEqual(
      findings.map((finding) => `${finding.code} ${finding.relativePath}:${finding.range.start.line + 1}`),
      ['DJ113 .devcontainer/docker-compose.extend.yml:8'],
    );
  });

  it('without the dev container configurations, the compose file and env files they name are unknown again', () => {
    const walked = loadProject(root).files.map((file) => file.path).filter((file) => !file.endsWith('devcontainer.json'));
    const without = loadProject(root, {}, walked);
    for (const relative of ['docker-compose.yml', '.env', 'container.env']) {
      assert.equal(without.contextOf(without.get(path.join(root, relative))!).context, 'unknown', relative);
    }
    const findings = lintProject(without).filter((finding) => finding.relativePath === 'docker-compose.yml');
    assert.ok(findings.some((finding) => finding.code === 'DJ701'), findings.map((finding) => finding.code).join(' '));
  });
});

describe('PaaS fixture (Procfile, WhiteNoise, no compose)', () => {
  const project = loadProject(path.join(FIXTURES, 'paas'));
  const links = productionLinks(project);

  it("takes the settings module the Procfile's web process selects", () => {
    assert.equal(links.settings?.module, 'shop.settings.heroku');
    assert.equal(links.settings?.origin, 'the web process of Procfile line 1');
    const heroku = project.get(path.join(project.root, 'shop/settings/heroku.py'))!;
    assert.deepEqual(project.contextOf(heroku), { context: 'production', reason: 'shop.settings.heroku is the settings module of the web process of Procfile line 1' });
    assert.equal(project.contextOf(project.get(path.join(project.root, 'Procfile.dev'))!).context, 'development');
  });

  it('lints with the expected findings and nothing else', () => {
    const findings = lintProject(project, { onRuleError: (message) => assert.fail(message) });
    assert.deepEqual(
      findings.map((finding) => `${finding.code} ${finding.relativePath}:${finding.range.start.line + 1}`).sort(),
      [
        // runserver on the platform, and no release: migrate
        'DJ703 Procfile:1',
        'DJ717 Procfile:1',
        // heroku.py sets no error tracker
        'DJ609 shop/settings/heroku.py:1',
      ].sort(),
    );
  });
});

describe('Django version fixture (preflight.toml django-version, issue 17)', () => {
  const root = path.join(FIXTURES, 'django-version');
  const codes = (findings: ReturnType<typeof lintProject>, wanted: string[]) =>
    findings.filter((finding) => wanted.includes(finding.code)).map((finding) => `${finding.code} ${finding.relativePath}:${finding.range.start.line + 1}`).sort();

  it('5.2.8 from the configuration: DJ616 on its django-version line, DJ615 on DEFAULT_FILE_STORAGE, no DJ416', () => {
    const findings = lintProject(loadProject(root), { onRuleError: (message) => assert.fail(message) });
    assert.deepEqual(codes(findings, ['DJ416', 'DJ615', 'DJ616']), ['DJ615 shop/settings.py:9', 'DJ616 preflight.toml:2']);
  });

  it('--django-version 6.1 overrides it: DJ416 on MIDDLEWARE, DJ616 silent (6.1.0 is not pinned), DJ615 still', () => {
    const findings = lintProject(loadProject(root, { djangoVersion: '6.1' }), { onRuleError: (message) => assert.fail(message) });
    assert.deepEqual(codes(findings, ['DJ416', 'DJ615', 'DJ616']), ['DJ416 shop/settings.py:7', 'DJ615 shop/settings.py:9']);
  });
});

describe('VM fixture (gunicorn and a Celery worker under systemd, behind nginx)', () => {
  const project = loadProject(path.join(FIXTURES, 'vm'));
  const links = productionLinks(project);
  const file = (relative: string) => project.get(path.join(project.root, relative))!;

  it('reads the units as production systemd units', () => {
    assert.equal(file('deploy/systemd/app.service').kind, 'systemd-unit');
    assert.deepEqual(project.contextOf(file('deploy/systemd/celery.service')), { context: 'production', reason: 'it is celery.service, a systemd unit, which a server installs to run the deployment' });
  });

  it("takes the settings module of the gunicorn unit's Environment=, and its EnvironmentFile= as production's env file", () => {
    assert.equal(links.settings?.module, 'config.settings.production');
    assert.equal(links.settings?.origin, 'Environment= of deploy/systemd/app.service line 10');
    assert.deepEqual(project.contextOf(file('config/settings/production.py')), { context: 'production', reason: 'config.settings.production is the settings module of Environment= of deploy/systemd/app.service line 10; its path says "production"' });
    assert.equal(links.environment?.get('DJANGO_SETTINGS_MODULE')?.origin, 'Environment= of deploy/systemd/app.service line 10');
    // /srv/shop/.env on the server is the repository's .env: its tail.
    assert.deepEqual(project.contextOf(file('.env')), { context: 'production', reason: 'EnvironmentFile= of deploy/systemd/app.service line 9 names it (/srv/shop/.env)' });
    assert.equal(links.environment?.get('CELERY_BROKER_URL')?.origin, '.env line 3');
    assert.equal(links.unknownVariables.otherwise, null);
  });

  it('lints with the expected findings and nothing else', () => {
    const findings = lintProject(project, { onRuleError: (message) => assert.fail(message) });
    assert.deepEqual(
      findings.map((finding) => `${finding.code} ${finding.relativePath}:${finding.range.start.line + 1}`).sort(),
      [
        // .env is production's (EnvironmentFile=): committed, with an empty key and a broker without password
        'DJ105 .env:2',
        'DJ112 .env:1',
        'DJ608 .env:3',
        // production.py sets no error tracker
        'DJ609 config/settings/production.py:1',
        // the Celery worker unit sets no Restart=
        'DJ718 deploy/systemd/celery.service:10',
        // requirements.txt pins Django 5.2.1, which misses security releases of 5.2
        'DJ616 requirements.txt:1',
        // deploy/nginx/app.conf redirects port 80, forwards Host and X-Forwarded-Proto, caches static files: no nginx rule speaks.
      ].sort(),
    );
  });
});

/** A fixture's expected-findings.txt: `CODE path:line` per line, `#` comments. */
function expectedFindings(fixture: string): string[] {
  const text = fs.readFileSync(path.join(FIXTURES, fixture, 'expected-findings.txt'), 'utf8');
  return text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter((line) => line !== '');
}

describe('VM fixture (nginx in front of gunicorn, no compose)', () => {
  const project = loadProject(path.join(FIXTURES, 'vm-nginx'));

  it('reads the nginx site by its folder and leaves a supervisor *.conf alone', () => {
    const kinds = project.files.map((file) => `${file.kind} ${file.relativePath}`);
    assert.ok(kinds.includes('nginx deploy/nginx/mysite.conf'), kinds.join(', '));
    assert.ok(!kinds.some((kind) => kind.includes('supervisor')), kinds.join(', '));
  });

  it('lints with the findings of expected-findings.txt and nothing else', () => {
    const findings = lintProject(project, { onRuleError: (message) => assert.fail(message) });
    assert.deepEqual(findings.map((finding) => `${finding.code} ${finding.relativePath}:${finding.range.start.line + 1}`).sort(), expectedFindings('vm-nginx').sort());
  });

  it('points DJ413 at the setting it contradicts', () => {
    const findings = lintProject(project).filter((finding) => finding.code === 'DJ413');
    assert.equal(findings.length, 2);
    // Line 19 of production.py, 0-based in the range.
    for (const finding of findings) assert.ok(finding.related?.some((place) => place.path.endsWith('mysite/settings/production.py') && place.range.start.line === 18), JSON.stringify(finding.related));
  });
});
