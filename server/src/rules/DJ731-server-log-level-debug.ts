import type { ServerStart } from '../project/server-starts';
import { optionValues } from '../project/gunicorn-command';
import { Rule, RuleContext } from './rule';
import { configBinding, onServerStarts, optionRange, overriddenEverywhere, replaceConfigValueFix, replaceValueFix, writtenIn } from './shared/server-starts';

/** Levels that log request details meant for debugging (uvicorn's `trace` logs every ASGI message). */
const DEBUG_LEVELS = new Set(['debug', 'trace']);
const WHY = 'debug logging writes internals of every request to the logs (headers included), fills the disk and slows the server; the seed asks for INFO or WARNING';

export const rule: Rule = {
  meta: {
    code: 'DJ731',
    name: 'server-log-level-debug',
    description: 'Gunicorn or Uvicorn logs at debug level: --log-level debug (trace for Uvicorn) or loglevel = "debug" in a gunicorn config file.',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Gunicorn is installed and configured',
    djangoCheck: null,
  },
  ...onServerStarts(check),
  checkGunicornConfig(config, { file, project, report }) {
    const binding = configBinding(config, 'loglevel');
    if (!binding || binding.value.kind !== 'str' || binding.value.value.trim().toLowerCase() !== 'debug') return;
    if (overriddenEverywhere(project, file, 'loglevel')) return;
    const written = binding.value.at ? config.namespace.module.python.source.textIn(binding.value.at.range) : '';
    const quote = /^['"]/.test(written) ? written[0] : '"';
    report({
      range: binding.statement.range,
      message: `\`loglevel = "${binding.value.value}"\`: ${WHY}.`,
      fixes: /^(['"])[A-Za-z]+\1$/.test(written) ? replaceConfigValueFix(file, binding, `${quote}info${quote}`, 'Log at info') : [],
    });
  },
};

function check(start: ServerStart, { file, report }: RuleContext): void {
  const [option] = optionValues(start.command, 'loglevel');
  if (!option || option.dynamic || option.value === null) return;
  const level = option.value.trim().toLowerCase();
  if (!DEBUG_LEVELS.has(level) || (level === 'trace' && start.command.server !== 'uvicorn')) return;
  report({
    range: optionRange(start, option),
    message: `${start.role.charAt(0).toUpperCase()}${start.role.slice(1)} starts ${start.command.server} with \`--log-level ${option.value}\`${writtenIn(start)}: ${WHY}.`,
    fixes: replaceValueFix(file, start, option, 'info', 'Log at info'),
  });
}
