/**
 * parseEnv runs dotenv's expression without the `d` flag (V8 is markedly slower with it) and derives
 * the key and value offsets itself: they must be exactly the indices `d` gives, on seeded random
 * env text full of the expression's hard cases (export prefixes, `:` separators, spaces and tabs
 * around `=`, quotes of each kind, multi-line values, comments, blank lines, unicode spaces).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dotenvMatchIndices, parseEnv } from '../../../server/src/parse/env';
import { seededRandom } from '../seeded-random';

const SOURCE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/.source;

const PIECES = ['export', 'export ', ' ', '  ', '\t', '\n', '\n\n', '=', ' = ', ':', ': ', ':  ', 'KEY', 'export.x', 'A_1', "'", '"', '`', "'a b'", '"x\\ny"', '`t`', '#', ' # note', 'value', 'a=b', '\u00a0', '\uFEFF', '\\', '-', '.'];

function randomText(random: () => number): string {
  let text = '';
  const pieces = 1 + Math.floor(random() * 40);
  for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

describe('env parse: match indices without the d flag', () => {
  it('equal the d flag indices on 40,000 seeded random texts', () => {
    const random = seededRandom(1207);
    let matches = 0;
    for (let i = 0; i < 40000; i++) {
      const text = randomText(random);
      const withIndices = [...text.matchAll(new RegExp(SOURCE, 'dgm'))];
      const without = [...text.matchAll(new RegExp(SOURCE, 'gm'))];
      assert.equal(without.length, withIndices.length);
      without.forEach((match, index) => {
        const expected = withIndices[index].indices!;
        assert.deepEqual(dotenvMatchIndices(text, match).slice(0, 3), [expected[0], expected[1], expected[2]], JSON.stringify(text));
        matches++;
      });
    }
    assert.ok(matches > 8000, `only ${matches} matches`);
  });

  it('parses values and ranges as before on export, colon and spaced forms', () => {
    const env = parseEnv("export  KEY = 'a b' # c\nexport export=1\nexport =2\nCOLON: x y\nE=\n");
    assert.deepEqual(env.entries.map((entry) => [entry.key, entry.value, entry.exported, entry.keyRange.start.character, entry.valueRange.start.character, entry.valueRange.end.character]), [
      ['KEY', 'a b', true, 8, 14, 19],
      ['export', '1', true, 7, 14, 15],
      ['export', '2', false, 0, 8, 9],
      ['COLON', 'x y', false, 0, 7, 10],
      ['E', '', false, 0, 2, 2],
    ]);
  });
});
