import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { loadProject } from '../../../server/src/project/load';
import { writeTempProject } from '../../temp-project';

function makeTree(files: Record<string, string | Buffer>): string {
  const root = writeTempProject(files, 'preflight-');
  return root;
}

describe('loading a project from disk', () => {
  it('walks the tree and skips dependencies, virtualenvs and build output', () => {
    const root = makeTree({
      '.envs/.production/.django': 'DJANGO_DEBUG=False\n',
      'config/settings/production.py': 'DEBUG = False\n',
      'docker-compose.production.yml': 'services: {}\n',
      'production.yml': 'services:\n  web: {}\n',
      'node_modules/pkg/.env': 'A=1\n',
      '.git/x.env': 'A=1\n',
      'venv-custom/pyvenv.cfg': 'home = /usr\n',
      'venv-custom/lib/site/.env': 'A=1\n',
      '.venv/.env': 'A=1\n',
      'dist/.env': 'A=1\n',
      'app/models.py': 'x = 1\n',
    });
    const project = loadProject(root);
    assert.deepEqual(
      project.files.map((file) => `${file.relativePath} ${file.kind} ${file.context}`),
      [
        '.envs/.production/.django env production',
        'config/settings/production.py settings production',
        'docker-compose.production.yml compose production',
        'production.yml compose production',
      ],
    );
  });

  it('reads a file a compose service mounts into /etc/nginx as nginx, whatever its name', () => {
    const root = makeTree({
      'docker-compose.production.yml': 'services:\n  nginx:\n    image: nginx:1.27\n    volumes:\n      - ./proxy/site.tmpl:/etc/nginx/conf.d/default.conf:ro\n',
      'proxy/site.tmpl': 'location / {\n    proxy_pass http://django:5000;\n}\n',
      'proxy/other.tmpl': 'not mounted\n',
    });
    const kinds = loadProject(root).files.map((file) => `${file.kind} ${file.relativePath}`);
    assert.ok(kinds.includes('nginx proxy/site.tmpl'), kinds.join(', '));
    assert.ok(!kinds.some((kind) => kind.endsWith('other.tmpl')), kinds.join(', '));
  });

  it('marks the --settings module as production', () => {
    const root = makeTree({ 'mysite/settings.py': 'DEBUG = True\n' });
    assert.equal(loadProject(root).files[0].context, 'unknown');
    const project = loadProject(root, { settingsModule: 'mysite.settings' });
    assert.equal(project.files[0].context, 'production');
    assert.match(project.files[0].contextReason, /--settings mysite\.settings/);
  });

  it('skips binary and huge files with a reason, and reads invalid UTF-8 with a notice', () => {
    const root = makeTree({
      'binary/.env': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]),
      'huge/.env': 'A=' + 'x'.repeat(6 * 1024 * 1024),
      'latin1/.env': Buffer.from('DEBUG=caf\xe9\n', 'latin1'),
      'bom/.env': Buffer.from('\uFEFFDEBUG=1\n', 'utf8'),
    });
    const byPath = Object.fromEntries(loadProject(root).files.map((file) => [file.relativePath, file]));
    assert.match(byPath['binary/.env'].skipped!, /binary/);
    assert.match(byPath['huge/.env'].skipped!, /over the 5\.0 MB limit/);
    assert.equal(byPath['latin1/.env'].text, 'DEBUG=caf\uFFFD\n');
    assert.match(byPath['latin1/.env'].notice!, /not valid UTF-8/);
    assert.equal(byPath['bom/.env'].text, 'DEBUG=1\n', 'the BOM is dropped as editors do');
  });

  it('asks git what is tracked and ignored', () => {
    const root = makeTree({
      '.gitignore': '.envs/.production/.postgres\n',
      '.envs/.production/.django': 'A=1\n',
      '.envs/.production/.postgres': 'B=1\n',
      '.envs/.production/.new': 'C=1\n',
    });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'ignore' });
    git('init', '-q');
    git('add', '.envs/.production/.django', '.gitignore');
    const project = loadProject(root);
    assert.deepEqual([...project.git!.tracked], ['.envs/.production/.django']);
    assert.deepEqual([...project.git!.ignored], ['.envs/.production/.postgres']);
  });

  it('has no git facts outside a repository', () => {
    const root = makeTree({ '.env': 'A=1\n' });
    assert.equal(loadProject(root).git, null);
  });
});
