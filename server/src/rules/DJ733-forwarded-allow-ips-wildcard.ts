import type { EffectiveService } from '../project/compose-application';
import type { ServerOption } from '../project/gunicorn-command';
import { optionValues } from '../project/gunicorn-command';
import { fromConfigValue } from '../project/gunicorn-settings';
import type { ServerStart } from '../project/server-starts';
import { configUsers, reachableDirectly } from '../project/server-starts';
import { Rule, RuleContext } from './rule';
import { isProxyService } from './shared/compose-services';
import { composeStarts, configBinding, optionRange, removeOptionFix, writtenIn } from './shared/server-starts';

const WHY = 'it then trusts X-Forwarded-Proto (and the other forwarded headers) from any client, so a client can claim its plain-HTTP request came over HTTPS, and Django, trusting the scheme the server reports, treats it as secure. Trust only the proxy\'s address, or no one when nothing proxies';

const isProxy = (service: EffectiveService) => isProxyService(service.primary.service, service);

export const rule: Rule = {
  meta: {
    code: 'DJ733',
    name: 'forwarded-allow-ips-wildcard',
    description: 'Gunicorn or Uvicorn trusts forwarded headers from any address (--forwarded-allow-ips \'*\', forwarded_allow_ips = "*") while its compose service publishes a port with no proxy service in front.',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Gunicorn is installed and configured',
    djangoCheck: null,
  },
  checkCompose(compose, context) {
    for (const start of composeStarts(context.project, context.file, compose)) check(start, context);
  },
  checkGunicornConfig(config, { file, project, report }) {
    const binding = configBinding(config, 'forwarded_allow_ips');
    const value = binding ? fromConfigValue('forwarded_allow_ips', binding.value) : null;
    if (!binding || !Array.isArray(value) || !value.includes('*')) return;
    for (const start of configUsers(project, file)) {
      const resolved = start.gunicorn?.settings.get('forwarded_allow_ips');
      const exposed = reachableDirectly(start.service, isProxy);
      if (resolved?.state !== 'known' || resolved.origin !== 'config' || !exposed) continue;
      report({
        range: binding.statement.range,
        message: `\`forwarded_allow_ips = "*"\` while ${start.role} loads this file and publishes ${exposed.port} with no proxy service in front: ${WHY}.`,
      });
      return;
    }
  },
};

function wildcard(option: ServerOption | undefined): option is ServerOption {
  return option !== undefined && !option.dynamic && option.value !== null && option.value.split(',').some((item) => item.trim() === '*');
}

function check(start: ServerStart, { file, report }: RuleContext): void {
  const exposed = reachableDirectly(start.service, isProxy);
  if (!exposed) return;
  let option: ServerOption | undefined;
  if (start.command.server === 'uvicorn') {
    option = optionValues(start.command, 'forwarded_allow_ips')[0];
    // Uvicorn reads the forwarded headers only with --proxy-headers, its default.
    if (optionValues(start.command, 'proxy_headers').some((flag) => flag.flag === '--no-proxy-headers')) return;
  } else {
    const resolved = start.gunicorn?.settings.get('forwarded_allow_ips');
    if (resolved?.state !== 'known' || resolved.origin === 'config' || resolved.origin === 'default' || !Array.isArray(resolved.value) || !resolved.value.includes('*')) return;
    option = resolved.option;
  }
  if (!wildcard(option)) return;
  const fromEnvironment = start.command.options.indexOf(option) < 0;
  const role = `${start.role.charAt(0).toUpperCase()}${start.role.slice(1)}`;
  report({
    range: fromEnvironment ? start.range : optionRange(start, option),
    message: `${role} starts ${start.command.server} with \`--forwarded-allow-ips ${option.value}\`${fromEnvironment ? ' (from GUNICORN_CMD_ARGS)' : ''}${writtenIn(start)} and publishes ${exposed.port} with no proxy service in front: ${WHY}.`,
    fixes: fromEnvironment ? [] : removeOptionFix(file, start, option, 'Remove --forwarded-allow-ips (trust 127.0.0.1 only)').map((fix) => ({ ...fix, safe: false })),
  });
}
