/**
 * Duplicate keys: the compose reader parses with yaml's `uniqueKeys` check off (it is quadratic in
 * the keys of a mapping) and finds duplicates itself. Differential against yaml's own check: the
 * same problems, with the same messages and ranges, as before the change.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { parseCompose } from '../../../server/src/parse/compose';
import { SourceText } from '../../../server/src/parse/source-text';
import { seededRandom } from '../seeded-random';

/** What the reader reported when yaml checked keys itself: its errors, in its order, the first 20. */
function yamlOwnProblems(text: string) {
  const source = new SourceText(text);
  const doc = parseDocument(text, { merge: true, prettyErrors: false, keepSourceTokens: false });
  return doc.errors.slice(0, 20).map((error) => ({ message: `YAML syntax error: ${error.message.split('\n')[0]}`, range: source.rangeOf(error.pos[0], error.pos[1]) }));
}

function syntaxProblems(text: string) {
  return parseCompose(text).problems.filter((problem) => problem.message.startsWith('YAML syntax error'));
}

const CASES = [
  'services:\n  django:\n    image: app:1.0\n    image: app:2.0\n',
  'services:\n  web:\n    image: a\n  web:\n    image: b\n',
  'a: 1\na: 2\na: 3\n',
  'a: &x 1\n&y a: 2\n',
  '!!str a: 1\na: 2\n',
  '"a": 1\na: 2\n',
  "'a': 1\n\"a\": 2\n",
  '~: 1\nnull: 2\n',
  '1: x\n"1": y\n',
  '1: x\n1.0: y\n',
  'true: x\n"true": y\ntrue: z\n',
  '.nan: 1\n.nan: 2\n',
  '<<: {a: 1}\n<<: {b: 2}\nc: 1\n',
  'x: &base {a: 1}\ny:\n  <<: *base\n  a: 2\n  a: 3\n',
  '{a: 1, a: 2}\n',
  'services: {web: {image: a, image: b}}\n',
  '? [a]\n: 1\n? [a]\n: 2\n',
  '? {a: 1, a: 2}\n: x\n',
  'a:\n  b: 1\n  b: 2\na: 3\n',
  'services:\n  web:\n    environment:\n      - A=1\n      - A=2\n',
  'services:\n  web:\n    environment:\n      A: 1\n      A: 2\n    labels: {A: 1, A: 2}\n',
  'a: 1\na: 2\nb: [\n',
  'b: [\na: 1\na: 2\n',
  'a: 1\n---\na: 1\n',
];

describe('compose reader: duplicate keys', () => {
  it('reports the duplicates yaml reported, with the same messages and ranges', () => {
    for (const text of CASES) assert.deepEqual(syntaxProblems(text), yamlOwnProblems(text), JSON.stringify(text));
  });

  it('agrees with yaml on seeded random mappings (nesting, flow style, quoting, anchors, merge keys)', () => {
    const random = seededRandom(8);
    const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
    const keys = ['a', 'b', '"a"', "'b'", '1', '"1"', 'null', '~', 'true', '<<', '&k a', '!!str b', '? c'];
    const scalar = () => pick(['1', 'x', '"y"', 'null', '*k', '{a: 1, a: 2}', '{a: 1}', '[1, 2]']);
    const block = (depth: number, indent: string): string[] => {
      const lines: string[] = [];
      const count = 1 + Math.floor(random() * 5);
      for (let i = 0; i < count; i++) {
        const key = pick(keys);
        if (depth < 3 && random() < 0.35) lines.push(`${indent}${key}:`, ...block(depth + 1, `${indent}  `));
        else lines.push(`${indent}${key}: ${scalar()}`);
      }
      return lines;
    };
    for (let i = 0; i < 600; i++) {
      const text = `${block(0, '').join('\n')}\n`;
      assert.deepEqual(syntaxProblems(text), yamlOwnProblems(text), JSON.stringify(text));
    }
  });

  it('a file with a duplicate service is not analysed; one without is, in one pass over many services', () => {
    const services = Array.from({ length: 3000 }, (_, i) => `  service${i}:\n    image: app:${i}\n`).join('');
    const readable = parseCompose(`services:\n${services}`);
    assert.equal(readable.readable, true);
    assert.equal(readable.services.length, 3000);
    const duplicated = parseCompose(`services:\n${services}  service7:\n    image: again\n`);
    assert.equal(duplicated.readable, false);
    assert.deepEqual(duplicated.problems.map((problem) => [problem.message, problem.range.start.line]), [['YAML syntax error: Map keys must be unique', 6001]]);
  });
});
