/**
 * `preflight report`: the Markdown and HTML readiness pages. The HTML page is rendered in headless
 * Chromium (the browser the e2e layer drives), looked at, and photographed for the README.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { parse as parseDotenv } from 'dotenv';
import { renderMarkdown } from '../../../server/src/cli/report/render-markdown';
import { ReportData, signOffLines } from '../../../server/src/cli/report/report-data';
import { REPO, preflight, writeProject } from './bundled-cli';

const CHROMIUM = process.env.PREFLIGHT_CHROMIUM ?? '/usr/bin/chromium';

/** Every value of a secret-named variable in the example's env files, long enough not to be a common word ("postgres" is a password there). */
function exampleSecrets(): string[] {
  const files = ['examples/.env', 'examples/.envs/.production/.django', 'examples/.envs/.production/.postgres'];
  return files
    .flatMap((file) => Object.entries(parseDotenv(fs.readFileSync(path.join(REPO, file), 'utf8'))))
    .filter(([name, value]) => /SECRET|PASSWORD|TOKEN|ACCESS_KEY/.test(name) && value.length >= 12)
    .map(([, value]) => value);
}

describe('preflight report', () => {
  it('markdown on examples: summary, production model, progress per section, findings by section, open items', () => {
    const { status, stdout } = preflight(['report', 'examples', '--format', 'markdown']);
    assert.equal(status, 0);
    assert.match(stdout, /^# Deployment readiness: examples$/m);
    assert.match(stdout, /Checklist `DEPLOYMENT_CHECKLIST.md`: \*\*\d+ \/ \d+\*\* done/);
    assert.match(stdout, /^- Process: compose service "django" \(runserver\)$/m);
    assert.match(stdout, /^- Settings module: `config\.settings\.production` \(\.envs\/\.production\/\.django line 3\)$/m);
    assert.match(stdout, /^- Env files: `\.envs\/\.production\/\.django`, `\.envs\/\.production\/\.postgres`$/m);
    assert.match(stdout, /^\| Critical: must be complete before going live \| [█░]{10} \| \d+ \/ \d+ \| \d+ \|$/m);
    // DEBUG's finding sits under the section whose item names DJ201.
    const critical = stdout.slice(stdout.indexOf('### Critical'), stdout.indexOf('### Important'));
    assert.match(critical, /\| 🔴 error \| DJ201 \| `\.envs\/\.production\/\.django:4:14` \|/);
    assert.match(stdout, /^## Manual items open$/m);
    assert.match(stdout, /^- \[ \] Include all domains \(www and root\)$/m);
    for (const secret of exampleSecrets()) assert.ok(!stdout.includes(secret), 'a secret value is in the Markdown report');
  });

  it('the findings of the report are the lint findings, each once', () => {
    const lint = JSON.parse(preflight(['--format', 'json', 'examples']).stdout) as { code: string; file: string; line: number; column: number }[];
    const { stdout } = preflight(['report', 'examples', '--format', 'markdown']);
    const rows = [...stdout.matchAll(/^\| \S+ (?:error|warning|info|hint) \| (DJ\d+) \| `([^`]+)` \|/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
    const expected = lint.map((f) => `${f.code} ${path.posix.relative('examples', f.file)}:${f.line}:${f.column}`).sort();
    assert.deepEqual(rows, expected);
  });

  it('reads the sign-off history the editor appends, and nothing else of that section', () => {
    const text = '# Checklist\n\n## Sign-off\n\n- 2026-11-30: v1.4.0 signed off by Ada\r\n- [ ] not a record\n- 2026-12-01: v1.4.1 signed off by Linus (1 critical item open)\n\n## After\n\n- unrelated\n';
    assert.deepEqual(signOffLines(text), ['2026-11-30: v1.4.0 signed off by Ada', '2026-12-01: v1.4.1 signed off by Linus (1 critical item open)']);
    assert.deepEqual(signOffLines('# No sign-off here\n- x\n'), []);
    const folder = writeProject({ 'DEPLOYMENT_CHECKLIST.md': `# Deployment Checklist\n\n## Critical\n\n- [x] Back up <!-- preflight: DJ201 -->\n- [ ] Tell support\n\n${text.slice(text.indexOf('## Sign-off'))}`, '.env': 'DEBUG=False\n' });
    const { stdout } = preflight(['report', folder, '--format', 'markdown']);
    assert.match(stdout, /^## Sign-off history\n\n- 2026-11-30: v1\.4\.0 signed off by Ada\n- 2026-12-01: v1\.4\.1 signed off by Linus \(1 critical item open\)$/m);
    assert.match(stdout, /^- Process: none found in the repository$/m);
  });

  it('a folder without a checklist still gets a report, which says how to get one', () => {
    const folder = writeProject({ '.env': 'DEBUG=True\n' });
    const { status, stdout } = preflight(['report', folder, '--format', 'markdown']);
    assert.equal(status, 0);
    assert.match(stdout, /No deployment checklist in the project \(`preflight checklist init` writes one\)/);
    assert.match(stdout, /### Not on the checklist/);
  });

  it('markdown: a message cannot break the table or open markup', () => {
    const data: ReportData = {
      project: 'p', checklistFile: null, summary: null, signOffs: [], counts: { error: 1, warning: 0, info: 0, hint: 0 },
      model: { process: null, settingsModule: null, settingsOrigin: null, envFiles: [] },
      sections: [],
      unlisted: [{ code: 'DJ1', severity: 'error', message: 'a | b\n<script>`x`', location: 'a.env:1:1', context: '', related: [] }],
    };
    const row = renderMarkdown(data).split('\n').find((line) => line.includes('DJ1'))!;
    assert.equal(row, "| 🔴 error | DJ1 | `a.env:1:1` | a \\| b &lt;script&gt;'x' |");
  });

  it('bad usage exits 2', () => {
    assert.equal(preflight(['report', 'examples', '--format', 'pdf']).status, 2);
    assert.equal(preflight(['report', 'no/such/folder']).status, 2);
    assert.equal(preflight(['report', 'examples', '--file', '../x.md']).status, 2);
  });

  it('html: one self-contained page that Chromium renders, with bars, the model diagram and no secret', async () => {
    const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-report-')), 'report.html');
    const { status } = preflight(['report', 'examples', '--output', output]);
    assert.equal(status, 0);
    const html = fs.readFileSync(output, 'utf8');
    // Self-contained: nothing is fetched, nothing runs.
    assert.ok(!/<script|<link|src=|url\(/i.test(html), 'the page loads or runs something');
    for (const secret of exampleSecrets()) assert.ok(!html.includes(secret), 'a secret value is in the HTML report');
    assert.ok(fs.existsSync(CHROMIUM), `the HTML report test needs Chromium at ${CHROMIUM} (.ci/run installs Debian's chromium)`);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`file://${output}`);
      assert.deepEqual(requests.filter((url) => !url.startsWith('file:')), []);
      assert.equal(await page.title(), 'Deployment readiness: examples');
      const sections = await page.locator('.bar').count();
      assert.ok(sections >= 10, `${sections} progress bars`);
      // The bar is as wide as the section is done.
      const first = await page.locator('.bar').first().evaluate((bar) => [bar.firstElementChild!.getBoundingClientRect().width, bar.getBoundingClientRect().width]);
      assert.ok(first[0] > 0 && first[0] < first[1], `bar ${first[0]} of ${first[1]}`);
      const boxes = await page.locator('.model .box').allInnerTexts();
      assert.equal(boxes.length, 3);
      assert.match(boxes[0], /compose service "django" \(runserver\)/);
      assert.match(boxes[1], /config\.settings\.production/);
      assert.match(boxes[2], /\.envs\/\.production\/\.django/);
      const text = await page.locator('body').innerText();
      assert.match(text, /DJ201/);
      for (const secret of exampleSecrets()) assert.ok(!text.includes(secret), 'a secret value is on the rendered page');
      // Like the e2e screenshots: out/ by default, docs/images/ for the README on request.
      const directory = process.env.PREFLIGHT_UPDATE_SCREENSHOTS === '1' ? path.join(REPO, 'docs/images') : path.join(REPO, 'out/report-screenshots');
      fs.mkdirSync(directory, { recursive: true });
      await page.screenshot({ path: path.join(directory, 'readiness-report.png'), clip: { x: 0, y: 0, width: 1100, height: 900 } });
    } finally {
      await browser.close();
    }
  });
});
