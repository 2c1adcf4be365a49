import type { EnvEntry } from '../parse/env';
import { feedsProduction, replaceValueFix } from './shared/env-settings';
import { productionReads } from './shared/production-reads';
import type { Binding } from '../settings/namespace';
import type { SettingsView } from '../settings/project-settings';
import { Value, dictGet } from '../settings/value';
import { Rule, RuleContext } from './rule';
import { fixes, reportSetting, setValueFix } from './shared/settings-findings';

const LOG_LEVEL_VARIABLES = ['DJANGO_LOG_LEVEL', 'LOG_LEVEL', 'DJANGO_LOGLEVEL', 'LOGLEVEL'];

export const rule: Rule = {
  meta: {
    code: 'DJ207',
    name: 'log-level-debug',
    description: 'LOG_LEVEL, DJANGO_LOG_LEVEL, LOGLEVEL or DJANGO_LOGLEVEL is DEBUG.',
    category: 'debug',
    severity: 'warning',
    checklistItem: 'Log level INFO or WARNING in production',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    // In a file that feeds production, only a level something reads (DJ803 reports the others).
    const judged = (entry: EnvEntry) => !feedsProduction(project, file) || productionReads(project, entry.key) !== false;
    const entries = LOG_LEVEL_VARIABLES.map((key) => env.get(key))
      .filter((entry): entry is EnvEntry => entry !== undefined && judged(entry))
      .sort((a, b) => a.line - b.line);
    for (const entry of entries) {
      if (entry.value.trim().toUpperCase() !== 'DEBUG') continue;
      report({
        range: entry.valueRange,
        message: `${entry.key}=${entry.value.trim()} makes production logs record library and request internals: noise that buries real errors, fills disks and can carry personal data.`,
        fixes: [replaceValueFix(file, entry, 'INFO', `Set ${entry.key}=INFO`)],
      });
    }
  },
  checkSettings(settings, context) {
    const seen = new Set<string>();
    for (const name of LOG_LEVEL_VARIABLES) {
      const lookup = settings.get(name);
      if (lookup.state === 'set') reportDebugLevel(settings, context, seen, name, name, lookup.value, lookup.binding);
    }
    const logging = settings.get('LOGGING');
    if (logging.state !== 'set' || logging.value.kind !== 'dict') return;
    // The root logger and Django's own: a DEBUG level there logs every library's internals.
    const root = dictGet(logging.value, 'root');
    if (root && root.kind === 'dict') reportDebugLevel(settings, context, seen, 'LOGGING', 'LOGGING["root"]["level"]', dictGet(root, 'level'), logging.binding);
    const loggers = dictGet(logging.value, 'loggers');
    if (!loggers || loggers.kind !== 'dict') return;
    for (const logger of ['', 'django']) {
      const config = dictGet(loggers, logger);
      if (config && config.kind === 'dict') reportDebugLevel(settings, context, seen, 'LOGGING', `LOGGING["loggers"]["${logger}"]["level"]`, dictGet(config, 'level'), logging.binding);
    }
  },
};

function reportDebugLevel(
  settings: SettingsView,
  context: RuleContext,
  seen: Set<string>,
  setting: string,
  shown: string,
  value: Value | undefined | null,
  binding: Binding,
): void {
  if (!value || value.kind !== 'str' || value.value.trim().toUpperCase() !== 'DEBUG') return;
  const location = value.at ?? binding.statement;
  const key = `${location.path}:${location.range.start.line}:${location.range.start.character}`;
  if (seen.has(key)) return;
  seen.add(key);
  const lookup = { state: 'set' as const, value, binding, location };
  const env = value.env?.source ? ` (${value.env.variable}=${value.env.source.value.trim()} in ${value.env.source.origin})` : '';
  reportSetting(settings, lookup, context, {
    message: `${shown} is ${JSON.stringify(value.value)}${env}: production logs record library and request internals, noise that buries real errors, fills disks and can carry personal data.`,
    fixes: fixes(value.at ? setValueFix(settings, setting, lookup, '"INFO"', 'INFO', true) : null),
  });
}
