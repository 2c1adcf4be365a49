/** Every rule is complete: unique ids, metadata, a docs page, a test table, and a row in the generated tables. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findRule, rules } from '../../../server/src/rules';
import { docsFileName } from '../../../server/src/rules/rule';
import { ruleKinds, ruleTableMarkdown, withRuleTable } from '../../../server/src/rules/rule-table';

const REPO = path.resolve(__dirname, '../../../..');

describe('rule registry', () => {
  it('has unique codes and names', () => {
    assert.equal(new Set(rules.map((r) => r.meta.code)).size, rules.length);
    assert.equal(new Set(rules.map((r) => r.meta.name)).size, rules.length);
  });

  it('registers every rule file in server/src/rules', () => {
    const files = fs.readdirSync(path.join(REPO, 'server/src/rules')).filter((file) => /^DJ\d{3}-.*\.ts$/.test(file));
    assert.deepEqual(files.map((file) => file.replace(/\.ts$/, '.md')).sort(), rules.map((r) => docsFileName(r.meta)).sort());
  });

  it('keeps server/src/rules a catalog: rule files, the registry and the rule type; what rules share is in shared/', () => {
    const entries = fs.readdirSync(path.join(REPO, 'server/src/rules'), { withFileTypes: true });
    const others = entries.filter((entry) => !(entry.isFile() && /^DJ\d{3}-.*\.ts$/.test(entry.name))).map((entry) => entry.name);
    assert.deepEqual(others.sort(), ['index.ts', 'rule-table.ts', 'rule.ts', 'shared']);
  });

  for (const rule of rules) {
    describe(`${rule.meta.code} ${rule.meta.name}`, () => {
      it('has well-formed metadata', () => {
        assert.match(rule.meta.code, /^DJ\d{3}$/);
        assert.match(rule.meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(rule.meta.description.length > 20 && rule.meta.description.endsWith('.'), 'a one-sentence description');
        assert.ok(rule.meta.checklistItem.length > 0);
        assert.ok(rule.meta.djangoCheck === null || /^[\w]+\.[EW]\d{3}$/.test(rule.meta.djangoCheck), rule.meta.djangoCheck ?? '');
        assert.ok(ruleKinds(rule).length > 0, 'implements at least one check');
        assert.equal(findRule(rule.meta.code), rule);
        assert.equal(findRule(rule.meta.name), rule);
      });

      it('has a docs page with the standard sections', () => {
        const page = path.join(REPO, 'docs/rules', docsFileName(rule.meta));
        assert.ok(fs.existsSync(page), `missing ${page}`);
        const text = fs.readFileSync(page, 'utf8');
        assert.ok(text.startsWith(`# ${rule.meta.code} ${rule.meta.name}\n`), 'title');
        for (const section of ['## What it flags', '## Why it matters', '## Examples', '## Fix']) assert.ok(text.includes(section), `lacks ${section}`);
      });

      it('has a rule-tester table', () => {
        const table = path.join(REPO, 'test/unit/rules', `${rule.meta.code}-${rule.meta.name}.test.ts`);
        assert.ok(fs.existsSync(table), `missing ${table}`);
        assert.match(fs.readFileSync(table, 'utf8'), /ruleTester\(rule, \{[\s\S]*valid: \[[\s\S]*invalid: \[/);
      });
    });
  }

  it('README and docs/rules/README.md hold the current generated table (npm run docs)', () => {
    for (const [file, prefix] of [['README.md', 'docs/rules/'], ['docs/rules/README.md', './']]) {
      const text = fs.readFileSync(path.join(REPO, file), 'utf8');
      assert.equal(text, withRuleTable(text, ruleTableMarkdown(rules, prefix)), `${file} is stale: run npm run docs`);
    }
  });
});
