/**
 * Python files that are settings modules because something names them, whatever their path
 * (`config/django/production.py`): the module `--settings`/`preflight.settingsModule` gives, the
 * one production's DJANGO_SETTINGS_MODULE selects, the defaults of manage.py/wsgi.py/asgi.py, and
 * the project modules such a module imports. Read from the import statements, never run.
 */
import * as path from 'path';
import { childrenOf, nodeText, parsePython } from '../parse/python';
import { ENTRY_POINT_NAMES, settingsModuleDefault } from './django-entry-points';

/** A project file's path and text (null when it was not read). */
export type TextOf = (filePath: string) => string | null | undefined;

/** The dotted modules an entry point of the project defaults to: manage.py at the root, wsgi.py/asgi.py one folder down. */
export function entryPointModules(root: string, paths: Iterable<string>, textOf: TextOf): string[] {
  const modules: string[] = [];
  for (const filePath of paths) {
    const segments = path.relative(root, filePath).split(path.sep);
    const name = segments[segments.length - 1];
    if (!ENTRY_POINT_NAMES.has(name) || segments[0] === '..' || segments.length > 2 || (name === 'manage.py') !== (segments.length === 1)) continue;
    const text = textOf(filePath);
    const setting = text ? settingsModuleDefault(text) : null;
    if (setting) modules.push(setting.module);
  }
  return modules;
}

/** The files a dotted module may be, below a folder. */
function moduleCandidates(base: string, dotted: string): string[] {
  const parts = dotted === '' ? [] : dotted.split('.');
  return parts.length === 0 ? [path.join(base, '__init__.py')] : [path.join(base, ...parts) + '.py', path.join(base, ...parts, '__init__.py')];
}

/** What one module's import statements may load: candidate files per import (relative ones from its folder, absolute from the root). */
export function importedCandidates(root: string, filePath: string, text: string): string[][] {
  const file = parsePython(text);
  const found: string[][] = [];
  file.tree.iterate({
    enter: (ref) => {
      if (ref.name !== 'ImportStatement') return undefined;
      const children = childrenOf(ref.node);
      if (children[0]?.name === 'import') {
        // import a.b, c: each dotted name
        let parts: string[] = [];
        const flush = () => {
          if (parts.length) found.push(moduleCandidates(root, parts.join('.')));
          parts = [];
        };
        for (let i = 1; i < children.length; i++) {
          const child = children[i];
          if (child.name === 'VariableName') parts.push(nodeText(file, child));
          else if (child.name === 'as') {
            flush();
            i++;
          } else if (child.name === ',') flush();
        }
        flush();
        return false;
      }
      let level = 0;
      const parts: string[] = [];
      let i = 1;
      for (; i < children.length && children[i].name !== 'import'; i++) {
        const child = children[i];
        if (child.name === '.') level += parts.length === 0 ? 1 : 0;
        else if (child.name === 'Ellipsis') level += 3;
        else if (child.name === 'VariableName') parts.push(nodeText(file, child));
      }
      let base = root;
      if (level > 0) {
        base = path.dirname(filePath);
        for (let up = 1; up < level; up++) base = path.dirname(base);
      }
      const dotted = parts.join('.');
      found.push(moduleCandidates(base, dotted));
      // `from config.settings import celery`: a name may be a submodule.
      for (i++; i < children.length; i++) {
        if (children[i].name === 'VariableName' && children[i - 1]?.name !== 'as') found.push(moduleCandidates(base, [dotted, nodeText(file, children[i])].filter(Boolean).join('.')));
      }
      return false;
    },
  });
  return found;
}

export interface NamedModules {
  /** Files reached: the named modules that exist and what they import, transitively. */
  reached: Set<string>;
  /** Files that would be reached but were not read (to read when they exist). */
  unread: Set<string>;
}

/**
 * The named modules and, for those whose path does not already make them settings modules, the
 * project modules they import, transitively. A named module that is a settings file by path keeps
 * today's import resolution (its imports of app code are not pulled in).
 */
export function namedModuleClosure(root: string, modules: string[], textOf: TextOf, isSettingsByPath: (filePath: string) => boolean): NamedModules {
  const reached = new Set<string>();
  const unread = new Set<string>();
  const queue: string[][] = modules.map((module) => moduleCandidates(root, module.trim()));
  while (queue.length > 0) {
    const candidates = queue.shift()!;
    const existing = candidates.find((candidate) => typeof textOf(candidate) === 'string' || textOf(candidate) === null);
    if (!existing) {
      for (const candidate of candidates) if (textOf(candidate) === undefined) unread.add(candidate);
      continue;
    }
    if (reached.has(existing)) continue;
    reached.add(existing);
    const text = textOf(existing);
    if (isSettingsByPath(existing) || !text) continue;
    for (const imported of importedCandidates(root, existing, text)) queue.push(imported);
  }
  return { reached, unread };
}
