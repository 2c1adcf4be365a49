/**
 * Modules of installed packages that projects star-import into their settings, as the packages'
 * documentation tells them to (`from oscar.defaults import *`), with the names each defines, read
 * from the package's source. They are not in the repository, so their values stay unknown; but a
 * name outside their pattern is not theirs: such an import no longer makes every setting never
 * assigned unknown, only the names it could define. A module not listed here still does.
 */
export interface PackageDefaults {
  /** The names the module defines (whatever the package's version). */
  defines: RegExp;
  /** What defines them, for the trace and the unknown's reason. */
  what: string;
}

const PACKAGE_DEFAULTS: Record<string, PackageDefaults> = {
  // django-oscar's src/oscar/defaults.py: its OSCAR_* settings and HAYSTACK_SIGNAL_PROCESSOR (1.x to 4.x).
  'oscar.defaults': { defines: /^(?:OSCAR_|HAYSTACK_)/, what: "django-oscar's OSCAR_* and HAYSTACK_* defaults" },
};

export function packageDefaults(dotted: string): PackageDefaults | null {
  return Object.prototype.hasOwnProperty.call(PACKAGE_DEFAULTS, dotted) ? PACKAGE_DEFAULTS[dotted] : null;
}
