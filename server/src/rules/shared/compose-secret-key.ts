import type { ComposeFile } from '../../parse/compose';
import { serviceEnvironment, unreadEnvFiles } from '../../project/compose-application';
import { containerEnvironment } from '../../project/entrypoint-exports';
import { djangoEvidence, productionLinks } from '../../project/production';
import { productionSettings } from '../../settings/project-settings';
import { appendLinesFix } from './env-settings';
import { composeEnvViews, fileServices } from './compose-services';
import type { Fix, RuleContext } from '../rule';
import { SECRET_KEY_VARIABLES, generateSecretKey } from './secrets';
import { ownsAbsentKey } from '../DJ105-secret-key-missing';

/**
 * DJ105's compose side: a Django service whose container environment (env files and
 * `environment:` together) has no secret key, or an empty one written in compose.
 */
export function reportComposeSecretKeyMissing(compose: ComposeFile, { file, project, report }: RuleContext): void {
  for (const { env } of composeEnvViews(project, file, compose)) {
    for (const key of SECRET_KEY_VARIABLES) {
      const entry = env.get(key);
      if (!entry || entry.value !== '') continue;
      report({
        range: entry.keyRange,
        message: `${entry.key} is empty in ${file.relativePath}: it overrides any env file, so Django starts without a key (ImproperlyConfigured, check --deploy W009).`,
      });
    }
  }
  for (const { service, effective } of fileServices(project, file, compose)) {
    if (!effective || effective.primary.service !== service || !djangoEvidence(project, effective)) continue;
    const environment = serviceEnvironment(project, effective);
    // The image's ENV or a start script may set it (`export DJANGO_SECRET_KEY="$(cat /run/secrets/…)"`).
    const container = containerEnvironment(project, effective).variables;
    if (SECRET_KEY_VARIABLES.some((key) => environment.has(key) || container.has(key))) continue;
    // An env file the project does not hold may set it (DJ706 says the file is missing, once).
    if (unreadEnvFiles(effective).length > 0) continue;
    // One root cause, one diagnostic. Known production settings that bind SECRET_KEY report a
    // missing key at their read (DJ105 checkSettings) for the web service; an env file of the
    // service that reports the absence itself is where the fix goes.
    if (effective === productionLinks(project).webService && productionSettings(project)?.namespace.names.has('SECRET_KEY')) continue;
    if (effective.envFiles.some((envFile) => envFile.file && envFile.file.text !== null && envFile.file.kind === 'env' && ownsAbsentKey(project, envFile.file, project.env(envFile.file)))) continue;
    // Without any Django variable the service is configured some other way (a secrets file, a vault).
    if (![...environment.keys()].some((key) => key.startsWith('DJANGO_'))) continue;
    const sources = effective.envFiles.map((envFile) => envFile.file?.relativePath ?? envFile.reference.path.text);
    report({
      range: service.nameRange,
      message:
        `Service \`${service.name}\` gets no DJANGO_SECRET_KEY from ${sources.length > 0 ? sources.join(', ') : 'its environment'}` +
        ': Django fails at startup, or falls back to a key written in the settings.',
      fixes: appendToEnvFileFix(project, effective.envFiles.map((envFile) => envFile.file)),
    });
  }
}

/** Adds a generated key to the service's first env file that configures Django. */
function appendToEnvFileFix(project: RuleContext['project'], files: (import('../../project/model').ProjectFile | null)[]): Fix[] {
  const target = files.find((candidate) => candidate && candidate.text !== null && candidate.kind === 'env' && project.env(candidate).keys.some((key) => key.startsWith('DJANGO_')));
  if (!target) return [];
  return [appendLinesFix(target, project.env(target), [`DJANGO_SECRET_KEY=${generateSecretKey()}`], `Add a generated DJANGO_SECRET_KEY to ${target.relativePath}`, false)];
}
