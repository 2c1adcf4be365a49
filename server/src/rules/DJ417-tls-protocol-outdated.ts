import { Rule } from './rule';
import { allDirectives } from '../parse/nginx';

/** What nginx's ssl_protocols takes that browsers and PCI DSS have dropped (RFC 8996 deprecates TLS 1.0 and 1.1). */
const OUTDATED = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);

export const rule: Rule = {
  meta: {
    code: 'DJ417',
    name: 'tls-protocol-outdated',
    description: 'nginx\'s ssl_protocols enables SSLv2, SSLv3, TLSv1 or TLSv1.1, protocols RFC 8996 deprecates and browsers no longer speak.',
    category: 'https',
    severity: 'warning',
    checklistItem: 'Configure web server for HTTPS',
    djangoCheck: null,
  },
  checkNginx(config, context) {
    if (config.problems.length > 0) return;
    for (const directive of allDirectives(config.directives)) {
      if (directive.name !== 'ssl_protocols') continue;
      const outdated = directive.args.filter((arg) => OUTDATED.has(arg.value));
      if (outdated.length === 0) continue;
      const kept = directive.args.filter((arg) => !OUTDATED.has(arg.value)).map((arg) => arg.raw);
      const protocols = kept.length > 0 ? kept.join(' ') : 'TLSv1.2 TLSv1.3';
      const first = directive.args[0].range.start;
      const last = directive.args[directive.args.length - 1].range.end;
      context.report({
        range: directive.range,
        message: `ssl_protocols enables ${outdated.map((arg) => arg.value).join(', ')}: deprecated protocols (RFC 8996) with known attacks (POODLE, BEAST) that a man in the middle can make a client fall back to; every current browser speaks TLS 1.2.`,
        related: outdated.map((arg) => ({ path: context.file.path, range: arg.range, message: `${arg.value} is outdated` })),
        // Review: clients that speak nothing newer (very old Android, Windows XP) can no longer connect.
        fixes: [{ title: `Keep only ${protocols}`, edits: [{ path: context.file.path, range: { start: first, end: last }, newText: protocols }], safe: false, preferred: true }],
      });
    }
  },
};
