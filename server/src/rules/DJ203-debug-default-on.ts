import { defaultIsTheValue } from '../settings/readers/library';
import { pythonRepr, truthy } from '../settings/value';
import { envDefaultCause, known, replaceDefaultFix, reportSetting, fixes } from './shared/settings-findings';
import { Rule } from './rule';
import type { Location } from '../settings/value';
import { reportComposeDebugDefaults } from './shared/compose-debug-default';

function contains(outer: Location, inner: Location): boolean {
  const before = (a: Location['range']['start'], b: Location['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return outer.path === inner.path && before(outer.range.start, inner.range.start) && before(inner.range.end, outer.range.end);
}

export const rule: Rule = {
  meta: {
    code: 'DJ203',
    name: 'debug-default-on',
    description: 'DEBUG is read from the environment with a default that turns it on when the variable is absent.',
    category: 'debug',
    severity: 'warning',
    checklistItem: 'DEBUG is off in production',
    djangoCheck: 'security.W018',
  },
  checkCompose(compose, context) {
    reportComposeDebugDefaults(compose, context);
  },
  checkSettings(settings, context) {
    const binding = settings.namespace.names.get('DEBUG');
    const lookup = known(settings, 'DEBUG');
    if (!binding || !lookup || lookup.state !== 'set') return;
    const read = lookup.value.env;
    if (!read || !read.hasDefault || !read.defaultAt) return;
    // Only a default that is in effect (production's environment lacks the variable) makes Django report W018.
    const inEffect = read.source === null;
    if (inEffect && truthy(lookup.value) !== true) return;
    const defaultText = read.defaultValue ? pythonRepr(read.defaultValue) : null;
    if (!inEffect) {
      // The env sets the variable; the default still decides wherever it is missing. Judge the default itself.
      // Only the env libraries return the default as the setting; an os.getenv default goes through the module's own test.
      if (!defaultIsTheValue(read) || !read.defaultValue || truthy(read.defaultValue) !== true) return;
    }
    // A helper's own default (`def env_bool(name, default=True)`): the finding is at the call, the default beside it.
    const inHelper = read.call && !contains(read.call, read.defaultAt) ? read.call : null;
    const location = { ...lookup, location: inHelper ?? read.defaultAt };
    reportSetting(settings, { ...location, value: { ...lookup.value, env: null, via: null } }, context, {
      message:
        `${read.reader}("${read.variable}") defaults to ${defaultText ?? 'a true value'}${inHelper ? ` (the helper's default)` : ''}: wherever ${read.variable} is missing — a new server, a typo in the env file — ` +
        `DEBUG is on. Make the safe value the default.`,
      related: inHelper ? [{ path: read.defaultAt.path, range: read.defaultAt.range, message: `the default of ${read.reader}() is written here` }] : [],
      djangoCheck: inEffect ? 'security.W018' : null,
      // In effect, DJ201 reports DEBUG on at the same read: one diagnostic.
      cause: envDefaultCause(read),
      // Changing a helper's own default changes every call of it: not offered from one call.
      fixes: inHelper ? [] : fixes(replaceDefaultFix(lookup, read.reader.startsWith('os.') ? '"False"' : 'False', `Make the default of ${read.variable} False`, true)),
    });
  },
};

