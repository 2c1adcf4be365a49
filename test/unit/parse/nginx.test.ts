import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allDirectives, parseNginx } from '../../../server/src/parse/nginx';

const at = (range: { start: { line: number; character: number } }) => `${range.start.line + 1}:${range.start.character + 1}`;

describe('nginx reader', () => {
  it('reads directives, arguments and blocks with ranges', () => {
    const config = parseNginx('server {\n    listen 80;\n    location /static/ {\n        alias "/srv/my static/";\n    }\n}\n');
    assert.deepEqual(config.problems, []);
    const [server] = config.directives;
    assert.equal(server.name, 'server');
    assert.equal(at(server.range), '1:1');
    assert.equal(server.range.end.line, 5);
    const names = [...allDirectives(config.directives)].map((directive) => `${directive.name}@${at(directive.nameRange)}`);
    assert.deepEqual(names, ['server@1:1', 'listen@2:5', 'location@3:5', 'alias@4:9']);
    const alias = [...allDirectives(config.directives)].find((directive) => directive.name === 'alias')!;
    assert.equal(alias.args[0].value, '/srv/my static/');
    assert.equal(alias.args[0].raw, '"/srv/my static/"');
    assert.equal(at(alias.args[0].range), '4:15');
    assert.equal(alias.parent?.name, 'location');
    assert.equal(alias.parent?.parent, server);
  });

  it('follows nginx on comments, escapes, ${} and braces inside words', () => {
    const config = parseNginx('set $a x}y; # a comment { ;\nset $b a#b;\nset $c "q \\" \\\\ s";\nset $d ${host}x;\nset $e a\\;b;\n');
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.directives.map((directive) => directive.args[1].value), ['x}y', 'a#b', 'q " \\ s', '${host}x', 'a\\;b']);
  });

  it('reads CRLF and a byte order mark', () => {
    const config = parseNginx('\ufeffserver {\r\n    listen 80;\r\n}\r\n');
    assert.deepEqual(config.problems, []);
    assert.equal(config.directives[0].name, 'server');
    assert.equal(at(config.directives[0].block![0].nameRange), '2:5');
    assert.equal(config.directives[0].block![0].args[0].value, '80');
  });

  const malformed: [string, string, RegExp][] = [
    ['server {\n    listen 80;\n', '1:1', /"server" block is never closed/],
    ['server { }\n}\n', '2:1', /no block is open/],
    ['server { set $a "open; }\n', '1:17', /unterminated double-quoted/],
    ["set $a 'open;\n", '1:8', /unterminated single-quoted/],
    ['server { listen 80 }\n', '1:19', /not ended with ";"/],
    ['listen 80', '1:1', /end of file/],
    ['set $a "x"y;\n', '1:11', /after a quoted string/],
    ['{ listen 80; }\n', '1:1', /no directive name/],
    [';\n', '1:1', /no directive name/],
  ];
  for (const [text, where, message] of malformed) {
    it(`reports ${JSON.stringify(text)} at ${where}, without throwing`, () => {
      const config = parseNginx(text);
      assert.ok(config.problems.length > 0, 'no problem reported');
      assert.equal(at(config.problems[0].range), where);
      assert.match(config.problems[0].message, message);
    });
  }

  it('survives arbitrary bytes', () => {
    for (const text of ['', '}}}}', '{{{{', '"', "'", '\\', '#', '${', '\u0000\uffff', 'a'.repeat(10000) + '{'.repeat(500)]) parseNginx(text);
  });
});
