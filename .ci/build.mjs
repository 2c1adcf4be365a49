// Bundles the extension client, the language server and the CLI with esbuild.
// Production builds (the default) are minified; `--dev` keeps them readable with source maps.
import { readFileSync, readdirSync } from 'node:fs';
import { build } from 'esbuild';

const dev = process.argv.includes('--dev');
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
// The checklist template is data in the repository, inlined into the server and CLI bundles.
const checklistTemplate = readFileSync('server/src/checklist/deployment-checklist.template.md', 'utf8');
// The rule pages, inlined into the CLI only: its SARIF output carries them as each rule's help.
const ruleDocs = Object.fromEntries(
  readdirSync('docs/rules')
    .filter((name) => /^DJ\d{3}-.*\.md$/.test(name))
    .map((name) => [name, readFileSync(`docs/rules/${name}`, 'utf8')]),
);
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !dev,
  sourcemap: dev,
  logLevel: 'warning',
  define: { PREFLIGHT_VERSION: JSON.stringify(version), PREFLIGHT_CHECKLIST_TEMPLATE: JSON.stringify(checklistTemplate) },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The CLI is two files: dist/cli.js, the `preflight` command, loads dist/cli-main.js through V8's
  // code cache (server/src/cli-launch.ts says why).
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli-main.js', define: { ...common.define, PREFLIGHT_RULE_DOCS: JSON.stringify(ruleDocs) } }),
  build({ ...common, entryPoints: ['server/src/cli-launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
