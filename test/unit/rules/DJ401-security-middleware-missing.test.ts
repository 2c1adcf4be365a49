import { rule } from '../../../server/src/rules/DJ401-security-middleware-missing';
import { ruleTester } from '../rule-tester';
import { BASE, PRODUCTION, SECURITY } from './settings-cases';

const COMMON = 'django.middleware.common.CommonMiddleware';

ruleTester(rule, {
  valid: [
    { path: PRODUCTION, text: `MIDDLEWARE = ["${SECURITY}", "${COMMON}"]\n` },
    { path: PRODUCTION, text: `MIDDLEWARE = ["${COMMON}"]\nMIDDLEWARE.insert(0, "${SECURITY}")\n`, name: '.insert' },
    { path: PRODUCTION, text: `from .base import *\nMIDDLEWARE += ["${COMMON}"]\n`, files: { [BASE]: `MIDDLEWARE = ["${SECURITY}"]\n` }, name: '+= on the base list' },
    { path: PRODUCTION, text: 'from thirdparty import MIDDLEWARE\n', name: 'unknown list: silent' },
    { path: PRODUCTION, text: `MIDDLEWARE = [m for m in ["${SECURITY}"]]\n`, name: 'comprehension over a known list' },
    { path: PRODUCTION, text: `MIDDLEWARE_CLASSES = ("${SECURITY}", "${COMMON}")\n`, name: 'MIDDLEWARE unset, MIDDLEWARE_CLASSES set: Django < 2.0 reads it' },
  ],
  invalid: [
    {
      path: PRODUCTION,
      text: `MIDDLEWARE = [\n    "${COMMON}",\n]\n`,
      errors: [{ line: 1, column: 14, message: 'MIDDLEWARE lacks django.middleware.security.SecurityMiddleware' }],
      output: `MIDDLEWARE = [\n    "${SECURITY}",\n    "${COMMON}",\n]\n`,
    },
    {
      path: PRODUCTION,
      name: 'unset: Django\'s default is empty',
      text: 'DEBUG = False\n',
      errors: [{ line: 1, column: 1, message: 'MIDDLEWARE is not set' }],
      output: `DEBUG = False\nMIDDLEWARE = ["${SECURITY}"]\n`,
    },
    {
      path: PRODUCTION,
      name: 'MIDDLEWARE unset: MIDDLEWARE_CLASSES (Django < 2.0) is judged and fixed',
      text: `MIDDLEWARE_CLASSES = (\n    "${COMMON}",\n)\n`,
      errors: [{ line: 1, column: 22, message: 'MIDDLEWARE_CLASSES lacks django.middleware.security.SecurityMiddleware' }],
      output: `MIDDLEWARE_CLASSES = (\n    "${SECURITY}",\n    "${COMMON}",\n)\n`,
    },
    {
      path: PRODUCTION,
      name: 'MIDDLEWARE set: MIDDLEWARE_CLASSES is ignored, as Django >= 1.10 ignores it',
      text: `MIDDLEWARE = ["${COMMON}"]\nMIDDLEWARE_CLASSES = ["${SECURITY}"]\n`,
      errors: [{ line: 1, column: 14, message: 'MIDDLEWARE lacks django.middleware.security.SecurityMiddleware' }],
      output: `MIDDLEWARE = ["${SECURITY}", "${COMMON}"]\nMIDDLEWARE_CLASSES = ["${SECURITY}"]\n`,
    },
    { path: PRODUCTION, name: '.remove takes it out', text: `MIDDLEWARE = ("${SECURITY}", "${COMMON}")\nMIDDLEWARE = list(MIDDLEWARE)\nMIDDLEWARE.remove("${SECURITY}")\n`, errors: [{ line: 2, column: 14 }] },
    {
      path: BASE,
      name: 'the base list, loaded by production',
      text: `MIDDLEWARE = ["${COMMON}"]\n`,
      files: { [PRODUCTION]: 'from .base import *\n' },
      errors: [{ line: 1, column: 14 }],
      output: `MIDDLEWARE = ["${SECURITY}", "${COMMON}"]\n`,
    },
  ],
});
