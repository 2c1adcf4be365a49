/**
 * Whether a reverse proxy of the production compose application redirects HTTP to HTTPS, with
 * the evidence: traefik's redirection options (command, labels or environment), caddy (it
 * redirects by default when it serves HTTPS), nginx-proxy (HTTPS_METHOD=redirect is its
 * default). An nginx service's redirect lives in a config file Preflight does not read: unknown.
 */
import { serviceEnvironment } from '../../project/compose-application';
import type { ProjectModel } from '../../project/model';
import { productionLinks } from '../../project/production';
import type { Range } from '../../parse/source-text';
import type { Report, RuleContext } from '../rule';

export interface ProxyRedirect {
  service: string;
  path: string;
  relativePath: string;
  range: Range;
  evidence: string;
}

const TRAEFIK_REDIRECT = /redirections\.entry-?point\.to|redirectscheme\.scheme=https|REDIRECTIONS_ENTRYPOINT_TO/i;

/** Per model (models are immutable): every file's DJ405 asks, and the answer walks all services. */
const proxyRedirects = new WeakMap<ProjectModel, ProxyRedirect | null>();

export function productionProxyRedirect(project: ProjectModel): ProxyRedirect | null {
  if (!proxyRedirects.has(project)) proxyRedirects.set(project, findProxyRedirect(project));
  return proxyRedirects.get(project)!;
}

function findProxyRedirect(project: ProjectModel): ProxyRedirect | null {
  for (const application of productionLinks(project).applications) {
    for (const service of application.services) {
      const image = service.image?.text ?? '';
      const identity = `${service.name} ${image} ${service.build?.context ?? ''}`.toLowerCase();
      const command = [service.entrypoint?.text, service.command?.text].filter(Boolean).join(' ');
      const texts = [command, ...[...service.labels.values()].map((entry) => `${entry.key}=${entry.value?.text ?? ''}`), ...[...serviceEnvironment(project, service).entries()].map(([key, variable]) => `${key}=${variable.value ?? ''}`)];
      let evidence: string | null = null;
      if (/traefik/.test(identity) && texts.some((text) => TRAEFIK_REDIRECT.test(text))) evidence = 'its traefik configuration redirects the HTTP entry point to HTTPS';
      else if (/nginx-proxy/.test(identity) && !texts.some((text) => /HTTPS_METHOD=(noredirect|nohttps)/i.test(text))) evidence = 'nginx-proxy redirects HTTP to HTTPS by default';
      else if (/\bcaddy\b/.test(identity) && service.ports.some(({ port }) => (port.published ?? port.target) === '443')) evidence = 'caddy redirects HTTP to HTTPS by default when it serves HTTPS';
      if (!evidence) continue;
      const layer = service.primary;
      return { service: service.name, path: layer.file.path, relativePath: layer.file.relativePath, range: layer.service.nameRange, evidence };
    }
  }
  return null;
}

/** A context whose reports drop to info, pointing at the proxy, when production's proxy redirects. */
export function withProxyRedirect(context: RuleContext): RuleContext {
  const redirect = productionProxyRedirect(context.project);
  if (!redirect) return context;
  return {
    ...context,
    report(report: Report) {
      context.report({
        ...report,
        severity: 'info',
        message: `${report.message} The \`${redirect.service}\` service of ${redirect.relativePath} redirects HTTP to HTTPS (${redirect.evidence}), so this is defence in depth.`,
        related: [...(report.related ?? []), { path: redirect.path, range: redirect.range, message: `\`${redirect.service}\` redirects HTTP to HTTPS: ${redirect.evidence}` }],
      });
    },
  };
}
