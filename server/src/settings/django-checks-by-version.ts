/**
 * What each Django series' `check --deploy` does differently, in one place: the rules that mirror
 * a Django check ask here for the id to report, and the settings view for the defaults. Derived
 * from Django's own source (django/core/checks/security/*.py, compatibility/django_4_0.py,
 * conf/global_settings.py) of 3.2.25, 4.2.28, 5.2.18 and 6.1.1: docs/django-versions.md has the
 * table and how it was made. The series in between follow the release that added a check
 * (E024 and 4_0.E001: 4.0; W025: 4.1; E026 and W027: 6.0); a behaviour whose change was not
 * traced to its release (cookie flags compared with `is True`: somewhere in 4.0–4.2) is unknown
 * for the series it may have changed in, so no id that depends on it is claimed there.
 */
import type { DjangoSeries, DjangoVersion } from '../project/django-version';

/** A fact of one series: known, or not traced to its release (then nothing is claimed on it). */
type Fact = boolean | 'unknown';

interface SeriesFacts {
  /** W010–W016 pass only when the cookie flag `is True` (else any truthy value passes). */
  cookieFlagIsTrue: Fact;
  /** security.E024: SECURE_CROSS_ORIGIN_OPENER_POLICY must be a known policy (or None). */
  openerPolicyCheck: Fact;
  /** security.W025: every SECRET_KEY_FALLBACKS key passes W009's test. */
  fallbackKeysCheck: Fact;
  /** security.E026 (SECURE_CSP / SECURE_CSP_REPORT_ONLY must be a dict or None) and W027. */
  cspChecks: Fact;
  /** 4_0.E001: CSRF_TRUSTED_ORIGINS entries must hold a scheme. */
  trustedOriginsScheme: Fact;
  /** Settings global_settings.py defines in this series (beyond those every series has). */
  defines: readonly string[];
}

const SINCE_4_0 = ['SECURE_CROSS_ORIGIN_OPENER_POLICY'];
const SINCE_4_1 = [...SINCE_4_0, 'SECRET_KEY_FALLBACKS'];
const SINCE_6_0 = [...SINCE_4_1, 'SECURE_CSP', 'SECURE_CSP_REPORT_ONLY'];

const FACTS: Record<DjangoSeries, SeriesFacts> = {
  '3.2': { cookieFlagIsTrue: false, openerPolicyCheck: false, fallbackKeysCheck: false, cspChecks: false, trustedOriginsScheme: false, defines: ['SECURE_BROWSER_XSS_FILTER'] },
  '4.0': { cookieFlagIsTrue: 'unknown', openerPolicyCheck: true, fallbackKeysCheck: false, cspChecks: false, trustedOriginsScheme: true, defines: SINCE_4_0 },
  '4.1': { cookieFlagIsTrue: 'unknown', openerPolicyCheck: true, fallbackKeysCheck: true, cspChecks: false, trustedOriginsScheme: true, defines: SINCE_4_1 },
  '4.2': { cookieFlagIsTrue: true, openerPolicyCheck: true, fallbackKeysCheck: true, cspChecks: false, trustedOriginsScheme: true, defines: SINCE_4_1 },
  '5.0': { cookieFlagIsTrue: true, openerPolicyCheck: true, fallbackKeysCheck: true, cspChecks: false, trustedOriginsScheme: true, defines: SINCE_4_1 },
  '5.1': { cookieFlagIsTrue: true, openerPolicyCheck: true, fallbackKeysCheck: true, cspChecks: false, trustedOriginsScheme: true, defines: SINCE_4_1 },
  '5.2': { cookieFlagIsTrue: true, openerPolicyCheck: true, fallbackKeysCheck: true, cspChecks: false, trustedOriginsScheme: true, defines: SINCE_4_1 },
  '6.0': { cookieFlagIsTrue: true, openerPolicyCheck: true, fallbackKeysCheck: true, cspChecks: true, trustedOriginsScheme: true, defines: SINCE_6_0 },
  '6.1': { cookieFlagIsTrue: true, openerPolicyCheck: true, fallbackKeysCheck: true, cspChecks: true, trustedOriginsScheme: true, defines: SINCE_6_0 },
};

export type DjangoBehaviour = Exclude<keyof SeriesFacts, 'defines'>;

/** The behaviour when every series that may run agrees on it, else 'unknown'. */
export function behaviour(version: DjangoVersion, name: DjangoBehaviour): Fact {
  const facts = new Set(version.series.map((series) => FACTS[series][name]));
  return facts.size === 1 ? [...facts][0] : 'unknown';
}

/**
 * The Django id to report when `reports(series)` says whether each series reports it: the id
 * when every series that may run reports it, else null (series disagree, or a fact is unknown).
 */
export function idWhen(version: DjangoVersion, id: string, reports: (facts: SeriesFacts) => Fact): string | null {
  return version.series.every((series) => reports(FACTS[series]) === true) ? id : null;
}

/** Whether every series that may run reports a check that needs `name` (the id then applies for sure). */
export function idIf(version: DjangoVersion, id: string, name: DjangoBehaviour): string | null {
  return idWhen(version, id, (facts) => facts[name]);
}

/** Settings only some series define: each maps to the series whose global_settings.py has it. */
const VERSIONED = new Set(Object.values(FACTS).flatMap((facts) => facts.defines));

/**
 * Whether the series that may run define `name` in global_settings.py: true for all, false for
 * none, 'unknown' when they differ. Settings every series defines are true.
 */
export function definedBy(version: DjangoVersion, name: string): Fact {
  if (!VERSIONED.has(name)) return true;
  const defined = new Set(version.series.map((series) => FACTS[series].defines.includes(name)));
  return defined.size === 1 ? [...defined][0] : 'unknown';
}

/** A text for traces: which series may run. */
export function seriesText(version: DjangoVersion): string {
  return version.series.length === 1 ? `Django ${version.series[0]}` : `Django ${version.series[0]}–${version.series[version.series.length - 1]}`;
}
