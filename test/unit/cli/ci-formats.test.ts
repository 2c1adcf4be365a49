/** The outputs CI systems read (github, gitlab, junit, sarif), each on examples/ through the bundled CLI. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { escapeData, escapeProperty, formatGithub } from '../../../server/src/cli/format-github';
import { JsonFinding } from '../../../server/src/cli/format-json';
import { formatJunit } from '../../../server/src/cli/format-junit';
import { formatSarif } from '../../../server/src/cli/format-sarif';
import { rules } from '../../../server/src/rules';
import { docsFileName } from '../../../server/src/rules/rule';
import { REPO, preflight, writeProject } from './bundled-cli';

const examplesJson = (): JsonFinding[] => JSON.parse(preflight(['--format', 'json', 'examples']).stdout);

/** A finding as the JSON has it, for formatter cases the examples do not hold. */
function constructed(overrides: Partial<JsonFinding> = {}): JsonFinding {
  return {
    file: 'config/settings/production.py', line: 3, column: 1, endLine: 3, endColumn: 12, severity: 'error', code: 'DJ201', name: 'debug-enabled',
    message: 'DEBUG = True', djangoCheck: 'security.W018', checklistItem: 'DEBUG is off in production', fixable: true, context: 'production: named by --settings',
    related: [],
    ...overrides,
  };
}

describe('--format github', () => {
  it('escapes data and properties as the runner decodes them', () => {
    assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
    assert.equal(escapeProperty('C:\\a,b%\n'), 'C%3A\\a%2Cb%25%0A');
  });

  it('examples: one workflow command per finding, the same places and messages as the JSON', () => {
    const json = examplesJson();
    const { status, stdout } = preflight(['--format', 'github', 'examples']);
    assert.equal(status, 1);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, json.length);
    const unescape = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    lines.forEach((line, index) => {
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      assert.ok(match, line);
      const properties = Object.fromEntries(match[2].split(',').map((pair) => pair.split('=')).map(([key, value]) => [key, unescape(value)]));
      const f = json[index];
      assert.equal(match[1], { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' }[f.severity]);
      assert.deepEqual(properties, { file: f.file, line: String(f.line), col: String(f.column), endLine: String(f.endLine), endColumn: String(f.endColumn), title: `${f.code} ${f.name}` });
      assert.equal(unescape(match[3]), f.message);
    });
    assert.match(stdout, /^::error file=examples\/\.envs\/\.production\/\.django,line=4,col=14,endLine=4,endColumn=18,title=DJ201 debug-enabled::DEBUG is True \(DJANGO_DEBUG=True/m);
  });

  it('a message with a newline and a path with a comma stay one command', () => {
    const out = formatGithub([constructed({ file: 'a,b:c.env', message: 'first\nsecond 50%' })]);
    assert.equal(out, '::error file=a%2Cb%3Ac.env,line=3,col=1,endLine=3,endColumn=12,title=DJ201 debug-enabled::first%0Asecond 50%25\n');
  });
});

describe('--format gitlab', () => {
  it('examples: a Code Quality issue per finding with GitLab severities and distinct fingerprints', () => {
    const json = examplesJson();
    const issues = JSON.parse(preflight(['--format', 'gitlab', 'examples']).stdout);
    assert.equal(issues.length, json.length);
    issues.forEach((issue: Record<string, any>, index: number) => {
      const f = json[index];
      assert.deepEqual(Object.keys(issue).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      assert.equal(issue.check_name, `${f.code} ${f.name}`);
      assert.ok(issue.description.startsWith(f.message));
      assert.equal(issue.severity, { error: 'critical', warning: 'major', info: 'minor', hint: 'info' }[f.severity]);
      assert.deepEqual(issue.location, { path: f.file, lines: { begin: f.line, end: f.endLine } });
      assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
    });
    assert.equal(new Set(issues.map((issue: { fingerprint: string }) => issue.fingerprint)).size, issues.length);
  });

  it('a fingerprint survives lines moving above the finding, and changes with the file', () => {
    const fingerprint = (root: string) => JSON.parse(preflight(['--format', 'gitlab', '--context', 'production', '.'], root).stdout).find((issue: { check_name: string }) => issue.check_name.startsWith('DJ202'));
    const before = fingerprint(writeProject({ '.env': 'DEBUG=True\n' }));
    const moved = fingerprint(writeProject({ '.env': '# settings for the box\n\nDEBUG=True\n' }));
    const elsewhere = fingerprint(writeProject({ 'other.env': 'DEBUG=True\n' }));
    assert.equal(moved.location.lines.begin, before.location.lines.begin + 2);
    assert.equal(moved.fingerprint, before.fingerprint);
    assert.notEqual(elsewhere.fingerprint, before.fingerprint);
  });
});

/** Parses JUnit XML with Python's standard library (a real XML parser) and returns what it read. */
function parseXml(xml: string): { suites: { name: string; tests: string; cases: { name: string; classname: string; type: string; message: string; text: string }[] }[] } {
  const script = `
import json, sys, xml.etree.ElementTree as ET
root = ET.fromstring(sys.stdin.buffer.read())
print(json.dumps({"suites": [{"name": s.get("name"), "tests": s.get("tests"), "cases": [
  {"name": c.get("name"), "classname": c.get("classname"), "type": c.find("failure").get("type"), "message": c.find("failure").get("message"), "text": c.find("failure").text}
  for c in s.findall("testcase")]} for s in root.findall("testsuite")]}))`;
  const result = spawnSync('/usr/bin/python3', ['-c', script], { input: xml, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout);
}

describe('--format junit', () => {
  it('examples: valid XML, a testsuite per file and a failing testcase per finding', () => {
    const json = examplesJson();
    const { status, stdout } = preflight(['--format', 'junit', 'examples']);
    assert.equal(status, 1);
    const parsed = parseXml(stdout);
    assert.deepEqual(parsed.suites.map((suite) => suite.name), [...new Set(json.map((f) => f.file))]);
    const cases = parsed.suites.flatMap((suite) => suite.cases);
    assert.equal(cases.length, json.length);
    cases.forEach((testcase, index) => {
      const f = json[index];
      assert.equal(testcase.name, `${f.code} ${f.name} at ${f.line}:${f.column}`);
      assert.equal(testcase.classname, f.file);
      assert.equal(testcase.type, f.severity);
      assert.equal(testcase.message, f.message);
    });
  });

  it('escapes markup, quotes, newlines and characters XML cannot carry', () => {
    const message = 'a <b> & "c" \'d\'\nline two\u0001 \ud800';
    const parsed = parseXml(formatJunit([constructed({ file: 'x&y<z>.env', message })]));
    assert.equal(parsed.suites[0].name, 'x&y<z>.env');
    assert.equal(parsed.suites[0].cases[0].message, 'a <b> & "c" \'d\'\nline two\ufffd \ufffd');
    assert.match(parsed.suites[0].cases[0].text, /^error x&y<z>\.env:3:1 DJ201 debug-enabled\na <b> & "c"/);
  });

  it('no finding: an empty, valid report', () => {
    assert.deepEqual(parseXml(formatJunit([])), { suites: [] });
  });
});

describe('--format sarif', () => {
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema's one language-tag pattern is not valid in Unicode mode; its URI formats are checked by URL parsing.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (text: string) => URL.canParse(text));
  ajv.addFormat('uri-reference', (text: string) => URL.canParse(text, 'file:///base/'));
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  const validate = ajv.compile(schema);
  const valid = (sarif: unknown) => {
    const ok = validate(sarif);
    return ok ? 'valid' : JSON.stringify(validate.errors?.slice(0, 5), null, 2);
  };

  it('the validator rejects what the schema forbids', () => {
    assert.notEqual(valid({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), 'valid', 'a driver needs a name');
    assert.notEqual(valid({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] }), 'valid');
    assert.notEqual(valid({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, originalUriBaseIds: { R: { uri: 'http://[::1' } } }] }), 'valid');
  });

  it('examples: validates against the SARIF 2.1.0 schema; paths relative to the repository root', () => {
    const { stdout } = preflight(['--format', 'sarif', 'examples']);
    const sarif = JSON.parse(stdout);
    assert.equal(valid(sarif), 'valid');
    const run = sarif.runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${REPO}/`);
    for (const result of run.results) {
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.match(result.locations[0].physicalLocation.artifactLocation.uri, /^examples\//);
    }
    // Run from a subfolder, the paths are still the repository's.
    const inside = JSON.parse(preflight(['--format', 'sarif', '.'], path.join(REPO, 'examples')).stdout);
    assert.deepEqual(inside.runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri), run.results.map((r: any) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.equal(inside.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `file://${REPO}/`);
  });

  it('rules carry tags, security-severity on security rules, and their documentation page as help.markdown', () => {
    const driver = JSON.parse(preflight(['--format', 'sarif', 'examples']).stdout).runs[0].tool.driver;
    assert.equal(driver.rules.length, rules.length);
    const byId = new Map(driver.rules.map((rule: any) => [rule.id, rule]));
    const rule = (code: string): any => byId.get(code);
    assert.deepEqual(rule('DJ101').properties.tags, ['security', 'secrets', 'django']);
    assert.equal(rule('DJ101').properties['security-severity'], '9.0');
    assert.equal(rule('DJ201').properties['security-severity'], '7.5');
    assert.equal(rule('DJ302').properties['security-severity'], '5.0');
    assert.equal(rule('DJ404').properties['security-severity'], '3.0');
    // Hygiene is no security weakness: GitHub lists it with the ordinary alerts.
    assert.deepEqual(rule('DJ801').properties.tags, ['hygiene', 'django']);
    assert.ok(!('security-severity' in rule('DJ801').properties));
    for (const { meta } of rules) {
      const page = fs.readFileSync(path.join(REPO, 'docs/rules', docsFileName(meta)), 'utf8');
      const { help } = rule(meta.code);
      assert.ok(help.markdown.startsWith(`# ${meta.code} ${meta.name}`), meta.code);
      assert.equal(help.markdown.length >= page.length, true);
      // Links to sibling pages point at the published docs.
      assert.doesNotMatch(help.markdown, /\]\((\.\/)?[\w-]+\.md/, meta.code);
      const score = rule(meta.code).properties['security-severity'];
      assert.ok(score === undefined || (Number(score) >= 0 && Number(score) <= 10), meta.code);
    }
    assert.match(rule('DJ901').help.markdown, /\[README\.md\]\(https:\/\/github\.com\/django-preflight\/django-preflight\/blob\/main\/docs\/rules\/README\.md\)/);
  });

  it('a finding with related places gets relatedLocations, and stays valid', () => {
    const finding = constructed({
      related: [{ file: 'config/settings/base.py', line: 10, column: 1, endLine: 10, endColumn: 6, message: 'base.py sets it' }],
    });
    const sarif = JSON.parse(formatSarif([finding, constructed({ line: 4, endLine: 4 })], '1.2.3', { root: '/repo', workingDirectory: '/repo/sub' }));
    assert.equal(valid(sarif), 'valid');
    const [withRelated, without] = sarif.runs[0].results;
    assert.deepEqual(withRelated.relatedLocations, [
      { id: 0, physicalLocation: { artifactLocation: { uri: 'sub/config/settings/base.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 10, startColumn: 1, endLine: 10, endColumn: 6 } }, message: { text: 'base.py sets it' } },
    ]);
    assert.ok(!('relatedLocations' in without));
    // A file outside the root keeps an absolute URI, and a space is percent-encoded.
    const outside = JSON.parse(formatSarif([constructed({ file: '../../elsewhere/my file.env' })], '1.2.3', { root: '/repo', workingDirectory: '/repo/sub' }));
    assert.deepEqual(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/my%20file.env' });
    assert.equal(valid(outside), 'valid');
  });
});
