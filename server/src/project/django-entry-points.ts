/**
 * Django's own entry points (manage.py, wsgi.py, asgi.py) and the settings module each falls back
 * to when the environment sets no DJANGO_SETTINGS_MODULE: their
 * `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "…")`. The walk reads them into the model's
 * `otherSources`; here they are parsed, never run.
 */
import * as path from 'path';
import type { SyntaxNode } from '@lezer/common';
import { childrenOf, nodeText, parsePython, stringLiteralValue } from '../parse/python';
import type { Range } from '../parse/source-text';
import type { ProjectModel } from './model';

/** File names Django's project template gives its entry points. */
export const ENTRY_POINT_NAMES = new Set(['manage.py', 'wsgi.py', 'asgi.py']);

export interface SettingsModuleDefault {
  /** The entry point's absolute path and its path relative to the project. */
  path: string;
  relativePath: string;
  /** The dotted module it defaults to: `config.settings.local`. */
  module: string;
  /** The range of the module's string literal. */
  range: Range;
}

const defaults = new WeakMap<ProjectModel, SettingsModuleDefault[]>();

/**
 * The settings-module defaults of the project's entry points: manage.py at the project root and
 * the wsgi.py/asgi.py of each top-level package that holds settings (`config/wsgi.py`).
 */
export function settingsModuleDefaults(project: ProjectModel): SettingsModuleDefault[] {
  let found = defaults.get(project);
  if (!found) {
    found = [];
    for (const candidate of entryPointPaths(project)) {
      const source = project.otherSources.get(candidate);
      if (!source || source.text === null) continue;
      const setting = settingsModuleDefault(source.text);
      if (setting) found.push({ path: candidate, relativePath: path.relative(project.root, candidate).split(path.sep).join('/'), ...setting });
    }
    defaults.set(project, found);
  }
  return found;
}

function entryPointPaths(project: ProjectModel): string[] {
  const packages = new Set<string>();
  for (const file of project.ofKind('settings')) {
    const segments = path.relative(project.root, file.path).split(path.sep);
    if (segments.length >= 2 && !segments[0].startsWith('..')) packages.add(segments[0]);
  }
  return [path.join(project.root, 'manage.py'), ...[...packages].sort().flatMap((name) => [path.join(project.root, name, 'wsgi.py'), path.join(project.root, name, 'asgi.py')])];
}

/** The module of the first top-level-or-nested `os.environ.setdefault("DJANGO_SETTINGS_MODULE", "<literal>")` call. */
export function settingsModuleDefault(text: string): { module: string; range: Range } | null {
  const file = parsePython(text);
  let result: { module: string; range: Range } | null = null;
  file.tree.iterate({
    enter: (ref) => {
      if (result) return false;
      if (ref.name !== 'CallExpression') return undefined;
      const call = ref.node;
      const callee = call.firstChild;
      const argList = call.getChild('ArgList');
      if (!callee || !argList || nodeText(file, callee).replace(/\s+/g, '') !== 'os.environ.setdefault') return undefined;
      const [name, module] = childrenOf(argList).filter((child: SyntaxNode) => child.name !== '(' && child.name !== ')' && child.name !== ',');
      if (name?.name !== 'String' || module?.name !== 'String') return undefined;
      if (stringLiteralValue(nodeText(file, name))?.value !== 'DJANGO_SETTINGS_MODULE') return undefined;
      const value = stringLiteralValue(nodeText(file, module));
      if (value && !value.format && !value.bytes) result = { module: value.value.trim(), range: file.source.rangeOf(module.from, module.to) };
      return false;
    },
  });
  return result;
}
