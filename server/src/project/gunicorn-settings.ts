/**
 * Gunicorn's settings as gunicorn resolves them (gunicorn/app/base.py `load_config`): the
 * command line over `GUNICORN_CMD_ARGS` over the config file (`-c path` on the command line,
 * else `-c` in `GUNICORN_CMD_ARGS`, else `./gunicorn.conf.py` in the working directory) over
 * the defaults. The config file is Python, read with the settings evaluator as a plain module,
 * never executed. Each value keeps where it came from, so a finding lands on the flag or the line.
 *
 * Values are normalised as gunicorn's validators leave them: `bind` a list of addresses (a string
 * is one address), `forwarded_allow_ips` a list (a string is split on commas), counts integers,
 * `reload` a boolean, `loglevel` as written (gunicorn compares it lowercased).
 */
import { parsePython } from '../parse/python';
import type { Binding, EvaluationHost, ModuleNamespace } from '../settings/namespace';
import { evaluateModule } from '../settings/evaluate';
import type { Value } from '../settings/value';
import { ServerCommand, ServerOption, gunicornEnvArgs, optionValues } from './gunicorn-command';

export type SettingValue = string | number | boolean | string[];

/** The settings Preflight's rules read (and the differential test compares with gunicorn's). */
export const RESOLVED_SETTINGS = ['bind', 'workers', 'worker_class', 'threads', 'reload', 'loglevel', 'timeout', 'forwarded_allow_ips'] as const;
export type ResolvedSettingName = (typeof RESOLVED_SETTINGS)[number];

export type ResolvedSetting =
  | { state: 'known'; value: SettingValue; origin: 'command'; option: ServerOption }
  | { state: 'known'; value: SettingValue; origin: 'environment'; option: ServerOption }
  | { state: 'known'; value: SettingValue; origin: 'config'; binding: Binding; config: GunicornConfigModule }
  | { state: 'known'; value: SettingValue; origin: 'default'; reason: string }
  | { state: 'unknown'; reason: string };

/** A gunicorn config file, evaluated. */
export interface GunicornConfigModule {
  path: string;
  /** For messages: `gunicorn.conf.py`. */
  relativePath: string;
  namespace: ModuleNamespace;
}

/** What the command's config file is: found, known to be absent, or not known. */
export type ConfigLookup = { state: 'found'; config: GunicornConfigModule } | { state: 'none' } | { state: 'unknown'; reason: string };

/** An environment variable of the process: its value, null when unset, undefined when not known. */
export type EnvironmentLookup = (name: string) => string | null | undefined;

export interface GunicornResolution {
  settings: Map<ResolvedSettingName, ResolvedSetting>;
  config: ConfigLookup;
  /** Why parts could not be read, for the trace. */
  notes: string[];
}

const GUNICORN_DEFAULTS: Record<ResolvedSettingName, SettingValue> = {
  bind: ['127.0.0.1:8000'],
  workers: 1,
  worker_class: 'sync',
  threads: 1,
  reload: false,
  loglevel: 'info',
  timeout: 30,
  forwarded_allow_ips: ['127.0.0.1'],
};

/** A command-line (or GUNICORN_CMD_ARGS) value as gunicorn's validator leaves it; null when invalid or unknown. */
function fromOptions(setting: ResolvedSettingName, options: ServerOption[]): SettingValue | null {
  if (options.some((option) => option.dynamic)) return null;
  const last = options[options.length - 1];
  switch (setting) {
    case 'bind':
      return options.map((option) => option.value ?? '');
    case 'reload':
      return true;
    case 'workers':
    case 'threads':
    case 'timeout':
      return positiveInt(last.value);
    case 'forwarded_allow_ips':
      return splitList(last.value ?? '');
    default:
      return last.value;
  }
}

function positiveInt(text: string | null): number | null {
  if (text === null || !/^\s*[+-]?\d+\s*$/.test(text)) return null;
  const value = parseInt(text, 10);
  return value >= 0 ? value : null;
}

function splitList(text: string): string[] {
  return text.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** A config-file value as gunicorn's validator leaves it; null when the evaluator cannot know it (or gunicorn would reject it). */
export function fromConfigValue(setting: ResolvedSettingName, value: Value): SettingValue | null {
  switch (setting) {
    case 'bind':
      if (value.kind === 'str') return [value.value];
      if (value.kind === 'list' || value.kind === 'tuple') {
        const items = value.items.map((item) => (item.kind === 'str' ? item.value : null));
        return items.every((item) => item !== null) ? (items as string[]) : null;
      }
      return null;
    case 'forwarded_allow_ips':
      if (value.kind === 'str') return splitList(value.value);
      if (value.kind === 'list' || value.kind === 'tuple') {
        const items = value.items.map((item) => (item.kind === 'str' ? item.value.trim() : null));
        return items.every((item) => item !== null) ? (items as string[]) : null;
      }
      return null;
    case 'workers':
    case 'threads':
    case 'timeout':
      if (value.kind === 'int') return value.value >= 0 ? value.value : null;
      if (value.kind === 'str') return positiveInt(value.value);
      return null;
    case 'reload':
      if (value.kind === 'bool') return value.value;
      if (value.kind === 'str') {
        const text = value.value.toLowerCase().trim();
        return text === 'true' ? true : text === 'false' ? false : null;
      }
      return null;
    default:
      return value.kind === 'str' ? value.value : null;
  }
}

/**
 * Resolves `settings` of one gunicorn start. `findConfig(path)` answers for `-c path` (null:
 * the default `./gunicorn.conf.py`); `environment` for GUNICORN_CMD_ARGS, WEB_CONCURRENCY and PORT.
 */
export function resolveGunicorn(command: ServerCommand, findConfig: (path: string | null) => ConfigLookup, environment: EnvironmentLookup): GunicornResolution {
  const notes = [...command.unknown.map((note) => `the command: ${note}`)];
  const cmdArgs = environment('GUNICORN_CMD_ARGS');
  const envArgs = typeof cmdArgs === 'string' ? gunicornEnvArgs(cmdArgs) : null;
  if (cmdArgs === undefined) notes.push('GUNICORN_CMD_ARGS of the process is not known');
  for (const note of envArgs?.unknown ?? []) notes.push(`GUNICORN_CMD_ARGS: ${note}`);

  const configOption = optionValues(command, 'config')[0] ?? (envArgs ? optionValues(envArgs, 'config')[0] : undefined);
  let config: ConfigLookup;
  if (configOption?.dynamic) config = { state: 'unknown', reason: `the config file \`${configOption.value}\` is built from a variable` };
  else if (configOption?.value?.startsWith('python:')) config = { state: 'unknown', reason: `the config is the Python module \`${configOption.value.slice(7)}\`` };
  // GUNICORN_CMD_ARGS may name a config file when it is not known.
  else if (!configOption && cmdArgs === undefined) config = { state: 'unknown', reason: 'GUNICORN_CMD_ARGS, which may name the config file, is not known' };
  else config = findConfig(configOption?.value ?? null);
  if (config.state === 'unknown') notes.push(config.reason);

  const settings = new Map<ResolvedSettingName, ResolvedSetting>();
  for (const setting of RESOLVED_SETTINGS) {
    settings.set(setting, resolveOne(setting, command, envArgs, cmdArgs === undefined, config, environment));
  }
  return { settings, config, notes };
}

function resolveOne(
  setting: ResolvedSettingName,
  command: ServerCommand,
  envArgs: ServerCommand | null,
  envArgsUnknown: boolean,
  config: ConfigLookup,
  environment: EnvironmentLookup,
): ResolvedSetting {
  const fromCommand = optionValues(command, setting);
  if (fromCommand.length) {
    const value = fromOptions(setting, fromCommand);
    const option = fromCommand[fromCommand.length - 1];
    return value === null ? { state: 'unknown', reason: `\`${option.flag} ${option.value ?? ''}\` is not a value this reading knows` } : { state: 'known', value, origin: 'command', option };
  }
  if (command.unknown.length) return { state: 'unknown', reason: `the command line may set it: ${command.unknown[0]}` };
  if (envArgsUnknown) return { state: 'unknown', reason: 'GUNICORN_CMD_ARGS of the process is not known' };
  const fromEnvironment = envArgs ? optionValues(envArgs, setting) : [];
  if (fromEnvironment.length) {
    const value = fromOptions(setting, fromEnvironment);
    const option = fromEnvironment[fromEnvironment.length - 1];
    return value === null ? { state: 'unknown', reason: `GUNICORN_CMD_ARGS' \`${option.flag}\` is not a value this reading knows` } : { state: 'known', value, origin: 'environment', option };
  }
  if (envArgs?.unknown.length) return { state: 'unknown', reason: `GUNICORN_CMD_ARGS may set it: ${envArgs.unknown[0]}` };
  if (config.state === 'unknown') return { state: 'unknown', reason: config.reason };
  if (config.state === 'found') {
    const { namespace } = config.config;
    const binding = namespace.names.get(setting);
    if (binding) {
      const value = fromConfigValue(setting, binding.value);
      if (value === null) return { state: 'unknown', reason: `${config.config.relativePath} sets \`${setting}\` to a value that cannot be known without running it` };
      return { state: 'known', value, origin: 'config', binding, config: config.config };
    }
    if (namespace.tainted) return { state: 'unknown', reason: `${config.config.relativePath} may set it: ${namespace.tainted}` };
  }
  // Gunicorn's defaults read two variables of the process.
  if (setting === 'workers') {
    const concurrency = environment('WEB_CONCURRENCY');
    if (concurrency === undefined) return { state: 'unknown', reason: 'WEB_CONCURRENCY, gunicorn\'s default worker count, is not known' };
    if (concurrency !== null) {
      const value = positiveInt(concurrency);
      return value === null ? { state: 'unknown', reason: `WEB_CONCURRENCY=${concurrency} is not a number` } : { state: 'known', value, origin: 'default', reason: `WEB_CONCURRENCY=${concurrency}` };
    }
  }
  if (setting === 'bind') {
    const port = environment('PORT');
    if (port === undefined) return { state: 'unknown', reason: 'PORT, which sets gunicorn\'s default bind, is not known' };
    if (port !== null) return { state: 'known', value: [`0.0.0.0:${port}`], origin: 'default', reason: `PORT=${port}` };
  }
  return { state: 'known', value: GUNICORN_DEFAULTS[setting], origin: 'default', reason: 'gunicorn\'s default' };
}

/** The host a config file is evaluated with: no imports of the project's modules, the given environment. */
function configHost(environment: EvaluationHost['environment']): EvaluationHost {
  return {
    environment,
    unknownVariables: new Map(),
    resolve: () => null,
    namespaceOf: () => 'cycle',
  };
}

/** Evaluates a gunicorn config file's text (never runs it). */
export function evaluateGunicornConfig(filePath: string, relativePath: string, text: string, environment: EvaluationHost['environment'] = null): GunicornConfigModule {
  const python = parsePython(text, filePath);
  const namespace = evaluateModule({ path: filePath, name: relativePath.replace(/\.py$/, '').split('/').join('.'), python }, configHost(environment), { fromScratch: true });
  return { path: filePath, relativePath, namespace };
}

/** Uvicorn has no config file: its settings are the command line's, else its defaults (when known). */
export function uvicornSetting(command: ServerCommand, setting: string): ServerOption | null {
  const options = optionValues(command, setting);
  return options.length ? options[options.length - 1] : null;
}
