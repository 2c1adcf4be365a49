import { Rule } from './rule';
import { productionSettings } from '../settings/project-settings';
import { known } from './shared/settings-findings';
import { describeBlock, enclosingBlock, headRange, insertIntoBlock, missingProxyHeader } from './shared/nginx-blocks';

/** `("HTTP_X_FORWARDED_PROTO", "https")` -> `X-Forwarded-Proto`, the header nginx must send. */
function trustedHeader(value: { kind: string; items?: { kind: string; value?: unknown }[] }): string | null {
  if ((value.kind !== 'tuple' && value.kind !== 'list') || value.items?.length !== 2) return null;
  const name = value.items[0];
  if (name.kind !== 'str' || typeof name.value !== 'string' || !name.value.startsWith('HTTP_')) return null;
  return name.value.slice(5).split('_').map((word) => word.charAt(0) + word.slice(1).toLowerCase()).join('-');
}

export const rule: Rule = {
  meta: {
    code: 'DJ413',
    name: 'proxy-forwarded-proto-missing',
    description: "Production's SECURE_PROXY_SSL_HEADER trusts a header (X-Forwarded-Proto) that the nginx location proxying to Django never sets, so Django sees every request as plain HTTP.",
    category: 'https',
    severity: 'warning',
    checklistItem: 'Nginx is configured for Django',
    djangoCheck: null,
  },
  checkNginx(config, context) {
    if (config.problems.length > 0) return;
    const settings = productionSettings(context.project);
    const lookup = settings ? known(settings, 'SECURE_PROXY_SSL_HEADER') : null;
    if (!lookup || lookup.state !== 'set') return;
    const header = trustedHeader(lookup.value as never);
    if (!header) return;
    for (const group of missingProxyHeader(context.project, config, header)) {
      const block = group.owner ?? enclosingBlock(group.passes[0]);
      const where = group.definesHeaders ? `${describeBlock(group.owner)} sets the proxied headers but not ${header}` : `${describeBlock(block)} proxies to the app without setting ${header}`;
      const line = `proxy_set_header ${header} $scheme;`;
      context.report({
        range: block ? headRange(block) : group.passes[0].nameRange,
        message: `${where}, while production's SECURE_PROXY_SSL_HEADER trusts it (${settings!.entry.relativePath}): Django never sees HTTPS, so request.is_secure() is False, SECURE_SSL_REDIRECT redirects forever and secure cookies and CSRF checks misbehave.`,
        related: [
          { path: lookup.location.path, range: lookup.location.range, message: `SECURE_PROXY_SSL_HEADER trusts ${header} here` },
          ...group.passes.map((pass) => ({ path: context.file.path, range: pass.range, message: `proxied here without ${header}` })),
        ],
        fixes: [{ title: `Add "${line}"`, edits: [insertIntoBlock(context, config, group.owner, [line], group.definesHeaders ? 'proxy_set_header' : undefined)], safe: true, preferred: true }],
      });
    }
  },
};
