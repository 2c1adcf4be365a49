import { missingRequiredReads, missingVariableReport } from './shared/required-env';
import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ605',
    name: 'required-env-missing',
    description: 'The production settings read an environment variable without a default that no env source of production sets, so they fail to load.',
    category: 'data',
    severity: 'error',
    checklistItem: 'Environment variables configured',
    djangoCheck: null,
  },
  checkSettings(settings, { project, report }) {
    for (const read of missingRequiredReads(project, settings)) {
      const what = read.raisesWhenUnset && read.call
        ? `This call raises ${read.raisesWhenUnset.exception} when ${read.variable} is unset, and no env source of production sets ${read.variable}`
        : `${read.reader}("${read.variable}") has no default and no env source of production sets ${read.variable}`;
      report(missingVariableReport(project, read, `${what}: the settings raise at startup`));
    }
  },
};
