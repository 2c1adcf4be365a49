import { rule } from '../../../server/src/rules/DJ420-csp-nonce-not-in-templates';
import { ruleTester } from '../rule-tester';
import { PRODUCTION, SECURITY } from './settings-cases';

const CSP_MW = 'django.middleware.csp.ContentSecurityPolicyMiddleware';
const IMPORT = 'from django.utils.csp import CSP\n';
const MIDDLEWARE = `MIDDLEWARE = ["${SECURITY}", "${CSP_MW}"]\n`;
const NONCE_POLICY = 'SECURE_CSP = {"default-src": [CSP.SELF], "script-src": [CSP.SELF, CSP.NONCE]}\n';
const templates = (processors: string[]) =>
  `TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "OPTIONS": {"context_processors": [${processors.map((p) => `"${p}"`).join(', ')}]}}]\n`;
const WITHOUT = templates(['django.template.context_processors.request']);
const WITH = templates(['django.template.context_processors.request', 'django.template.context_processors.csp']);

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, djangoVersion: '6.1', text: IMPORT + MIDDLEWARE + NONCE_POLICY + WITH, name: 'the context processor is configured' },
    { path: PRODUCTION, djangoVersion: '6.1', text: IMPORT + MIDDLEWARE + 'SECURE_CSP = {"default-src": [CSP.SELF]}\n' + WITHOUT, name: 'no nonce in the policy' },
    { path: PRODUCTION, djangoVersion: '6.1', text: IMPORT + `MIDDLEWARE = ["${SECURITY}"]\n` + NONCE_POLICY + WITHOUT, name: 'the CSP middleware is not enabled' },
    { path: PRODUCTION, djangoVersion: '5.2', text: IMPORT + MIDDLEWARE + NONCE_POLICY + WITHOUT, name: 'Django 5.2 has no W027' },
    { path: PRODUCTION, text: IMPORT + MIDDLEWARE + NONCE_POLICY + WITHOUT, name: 'no version known: the assumed 5.2' },
    { path: PRODUCTION, djangoVersion: '6.1', text: IMPORT + MIDDLEWARE + NONCE_POLICY + 'from thirdparty import TEMPLATES\n', name: 'unknown TEMPLATES: silent' },
    { path: PRODUCTION, djangoVersion: '6.1', text: IMPORT + MIDDLEWARE + 'from thirdparty import POLICY\nSECURE_CSP = {"script-src": POLICY}\n' + WITHOUT, name: 'a directive that cannot be read: silent' },
    { path: PRODUCTION, djangoVersion: '6.1', text: IMPORT + MIDDLEWARE + NONCE_POLICY + 'from thirdparty import PROCESSORS\nTEMPLATES = [{"OPTIONS": {"context_processors": PROCESSORS}}]\n', name: 'context processors that cannot be read: silent' },
    { path: PRODUCTION, djangoVersion: '6.1', text: `MIDDLEWARE = ["${SECURITY}", "${CSP_MW}"]\nSECURE_CSP = {"script-src": "'self'"}\n`, name: 'a string directive without the nonce' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      djangoVersion: '6.1',
      name: 'the nonce and the middleware, no context processor: on TEMPLATES',
      text: IMPORT + MIDDLEWARE + NONCE_POLICY + WITHOUT,
      errors: [{ line: 4, column: 13, severity: 'warning', message: `SECURE_CSP uses CSP.NONCE and ${CSP_MW} is enabled, but no template backend in TEMPLATES lists 'django.template.context_processors.csp'` }],
    },
    {
      path: PRODUCTION,
      djangoVersion: '6.0',
      name: 'TEMPLATES not set (Django\'s default is []): on the module',
      text: IMPORT + MIDDLEWARE + 'SECURE_CSP_REPORT_ONLY = {"script-src": CSP.NONCE}\n',
      errors: [{ line: 1, column: 1, severity: 'warning', message: /^SECURE_CSP_REPORT_ONLY uses CSP\.NONCE/ }],
    },
    {
      path: PRODUCTION,
      djangoVersion: '6.1',
      name: 'the sentinel written as its string',
      text: MIDDLEWARE + 'SECURE_CSP = {"script-src": ["<CSP_NONCE_SENTINEL>"]}\nTEMPLATES = []\n',
      errors: [{ line: 3, column: 13, severity: 'warning', message: /^SECURE_CSP uses CSP\.NONCE/ }],
    },
  ],
});
