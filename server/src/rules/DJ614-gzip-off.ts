import { Rule } from './rule';
import { allDirectives } from '../parse/nginx';
import { httpBlocks, insertIntoBlock, setsDirective } from './shared/nginx-blocks';

const GZIP_LINES = ['gzip on;', 'gzip_types text/css application/javascript application/json image/svg+xml text/plain;'];

export const rule: Rule = {
  meta: {
    code: 'DJ614',
    name: 'gzip-off',
    description: "nginx does not compress responses: `gzip off` in an http or server block, or the main configuration's http block never turns gzip on.",
    category: 'data',
    severity: 'info',
    checklistItem: 'Gzip compression is enabled',
    djangoCheck: null,
  },
  checkNginx(config, context) {
    if (config.problems.length > 0) return;
    for (const directive of allDirectives(config.directives)) {
      // In a location it may be deliberate (BREACH on pages with secrets); in a server or http block it turns compression off wholesale.
      if (directive.name !== 'gzip' || directive.args[0]?.value !== 'off') continue;
      if (directive.parent && directive.parent.name !== 'server' && directive.parent.name !== 'http') continue;
      context.report({
        range: directive.range,
        message: 'gzip off: nginx sends CSS, JavaScript and JSON uncompressed, several times larger than they need to be.',
        fixes: [{ title: 'Set "gzip on;"', edits: [{ path: context.file.path, range: directive.args[0].range, newText: 'on' }], safe: false }],
      });
    }
    for (const { http, path } of httpBlocks(context.project)) {
      if (path !== context.file.path) continue;
      // An include the repository cannot show may turn it on (Debian's conf.d/*.conf, the official image's): unknown.
      if (setsDirective(context.project, http.block ?? [], 'gzip') !== false) continue;
      context.report({
        range: http.nameRange,
        message: "This http block never turns gzip on, and nginx's default is off: CSS, JavaScript and JSON go out uncompressed.",
        fixes: [{ title: 'Add "gzip on;" with gzip_types for CSS, JavaScript, JSON and SVG', edits: [insertIntoBlock(context, config, http, GZIP_LINES)], safe: false }],
      });
    }
  },
};
