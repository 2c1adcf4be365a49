import { rule } from '../../../server/src/rules/DJ003-config-invalid';
import { ruleTester } from '../rule-tester';

const pyproject = (section: string) => ({ path: 'pyproject.toml', text: `[project]\nname = "shop"\n\n[tool.preflight]\n${section}` });

ruleTester(rule, {
  valid: [
    pyproject('settings-module = "config.settings.production"\ndjango-version = "5.2"\nproduction = ["deploy/**"]\ndevelopment = ["sandbox/**"]\nignore = ["vendor/**"]\nchecklist-file = "docs/DEPLOY.md"\n\n[tool.preflight.rules]\nDJ404 = "off"\nallowed-hosts-wildcard = "error"\n'),
    { path: 'pyproject.toml', text: '[project]\nname = "shop"\n\n[tool.ruff]\nline-length = 100\n', name: 'a pyproject.toml without [tool.preflight] is not ours' },
    { path: 'pyproject.toml', text: '[tool.ruff]\nbogus = [\n', name: 'nor is a broken one without the section' },
    { path: 'preflight.toml', text: 'rules = { DJ404 = "off" }\n', name: 'preflight.toml: the section is the file' },
    { path: 'pyproject.toml', text: '\uFEFF[tool.preflight]\r\nsettings-module = "config.settings.production"\r\n', name: 'BOM and CRLF' },
    { path: 'sub/pyproject.toml', text: '[tool.preflight]\nsettings-module = "app.settings"\n', name: 'in a subfolder' },
  ],
  invalid: [
    {
      ...pyproject('settings-module = "config.settings.production"\nbogus = 1\n'),
      name: 'an unknown key, at its line',
      errors: [{ line: 6, column: 1, endColumn: 6, severity: 'warning', message: /^"bogus" is not a Preflight setting; known: rules, settings-module/ }],
    },
    {
      ...pyproject('production = "deploy/**"\nsettings-module = 3\ndjango-version = "five"\nchecklist-file = "../elsewhere.md"\n'),
      name: 'wrong types and values',
      errors: [
        { line: 5, column: 1, message: '"production" takes a list of glob strings.' },
        { line: 6, column: 1, message: '"settings-module" takes a string.' },
        { line: 7, column: 1, message: '"django-version" takes a Django release Preflight knows (3.2 to 6.1) such as "5.2" or "5.2.8", not "five".' },
        { line: 8, column: 1, message: '"checklist-file" is a path inside the project.' },
      ],
    },
    {
      ...pyproject('django-version = "2.2"\n'),
      name: 'a Django series Preflight does not know: a finding, not a silent default',
      errors: [{ line: 5, column: 1, message: '"django-version" takes a Django release Preflight knows (3.2 to 6.1) such as "5.2" or "5.2.8", not "2.2".' }],
    },
    {
      ...pyproject('\n[tool.preflight.rules]\nDJ404 = "off"\nDJ999 = "off"\ndebug-enabled = "loud"\n'),
      name: 'unknown rule names and severities, at their line in the rules table',
      errors: [
        { line: 8, column: 1, endColumn: 6, message: '"DJ999" is not a Preflight rule code or name (see docs/rules), so this setting does nothing.' },
        { line: 9, column: 1, endColumn: 14, message: '"debug-enabled" takes one of off, hint, info, warning, error.' },
      ],
    },
    {
      path: 'preflight.toml',
      text: 'rules = { DJ404 = "off", nope = "off" }\n',
      name: 'an inline rules table: the rules key',
      errors: [{ line: 1, column: 1, endColumn: 6, message: /^"nope" is not a Preflight rule/ }],
    },
    {
      path: 'pyproject.toml',
      text: '[tool.preflight]\nsettings-module = "config.settings.production\n',
      name: 'malformed TOML: where the parser stopped',
      errors: [{ line: 2, column: 46, message: /^pyproject\.toml is not valid TOML \(.+\), so Preflight reads none of its settings\.$/ }],
    },
  ],
});
