import { productionLinks } from '../project/production';
import { productionEnvFile, appendToProductionEnv } from './production-env-file';
import { reportComposeRequiredEnv } from './compose-required-env';
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
  checkCompose(compose, context) {
    reportComposeRequiredEnv(compose, context);
  },
  checkSettings(settings, { project, report }) {
    if (!settings.isProduction) return;
    const { environment, unknownVariables } = productionLinks(project);
    if (!environment) return;
    const seen = new Set<string>();
    for (const read of settings.namespace.envReads) {
      // os.environ.get gives None when unset; a helper that raises on it (`if not value: raise …`) fails as os.environ[] does.
      const raising = read.raisesWhenUnset;
      if (read.hasDefault || read.source || ((read.reader === 'os.getenv' || read.reader === 'os.environ.get') && !raising)) continue;
      if (environment.has(read.variable) || unknownVariables.has(read.variable) || seen.has(read.variable)) continue;
      seen.add(read.variable);
      const envFile = productionEnvFile(project);
      const at = raising && read.call ? read.call : read.at;
      const what = raising && read.call
        ? `This call raises ${raising.exception} when ${read.variable} is unset, and no env source of production sets ${read.variable}`
        : `${read.reader}("${read.variable}") has no default and no env source of production sets ${read.variable}`;
      report({
        path: at.path,
        range: at.range,
        message: `${what}: the settings raise at startup${envFile ? ` (production reads ${envFile.relativePath})` : ''}.`,
        related: raising ? [{ path: raising.at.path, range: raising.at.range, message: `the helper raises ${raising.exception} here` }] : [],
        fixes: envFile ? [{ title: `Add ${read.variable}= to ${envFile.relativePath}`, safe: false, preferred: true, edits: appendToProductionEnv(project, [`${read.variable}=`]) }] : [],
      });
    }
  },
};
