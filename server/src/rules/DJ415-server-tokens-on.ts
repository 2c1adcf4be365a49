import { Rule } from './rule';
import { allDirectives } from '../parse/nginx';
import { httpBlocks, insertIntoBlock, setsDirective } from './shared/nginx-blocks';

export const rule: Rule = {
  meta: {
    code: 'DJ415',
    name: 'server-tokens-on',
    description: "nginx sends its version in the Server header and on error pages: `server_tokens on`, or the main configuration's http block leaves it at nginx's default (on).",
    category: 'https',
    severity: 'info',
    checklistItem: 'Nginx is configured for Django',
    djangoCheck: null,
  },
  checkNginx(config, context) {
    if (config.problems.length > 0) return;
    const all = [...allDirectives(config.directives)];
    for (const directive of all) {
      if (directive.name !== 'server_tokens' || directive.args.length !== 1) continue;
      const value = directive.args[0];
      if (value.value !== 'on' && value.value !== 'build') continue;
      context.report({
        range: directive.range,
        message: `server_tokens ${value.value} sends nginx's version in every Server header and error page, which tells an attacker which vulnerabilities to try.`,
        fixes: [{ title: 'Set "server_tokens off;"', edits: [{ path: context.file.path, range: value.range, newText: 'off' }], safe: true, preferred: true }],
      });
    }
    // Unset, nginx's default (on) holds, but only the main configuration's http block can say so:
    // a site file alone leaves it to a main configuration the repository may not have.
    for (const { http, path } of httpBlocks(context.project)) {
      if (path !== context.file.path) continue;
      if (setsDirective(context.project, http.block ?? [], 'server_tokens') !== false) continue;
      context.report({
        range: http.nameRange,
        message: "This http block does not set server_tokens, so nginx's default (on) sends its version in every Server header and error page.",
        fixes: [{ title: 'Add "server_tokens off;"', edits: [insertIntoBlock(context, config, http, ['server_tokens off;'])], safe: true, preferred: true }],
      });
    }
  },
};
