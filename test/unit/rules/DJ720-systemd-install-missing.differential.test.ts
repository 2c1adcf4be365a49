/**
 * Differential: DJ720 against Debian's `systemctl --root=DIR enable` (package systemd, installed by
 * .ci/run), which reads a unit's [Install] offline as it would on a server. For a lone unit DJ720
 * must report exactly when enabling links it into no target (no `*.wants/`, `*.requires/` or
 * `*.upholds/` symlink): "no installation config", or an Alias= that only names it. Fails, never
 * skips, without the oracle. Not compared: UpheldBy=, which Debian 12's systemd 252 does not know
 * yet ("Unknown key ... ignoring") and a newer server's does; DJ720 accepts it (unknown is not
 * reported).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { rule } from '../../../server/src/rules/DJ720-systemd-install-missing';
import { lintCase } from '../rule-tester';

/** Whether `systemctl enable` makes the unit start with some target (a boot start, given the target is reached). */
function enablesAtBoot(text: string): boolean {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-systemctl-'));
  try {
    const units = path.join(root, 'etc/systemd/system');
    fs.mkdirSync(units, { recursive: true });
    fs.writeFileSync(path.join(units, 'app.service'), text);
    const run = spawnSync('systemctl', [`--root=${root}`, 'enable', 'app.service'], { encoding: 'utf8', timeout: 30000 });
    assert.ok(!run.error, `systemctl is required (apt-get install systemd): ${run.error?.message}`);
    const links = fs.readdirSync(units, { recursive: true, withFileTypes: true }).filter((entry) => entry.isSymbolicLink());
    return links.some((entry) => /\.(?:wants|requires|upholds)$/.test(path.basename(entry.parentPath ?? entry.path)));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

const SERVICE = '[Unit]\nDescription=app\n[Service]\nUser=app\nExecStart=/srv/venv/bin/gunicorn config.wsgi\nRestart=on-failure\n';
const CASES: Record<string, string> = {
  'no [Install]': SERVICE,
  WantedBy: `${SERVICE}[Install]\nWantedBy=multi-user.target\n`,
  RequiredBy: `${SERVICE}[Install]\nRequiredBy=multi-user.target\n`,
  'Alias= only': `${SERVICE}[Install]\nAlias=web.service\n`,
  'WantedBy= reset by an empty assignment': `${SERVICE}[Install]\nWantedBy=multi-user.target\nWantedBy=\n`,
  'WantedBy= after a reset': `${SERVICE}[Install]\nWantedBy=\nWantedBy=multi-user.target\n`,
  'a continued WantedBy=': `${SERVICE}[Install]\nWantedBy=multi-user.target \\\n  graphical.target\n`,
  '[install] in lower case (another section)': `${SERVICE}[install]\nWantedBy=multi-user.target\n`,
  'WantedBy= in [Service]': `${SERVICE}WantedBy=multi-user.target\n`,
  'an empty [Install]': `${SERVICE}[Install]\n`,
  'two [Install] sections': `${SERVICE}[Install]\nAlias=web.service\n[Install]\nWantedBy=multi-user.target\n`,
};

describe('DJ720 against systemctl enable', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`reports exactly when enabling starts nothing at boot: ${name}`, () => {
      const reported = lintCase(rule, { path: 'deploy/app.service', text }).some((finding) => finding.code === 'DJ720');
      assert.equal(reported, !enablesAtBoot(text));
    });
  }
  it('the oracle tells the two apart', () => {
    assert.equal(enablesAtBoot(CASES.WantedBy), true);
    assert.equal(enablesAtBoot(CASES['no [Install]']), false);
  });
});
