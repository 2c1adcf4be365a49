/**
 * ESLint-style rule tables: a rule's whole contract in one screen.
 *
 *   ruleTester(rule, {
 *     valid: [{ text: 'DJANGO_DEBUG=False\n' }],
 *     invalid: [{ text: 'DJANGO_DEBUG=True\n', errors: [{ line: 1, column: 14 }], output: 'DJANGO_DEBUG=False\n' }],
 *   });
 *
 * Each case is linted as a one-file project (plus `files` for cross-file rules) through the
 * real engine, so context, severity and suppressions apply exactly as in the product.
 * The default path is cookiecutter's production env file, a production context.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Finding, LintOptions, lintFile } from '../../server/src/engine/runner';
import { createProjectModel } from '../../server/src/project/model';
import { Fix, Rule, Severity } from '../../server/src/rules/rule';
import { applyEdits } from '../../server/src/engine/fix-all';
import { CATALOG_QUICK_FIXES, KIND_HOOKS, QUICK_FIX_EXCEPTIONS } from './rules/catalog-quick-fixes';

export const ROOT = '/project';
export const DEFAULT_PATH = '.envs/.production/.django';

export interface ValidCase {
  name?: string;
  /** Relative to the project root; defaults to `.envs/.production/.django`. */
  path?: string;
  text: string;
  /** Other files of the project, relative path -> text. */
  files?: Record<string, string>;
  options?: LintOptions;
  /** The Django the project runs, as `--django-version` gives it (`5.2`, `5.2.8`); absent: found or assumed. */
  djangoVersion?: string;
  /** Why the file reader skipped this file, or what it noticed (binary, too large, bad UTF-8). */
  skipped?: string;
  notice?: string;
  /**
   * What git says of the project's files; absent means "not a git repository". The root
   * .gitignore's text is `files['.gitignore']` (none when absent).
   */
  git?: { tracked?: string[]; ignored?: string[]; source?: 'git' | 'gitignore' };
  /**
   * Rules that run alongside (their findings are not asserted): for rules that judge what
   * other rules reported, such as unused suppression directives.
   */
  alsoRun?: Rule[];
}

export interface ExpectedError {
  /** 1-based, like an editor shows. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  /** A substring or pattern the message must match. */
  message?: string | RegExp;
  /**
   * The finding's related information. An array lists all of it, in order (a root cause reported
   * once: the other places it was seen), `path` relative to the root, defaulting to the case's
   * path; a single entry names one place that must be among them (its 1-based line and a
   * substring of its message).
   */
  related?: { path?: string; line: number; message?: string | RegExp }[] | { message: string; line: number };
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /**
   * The file's text after applying the first fix of the first finding (a pattern where the fix
   * writes something random, such as a generated key). The tester then lints that text again
   * and asserts the fix repaired what it was offered for.
   */
  output?: string | RegExp;
  /** Which fix of the first finding `output` applies, when it offers several; 0 by default. */
  fix?: number;
  /** Other files the fix edits or creates, relative path -> text after it (cross-file fixes). */
  outputFiles?: Record<string, string | RegExp>;
  /** What git says once the fix is applied, for the re-lint (a fix to .gitignore changes it). */
  gitAfterFix?: ValidCase['git'];
  /** A secret value that must not appear in any message. */
  secret?: string;
}

export function lintCase(rule: Rule, testCase: ValidCase): Finding[] {
  const path = testCase.path ?? DEFAULT_PATH;
  const all = { ...testCase.files, [path]: testCase.text };
  const sources = Object.entries(all).map(([relative, text]) => {
    const own = relative === path;
    const skipped = own && testCase.skipped ? testCase.skipped : null;
    return { path: `${ROOT}/${relative}`, text: skipped ? null : text, skipped, notice: own ? testCase.notice ?? null : null };
  });
  const git = testCase.git
    ? {
        source: testCase.git.source,
        tracked: new Set(testCase.git.tracked ?? []),
        ignored: new Set(testCase.git.ignored ?? []),
        gitignore: testCase.files?.['.gitignore'] ?? null,
      }
    : null;
  const project = createProjectModel(ROOT, sources, testCase.djangoVersion ? { djangoVersion: testCase.djangoVersion } : {}, git);
  const file = project.get(`${ROOT}/${path}`);
  assert.ok(file, `${path} is not a file kind Preflight reads`);
  const alsoRun = (testCase.alsoRun ?? []).filter((other) => other !== rule);
  return lintFile(project, file, { ...testCase.options, rules: [rule, ...alsoRun] }).filter((finding) => finding.code === rule.meta.code);
}

/** The case's files after a fix, by relative path. */
function filesAfterFix(testCase: InvalidCase, fix: Fix): Record<string, string> {
  const path = testCase.path ?? DEFAULT_PATH;
  const files: Record<string, string> = { ...testCase.files, [path]: testCase.text };
  // A file the case expects the fix to create starts empty.
  for (const relative of Object.keys(testCase.outputFiles ?? {})) files[relative] ??= '';
  for (const [relative, text] of Object.entries(files)) {
    files[relative] = applyEdits(text, fix.edits.filter((edit) => edit.path === `${ROOT}/${relative}`));
  }
  const strays = fix.edits.filter((edit) => !Object.keys(files).some((relative) => edit.path === `${ROOT}/${relative}`));
  assert.deepEqual(strays.map((edit) => edit.path), [], 'the fix edits files the case does not have');
  return files;
}

function assertText(actual: string, expected: string | RegExp, what: string): void {
  if (typeof expected === 'string') assert.equal(actual, expected, what);
  else assert.match(actual, expected, `${what}: ${JSON.stringify(actual)}`);
}

function kindOf(relativePath: string, text: string): string | undefined {
  return createProjectModel(ROOT, [{ path: `${ROOT}/${relativePath}`, text, skipped: null, notice: null }]).files[0]?.kind;
}

function describeCase(testCase: ValidCase): string {
  return testCase.name ?? JSON.stringify(testCase.text.length > 70 ? testCase.text.slice(0, 70) + '…' : testCase.text);
}

export function ruleTester(rule: Rule, table: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`${rule.meta.code} ${rule.meta.name}`, () => {
    assert.ok(table.valid.length > 0 && table.invalid.length > 0, 'a rule table needs valid and invalid cases');

    describe('valid', () => {
      for (const testCase of table.valid) {
        it(describeCase(testCase), () => {
          const findings = lintCase(rule, testCase);
          assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`), []);
        });
      }
    });

    const quickFix = CATALOG_QUICK_FIXES[rule.meta.code];
    it(`offers the catalog's quick fix (${quickFix ?? 'none'})`, () => {
      assert.ok(rule.meta.code in CATALOG_QUICK_FIXES, `${rule.meta.code} has no row in test/unit/rules/catalog-quick-fixes.ts`);
      if (quickFix === null || QUICK_FIX_EXCEPTIONS[rule.meta.code]) return;
      const fixedKinds = new Set(
        table.invalid.filter((testCase) => testCase.output !== undefined).map((testCase) => kindOf(testCase.path ?? DEFAULT_PATH, testCase.text)),
      );
      for (const [hook, kind] of Object.entries(KIND_HOOKS)) {
        if (typeof (rule as unknown as Record<string, unknown>)[hook] !== 'function' || QUICK_FIX_EXCEPTIONS[`${rule.meta.code}:${kind}`]) continue;
        assert.ok(
          kind === 'any' ? fixedKinds.size > 0 : fixedKinds.has(kind),
          `no invalid case in a ${kind} file has an output: add one, or an exception with its reason in test/unit/rules/catalog-quick-fixes.ts`,
        );
      }
    });

    describe('invalid', () => {
      for (const testCase of table.invalid) {
        it(describeCase(testCase), () => {
          const findings = lintCase(rule, testCase);
          assert.equal(findings.length, testCase.errors.length, `expected ${testCase.errors.length} finding(s), got: ${findings.map((f) => f.message).join(' | ')}`);
          testCase.errors.forEach((expected, index) => {
            const finding = findings[index];
            assert.equal(finding.code, rule.meta.code);
            assert.deepEqual(
              { line: finding.range.start.line + 1, column: finding.range.start.character + 1 },
              { line: expected.line, column: expected.column },
              `position of finding ${index}: ${finding.message}`,
            );
            if (expected.endLine !== undefined) assert.equal(finding.range.end.line + 1, expected.endLine);
            if (expected.endColumn !== undefined) assert.equal(finding.range.end.character + 1, expected.endColumn);
            if (expected.severity) assert.equal(finding.severity, expected.severity);
            if (typeof expected.message === 'string') assert.ok(finding.message.includes(expected.message), `"${finding.message}" lacks "${expected.message}"`);
            if (expected.message instanceof RegExp) assert.match(finding.message, expected.message);
            if (Array.isArray(expected.related)) {
              const related = finding.related ?? [];
              const shown = related.map((place) => `${place.path.slice(ROOT.length + 1)}:${place.range.start.line + 1} ${place.message}`);
              assert.equal(related.length, expected.related.length, `related of finding ${index}: ${shown.join(' | ')}`);
              expected.related.forEach((want, at) => {
                assert.equal(shown[at].split(' ')[0], `${want.path ?? testCase.path ?? DEFAULT_PATH}:${want.line}`, `related ${at}: ${shown[at]}`);
                if (typeof want.message === 'string') assert.ok(related[at].message.includes(want.message), `"${related[at].message}" lacks "${want.message}"`);
                if (want.message instanceof RegExp) assert.match(related[at].message, want.message);
              });
            }
            if (testCase.secret) assert.ok(!finding.message.includes(testCase.secret), `message shows the secret: ${finding.message}`);
            if (expected.related && !Array.isArray(expected.related)) {
              const one = expected.related;
              const related = (finding.related ?? []).map((item) => `${item.range.start.line + 1} ${item.message}`);
              assert.ok(related.some((item) => item.startsWith(`${one.line} `) && item.includes(one.message)), `no related "${one.message}" at line ${one.line}: ${related.join(' | ')}`);
            }
          });
          if (testCase.output !== undefined) {
            const fix = findings[0].fixes[testCase.fix ?? 0];
            assert.ok(fix, 'expected a fix');
            assert.ok(fix.title.length > 0, 'a fix has a title');
            const path = testCase.path ?? DEFAULT_PATH;
            const after = filesAfterFix(testCase, fix);
            assertText(after[path], testCase.output, 'the text after the fix');
            for (const [relative, expected] of Object.entries(testCase.outputFiles ?? {})) assertText(after[relative], expected, `${relative} after the fix`);
            const { [path]: text, ...files } = after;
            // The fix must repair what it was offered for: one problem, none left; several, fewer left.
            const again = lintCase(rule, { ...testCase, text, files, git: testCase.gitAfterFix ?? testCase.git });
            const left = again.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);
            if (findings.length === 1) assert.deepEqual(left, [], 'the rule still reports after its fix');
            else assert.ok(again.length < findings.length, `the fix left every problem in place: ${left.join(' | ')}`);
          }
        });
      }
    });
  });
}
