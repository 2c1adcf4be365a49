import type { ServerStart } from '../project/server-starts';
import { optionValues } from '../project/gunicorn-command';
import { Rule, RuleContext } from './rule';
import { configBinding, onServerStarts, optionRange, overriddenEverywhere, removeOptionFix, replaceConfigValueFix, writtenIn } from './shared/server-starts';

const WHY = 'it watches the source for changes, which costs CPU, and restarts the workers mid-request when a file changes; reloading is for development';

export const rule: Rule = {
  meta: {
    code: 'DJ730',
    name: 'server-reload-enabled',
    description: 'Gunicorn or Uvicorn starts with --reload (or a gunicorn config file sets reload = True).',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Gunicorn is installed and configured',
    djangoCheck: null,
  },
  ...onServerStarts(check),
  checkGunicornConfig(config, { file, project, report }) {
    const binding = configBinding(config, 'reload');
    if (!binding || binding.value.kind !== 'bool' || !binding.value.value) return;
    if (overriddenEverywhere(project, file, 'reload')) return;
    report({
      range: binding.statement.range,
      message: `\`reload = True\`: gunicorn restarts its workers whenever a source file changes; ${WHY}.`,
      fixes: replaceConfigValueFix(file, binding, 'False', 'Set reload = False'),
    });
  },
};

function check(start: ServerStart, { file, report }: RuleContext): void {
  const [option] = optionValues(start.command, 'reload');
  if (!option) return;
  report({
    range: optionRange(start, option),
    message: `${capitalised(start.role)} starts ${start.command.server} with \`--reload\`${writtenIn(start)}: ${WHY}.`,
    fixes: removeOptionFix(file, start, option, 'Remove --reload'),
  });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
