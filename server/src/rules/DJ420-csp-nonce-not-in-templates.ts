import { behaviour, idIf } from '../settings/django-checks-by-version';
import { CSP_MIDDLEWARE } from '../settings/django-defaults';
import { CSP_MEMBERS } from '../settings/evaluate';
import type { Value } from '../settings/value';
import { dictGet } from '../settings/value';
import { hasMiddleware, known, reportSetting } from './shared/settings-findings';
import type { Rule } from './rule';

const CSP_PROCESSOR = 'django.template.context_processors.csp';

export const rule: Rule = {
  meta: {
    code: 'DJ420',
    name: 'csp-nonce-not-in-templates',
    description: "A Content Security Policy (Django 6.0+) uses CSP.NONCE and ContentSecurityPolicyMiddleware sends it, but no template backend has the 'django.template.context_processors.csp' context processor, so templates cannot render the nonce.",
    category: 'https',
    severity: 'warning',
    checklistItem: 'Security headers are configured',
    djangoCheck: 'security.W027',
  },
  // Django's check_csp_nonce_context_processor (6.0+), read from 6.1's django/core/checks/security/base.py.
  checkSettings(settings, context) {
    if (behaviour(context.project.djangoVersion(), 'cspChecks') !== true) return;
    if (hasMiddleware(settings, CSP_MIDDLEWARE) !== true) return;
    const policies = ['SECURE_CSP', 'SECURE_CSP_REPORT_ONLY'].map((name) => ({ name, lookup: known(settings, name) }));
    // An unreadable policy could hold the nonce: only a nonce known to be there is reported.
    const withNonce = policies.find(({ lookup }) => lookup && containsNonce(lookup.value) === true);
    if (!withNonce || !withNonce.lookup) return;
    const templates = known(settings, 'TEMPLATES');
    if (!templates) return;
    const configured = processorConfigured(templates.value);
    if (configured !== false) return;
    reportSetting(settings, templates, context, {
      message: `${withNonce.name} uses CSP.NONCE and ${CSP_MIDDLEWARE} is enabled, but no template backend in TEMPLATES lists '${CSP_PROCESSOR}' in OPTIONS["context_processors"]: the nonce is in the response header but not in the rendered pages, so every nonce-protected inline script is blocked.`,
      related: withNonce.lookup.location.path ? [{ path: withNonce.lookup.location.path, range: withNonce.lookup.location.range, message: `${withNonce.name} uses CSP.NONCE here` }] : [],
      djangoCheck: idIf(context.project.djangoVersion(), 'security.W027', 'cspChecks'),
    });
  },
};

/** Django's _csp_policy_contains_nonce: a directive whose value is, or contains, the nonce sentinel; null when that cannot be told. */
function containsNonce(policy: Value): boolean | null {
  if (policy.kind !== 'dict') return policy.kind === 'unknown' ? null : false;
  let uncertain = false;
  for (const { value } of policy.entries) {
    if (value.kind === 'str') {
      if (value.value === CSP_MEMBERS.NONCE) return true;
    } else if (value.kind === 'list' || value.kind === 'tuple' || value.kind === 'set') {
      if (value.items.some((item) => item.kind === 'str' && item.value === CSP_MEMBERS.NONCE)) return true;
      if (value.items.some((item) => item.kind === 'unknown')) uncertain = true;
    } else if (value.kind === 'unknown') uncertain = true;
  }
  return uncertain ? null : false;
}

/** Django's _csp_context_processor_configured over TEMPLATES; null when that cannot be told. */
function processorConfigured(templates: Value): boolean | null {
  if (templates.kind !== 'list' && templates.kind !== 'tuple') return null;
  let uncertain = false;
  for (const template of templates.items) {
    if (template.kind !== 'dict') {
      if (template.kind === 'unknown') uncertain = true;
      continue;
    }
    const options = dictGet(template, 'OPTIONS');
    if (options === null) { uncertain = true; continue; }
    if (options === undefined) continue;
    if (options.kind !== 'dict') { uncertain = true; continue; }
    const processors = dictGet(options, 'context_processors');
    if (processors === null) { uncertain = true; continue; }
    if (processors === undefined) continue;
    if (processors.kind !== 'list' && processors.kind !== 'tuple') { uncertain = true; continue; }
    if (processors.items.some((item) => item.kind === 'str' && item.value === CSP_PROCESSOR)) return true;
    if (processors.items.some((item) => item.kind !== 'str')) uncertain = true;
  }
  return uncertain ? null : false;
}
