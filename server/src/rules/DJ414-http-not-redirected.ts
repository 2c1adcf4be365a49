import { Rule } from './rule';
import { NginxConfig, NginxDirective, allDirectives } from '../parse/nginx';
import type { ProjectModel } from '../project/model';
import { insertIntoBlock } from './shared/nginx-blocks';

const REDIRECT_CODES = new Set(['301', '302', '303', '307', '308']);

/** `listen 80`, `listen [::]:80 default_server`, `listen 0.0.0.0:80`: plain HTTP on port 80. */
function listensOnHttp(listen: NginxDirective): boolean {
  const address = listen.args[0]?.value ?? '';
  const port = /^\d+$/.test(address) ? address : /:(\d+)$/.exec(address)?.[1];
  return port === '80' && !listen.args.some((arg) => arg.value === 'ssl' || arg.value === 'quic');
}

function listensWithTls(listen: NginxDirective): boolean {
  return listen.args.some((arg) => arg.value === 'ssl' || arg.value === 'quic') || /(^|:)443$/.test(listen.args[0]?.value ?? '');
}

/** `return 301 https://…` or `rewrite … https://… permanent|redirect` anywhere in the server (an `if ($scheme …)` included). */
function redirectsToHttps(server: NginxDirective): boolean {
  for (const directive of allDirectives(server.block ?? [])) {
    const args = directive.args.map((arg) => arg.value);
    if (directive.name === 'return' && REDIRECT_CODES.has(args[0]) && /^https:\/\//i.test(args[1] ?? '')) return true;
    if (directive.name === 'rewrite' && /^https:\/\//i.test(args[1] ?? '')) return true;
  }
  return false;
}

/** Whether nginx terminates TLS anywhere in the project: otherwise TLS may end before nginx (a load balancer), and port 80 is all there is. */
function terminatesTls(project: ProjectModel): boolean {
  return project.ofKind('nginx').some((file) => {
    if (file.text === null) return false;
    const config = project.nginx(file);
    return [...allDirectives(config.directives)].some((directive) => (directive.name === 'listen' && listensWithTls(directive)) || directive.name === 'ssl_certificate');
  });
}

function servers(config: NginxConfig): NginxDirective[] {
  return [...allDirectives(config.directives)].filter((directive) => directive.name === 'server' && directive.block !== null && directive.parent?.name !== 'upstream');
}

export const rule: Rule = {
  meta: {
    code: 'DJ414',
    name: 'http-not-redirected',
    description: 'An nginx server listening on port 80 proxies to the app instead of redirecting to HTTPS, while nginx serves HTTPS elsewhere.',
    category: 'https',
    severity: 'warning',
    checklistItem: 'Redirect HTTP to HTTPS',
    djangoCheck: null,
  },
  checkNginx(config, context) {
    if (config.problems.length > 0) return;
    let tls: boolean | undefined;
    for (const server of servers(config)) {
      const block = server.block ?? [];
      const listen = block.find((directive) => directive.name === 'listen' && listensOnHttp(directive));
      if (!listen) continue;
      const proxies = [...allDirectives(block)].filter((directive) => /^(proxy|uwsgi|fastcgi|scgi)_pass$/.test(directive.name));
      // A server of redirects and ACME challenges (no proxying) does not serve the app.
      if (proxies.length === 0 || redirectsToHttps(server)) continue;
      if ((tls ??= terminatesTls(context.project)) === false) continue;
      const alsoTls = block.some((directive) => directive.name === 'listen' && listensWithTls(directive));
      const line = 'return 301 https://$host$request_uri;';
      context.report({
        range: listen.range,
        message: `This server listens on port 80 and proxies to the app (${proxies[0].args[0]?.raw ?? proxies[0].name}) without redirecting to HTTPS, though nginx serves HTTPS: a visitor who types the address gets the site over plain HTTP, cookies and all.`,
        related: proxies.map((proxy) => ({ path: context.file.path, range: proxy.range, message: 'served over plain HTTP here' })),
        // With the TLS listener in the same server the redirect would loop: the server must be split, by hand.
        fixes: alsoTls
          ? []
          : [{ title: `Redirect port 80 to HTTPS ("${line}")`, edits: [insertIntoBlock(context, config, server, [line], 'server_name')], safe: false }],
      });
    }
  },
};
