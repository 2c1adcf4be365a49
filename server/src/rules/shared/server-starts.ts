/**
 * What the Gunicorn/Uvicorn rules share: the starts a compose file or a Procfile writes, where a
 * finding about an option goes (its flag, else the command), the fixes that remove or replace an
 * option in place, and a config file's settings with the starts that override them.
 */
import type { ComposeFile } from '../../parse/compose';
import type { Procfile } from '../../parse/procfile';
import type { Range } from '../../parse/source-text';
import type { ServerOption } from '../../project/gunicorn-command';
import type { GunicornConfigModule, ResolvedSettingName } from '../../project/gunicorn-settings';
import type { ProjectFile, ProjectModel } from '../../project/model';
import { ServerStart, composeServiceStarts, configUsers, procfileStarts } from '../../project/server-starts';
import type { Binding } from '../../settings/namespace';
import type { Fix, Rule, RuleContext } from '../rule';
import { fileServices } from './compose-services';

/** The compose and Procfile hooks of a rule that judges each server start the same way, wherever it is written. */
export function onServerStarts(check: (start: ServerStart, context: RuleContext) => void): Pick<Rule, 'checkCompose' | 'checkProcfile'> {
  return {
    checkCompose(compose, context) {
      for (const start of composeStarts(context.project, context.file, compose)) check(start, context);
    },
    checkProcfile(procfile, context) {
      for (const start of procfileServerStarts(context.project, context.file, procfile)) check(start, context);
    },
  };
}

export function composeStarts(project: ProjectModel, file: ProjectFile, compose: ComposeFile): ServerStart[] {
  return fileServices(project, file, compose).flatMap(({ service, effective }) => composeServiceStarts(project, compose, service, effective));
}

export function procfileServerStarts(project: ProjectModel, file: ProjectFile, procfile: Procfile): ServerStart[] {
  return procfile.processes.flatMap((process) => procfileStarts(project, file, procfile, process));
}

/** The option's flag and value in the linted file, else the whole command (or the service). */
export function optionRange(start: ServerStart, option: ServerOption): Range {
  return start.rangeOf(option.span) ?? start.range;
}

/** "in the CMD in Dockerfile line 3" for a start written outside the linted file; "" otherwise. */
export function writtenIn(start: ServerStart): string {
  return start.writtenIn ? ` (in ${start.writtenIn})` : '';
}

/** Removes an option and the blanks before it, when it is written verbatim in the linted file. */
export function removeOptionFix(file: ProjectFile, start: ServerStart, option: ServerOption, title: string): Fix[] {
  if (!option.span || start.commandText === null) return [];
  const blanks = /[ \t]*$/.exec(start.commandText.slice(0, option.span.start))![0].length;
  const range = start.rangeOf({ start: option.span.start - blanks, end: option.span.end });
  return range ? [{ title, safe: true, preferred: true, edits: [{ path: file.path, range, newText: '' }] }] : [];
}

/** Replaces an option's value, when it is written verbatim (unquoted) in the linted file. */
export function replaceValueFix(file: ProjectFile, start: ServerStart, option: ServerOption, newText: string, title: string): Fix[] {
  const range = start.rangeOf(option.valueSpan);
  return range ? [{ title, safe: true, preferred: true, edits: [{ path: file.path, range, newText }] }] : [];
}

/** A setting the config file assigns, with the range of its line (target to value) in that file. */
export function configBinding(config: GunicornConfigModule, setting: string): Binding | null {
  const binding = config.namespace.names.get(setting);
  return binding && binding.statement.path === config.path ? binding : null;
}

/** A start that loads this config file and sets the setting itself (command line or GUNICORN_CMD_ARGS), so the line has no effect there. */
export function overridingStarts(project: ProjectModel, file: ProjectFile, setting: ResolvedSettingName): ServerStart[] {
  return configUsers(project, file).filter((start) => {
    const resolved = start.gunicorn?.settings.get(setting);
    return resolved?.state === 'known' && resolved.origin !== 'config';
  });
}

/** Every start that loads the config file overrides the setting (and at least one does). */
export function overriddenEverywhere(project: ProjectModel, file: ProjectFile, setting: ResolvedSettingName): boolean {
  const starts = configUsers(project, file);
  return starts.length > 0 && overridingStarts(project, file, setting).length === starts.length;
}

/** Replaces the literal a config line assigns, when the value is that literal in this file. */
export function replaceConfigValueFix(file: ProjectFile, binding: Binding, newText: string, title: string): Fix[] {
  const at = binding.value.at;
  if (!at || at.path !== file.path) return [];
  return [{ title, safe: true, preferred: true, edits: [{ path: file.path, range: at.range, newText }] }];
}
