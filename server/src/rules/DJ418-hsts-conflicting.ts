import { Rule } from './rule';
import { NginxDirective, allDirectives } from '../parse/nginx';
import { productionSettings } from '../settings/project-settings';
import { isTrue, known, securityMiddleware } from './shared/settings-findings';
import { headersInEffect, proxyPasses } from './shared/nginx-blocks';

interface Hsts {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

/** `max-age=31536000; includeSubDomains; preload` as a browser reads it; null when it holds a variable or no max-age. */
function parseHsts(value: string): Hsts | null {
  if (value.includes('$')) return null;
  const directives = value.split(';').map((part) => part.trim().toLowerCase());
  const maxAge = directives.map((part) => /^max-age\s*=\s*"?(\d+)"?$/.exec(part)?.[1]).find((found) => found !== undefined);
  if (maxAge === undefined) return null;
  return { maxAge: Number(maxAge), includeSubDomains: directives.includes('includesubdomains'), preload: directives.includes('preload') };
}

function describe(hsts: Hsts): string {
  return ['max-age=' + hsts.maxAge, ...(hsts.includeSubDomains ? ['includeSubDomains'] : []), ...(hsts.preload ? ['preload'] : [])].join('; ');
}

export const rule: Rule = {
  meta: {
    code: 'DJ418',
    name: 'hsts-conflicting',
    description: 'nginx adds a Strict-Transport-Security header to the responses of a Django whose production settings send one too, with a different max-age, includeSubDomains or preload.',
    category: 'https',
    severity: 'warning',
    checklistItem: 'Enable HSTS',
    djangoCheck: null,
  },
  checkNginx(config, context) {
    if (config.problems.length > 0) return;
    const settings = productionSettings(context.project);
    if (!settings || securityMiddleware(settings) !== true) return;
    const seconds = known(settings, 'SECURE_HSTS_SECONDS');
    const subdomains = known(settings, 'SECURE_HSTS_INCLUDE_SUBDOMAINS');
    const preload = known(settings, 'SECURE_HSTS_PRELOAD');
    // Unknown values: the evaluator's trace says why; Django sends nothing with HSTS off.
    if (!seconds || !subdomains || !preload || seconds.value.kind !== 'int' || seconds.value.value <= 0) return;
    const django: Hsts = { maxAge: seconds.value.value, includeSubDomains: isTrue(subdomains.value), preload: isTrue(preload.value) };
    const reported = new Set<NginxDirective>();
    // A header set by an included file is that file's to report.
    const own = new Set(allDirectives(config.directives));
    for (const pass of proxyPasses(config)) {
      const inEffect = headersInEffect(context.project, config, pass, 'add_header');
      const header = inEffect?.headers.find((candidate) => candidate.name.toLowerCase() === 'strict-transport-security');
      if (!header?.directive || !own.has(header.directive) || reported.has(header.directive)) continue;
      const nginx = parseHsts(header.value);
      if (!nginx || describe(nginx) === describe(django)) continue;
      reported.add(header.directive);
      context.report({
        range: header.directive.range,
        message: `nginx adds Strict-Transport-Security "${describe(nginx)}" to responses where Django's production settings already send "${describe(django)}": browsers obey only the first header, Django's, so this one does nothing but mislead whoever reads it. Keep one: delete this line, or set SECURE_HSTS_SECONDS = 0 and let nginx send it.`,
        related: [
          { path: seconds.location.path, range: seconds.location.range, message: `SECURE_HSTS_SECONDS = ${django.maxAge}${seconds.state === 'default' ? " (Django's default)" : ''}` },
          { path: context.file.path, range: pass.range, message: 'Django answers here' },
        ],
      });
    }
  },
};
