import { Rule } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ003',
    name: 'config-invalid',
    description: "Preflight's configuration (`[tool.preflight]` in pyproject.toml, or preflight.toml) has a setting Preflight does not know, a value of the wrong type, a rule name that is no rule, or is not valid TOML: that setting does nothing.",
    category: 'files',
    severity: 'warning',
    checklistItem: 'Production configuration is reviewed',
    djangoCheck: null,
    // The configuration file is read wherever it is; its own context says nothing.
    anyContext: true,
  },
  checkConfig(config, { report }) {
    for (const problem of config.problems) report({ range: problem.range, message: problem.message });
  },
};
