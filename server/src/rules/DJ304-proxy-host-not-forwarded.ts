import { Rule } from './rule';
import { describeBlock, enclosingBlock, headRange, insertIntoBlock, missingProxyHeader } from './shared/nginx-blocks';

export const rule: Rule = {
  meta: {
    code: 'DJ304',
    name: 'proxy-host-not-forwarded',
    description: "An nginx location proxies to the app without `proxy_set_header Host`, so Django sees the upstream's name (nginx's default `$proxy_host`) instead of the host the client asked for.",
    category: 'hosts',
    severity: 'warning',
    checklistItem: 'Nginx is configured for Django',
    djangoCheck: null,
  },
  checkNginx(config, context) {
    if (config.problems.length > 0) return;
    for (const group of missingProxyHeader(context.project, config, 'Host')) {
      const block = group.owner ?? enclosingBlock(group.passes[0]);
      const where = group.definesHeaders ? `${describeBlock(group.owner)} sets the proxied headers but not Host` : `${describeBlock(block)} proxies to the app without setting Host`;
      const line = 'proxy_set_header Host $host;';
      context.report({
        range: block ? headRange(block) : group.passes[0].nameRange,
        message: `${where}: nginx then sends the upstream's name (${group.passes[0].args[0].raw}), so ALLOWED_HOSTS must list that name instead of the site's, and Django builds absolute URLs and checks the CSRF Origin against the wrong host.`,
        related: group.passes.map((pass) => ({ path: context.file.path, range: pass.range, message: 'proxied here without a Host header' })),
        fixes: [{ title: `Add "${line}"`, edits: [insertIntoBlock(context, config, group.owner, [line], group.definesHeaders ? 'proxy_set_header' : undefined)], safe: true, preferred: true }],
      });
    }
  },
};
