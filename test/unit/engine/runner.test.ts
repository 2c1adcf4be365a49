import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintFile, lintProject } from '../../../server/src/engine/runner';
import { createProjectModel } from '../../../server/src/project/model';
import { loadProject } from '../../../server/src/project/load';
import { Rule } from '../../../server/src/rules/rule';
import { writeFiles } from '../../temp-project';

const meta = { description: 'test.', category: 'debug', checklistItem: 'x', djangoCheck: null } as const;

/** Reports every env entry, so the runner's own behaviour is what is under test. */
const everyEntry: Rule = {
  meta: { ...meta, code: 'DJ990', name: 'every-entry', severity: 'error' },
  checkEnv(env, { report }) {
    for (const entry of env.entries) report({ range: entry.keyRange, message: entry.key });
  },
};

const crashing: Rule = {
  meta: { ...meta, code: 'DJ991', name: 'crashing', severity: 'error' },
  checkEnv() {
    throw new Error('rule bug');
  },
};

function lint(relativePath: string, text: string, options = {}) {
  const project = createProjectModel('/p', [{ path: `/p/${relativePath}`, text, skipped: null, notice: null }]);
  return lintFile(project, project.files[0], { rules: [everyEntry], ...options });
}

describe('runner', () => {
  it('keeps catalog severities in production, softens errors in unknown, drops development', () => {
    assert.deepEqual(lint('.envs/.production/.django', 'A=1\n').map((f) => f.severity), ['error']);
    assert.deepEqual(lint('.env', 'A=1\n').map((f) => f.severity), ['warning']);
    assert.deepEqual(lint('.env.example', 'A=1\n'), []);
  });

  it('records the context and its reason on each finding', () => {
    const [finding] = lint('.env.prod', 'A=1\n');
    assert.equal(finding.context, 'production');
    assert.equal(finding.contextReason, 'its path says "prod"');
  });

  it('applies overrides by code or name, including off', () => {
    assert.equal(lint('.env', 'A=1\n', { ruleSeverities: { DJ990: 'error' } })[0].severity, 'error');
    assert.equal(lint('.env', 'A=1\n', { ruleSeverities: { 'every-entry': 'hint' } })[0].severity, 'hint');
    assert.deepEqual(lint('.env', 'A=1\n', { ruleSeverities: { DJ990: 'off' } }), []);
  });

  it('a downgraded rule still speaks for its root cause, at the severity the user chose', () => {
    // Two rules, one cause: the error wins by the catalog, also when the user downgrades it.
    const severe: Rule = { meta: { ...meta, code: 'DJ992', name: 'severe', severity: 'error' }, checkEnv(env, { report }) { for (const entry of env.entries) report({ range: entry.keyRange, message: 'severe', cause: entry.key }); } };
    const mild: Rule = { meta: { ...meta, code: 'DJ993', name: 'mild', severity: 'warning' }, checkEnv(env, { report }) { for (const entry of env.entries) report({ range: entry.valueRange, message: 'mild', cause: entry.key }); } };
    const project = createProjectModel('/p', [{ path: '/p/.envs/.production/.django', text: 'A=1\n', skipped: null, notice: null }]);
    const run = (ruleSeverities: Record<string, 'info' | 'off'>) => lintFile(project, project.files[0], { rules: [severe, mild], ruleSeverities }).map((f) => `${f.code} ${f.severity} ${(f.related ?? []).length}`);
    assert.deepEqual(run({}), ['DJ992 error 1']);
    assert.deepEqual(run({ DJ992: 'info' }), ['DJ992 info 1']);
    // Off is off: the cause is still there, and the other rule reports it.
    assert.deepEqual(run({ DJ992: 'off' }), ['DJ993 warning 0']);
  });

  it('honours suppression directives', () => {
    const text = [
      '# preflight: disable-next-line DJ990',
      'A=1',
      'B=2 # preflight: disable-line every-entry',
      'C=3 # preflight: disable-line DJ123',
      '# preflight: disable-next-line',
      'D=4',
      'E=5',
    ].join('\n');
    assert.deepEqual(lint('.env', text).map((f) => f.message), ['C', 'E']);
    assert.deepEqual(lint('.env', '# preflight: disable-file DJ001, DJ990\nA=1\nB=2\n'), []);
  });

  it('contains a crashing rule: the others still report', () => {
    const errors: string[] = [];
    const findings = lint('.env', 'A=1\n', { rules: [crashing, everyEntry], onRuleError: (message: string) => errors.push(message) });
    assert.deepEqual(findings.map((f) => f.code), ['DJ990']);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^rule DJ991 failed on \.env: Error: rule bug/);
  });
});

describe('the whole registry on hostile files', () => {
  it('reports skipped and mis-encoded files and never throws', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-hostile-'));
    const files: Record<string, string | Buffer> = {
      'binary/.env': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]),
      'huge/.env': Buffer.alloc(20 * 1024 * 1024, 'A'),
      'latin1/.envs/.production/.django': Buffer.from('DJANGO_DEBUG=True\nNAME=caf\xe9\n', 'latin1'),
      'quotes/.env': 'DJANGO_SECRET_KEY="unterminated\nDEBUG=\'also\n"\n',
      'crlf/.env': 'DEBUG=True\r\nSECRET_KEY=x\r\n',
      'empty/.env': '',
      'only-bom/.env': '\uFEFF',
    };
    writeFiles(root, files);
    const findings = lintProject(loadProject(root));
    const at = (file: string) => findings.filter((f) => f.relativePath === file).map((f) => f.code);
    assert.deepEqual(at('binary/.env'), ['DJ001']);
    assert.deepEqual(at('huge/.env'), ['DJ001']);
    assert.ok(at('latin1/.envs/.production/.django').includes('DJ001'), 'notice for invalid UTF-8');
    assert.ok(at('latin1/.envs/.production/.django').includes('DJ202'), 'and still analysed');
    assert.ok(at('crlf/.env').includes('DJ202'));
  });
});
