/**
 * The nginx reader against nginx itself: Debian's `nginx -t` on generated configurations. A
 * seeded generator writes server blocks of nested locations, `set`/`add_header`/`return` with
 * bare, quoted, escaped and `${}` arguments and comments, then mutates some of them (a `;`, a
 * brace or a quote removed or added). Where nginx rejects a configuration with a syntax error
 * (its tokenizer's "unexpected …"), ours must report a problem; where nginx accepts it, ours
 * must report none. nginx's semantic errors (a directive with the wrong number of arguments)
 * decide nothing and are counted, so the test also fails when too few cases are decisive.
 * `-p`, `-e stderr` and `-g 'pid …;'` keep nginx off root paths. `.ci/run` installs nginx; without it
 * this test fails, it does not skip.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseNginx } from '../../../server/src/parse/nginx';
import { seededRandom } from '../seeded-random';

const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const CASES = 240;

const VALUES = ['plain', '"double quoted"', "'single quoted'", '"esc \\" quote"', "'it\\'s'", 'a\\;b', '"a;b{c}"', 'x}y', '$host', '"${host}x"', '${host}', '"#not a comment"', 'a#b', '""', '"tab\\there"', "'multi\nline'"];

function generate(random: () => number): string {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const blank = () => pick([' ', '  ', '\t', '\n', '\r\n', ' # comment\n']);
  const body = (prefix: string, depth: number): string => {
    const parts: string[] = [];
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const kind = random();
      if (kind < 0.3) parts.push(`set $v${i}${blank()}${pick(VALUES)};`);
      else if (kind < 0.55) parts.push(`add_header${blank()}X-H${i} ${pick(VALUES)}${random() < 0.3 ? ' always' : ''};`);
      else if (kind < 0.65) parts.push(`# a comment with ; { } " '\n`);
      else if (depth < 3) {
        const child = `${prefix}/l${depth}${i}`;
        parts.push(`location ${child}${blank()}{${blank()}${body(child, depth + 1)}${blank()}}`);
      } else parts.push(`return 200 ${pick(VALUES)};`);
    }
    return parts.join(blank());
  };
  return `events {}\nhttp {\n  server {\n    listen 8080;\n    ${body('', 0)}\n  }\n}\n`;
}

function mutate(text: string, random: () => number): string {
  let result = text;
  const mutations = Math.floor(random() * 3);
  for (let i = 0; i < mutations; i++) {
    const at = Math.floor(random() * result.length);
    if (random() < 0.5) {
      // Remove the next structural character.
      const next = result.slice(at).search(/[;{}"']/);
      if (next >= 0) result = result.slice(0, at + next) + result.slice(at + next + 1);
    } else {
      result = result.slice(0, at) + ';{}"\'#\\'[Math.floor(random() * 7)] + result.slice(at);
    }
  }
  return result;
}

type Verdict = 'accepted' | 'syntax' | 'other';

function nginxVerdict(directory: string, text: string): { verdict: Verdict; message: string } {
  const file = path.join(directory, 'nginx.conf');
  fs.writeFileSync(file, text);
  const result = spawnSync(NGINX, ['-t', '-q', '-p', directory, '-c', file, '-e', 'stderr', '-g', `pid ${path.join(directory, 'nginx.pid')};`], { encoding: 'utf8', timeout: 30_000 });
  if (result.error) throw new Error(`could not run nginx (${result.error.message}): apt-get install nginx (.ci/run installs it)`);
  if (result.status === 0) return { verdict: 'accepted', message: '' };
  const message = result.stderr.split('\n').find((line) => line.includes('[emerg]')) ?? result.stderr;
  return { verdict: /\] \d+#\d+: (unexpected|unterminated)/.test(message) ? 'syntax' : 'other', message };
}

describe('nginx reader = nginx -t on syntax (Debian nginx)', { timeout: 180_000 }, () => {
  it('is available: nginx on PATH', () => {
    const version = spawnSync(NGINX, ['-v'], { encoding: 'utf8' });
    assert.ok(!version.error && version.status === 0, 'nginx is not installed: apt-get install nginx (.ci/run does it)');
  });

  it(`agrees on ${CASES} generated configurations`, () => {
    const random = seededRandom(1414);
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-nginx-'));
    const counts: Record<Verdict, number> = { accepted: 0, syntax: 0, other: 0 };
    try {
      for (let i = 0; i < CASES; i++) {
        const generated = generate(random);
        const text = random() < 0.45 ? generated : mutate(generated, random);
        const { verdict, message } = nginxVerdict(directory, text);
        counts[verdict]++;
        if (verdict === 'other') continue;
        const ours = parseNginx(text).problems;
        if (verdict === 'accepted') assert.deepEqual(ours, [], `nginx accepts this, we report ${JSON.stringify(ours)}:\n${text}`);
        else assert.ok(ours.length > 0, `nginx rejects this (${message}), we report nothing:\n${text}`);
      }
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
    if (process.env.PREFLIGHT_TRACE_DIFFERENTIAL) console.log(counts);
    // The generator must exercise both sides, or the test proves nothing.
    assert.ok(counts.accepted >= CASES / 4 && counts.syntax >= CASES / 10, `too few decisive cases: ${JSON.stringify(counts)}`);
  });

  it('rejects what nginx rejects, at the place nginx names', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'preflight-nginx-'));
    try {
      const cases = [
        'events {}\nhttp {\n  server {\n    listen 8080;\n',
        'events {}\nhttp {}\n}\n',
        'events {}\nhttp { server { set $a "unterminated; } }\n',
        'events {}\nhttp { server { set $a "x"y; } }\n',
        'events {}\nhttp { server { set $a x } }\n',
        'events {}\nhttp { ; }\n',
        'events {}\nhttp { server { set $a x;\n',
      ];
      for (const text of cases) {
        const { verdict, message } = nginxVerdict(directory, text);
        assert.equal(verdict, 'syntax', `nginx: ${message}`);
        const ours = parseNginx(text).problems;
        assert.ok(ours.length > 0, `we accept ${JSON.stringify(text)}; nginx says ${message}`);
        // nginx names a line; ours starts on it, or (an unclosed block) names the block nginx reaches the end of the file in.
        const line = Number(/:(\d+)\s*$/.exec(message.trim())?.[1]);
        if (!/end of file/.test(message)) assert.equal(ours[0].range.start.line + 1, line, `${JSON.stringify(text)}: nginx says ${message}, we say ${JSON.stringify(ours)}`);
      }
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
