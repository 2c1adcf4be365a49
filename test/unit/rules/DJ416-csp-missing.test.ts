import { rule } from '../../../server/src/rules/DJ416-csp-missing';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION, SECURITY } from './settings-cases';

const CSP_MW = 'django.middleware.csp.ContentSecurityPolicyMiddleware';
const COMMON = 'django.middleware.common.CommonMiddleware';
const POLICY = 'SECURE_CSP = {"default-src": ["\'self\'"]}\n';
const STARTER = `# Content Security Policy (Django 6.0+): a starter that allows this site only; review it
# against what the pages load (CDNs, analytics, inline scripts) before deploying.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
`;

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, djangoVersion: '6.1', text: `MIDDLEWARE = ["${SECURITY}", "${CSP_MW}", "${COMMON}"]\n${POLICY}`, name: 'the middleware and a policy' },
    { path: PRODUCTION, djangoVersion: '6.0', text: `MIDDLEWARE = ["${SECURITY}", "csp.middleware.CSPMiddleware"]\n`, name: 'django-csp' },
    { path: PRODUCTION, djangoVersion: '5.2', text: `MIDDLEWARE = ["${SECURITY}", "${COMMON}"]\n`, name: 'Django 5.2 has no SECURE_CSP' },
    { path: PRODUCTION, text: `MIDDLEWARE = ["${SECURITY}", "${COMMON}"]\n`, name: 'no version known: the assumed 5.2' },
    { path: PRODUCTION, djangoVersion: '6.1', text: 'from thirdparty import MIDDLEWARE\n', name: 'unknown MIDDLEWARE: silent' },
    { path: PRODUCTION, djangoVersion: '6.1', text: `from thirdparty import POLICY\nMIDDLEWARE = ["${SECURITY}", "${CSP_MW}"]\nSECURE_CSP = POLICY\n`, name: 'unknown SECURE_CSP: silent' },
    { path: 'config/settings/local.py', djangoVersion: '6.1', text: `MIDDLEWARE = ["${SECURITY}"]\n`, name: 'a development module' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      djangoVersion: '6.1',
      name: 'neither: the middleware after SecurityMiddleware, the import and a starter policy',
      text: `import os\n\nMIDDLEWARE = [\n    "${SECURITY}",\n    "${COMMON}",\n]\n`,
      errors: [{ line: 3, column: 14, severity: 'info', message: `No Content Security Policy: MIDDLEWARE lacks ${CSP_MW} (or django-csp's csp.middleware.CSPMiddleware) and SECURE_CSP is not set` }],
      output: `import os\nfrom django.utils.csp import CSP\n\nMIDDLEWARE = [\n    "${SECURITY}",\n    "${CSP_MW}",\n    "${COMMON}",\n]\n\n${STARTER}`,
    },
    {
      path: PRODUCTION,
      djangoVersion: '6.0',
      name: 'a policy without the middleware sends nothing',
      text: `MIDDLEWARE = ["${SECURITY}", "${COMMON}"]\n${POLICY}`,
      errors: [{ line: 1, column: 14, message: `SECURE_CSP is set, but MIDDLEWARE lacks ${CSP_MW}` }],
      output: `MIDDLEWARE = ["${SECURITY}", "${CSP_MW}", "${COMMON}"]\n${POLICY}`,
    },
    {
      path: PRODUCTION,
      djangoVersion: '6.1',
      name: 'the middleware with SECURE_CSP = {}: the empty dict is replaced',
      text: `MIDDLEWARE = ["${SECURITY}", "${CSP_MW}"]\nSECURE_CSP = {}\nSECURE_CSP_REPORT_ONLY = {"default-src": ["'self'"]}\n`,
      errors: [{ line: 2, column: 14, message: /but SECURE_CSP is empty: .* SECURE_CSP_REPORT_ONLY only reports violations; it blocks nothing\.$/ }],
      output: `from django.utils.csp import CSP\nMIDDLEWARE = ["${SECURITY}", "${CSP_MW}"]\nSECURE_CSP = {\n    "default-src": [CSP.SELF],\n    "script-src": [CSP.SELF],\n    "style-src": [CSP.SELF],\n    "img-src": [CSP.SELF, "data:"],\n    "object-src": [CSP.NONE],\n    "base-uri": [CSP.SELF],\n    "frame-ancestors": [CSP.SELF],\n}\nSECURE_CSP_REPORT_ONLY = {"default-src": ["'self'"]}\n`,
    },
    {
      path: BASE,
      djangoVersion: '6.1',
      name: 'the base module\'s list; the policy goes to the module Django loads',
      text: `MIDDLEWARE = ["${SECURITY}", "${COMMON}"]\n`,
      files: { [PRODUCTION]: 'from .base import *  # noqa\n' },
      errors: [{ line: 1, column: 14 }],
      output: `MIDDLEWARE = ["${SECURITY}", "${CSP_MW}", "${COMMON}"]\n`,
      outputFiles: { [PRODUCTION]: `from .base import *  # noqa\nfrom django.utils.csp import CSP\n\n${STARTER}` },
    },
  ],
});
