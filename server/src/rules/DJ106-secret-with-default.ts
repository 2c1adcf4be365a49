import { defaultIsDroppable } from '../settings/readers/library';
import { settingsAnalysis } from '../settings/project-settings';
import type { EnvRead } from '../settings/value';
import type { ProjectModel } from '../project/model';
import { isSecretVariable } from './shared/credentials';
import { Fix, Rule } from './rule';
import { maskSecret } from './shared/secrets';

export const rule: Rule = {
  meta: {
    code: 'DJ106',
    name: 'secret-with-default',
    description: 'The production settings read a secret (key, password, token) with a fallback value, so a missing variable silently uses the fallback.',
    category: 'secrets',
    severity: 'error',
    checklistItem: 'Store SECRET_KEY securely (not in version control)',
    djangoCheck: null,
  },
  checkSettings(settings, { project, report }) {
    // Without a known production module, a settings module of its own that nothing marks as
    // development is what a deployment loads (a lone settings.py): its fallbacks are production's.
    if (!settings.isProduction && (settings.entry.context === 'development' || settingsAnalysis(project).production)) return;
    const seen = new Set<EnvRead>();
    for (const read of settings.namespace.envReads) {
      if (seen.has(read) || !read.hasDefault || !isSecretVariable(read.variable)) continue;
      seen.add(read);
      const fallback = read.defaultValue;
      // None fails loudly and False turns the feature off (no secret to leak); another variable is a
      // deliberate alias; an unknown default is not judged.
      if (!fallback || fallback.kind === 'none' || (fallback.kind === 'bool' && !fallback.value) || fallback.kind === 'unknown' || fallback.env) continue;
      // In a module only presumed to be production (no production module known), an empty fallback
      // is taken as the feature left off (an optional integration, SMTP without auth), not a secret.
      if (!settings.isProduction && fallback.kind === 'str' && fallback.value === '') continue;
      const shown = fallback.kind === 'str' ? (fallback.value === '' ? 'an empty string' : maskSecret(fallback.value)) : 'a fixed value';
      // A helper's read (`def envsecret(name, default): return os.getenv(name, default)`) is changed
      // at its call, where the default is written; rewriting the helper would fix nothing.
      const at = read.call ?? read.at;
      report({
        path: at.path,
        range: at.range,
        message: `${read.reader}("${read.variable}") falls back to ${shown} when ${read.variable} is unset: a production environment that forgets the variable starts anyway, with a secret that is in version control${fallback.kind === 'str' && fallback.value === '' ? ' or empty' : ''}.`,
        fixes: read.call ? [] : dropDefaultFix(project, read),
        ...(read.call ? { related: [{ path: read.at.path, range: read.at.range, message: `read here by ${read.reader}("${read.variable}"), in the helper` }] } : {}),
      });
    }
  },
};

/** `os.getenv("X", "d")` -> `os.environ["X"]`; `env("X", default="d")` -> `env("X")`. */
function dropDefaultFix(project: ProjectModel, read: EnvRead): Fix[] {
  const title = `Drop the default of ${read.variable}: fail at startup when it is unset`;
  if (read.reader === 'os.getenv' || read.reader === 'os.environ.get') {
    return [{ title, safe: false, preferred: true, edits: [{ path: read.at.path, range: read.at.range, newText: `os.environ["${read.variable}"]` }] }];
  }
  const file = project.get(read.at.path);
  if (!defaultIsDroppable(read) || !read.defaultAt || !file || file.text === null) return [];
  const source = project.settings(file).source;
  const callEnd = source.offsetAt(read.at.range.end);
  let start = source.offsetAt(read.defaultAt.range.start);
  let end = source.offsetAt(read.defaultAt.range.end);
  const before = source.text.slice(0, start).match(/,\s*(?:default\s*=\s*)?$/);
  const after = source.text.slice(end, callEnd).match(/^\s*,?\s*\)$/);
  if (!before || !after) return [];
  start -= before[0].length;
  end = callEnd - 1;
  return [{ title, safe: false, preferred: true, edits: [{ path: read.at.path, range: source.rangeOf(start, end), newText: '' }] }];
}
