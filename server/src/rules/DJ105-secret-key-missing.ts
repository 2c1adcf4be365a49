import type { EnvEntry, EnvFile } from '../parse/env';
import type { ProjectFile, ProjectModel } from '../project/model';
import { productionLinks } from '../project/production';
import { productionSettings } from '../settings/project-settings';
import { appendLinesFix, isDjangoEnvFile, startOfFile } from './shared/env-settings';
import { productionEnvFile } from './shared/production-env-file';
import { missingRequiredReads, missingVariableReport } from './shared/required-env';
import { Fix, Rule } from './rule';
import { reportComposeSecretKeyMissing } from './shared/compose-secret-key';
import { SECRET_KEY_VARIABLES, generateSecretKey } from './shared/secrets';
import { envValueCause } from './shared/settings-findings';

export const rule: Rule = {
  meta: {
    code: 'DJ105',
    name: 'secret-key-missing',
    description: 'DJANGO_SECRET_KEY or SECRET_KEY is empty, or production lacks the variable its settings read the key from (or, with no production settings known, a production Django env file sets neither).',
    category: 'secrets',
    severity: 'error',
    checklistItem: 'Secret key is generated and secured',
    djangoCheck: 'security.W009',
  },
  checkCompose(compose, context) {
    reportComposeSecretKeyMissing(compose, context);
  },
  checkSettings(settings, { project, report }) {
    // The settings read the key without a default and production lacks it: reported at the read,
    // as DJ605 would (same root cause, this finding wins), with a generated key as the fix.
    const keyRead = settings.namespace.names.get('SECRET_KEY')?.value.env?.variable;
    for (const read of missingRequiredReads(project, settings)) {
      if (read.variable !== keyRead && !SECRET_KEY_VARIABLES.includes(read.variable)) continue;
      const target = productionEnvFile(project);
      const fixes = target ? [appendLinesFix(target, project.env(target), [`${read.variable}=${generateSecretKey()}`], `Add a generated ${read.variable} to ${target.relativePath}`, false)] : [];
      report(
        missingVariableReport(
          project,
          read,
          `SECRET_KEY comes from ${read.raisesWhenUnset && read.call ? `a call that raises ${read.raisesWhenUnset.exception} when ${read.variable} is unset` : `${read.reader}("${read.variable}"), which has no default,`} and no env source of production sets ${read.variable}: Django fails at startup (check --deploy W009)`,
          fixes,
        ),
      );
    }
  },
  checkEnv(env, { file, project, report }) {
    const entries = SECRET_KEY_VARIABLES.map((key) => env.get(key)).filter((entry) => entry !== undefined);
    for (const entry of entries) {
      if (entry.value !== '') continue;
      report({
        range: entry.keyRange,
        message: `${entry.key} is empty: Django raises ImproperlyConfigured the first time it needs the key, and check --deploy reports W009.`,
        fixes: [fillEmptyValueFix(file, env, entry)],
        // DJ102's settings side would call the same line's empty key weak: one diagnostic.
        cause: envValueCause(entry),
      });
    }
    if (entries.length > 0 || !ownsAbsentKey(project, file, env)) return;
    report({
      range: startOfFile(env),
      message:
        'DJANGO_SECRET_KEY is not set in this production env file: unless another env source of the service provides it, the settings fail at startup or fall back to a key written in code. ' +
        '(No production settings module is known, so which variable the settings read cannot be checked.)',
      fixes: [appendLinesFix(file, env, [`DJANGO_SECRET_KEY=${generateSecretKey()}`], 'Add a generated DJANGO_SECRET_KEY', false)],
    });
  },
};

/**
 * Whether an env file lacking the key is where its absence is reported: a production Django env
 * file, while no production settings module binds SECRET_KEY (known settings judge the key as
 * they get it: DJ105 at the read when production lacks it, DJ101–DJ106 otherwise) and nothing
 * else in production's environment sets it.
 */
export function ownsAbsentKey(project: ProjectModel, file: ProjectFile, env: EnvFile): boolean {
  if (project.contextOf(file).context !== 'production' || !isDjangoEnvFile(env)) return false;
  if (SECRET_KEY_VARIABLES.some((key) => env.get(key))) return false;
  if (productionSettings(project)?.namespace.names.has('SECRET_KEY')) return false;
  const { environment, unknownVariables } = productionLinks(project);
  const feedsProduction = [...(environment?.values() ?? [])].some((value) => value.file?.path === file.path);
  if (feedsProduction && SECRET_KEY_VARIABLES.some((key) => environment!.has(key) || unknownVariables.has(key))) return false;
  return true;
}

function fillEmptyValueFix(file: ProjectFile, env: EnvFile, entry: EnvEntry): Fix {
  const { source } = env;
  let start = source.offsetAt(entry.valueRange.start);
  const end = source.offsetAt(entry.valueRange.end);
  // An empty unquoted value sits after the blanks that precede a comment; the key goes right
  // after `=`, so the comment stays separated by its blank (read_env keeps `key# comment` whole).
  if (entry.rawValue === '') while (start > 0 && /[ \t]/.test(source.text[start - 1])) start--;
  const range = source.rangeOf(start, entry.rawValue === '' ? start : end);
  // Not safe for fix-all: whoever deploys must know the key changed (sessions, signed data).
  return { title: `Set ${entry.key} to a generated key`, safe: false, preferred: true, edits: [{ path: file.path, range, newText: generateSecretKey() }] };
}
