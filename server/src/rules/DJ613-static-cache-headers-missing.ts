import { Rule } from './rule';
import { NginxDirective, allDirectives } from '../parse/nginx';
import { productionSettings } from '../settings/project-settings';
import { known } from './shared/settings-findings';
import { hasHeader, headRange, headersInEffect, inheritedDirective, insertIntoBlock } from './shared/nginx-blocks';
import type { ProjectModel } from '../project/model';

/** The URL prefixes of static and media files: the production settings' STATIC_URL/MEDIA_URL when known, and the usual ones. */
function filePrefixes(project: ProjectModel): string[] {
  const prefixes = new Set(['/static/', '/media/', '/staticfiles/']);
  const settings = productionSettings(project);
  for (const name of ['STATIC_URL', 'MEDIA_URL']) {
    const lookup = settings ? known(settings, name) : null;
    if (lookup && lookup.value.kind === 'str' && lookup.value.value.startsWith('/') && lookup.value.value.length > 1) prefixes.add(lookup.value.value.endsWith('/') ? lookup.value.value : `${lookup.value.value}/`);
  }
  return [...prefixes];
}

/** `location /static/`, `location ^~ /media/` (not regex locations: what they match is theirs to say). */
function servedPrefix(location: NginxDirective, prefixes: string[]): string | null {
  const args = location.args.map((arg) => arg.value);
  const uri = args.length === 1 ? args[0] : args.length === 2 && (args[0] === '^~' || args[0] === '=') ? args[1] : null;
  if (!uri) return null;
  const withSlash = uri.endsWith('/') ? uri : `${uri}/`;
  return prefixes.find((prefix) => withSlash === prefix) ?? null;
}

export const rule: Rule = {
  meta: {
    code: 'DJ613',
    name: 'static-cache-headers-missing',
    description: 'An nginx location serving static or media files from disk sets neither `expires` nor a Cache-Control header, so browsers revalidate every file on every page.',
    category: 'data',
    severity: 'info',
    checklistItem: 'Static file caching headers are set',
    djangoCheck: null,
  },
  checkNginx(config, context) {
    if (config.problems.length > 0) return;
    const prefixes = filePrefixes(context.project);
    for (const location of allDirectives(config.directives)) {
      if (location.name !== 'location' || !location.block) continue;
      const prefix = servedPrefix(location, prefixes);
      // Served by nginx from disk; a location that proxies leaves the headers to the app (WhiteNoise sets them).
      if (!prefix || !location.block.some((directive) => directive.name === 'alias' || directive.name === 'root')) continue;
      const expires = inheritedDirective(config, location.block[0] ?? location, 'expires');
      if (expires && expires.args[0]?.value !== 'off') continue;
      const headers = headersInEffect(context.project, config, location.block[0] ?? location, 'add_header');
      if (!headers || hasHeader(headers.headers, 'Cache-Control')) continue;
      context.report({
        range: headRange(location),
        message: `${[location.name, ...location.args.map((arg) => arg.raw)].join(' ')} serves ${prefix} files without \`expires\` or a Cache-Control header, so browsers ask again for every file on every page.`,
        fixes: [{ title: 'Add "expires 30d;" (use a longer time only with hashed file names, ManifestStaticFilesStorage)', edits: [insertIntoBlock(context, config, location, ['expires 30d;'], 'alias')], safe: false }],
      });
    }
  },
};
