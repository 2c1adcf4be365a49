/**
 * Re-reading only the edited service of a compose file must give exactly what a full parse gives:
 * seeded random edits (digits, letters, spaces, line breaks, YAML punctuation, anchors, aliases,
 * tabs), each applied to the previous text, compared with parseCompose of the same text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCompose } from '../../../server/src/parse/compose';
import { reparseCompose } from '../../../server/src/parse/compose-reparse';
import { seededRandom } from '../seeded-random';

const SERVICE_SHAPES = [
  (i: number) => [`  web${i}:`, `    image: registry.example.com/app:1.${i}`, '    environment:', `      INDEX: "${i}"`, '      DJANGO_DEBUG: "False"', '    ports:', `      - "${8000 + i}:8000"`],
  (i: number) => [`  "quoted${i}":`, '    # a comment inside', '    env_file:', '      - ./.envs/.production/.django', '      - path: ./.env', '        required: false', '    command: ["gunicorn", "config.wsgi"]'],
  (i: number) => [`  worker${i}:`, '    build: {context: ., dockerfile: Dockerfile}', '    environment:', `      - CELERY_BROKER_URL=redis://redis:6379/${i}`, '      - PASSTHROUGH', '    labels:', '      traefik.enable: "true"'],
  (i: number) => [`  script${i}:`, '    image: alpine', '    entrypoint: |', '      set -e', '      echo "hello"', '', '    healthcheck:', '      test: ["CMD", "true"]', '    restart: unless-stopped'],
  (i: number) => [`  odd${i}: 5`],
];

function composeText(random: () => number): string {
  const lines = ['# production stack', 'services:'];
  const count = 2 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    lines.push(...SERVICE_SHAPES[Math.floor(random() * SERVICE_SHAPES.length)](i));
    if (random() < 0.3) lines.push('');
    if (random() < 0.2) lines.push('# between services');
  }
  if (random() < 0.5) lines.push('volumes:', '  data: {}');
  return `${lines.join('\n')}\n`;
}

const CHARACTERS = ['1', '7', 'a', 'Z', ' ', ' ', '\n', ':', '#', '-', '"', "'", '&a', '*a', '<<: *a', '\t', '{', '[', '=', '$', '}'];

function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const roll = random();
  // Typing in a value: a letter or digit becomes another one.
  if (roll < 0.6) return /[A-Za-z0-9]/.test(text[at] ?? '') ? text.slice(0, at) + (random() < 0.5 ? 'x' : '42') + text.slice(at + 1) : text;
  if (roll < 0.75) return text.slice(0, at) + CHARACTERS[Math.floor(random() * CHARACTERS.length)] + text.slice(at + 1);
  if (roll < 0.9) return text.slice(0, at) + CHARACTERS[Math.floor(random() * CHARACTERS.length)] + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
}

describe('compose reader: re-reading the edited service only', () => {
  it('equals a full parse after every one of 2,400 seeded random edits', () => {
    let reused = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const random = seededRandom(seed);
      let text = composeText(random);
      let previous = parseCompose(text);
      for (let step = 0; step < 40; step++) {
        // Mostly one-character edits inside services, as when typing; sometimes a new file.
        text = random() < 0.1 ? composeText(random) : edit(text, random);
        const incremental = reparseCompose(previous, text);
        assert.deepEqual(incremental, parseCompose(text), `seed ${seed}, step ${step}: ${JSON.stringify(text)}`);
        if (previous.services.length > 1 && incremental.services[0] === previous.services[0]) reused++;
        previous = incremental;
      }
    }
    // The differential means something only if the incremental path was taken often.
    assert.ok(reused > 400, `services reused in only ${reused} edits`);
  });

  it('keeps the services before the edit and moves the offsets of those after it', () => {
    const text = 'services:\n  a:\n    image: one\n  b:\n    image: two\n  c:\n    environment:\n      - KEY=value\n';
    const previous = parseCompose(text);
    const edited = text.replace('image: two', 'image: twelve');
    const next = reparseCompose(previous, edited);
    assert.equal(next.services[0], previous.services[0]);
    assert.equal(next.services[1].image?.text, 'twelve');
    const moved = next.services[2].environment[0].value!;
    assert.equal(edited.slice(moved.verbatimStart!, moved.verbatimStart! + moved.text.length), 'value');
    assert.deepEqual(next, parseCompose(edited));
  });

  it('parses the whole file when the previous one had aliases or merge keys', () => {
    const text = 'x-base: &base\n  image: app\nservices:\n  a:\n    <<: *base\n  b:\n    image: two\n';
    const previous = parseCompose(text);
    const edited = text.replace('image: two', 'image: tw0');
    const next = reparseCompose(previous, edited);
    assert.notEqual(next.services[0], previous.services[0]);
    assert.deepEqual(next, parseCompose(edited));
  });
});
