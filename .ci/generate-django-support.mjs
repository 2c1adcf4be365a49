// Regenerates server/src/rules/shared/django-support.ts: per Django series its release date,
// whether it is a long-term support release, when its security support ends, and its security
// releases (version and date), for DJ616. The facts come from Django's own release notes in
// Debian's python-django-doc package (the newest suite's, unpacked by .ci/fetch-django-docs.sh):
// each note says its date; a patch release with a CVE section, or whose first paragraph says it
// fixes a security issue, is a security release. The end of support follows Django's published
// policy (docs/internals/release-process.txt, "Supported versions" and "Long-term support
// release"): security fixes go to "the last two feature release branches, and any other supported
// long-term support release branches", and an LTS gets them "for a guaranteed period of time,
// typically three years". So a feature release's support ends when the second feature release
// after it comes out (or when its notes say it is expected to end, while that release is not out),
// an LTS's three years after its release (month precision, as Django announces them).
//
//   .ci/fetch-django-docs.sh /tmp/django-docs && node .ci/generate-django-support.mjs [HTML_DIR]
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const docs = process.argv[2] ?? '/tmp/django-docs/usr/share/doc/python-django-doc/html';
const OUT = 'server/src/rules/shared/django-support.ts';
const FIRST = [3, 2]; // the oldest series Preflight knows (server/src/project/django-version.ts)
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const textOf = (html) => html.replace(/<[^>]+>/g, '').replace(/&#8217;|&rsquo;/g, '\u2019').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
const isoDate = (text) => {
  const match = /^(\w+) (\d{1,2}), (\d{4})$/.exec(text);
  if (!match || !MONTHS.includes(match[1])) return null;
  return `${match[3]}-${String(MONTHS.indexOf(match[1]) + 1).padStart(2, '0')}-${match[2].padStart(2, '0')}`;
};
const parts = (version) => version.split('.').map(Number);
const compare = (a, b) => { const [x, y] = [parts(a), parts(b)]; for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0); return 0; };

const releases = [];
for (const name of readdirSync(path.join(docs, 'releases'))) {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?\.html$/.exec(name);
  if (!match || compare(`${match[1]}.${match[2]}`, FIRST.join('.')) < 0) continue;
  const html = readFileSync(path.join(docs, 'releases', name), 'utf8');
  const body = html.slice(html.indexOf('release notes<a class="headerlink"'));
  const paragraphs = [...body.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]));
  const date = isoDate(paragraphs[0] ?? '');
  // An unreleased version's notes say "Expected …" or "UNDER DEVELOPMENT" instead of a date.
  if (!date) { console.warn(`${name}: no release date (${paragraphs[0]}): skipped`); continue; }
  const version = name.slice(0, -'.html'.length);
  const security = match[3] !== undefined && (/<h2>CVE-/.test(body) || /security/i.test(paragraphs[1] ?? ''));
  const expectedEnd = /Extended support is expected to end in (\w+) (\d{4})/.exec(paragraphs.join(' '));
  releases.push({ version, series: `${match[1]}.${match[2]}`, date, security, lts: / long-term support /.test(textOf(paragraphs.slice(0, 4).join(' ')) + ' ' + textOf(body.slice(0, 4000))), expectedEnd });
}
releases.sort((a, b) => compare(a.version, b.version));

const features = releases.filter((release) => !/\.\d+\.\d+$/.test(release.version));
const rows = features.map((feature, index) => {
  const patches = releases.filter((release) => release.series === feature.series && release !== feature);
  let endOfSupport = null;
  let basis;
  if (feature.lts) {
    const [year, month] = feature.date.split('-');
    endOfSupport = `${Number(year) + 3}-${month}`;
    basis = `LTS: typically three years after ${feature.date}`;
  } else if (features[index + 2]) {
    endOfSupport = features[index + 2].date;
    basis = `ended with the release of ${features[index + 2].version}, two feature releases later`;
  } else if (feature.expectedEnd) {
    endOfSupport = `${feature.expectedEnd[2]}-${String(MONTHS.indexOf(feature.expectedEnd[1]) + 1).padStart(2, '0')}`;
    basis = `its release notes: "Extended support is expected to end in ${feature.expectedEnd[1]} ${feature.expectedEnd[2]}"`;
  } else {
    basis = 'until two feature releases later (not out yet)';
  }
  return {
    series: feature.series,
    released: feature.date,
    lts: feature.lts,
    endOfSupport,
    basis,
    latest: patches.at(-1)?.version ?? feature.version,
    securityReleases: patches.filter((release) => release.security).map((release) => ({ version: release.version, date: release.date })),
  };
});

const made = new Date().toISOString().slice(0, 10);
const newest = releases.reduce((a, b) => (a.date > b.date ? a : b));
const pkg = existsSync(path.join(docs, '../../../../../PACKAGE')) ? readFileSync(path.join(docs, '../../../../../PACKAGE'), 'utf8').trim() : docs;
const lines = [
  '// GENERATED by .ci/generate-django-support.mjs — do not edit; rerun it (see its header).',
  `// Made ${made} from the release notes of ${pkg} (newest release in them: ${newest.version}, ${newest.date});`,
  '// end of support per docs/internals/release-process.txt (two feature releases; LTS typically three years).',
  '',
  '/** A security release of a series: the version and its date (YYYY-MM-DD). */',
  'export interface SecurityRelease { version: string; date: string }',
  '',
  'export interface SeriesSupport {',
  '  series: string;',
  '  released: string;',
  '  lts: boolean;',
  '  /** When its security fixes end: YYYY-MM-DD, or YYYY-MM where Django gives a month; null while not known. */',
  '  endOfSupport: string | null;',
  '  /** How endOfSupport was found. */',
  '  basis: string;',
  '  /** The newest release of the series in the notes. */',
  '  latest: string;',
  '  securityReleases: readonly SecurityRelease[];',
  '}',
  '',
  '/** The day the table was made: what it says is true as of then. */',
  `export const DJANGO_SUPPORT_MADE = '${made}';`,
  '',
  'export const DJANGO_SUPPORT: ReadonlyMap<string, SeriesSupport> = new Map([',
  ...rows.map((row) => `  ['${row.series}', ${JSON.stringify(row)}],`),
  ']);',
  '',
];
writeFileSync(OUT, lines.join('\n'));
console.log(`${OUT}: ${rows.length} series, ${rows.reduce((n, row) => n + row.securityReleases.length, 0)} security releases`);
for (const row of rows) console.log(`  ${row.series}${row.lts ? ' LTS' : ''} ${row.released} → ${row.endOfSupport ?? '?'} (${row.basis}); latest ${row.latest}; ${row.securityReleases.length} security releases`);
