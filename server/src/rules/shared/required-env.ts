/**
 * Variables the production settings require (read without a default) that no env source of
 * production sets: DJ605's finding, and DJ105's when the variable is the secret key. One root
 * cause, one diagnostic: it goes at the read, the line that makes the variable required (an env
 * file has no line for a variable it lacks), in whichever settings file holds it; the compose
 * service whose environment lacks it and the env file the fix appends to are related
 * information, and the fix adds `NAME=` to that env file.
 */
import type { ProjectModel } from '../../project/model';
import { productionLinks } from '../../project/production';
import type { SettingsView } from '../../settings/project-settings';
import type { EnvRead } from '../../settings/value';
import { productionEnvFile, appendToProductionEnv } from './production-env-file';
import { Fix, RelatedLocation, Report, rootCause } from '../rule';

/** The first read of each variable production requires and lacks; empty while production's environment is unknown. */
export function missingRequiredReads(project: ProjectModel, settings: SettingsView): EnvRead[] {
  if (!settings.isProduction) return [];
  const { environment, unknownVariables } = productionLinks(project);
  if (!environment) return [];
  const seen = new Set<string>();
  const missing: EnvRead[] = [];
  for (const read of settings.namespace.envReads) {
    // os.getenv / os.environ.get return None: not required, unless a helper raises on it (`if not value: raise …`).
    const noneWhenUnset = (read.reader === 'os.getenv' || read.reader === 'os.environ.get') && !read.raisesWhenUnset;
    if (read.hasDefault || read.source || noneWhenUnset) continue;
    if (environment.has(read.variable) || unknownVariables.has(read.variable) || seen.has(read.variable)) continue;
    seen.add(read.variable);
    missing.push(read);
  }
  return missing;
}

/** The report at the read, with the service and env file it concerns as related information. */
export function missingVariableReport(project: ProjectModel, read: EnvRead, message: string, extraFixes: Fix[] = []): Report {
  const { webService } = productionLinks(project);
  const envFile = productionEnvFile(project);
  const related: RelatedLocation[] = [];
  // A helper that raises when the variable is unset: the finding is at the call, the raise beside it.
  const raising = read.raisesWhenUnset;
  const at = raising && read.call ? read.call : read.at;
  if (raising) related.push({ path: raising.at.path, range: raising.at.range, message: `the helper raises ${raising.exception} here` });
  if (webService) {
    const sources = webService.envFiles.map((envFile) => envFile.file?.relativePath ?? envFile.reference.path.text);
    related.push({
      path: webService.primary.file.path,
      range: webService.primary.service.nameRange,
      message: `service \`${webService.name}\` gets no ${read.variable} from ${sources.length > 0 ? `${sources.join(', ')} or its environment:` : 'its environment:'}`,
    });
  }
  if (envFile) {
    const env = project.env(envFile);
    related.push({ path: envFile.path, range: env.source.rangeOf(0, env.source.lineEnd(0)), message: `production's env file, where the fix adds ${read.variable}` });
  }
  const stub: Fix[] = envFile ? [{ title: `Add ${read.variable}= to ${envFile.relativePath}`, safe: false, preferred: true, edits: appendToProductionEnv(project, [`${read.variable}=`]) }] : [];
  return {
    path: at.path,
    range: at.range,
    message: `${message}${envFile ? ` (production reads ${envFile.relativePath})` : webService ? ` (service \`${webService.name}\` in ${webService.primary.file.relativePath})` : ''}.`,
    related,
    fixes: [...extraFixes, ...stub],
    cause: rootCause('env-missing', read.variable),
  };
}
