// Regenerates server/src/rules/shared/django-removed-settings.ts: the settings a Django series no
// longer reads (DJ615). Facts come from Django's own files, read as text and never imported:
// the top-level `NAME = ` assignments of django/conf/global_settings.py of each Django on disk
// (a name one version has and the next lacks, and that the next one's source never names, is no
// longer read), and the "Features removed in X.Y" sections of the release notes of the series in
// between (Debian's python-django-doc, .ci/fetch-django-docs.sh), which say which series dropped it.
//
//   .ci/unpack-djangos.sh /work/djangos && .ci/fetch-django-docs.sh /tmp/django-docs
//   node .ci/generate-django-settings-table.mjs [--django 3.2=DIR ...] [--docs HTML_DIR]
//
// DIR is a `django` package folder; the defaults are this machine's (Debian bookworm's 3.2 and
// /work/djangos/<series>/django).
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const djangos = new Map([
  ['3.2', '/usr/lib/python3/dist-packages/django'],
  ['4.2', '/work/djangos/4.2/django'],
  ['5.2', '/work/djangos/5.2/django'],
  ['6.1', '/work/djangos/6.1/django'],
]);
let docs = '/tmp/django-docs/usr/share/doc/python-django-doc/html';
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--django') { const [series, dir] = args[++i].split('='); djangos.set(series, dir); }
  else if (args[i] === '--docs') docs = args[++i];
  else throw new Error(`unknown argument ${args[i]}`);
}
const OUT = 'server/src/rules/shared/django-removed-settings.ts';
// The series Preflight knows (server/src/project/django-version.ts), read from its source.
const SERIES = JSON.parse(/DJANGO_SERIES = (\[[^\]]*\])/.exec(readFileSync('server/src/project/django-version.ts', 'utf8'))[1].replace(/'/g, '"'));
const order = (s) => { const [a, b] = s.split('.').map(Number); return a * 100 + b; };

function versionOf(dir) {
  const match = /VERSION = \((\d+), (\d+), (\d+), ["'](\w+)["'], (\d+)\)/.exec(readFileSync(path.join(dir, '__init__.py'), 'utf8'));
  return match[4] === 'final' ? `${match[1]}.${match[2]}.${match[3]}` : match.slice(1).join('.');
}
function settingNames(dir) {
  const text = readFileSync(path.join(dir, 'conf', 'global_settings.py'), 'utf8');
  return new Set([...text.matchAll(/^([A-Z][A-Z0-9_]*)\s*(?::[^=\n]*)?=/gm)].map((m) => m[1]));
}
function pythonFiles(dir) {
  const files = [];
  // Debian's packages hold dangling symlinks (jquery.js): entries are judged by their own type.
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== 'locale') files.push(...pythonFiles(full)); }
    else if (entry.isFile() && entry.name.endsWith('.py')) files.push(full);
  }
  return files;
}
/** Where a Django's source names NAME in code (comments and docstrings aside, roughly: lines starting with # or inside the text of a string are still counted, which only errs towards "still read"). */
function sourceMentions(dir, name) {
  const word = new RegExp(`\\b${name}\\b`);
  return pythonFiles(dir).filter((file) => word.test(readFileSync(file, 'utf8'))).map((file) => path.relative(dir, file));
}
/** The text of a release's "Features removed in X.Y" section, tags stripped. */
function removedSection(series) {
  const file = path.join(docs, 'releases', `${series}.html`);
  if (!existsSync(file)) return null;
  const html = readFileSync(file, 'utf8');
  const id = `id="features-removed-in-${series.replace('.', '-')}"`;
  const start = html.indexOf(id);
  if (start < 0) return '';
  let depth = 0;
  const tag = /<(\/?)section\b/g;
  tag.lastIndex = html.lastIndexOf('<section', start);
  let end = html.length;
  for (let m; (m = tag.exec(html)); ) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) { end = m.index; break; }
  }
  return html.slice(start, end).replace(/<[^>]+>/g, '');
}

/** A paragraph of a release's notes that names NAME and says it is removed ("The setting is removed."), outside that section. */
function removalParagraph(series, name) {
  const file = path.join(docs, 'releases', `${series}.html`);
  if (!existsSync(file)) return null;
  const word = new RegExp(`\\b${name}\\b`);
  for (const [, inner] of readFileSync(file, 'utf8').matchAll(/<p>([\s\S]*?)<\/p>/g)) {
    const text = inner.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    if (word.test(text) && /\b(?:is|are) removed\b/.test(text)) return text;
  }
  return null;
}

const onDisk = [...djangos.entries()].sort((a, b) => order(a[0]) - order(b[0]));
const versions = Object.fromEntries(onDisk.map(([series, dir]) => [series, versionOf(dir)]));
const names = new Map(onDisk.map(([series, dir]) => [series, settingNames(dir)]));
const docsPackage = existsSync(path.join(docs, '../../../../../PACKAGE')) ? readFileSync(path.join(docs, '../../../../../PACKAGE'), 'utf8').trim() : path.basename(docs);
const table = [];
for (let i = 0; i + 1 < onDisk.length; i++) {
  const [older] = onDisk[i];
  const [newer, newerDir] = onDisk[i + 1];
  for (const name of [...names.get(older)].sort()) {
    if (names.get(newer).has(name)) continue;
    const mentions = sourceMentions(newerDir, name);
    if (mentions.length > 0) { console.warn(`${name}: gone from ${newer}'s global_settings.py but named in ${mentions.join(', ')}: left out`); continue; }
    // The series in between whose notes say they removed it; else the first one on disk without it.
    const between = SERIES.filter((s) => order(s) > order(older) && order(s) <= order(newer));
    let noted = between.find((s) => new RegExp(`\\b${name}\\b`).test(removedSection(s) ?? ''));
    let where = noted && `"Features removed in ${noted}" of the ${noted} release notes`;
    if (!noted) {
      noted = between.find((s) => removalParagraph(s, name));
      where = noted && `the ${noted} release notes ("${removalParagraph(noted, name)}")`;
    }
    if (!noted) console.warn(`${name}: no "Features removed in" section of ${between.join('/')} names it: ${newer} assumed`);
    const removedIn = noted ?? newer;
    const lastReadIn = SERIES[SERIES.indexOf(removedIn) - 1];
    table.push({ name, lastReadIn, removedIn, evidence: noted ? `${where}; not in global_settings.py of ${newer} (${versions[newer]})` : `in global_settings.py of ${older} (${versions[older]}), not in ${newer}'s (${versions[newer]}) nor named in its source` });
  }
}
table.sort((a, b) => a.name.localeCompare(b.name));

const made = new Date().toISOString().slice(0, 10);
const from = onDisk.map(([series]) => `${versions[series]}`).join(', ');
const lines = [
  '// GENERATED by .ci/generate-django-settings-table.mjs — do not edit; rerun it (see its header).',
  `// Made ${made} from django/conf/global_settings.py of Django ${from} (read as text, never imported)`,
  `// and the "Features removed in X.Y" release notes of ${docsPackage}.`,
  "import type { DjangoSeries } from '../../project/django-version';",
  '',
  '/** A setting Django stopped reading: `removedIn` and every later series ignore it. */',
  'export interface RemovedSetting {',
  '  name: string;',
  '  /** The last series that read it. */',
  '  lastReadIn: DjangoSeries;',
  '  removedIn: DjangoSeries;',
  '  /** Where the generator found it, for the rule\'s trace and the docs. */',
  '  evidence: string;',
  '}',
  '',
  `export const REMOVED_SETTINGS_MADE = ${JSON.stringify(`${made}, from Django ${from}`)};`,
  '',
  'export const REMOVED_SETTINGS: ReadonlyMap<string, RemovedSetting> = new Map([',
  ...table.map((row) => `  [${JSON.stringify(row.name)}, { name: ${JSON.stringify(row.name)}, lastReadIn: '${row.lastReadIn}', removedIn: '${row.removedIn}', evidence: ${JSON.stringify(row.evidence)} }],`),
  ']);',
  '',
];
writeFileSync(OUT, lines.join('\n'));
console.log(`${OUT}: ${table.length} settings`);
