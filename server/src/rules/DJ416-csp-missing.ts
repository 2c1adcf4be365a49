import type { SettingsView } from '../settings/project-settings';
import { atLeast } from '../project/django-version';
import { CSP_MIDDLEWARE } from '../settings/django-defaults';
import { appendToModuleFix, hasMiddleware, knownOnEveryPath, middlewareSetting, reportSetting } from './shared/settings-findings';
import type { KnownLookup } from './shared/settings-findings';
import { insertMiddlewareFix } from './shared/middleware-setting';
import type { FileEdit, Fix, Rule, RuleContext } from './rule';

/** django-csp's middleware: it sends its own policy (default-src 'self' unless configured), on any Django. */
const DJANGO_CSP_MIDDLEWARE = 'csp.middleware.CSPMiddleware';
const CSP_IMPORT = 'from django.utils.csp import CSP';

/** A starter policy that allows the site's own origin only: to review against what the pages load. */
const STARTER_POLICY = [
  '# Content Security Policy (Django 6.0+): a starter that allows this site only; review it',
  '# against what the pages load (CDNs, analytics, inline scripts) before deploying.',
  'SECURE_CSP = {',
  '    "default-src": [CSP.SELF],',
  '    "script-src": [CSP.SELF],',
  '    "style-src": [CSP.SELF],',
  '    "img-src": [CSP.SELF, "data:"],',
  '    "object-src": [CSP.NONE],',
  '    "base-uri": [CSP.SELF],',
  '    "frame-ancestors": [CSP.SELF],',
  '}',
];

export const rule: Rule = {
  meta: {
    code: 'DJ416',
    name: 'csp-missing',
    description: 'Production (Django 6.0 or later) sends no Content Security Policy: SECURE_CSP is empty or ContentSecurityPolicyMiddleware is not in MIDDLEWARE, and django-csp is not used.',
    category: 'https',
    severity: 'info',
    checklistItem: 'Security headers are configured',
    djangoCheck: null,
  },
  checkSettings(settings, context) {
    // The SECURE_CSP form exists from 6.0: only when no series that may run is older.
    if (!atLeast(context.project.djangoVersion(), '6.0')) return;
    const name = middlewareSetting(settings);
    const builtIn = hasMiddleware(settings, CSP_MIDDLEWARE);
    const djangoCsp = hasMiddleware(settings, DJANGO_CSP_MIDDLEWARE);
    // A MIDDLEWARE that cannot be read leaves the answer unknown (the evaluator's trace says why).
    if (builtIn === null || djangoCsp === null || djangoCsp) return;
    const policy = settings.get('SECURE_CSP');
    if (policy.state === 'unknown') return;
    const policySet = policy.state === 'set' && policyNonEmpty(policy);
    if (policySet === null) return;
    const reportOnly = settings.get('SECURE_CSP_REPORT_ONLY');
    const reportOnlySet = reportOnly.state === 'set' && policyNonEmpty(reportOnly) === true;
    const what = 'browsers get no Content-Security-Policy header, so an injected script runs with the page\'s rights (the protection the obsolete X-XSS-Protection header never gave)';
    const reportNote = reportOnlySet ? ' SECURE_CSP_REPORT_ONLY only reports violations; it blocks nothing.' : '';
    if (builtIn && !policySet) {
      reportSetting(settings, policy, context, {
        message: `${CSP_MIDDLEWARE} is in ${name}, but SECURE_CSP is ${policy.state === 'default' ? 'not set' : 'empty'}: ${what}.${reportNote}`,
        fixes: policyFix(settings, context, policy, []),
      });
      return;
    }
    if (builtIn) return;
    const lookups = knownOnEveryPath(settings, name)!;
    const list = lookups[0];
    const middlewareEdits = list.state === 'set' ? insertMiddlewareFix(settings, { middleware: CSP_MIDDLEWARE, consequence: '', djangoCheck: '', first: false }, list, lookups, name)[0]?.edits ?? null : null;
    if (policySet) {
      reportSetting(settings, list, context, {
        message: `SECURE_CSP is set, but ${name} lacks ${CSP_MIDDLEWARE}: ${what}.`,
        fixes: middlewareEdits ? [{ title: `Add ${CSP_MIDDLEWARE} to ${name}`, safe: false, preferred: true, edits: middlewareEdits }] : [],
      });
      return;
    }
    reportSetting(settings, list, context, {
      message: `No Content Security Policy: ${name} lacks ${CSP_MIDDLEWARE} (or django-csp's ${DJANGO_CSP_MIDDLEWARE}) and SECURE_CSP is ${policy.state === 'default' ? 'not set' : 'empty'}: ${what}.${reportNote}`,
      fixes: middlewareEdits ? policyFix(settings, context, policy, middlewareEdits) : [],
    });
  },
};

/** Whether a policy dict holds a directive; null when that cannot be told. */
function policyNonEmpty(lookup: KnownLookup): boolean | null {
  const value = lookup.value;
  if (value.kind === 'none') return false;
  if (value.kind !== 'dict') return null;
  return value.entries.length > 0;
}

/**
 * The starter policy written for review (never safe: a policy that forbids what the pages load
 * breaks them), with the import it needs and the middleware edits given: an empty `SECURE_CSP = {}`
 * is replaced, an unset one appended to the module Django loads.
 */
function policyFix(settings: SettingsView, { project }: RuleContext, policy: KnownLookup, middlewareEdits: FileEdit[]): Fix[] {
  const source = settings.namespace.module.python.source;
  const eol = source.eol;
  const edits: FileEdit[] = [...middlewareEdits];
  if (policy.state === 'set') {
    // Only a literal `SECURE_CSP = {}` (or None) of a settings module is rewritten in place.
    const at = policy.value.at;
    const file = at ? project.get(at.path) : undefined;
    if (!at || !file || file.kind !== 'settings' || policy.value.env) return [];
    const lines = STARTER_POLICY.slice(2);
    lines[0] = '{';
    edits.push({ path: at.path, range: at.range, newText: lines.join(eol) });
    edits.push(...importEdits(project, at.path, eol));
  } else {
    edits.push(...appendToModuleFix(settings, ['', ...STARTER_POLICY], '', false).edits);
    edits.push(...importEdits(project, settings.entry.path, eol));
  }
  const title = middlewareEdits.length > 0 ? `Add ${CSP_MIDDLEWARE} and a starter SECURE_CSP (review it)` : 'Write a starter SECURE_CSP (review it)';
  return [{ title, safe: false, preferred: true, edits }];
}

/** `from django.utils.csp import CSP` after the module's last top-level import (at its top when it has none), unless it is there. */
function importEdits(project: RuleContext['project'], path: string, eol: string): FileEdit[] {
  const file = project.get(path);
  if (!file || file.text === null) return [];
  if (/^from django\.utils\.csp import (?:.*\b)?CSP\b/m.test(file.text)) return [];
  const lines = file.text.split(/\r?\n|\r/);
  let after = -1;
  for (let line = 0; line < lines.length; line++) {
    if (/^(?:from\s+\S+\s+import\s+[^(\\]*|import\s+[\w., ]+)$/.test(lines[line].replace(/\s+#.*$/, ''))) after = line;
    // Stop at the first statement that is not an import, a comment, a blank or a docstring line.
    else if (after >= 0 && /^\S/.test(lines[line]) && !lines[line].startsWith('#')) break;
  }
  const line = after + 1;
  if (line >= lines.length) {
    return [{ path, range: { start: { line: after, character: lines[after].length }, end: { line: after, character: lines[after].length } }, newText: `${eol}${CSP_IMPORT}` }];
  }
  return [{ path, range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${CSP_IMPORT}${eol}` }];
}
