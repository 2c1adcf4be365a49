/** Issue 4's acceptance, through the bundled CLI as CI runs it. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { JsonFinding, REPO, preflight } from './bundled-cli';



function preflightJson(cwd: string, args: string[] = ['.']): JsonFinding[] {
  const result = preflight(['--format', 'json', ...args], cwd);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return JSON.parse(result.stdout);
}

describe('compose acceptance (CLI)', () => {
  it('cookiecutter-style fixture: production findings only, each context explaining the production link', () => {
    const findings = preflightJson(path.join(REPO, 'test/fixtures/cookiecutter'));
    assert.ok(findings.length > 0);
    for (const finding of findings) {
      assert.doesNotMatch(finding.file, /local/, `${finding.code} in ${finding.file}`);
      assert.match(finding.context, /^production: /, `${finding.code} in ${finding.file}`);
    }
    const inEnvFiles = findings.filter((finding) => finding.file.startsWith('.envs/.production/'));
    assert.ok(inEnvFiles.length > 0);
    for (const finding of inEnvFiles) assert.match(finding.context, /used by service `django` in docker-compose\.production\.yml/);
    // DJANGO_DEBUG=True read by the settings: one finding, DJ201 on the env line (DJ202 merged into it).
    const debug = findings.filter((finding) => finding.code === 'DJ201' || finding.code === 'DJ202');
    assert.deepEqual(debug.map((finding) => [finding.code, finding.file, finding.line, finding.severity]), [['DJ201', '.envs/.production/.django', 3, 'error']]);
    for (const finding of findings.filter((candidate) => candidate.file === 'config/settings/production.py')) {
      assert.match(finding.context, /DJANGO_SETTINGS_MODULE=config\.settings\.production/);
    }
  });

  it('DJ203, DJ701, DJ703 and DJ704 at the right lines of a production compose file', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-compose-'));
    fs.writeFileSync(
      path.join(root, 'docker-compose.production.yml'),
      [
        'services:', //                                          1
        '  django:', //                                          2
        '    build: .', //                                       3
        '    command: python manage.py runserver 0.0.0.0:8000', // 4
        '    environment:', //                                   5
        '      DJANGO_DEBUG: "${DJANGO_DEBUG:-True}"', //        6
        '      DJANGO_SECRET_KEY: abc', //                       7
        '  postgres:', //                                        8
        '    image: postgres:16', //                             9
        '    ports: ["5432:5432"]', //                           10
        '',
      ].join('\n'),
    );
    const findings = preflightJson(root);
    const at = (code: string) => findings.filter((finding) => finding.code === code).map((finding) => `${finding.line}:${finding.column} ${finding.severity}`);
    assert.deepEqual(at('DJ203'), ['6:38 warning']);
    assert.deepEqual(at('DJ701'), ['10:13 error']);
    assert.deepEqual(at('DJ703'), ['4:14 error']);
    assert.deepEqual(at('DJ704'), ['7:26 error']);
  });
});
