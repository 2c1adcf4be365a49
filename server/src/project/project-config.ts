/**
 * The project's own Preflight configuration, read the same way by the language server and the
 * CLI: `[tool.preflight]` in `pyproject.toml` (where Django projects keep ruff, black and pytest
 * settings) or a `preflight.toml` beside it, whose top level is that section. The nearest one
 * upwards from the project's root applies; in one folder `preflight.toml` wins, and a
 * `pyproject.toml` without `[tool.preflight]` is passed over, as ruff does with its own files.
 * Parsed with smol-toml; what is malformed is a problem with a range, never a crash, and is left
 * out of the options.
 */
import * as path from 'path';
import picomatch from 'picomatch';
import { TomlError, parse } from 'smol-toml';
import type { Range } from '../parse/source-text';
import { DEFAULT_CHECKLIST_FILE } from './classify';
import { DJANGO_SERIES, seriesOf } from './django-version';
import type { ModelOptions, SourceFile } from './model';

export const CONFIG_FILE_NAMES = ['preflight.toml', 'pyproject.toml'] as const;

export type ConfigSeverity = 'off' | 'hint' | 'info' | 'warning' | 'error';

/** What a configuration file may set; every key optional. */
export interface ConfigOptions {
  /** `[tool.preflight.rules]`: severities by rule code or name. */
  rules?: Record<string, ConfigSeverity>;
  settingsModule?: string;
  djangoVersion?: string;
  productionGlobs?: string[];
  developmentGlobs?: string[];
  /** Globs of paths (relative to the project root) Preflight does not read. */
  ignore?: string[];
  checklistFile?: string;
}

export interface ConfigProblem {
  range: Range;
  message: string;
}

export interface ProjectConfig {
  /** Absolute path of the file. */
  path: string;
  options: ConfigOptions;
  problems: ConfigProblem[];
}

/** The keys, as written (kebab-case, like ruff's), and the option each sets. */
const KEYS: Record<string, { option: keyof ConfigOptions; type: 'string' | 'strings' | 'rules' }> = {
  rules: { option: 'rules', type: 'rules' },
  'settings-module': { option: 'settingsModule', type: 'string' },
  'django-version': { option: 'djangoVersion', type: 'string' },
  production: { option: 'productionGlobs', type: 'strings' },
  development: { option: 'developmentGlobs', type: 'strings' },
  ignore: { option: 'ignore', type: 'strings' },
  'checklist-file': { option: 'checklistFile', type: 'string' },
};
const SEVERITIES = new Set<string>(['off', 'hint', 'info', 'warning', 'error']);
const MODULE = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/** Whether the file's text holds a Preflight section at all (a `pyproject.toml` without one is not ours). */
export function hasPreflightSection(fileName: string, text: string): boolean {
  return fileName === 'preflight.toml' || /^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*preflight[ \t]*[\].]/m.test(text);
}

/**
 * The nearest configuration upwards from `start` (a folder), read with `readText` (null when a
 * file does not exist or cannot be read); null when there is none.
 */
export function findProjectConfig(start: string, readText: (file: string) => string | null, isRule: (id: string) => boolean): ProjectConfig | null {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(folder, name);
      const text = readText(file);
      if (text !== null && hasPreflightSection(name, text)) return parseProjectConfig(file, text, isRule);
    }
    if (path.dirname(folder) === folder) return null;
  }
}

/** Where `key` is written in the table `header` opens (its line), or null; with `key` empty, the header itself. */
function findKey(lines: string[], header: RegExp | null, key: string): Range | null {
  let inSection = header === null;
  const name = new RegExp(`^([ \\t]*)(["']?)${key.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\2[ \\t]*=`);
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line];
    if (/^[ \t]*\[/.test(text)) {
      inSection = header !== null && header.test(text);
      if (inSection && key === '') return { start: { line, character: 0 }, end: { line, character: text.trimEnd().length } };
      continue;
    }
    const match = inSection && key !== '' ? name.exec(text) : null;
    if (match) {
      const character = match[1].length;
      return { start: { line, character }, end: { line, character: character + key.length + 2 * match[2].length } };
    }
  }
  return null;
}

export function parseProjectConfig(file: string, rawText: string, isRule: (id: string) => boolean): ProjectConfig {
  const text = rawText.replace(/^\uFEFF/, '');
  const pyproject = path.basename(file) !== 'preflight.toml';
  const lines = text.split(/\r\n|\r|\n/);
  const problems: ConfigProblem[] = [];
  let document: Record<string, unknown>;
  try {
    document = parse(text) as Record<string, unknown>;
  } catch (error) {
    const line = error instanceof TomlError ? Math.max(0, error.line - 1) : 0;
    const character = error instanceof TomlError ? Math.max(0, error.column - 1) : 0;
    const reason = (error as Error).message.split('\n')[0].replace(/^Invalid TOML document: /, '');
    problems.push({ range: { start: { line, character }, end: { line, character: character + 1 } }, message: `${path.basename(file)} is not valid TOML (${reason}), so Preflight reads none of its settings.` });
    return { path: file, options: {}, problems };
  }
  const tool = pyproject ? (document.tool as Record<string, unknown> | undefined) : undefined;
  const section = pyproject ? tool?.preflight : document;
  const header = pyproject ? /^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*preflight[ \t]*\]/ : null;
  const start: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const at = (key: string) => findKey(lines, header, key) ?? findKey(lines, header, '') ?? start;
  // hasPreflightSection said there is one; a document that parses gives it as a table.
  if (typeof section !== 'object' || section === null) return { path: file, options: {}, problems };
  const options: ConfigOptions = {};
  const rulesHeader = pyproject ? /^[ \t]*\[[ \t]*tool[ \t]*\.[ \t]*preflight[ \t]*\.[ \t]*rules[ \t]*\]/ : /^[ \t]*\[[ \t]*rules[ \t]*\]/;
  for (const [key, value] of Object.entries(section as Record<string, unknown>)) {
    const known = KEYS[key];
    if (!known) {
      problems.push({ range: at(key), message: `"${key}" is not a Preflight setting; known: ${Object.keys(KEYS).join(', ')}.` });
      continue;
    }
    if (known.type === 'string') {
      if (typeof value !== 'string') {
        problems.push({ range: at(key), message: `"${key}" takes a string.` });
        continue;
      }
      if (known.option === 'settingsModule' && !MODULE.test(value)) problems.push({ range: at(key), message: `"settings-module" takes a dotted module path such as config.settings.production, not "${value}".` });
      // The series the CLI's --django-version takes: an unknown one would silently mean the default.
      else if (known.option === 'djangoVersion' && seriesOf(value) === null) problems.push({ range: at(key), message: `"django-version" takes a Django release Preflight knows (${DJANGO_SERIES[0]} to ${DJANGO_SERIES[DJANGO_SERIES.length - 1]}) such as "5.2" or "5.2.8", not "${value}".` });
      else if (known.option === 'checklistFile' && (value.startsWith('/') || value.split(/[\\/]/).includes('..'))) problems.push({ range: at(key), message: '"checklist-file" is a path inside the project.' });
      else (options as Record<string, unknown>)[known.option] = value;
    } else if (known.type === 'strings') {
      if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
        problems.push({ range: at(key), message: `"${key}" takes a list of glob strings.` });
        continue;
      }
      (options as Record<string, unknown>)[known.option] = value;
    } else {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ range: at(key), message: '"rules" takes a table of rule codes or names with a severity: off, hint, info, warning or error.' });
        continue;
      }
      const rules: Record<string, ConfigSeverity> = {};
      for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
        // `[tool.preflight.rules]` as a table of its own, or `rules = { … }` inline on one line.
        const place = () => findKey(lines, rulesHeader, id) ?? at(key);
        if (!isRule(id)) problems.push({ range: place(), message: `"${id}" is not a Preflight rule code or name (see docs/rules), so this setting does nothing.` });
        else if (typeof severity !== 'string' || !SEVERITIES.has(severity)) problems.push({ range: place(), message: `"${id}" takes one of off, hint, info, warning, error.` });
        else rules[id] = severity as ConfigSeverity;
      }
      options.rules = rules;
    }
  }
  return { path: file, options, problems };
}

/**
 * The options with the configuration file's values where the options leave them unset (an
 * explicit setting, `--settings` or a VS Code setting, wins), and without the sources it ignores.
 * The checklist file's default name counts as unset.
 */
export function withProjectConfig(root: string, options: ModelOptions, sources: SourceFile[]): { options: ModelOptions; sources: SourceFile[] } {
  const config = options.config?.options;
  if (!config) return { options, sources };
  const merged: ModelOptions = { ...options };
  if (!merged.settingsModule && config.settingsModule) merged.settingsModule = config.settingsModule;
  if (!merged.productionGlobs?.length && config.productionGlobs) merged.productionGlobs = config.productionGlobs;
  if (!merged.developmentGlobs?.length && config.developmentGlobs) merged.developmentGlobs = config.developmentGlobs;
  if ((!merged.checklistFile || merged.checklistFile === DEFAULT_CHECKLIST_FILE) && config.checklistFile) merged.checklistFile = config.checklistFile;
  if (!config.ignore?.length) return { options: merged, sources };
  const ignored = picomatch(config.ignore, { dot: true });
  // The configuration file itself is never ignored: its own problems must show.
  const kept = sources.filter((source) => source.path === options.config!.path || !ignored(path.relative(root, source.path).split(path.sep).join('/')));
  return { options: merged, sources: kept };
}
