import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintProject } from '../../../server/src/engine/runner';
import { loadProject } from '../../../server/src/project/load';
import { rule } from '../../../server/src/rules/DJ112-env-file-committed';
import { generateSecretKey } from '../../../server/src/rules/shared/secrets';
import { ruleTester } from '../rule-tester';
import { writeTempProject } from '../../temp-project';

const production = '.envs/.production/.django';
const text = 'DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=x\n';
// Made at run time: this file holds no secret a scanner would flag.
const key = generateSecretKey();
const withSecrets = `DJANGO_DEBUG=False\nDJANGO_SECRET_KEY=${key}\nDATABASE_URL=postgres://app:${'pw'.repeat(8)}@db:5432/app\nPOSTGRES_PASSWORD=\n`;

ruleTester(rule, {
  valid: [
    { text, git: { ignored: [production] }, name: 'ignored and untracked' },
    { text, name: 'not a git repository' },
    { text, path: '.envs/.local/.django', git: {}, name: 'development context reports nothing' },
    { text, path: '.env', git: { tracked: ['.env'] }, name: 'only production files are judged' },
    { text, git: { tracked: ['.envs/.production/.postgres'], ignored: [production] }, name: 'another file is tracked' },
    { text, git: { source: 'gitignore', ignored: [production] }, name: 'no git repository: matched by a .gitignore' },
  ],
  invalid: [
    {
      text: withSecrets,
      git: { tracked: [production], ignored: [production] },
      name: 'tracked, holding secrets: an error naming the variables, not the values',
      errors: [{ line: 1, column: 1, severity: 'error', message: 'the secrets it holds (DJANGO_SECRET_KEY, DATABASE_URL) are in the repository' }],
      secret: key,
    },
    {
      text,
      git: { source: 'gitignore', ignored: [] },
      files: { '.gitignore': '.envs/.local/\n' },
      name: 'no git repository: judged by .gitignore, and the message says so',
      errors: [{ line: 1, column: 1, severity: 'warning', message: 'not matched by .gitignore (no git repository here: judged by the .gitignore files alone)' }],
      output: text,
      outputFiles: { '.gitignore': '.envs/.local/\n/.envs/.production/.django\n' },
      gitAfterFix: { source: 'gitignore', ignored: [production] },
    },
    {
      text,
      git: { tracked: [production], ignored: [production] },
      name: 'tracked although .gitignore matches it (cookiecutter projects)',
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 19, severity: 'warning', message: 'tracked by git' }],
    },
    {
      text,
      git: { tracked: [production] },
      files: { '.gitignore': 'node_modules/\n.env' },
      errors: [{ line: 1, column: 1, message: '`git rm --cached .envs/.production/.django`' }],
      output: text,
      outputFiles: { '.gitignore': 'node_modules/\n.env\n/.envs/.production/.django\n' },
      gitAfterFix: { ignored: [production] },
    },
    {
      text,
      git: { tracked: [] },
      name: 'neither tracked nor ignored',
      errors: [{ line: 1, column: 1, message: '.envs/.production/.django is not matched by .gitignore' }],
      output: text,
      outputFiles: { '.gitignore': '/.envs/.production/.django\n' },
      gitAfterFix: { ignored: [production] },
    },
    {
      text,
      path: '.envs/.production/[eu]#1.env',
      git: { tracked: [] },
      files: { '.gitignore': '*.pyc\r\n' },
      name: 'gitignore metacharacters are escaped; the file keeps its line breaks',
      errors: [{ line: 1, column: 1, message: 'is not matched by .gitignore' }],
      output: text,
      outputFiles: { '.gitignore': '*.pyc\r\n/.envs/.production/\\[eu\\]\\#1.env\r\n' },
      gitAfterFix: { ignored: ['.envs/.production/[eu]#1.env'] },
    },
    {
      text: '',
      path: 'deploy/my app/.env.prod',
      git: { tracked: ['deploy/my app/.env.prod'] },
      name: 'an empty file with a space in its path',
      errors: [{ line: 1, column: 1, message: "`git rm --cached 'deploy/my app/.env.prod'`" }],
    },
  ],
});

/** A real repository on disk: what git says decides, not what .gitignore says. */
describe('DJ112 on a git repository made by the test', () => {
  const run = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Preflight Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, stdio: 'pipe' });

  function makeTree(files: Record<string, string>): string {
    const root = writeTempProject(files, 'preflight-dj112-');
    return root;
  }

  function findings(root: string): string[] {
    return lintProject(loadProject(root), { rules: [rule] }).map((finding) => `${finding.relativePath} ${finding.severity}: ${finding.message}`);
  }

  it('reports tracked production env files (error with secrets) and untracked ones .gitignore misses', () => {
    const root = makeTree({
      '.gitignore': '.envs/*\n',
      '.envs/.production/.django': withSecrets,
      '.envs/.production/.flower': 'CELERY_FLOWER_USER=flower\n',
      '.envs/.production/.postgres': `POSTGRES_PASSWORD=${key}\n`,
      '.envs/.local/.django': `DJANGO_SECRET_KEY=${key}\n`,
      'deploy/.env.production': `DJANGO_SECRET_KEY=${key}\n`,
      'manage.py': '',
    });
    try {
      run(root, 'init', '-q');
      // The cookiecutter story: .gitignore matches .envs/*, and the files were committed anyway.
      run(root, 'add', '-f', '.gitignore', '.envs/.production/.django', '.envs/.production/.flower', '.envs/.local/.django');
      run(root, 'commit', '-q', '-m', 'initial');
      const found = findings(root);
      assert.equal(found.length, 3, found.join('\n'));
      assert.match(found[0], /^\.envs\/\.production\/\.django error: .*tracked by git.*\(DJANGO_SECRET_KEY, DATABASE_URL\).*git rm --cached \.envs\/\.production\/\.django/);
      assert.match(found[1], /^\.envs\/\.production\/\.flower warning: .*tracked by git: the first secret/);
      assert.match(found[2], /^deploy\/\.env\.production warning: deploy\/\.env\.production is not matched by \.gitignore: /);
      assert.ok(found.every((line) => !line.includes(key.slice(0, 10))), 'a message shows a secret');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('outside a repository, falls back to the .gitignore files (nested ones included) and says so', () => {
    const root = makeTree({
      '.gitignore': '/.envs/.production/.django\n',
      '.envs/.production/.django': withSecrets,
      '.envs/.production/.postgres': 'POSTGRES_USER=app\n',
      'deploy/.gitignore': '.env.*\n!.env.keep\n',
      'deploy/.env.prod': 'DJANGO_DEBUG=False\n',
      'deploy/live/.env.keep': 'DJANGO_DEBUG=False\n',
    });
    try {
      const found = findings(root);
      assert.deepEqual(found.map((line) => line.split(':')[0]), ['.envs/.production/.postgres warning', 'deploy/live/.env.keep warning']);
      for (const line of found) assert.match(line, /not matched by \.gitignore \(no git repository here: judged by the \.gitignore files alone\)/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('with neither git nor a .gitignore (a deployed copy), reports nothing', () => {
    const root = makeTree({ '.envs/.production/.django': withSecrets });
    try {
      assert.deepEqual(findings(root), []);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
