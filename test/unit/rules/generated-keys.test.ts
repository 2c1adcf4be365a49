/** Generated keys and passwords, what every "generate" fix writes. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { lintFile } from '../../../server/src/engine/runner';
import { createProjectModel } from '../../../server/src/project/model';
import { rules } from '../../../server/src/rules';
import { generateSecretKey } from '../../../server/src/rules/shared/secrets';

it('10,000 generated keys are unique, 64 letters and digits, and pass every secret rule', () => {
  const keys = Array.from({ length: 10_000 }, () => generateSecretKey());
  assert.equal(new Set(keys).size, keys.length);
  for (const key of keys) assert.match(key, /^[A-Za-z0-9]{64}$/);
  // Every rule of the registry, on the key as cookiecutter's production env file holds it:
  // the secret rules judge it, and the hygiene rules (quoting, $ and #) have nothing to say.
  const flagged: string[] = [];
  // The last one is a control: the same check must flag a development key.
  for (const key of [...keys, 'django-insecure-abc']) {
    const model = createProjectModel('/p', [{ path: '/p/.envs/.production/.django', text: `DJANGO_SECRET_KEY=${key}\n`, skipped: null, notice: null }]);
    // Findings about the value itself start after `=`; the file-level ones (HSTS, Sentry) sit at 1:1.
    const findings = lintFile(model, model.files[0], { rules }).filter((finding) => finding.range.start.character >= 'DJANGO_SECRET_KEY='.length);
    if (findings.length > 0) flagged.push(`${key}: ${findings.map((finding) => finding.code).join(', ')}`);
  }
  assert.deepEqual(flagged, ['django-insecure-abc: DJ103']);
});

it('generated passwords have the length asked for, from the same alphabet', () => {
  for (let i = 0; i < 1000; i++) assert.match(generateSecretKey(32), /^[A-Za-z0-9]{32}$/);
});
