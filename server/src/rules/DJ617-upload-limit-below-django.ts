import { Rule } from './rule';
import { NginxDirective } from '../parse/nginx';
import { productionSettings } from '../settings/project-settings';
import { known } from './shared/settings-findings';
import { directiveInEffect, enclosingBlock, headRange, insertIntoBlock, nginxSize, proxyPasses } from './shared/nginx-blocks';

/** nginx's default client_max_body_size, 1m. */
const NGINX_DEFAULT = 1024 ** 2;

function megabytes(bytes: number): string {
  const value = bytes / 1024 ** 2;
  return Number.isInteger(value) ? `${value} MB` : `${value.toFixed(1)} MB`;
}

export const rule: Rule = {
  meta: {
    code: 'DJ617',
    name: 'upload-limit-below-django',
    description: "nginx's client_max_body_size (1m unless set) is below the production settings' DATA_UPLOAD_MAX_MEMORY_SIZE, so nginx rejects bodies Django would accept, with its own 413 page.",
    category: 'data',
    severity: 'info',
    checklistItem: 'Media file uploads are configured',
    djangoCheck: null,
  },
  checkNginx(config, context) {
    if (config.problems.length > 0) return;
    const settings = productionSettings(context.project);
    const lookup = settings ? known(settings, 'DATA_UPLOAD_MAX_MEMORY_SIZE') : null;
    // None: Django sets no limit of its own to match; unknown: the evaluator's trace says why.
    if (!lookup || lookup.value.kind !== 'int') return;
    const django = lookup.value.value;
    const reported = new Set<NginxDirective | null>();
    for (const pass of proxyPasses(config)) {
      const inEffect = directiveInEffect(context.project, config, pass, 'client_max_body_size');
      if (inEffect === null) continue;
      const limit = inEffect === 'default' ? NGINX_DEFAULT : nginxSize(inEffect.args[0]?.value ?? '');
      // 0 turns nginx's check off.
      if (limit === null || limit === 0 || limit >= django) continue;
      const server = inEffect === 'default' ? enclosingServer(pass) : inEffect;
      if (reported.has(server)) continue;
      reported.add(server);
      const wanted = `${Math.ceil(django / 1024 ** 2)}m`;
      const where = inEffect === 'default' ? `nginx's default client_max_body_size (1m)` : `client_max_body_size ${inEffect.args[0].raw}`;
      const djangoSays = `${lookup.state === 'default' ? "Django's default DATA_UPLOAD_MAX_MEMORY_SIZE" : 'DATA_UPLOAD_MAX_MEMORY_SIZE'} (${megabytes(django)})`;
      context.report({
        range: inEffect === 'default' ? (server ? headRange(server) : pass.nameRange) : inEffect.range,
        message: `${where} is below ${djangoSays}: nginx answers 413 with its own error page to bodies Django would accept, file uploads included (which Django does not count against that setting at all), before Django or its logs see them.`,
        related: [
          { path: lookup.location.path, range: lookup.location.range, message: `Django accepts ${megabytes(django)} of request body` },
          { path: context.file.path, range: pass.range, message: 'proxied to Django here' },
        ],
        // Review: a larger limit lets larger bodies reach the app.
        fixes: [
          inEffect === 'default'
            ? { title: `Add "client_max_body_size ${wanted};"`, edits: [insertIntoBlock(context, config, server, [`client_max_body_size ${wanted};`], 'server_name')], safe: false }
            : { title: `Set "client_max_body_size ${wanted};"`, edits: [{ path: context.file.path, range: inEffect.args[0].range, newText: wanted }], safe: false },
        ],
      });
    }
  },
};

/** The server block a proxy_pass is in, where a client_max_body_size for all its locations goes. */
function enclosingServer(directive: NginxDirective): NginxDirective | null {
  for (let owner = directive.parent; owner; owner = owner.parent) if (owner.name === 'server') return owner;
  return enclosingBlock(directive);
}
