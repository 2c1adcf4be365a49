import type { ComposeEnvironmentEntry } from '../parse/compose';
import type { EnvFile } from '../parse/env';
import { applicationsOf } from '../project/compose-application';
import type { ProjectFile, ProjectModel } from '../project/model';
import { SeenEntries } from './shared/compose-services';
import { isSecretVariable } from './shared/credentials';
import { Fix, Rule } from './rule';
import { isNotASecretValue } from './shared/secret-names';
import { maskSecret } from './shared/secrets';

/** `scheme://user:password@host`: a credentialed URL. */
const CREDENTIALED_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/?#:@]*:[^/?#@]+@/i;

export const rule: Rule = {
  meta: {
    code: 'DJ704',
    name: 'secret-in-compose',
    description: 'A secret (key, password, token, credentialed URL) is written as a literal in a compose file\'s environment.',
    category: 'compose',
    severity: 'error',
    checklistItem: 'Secrets are kept out of version control',
    djangoCheck: null,
  },
  checkCompose(compose, { file, project, report }) {
    const seen = new SeenEntries();
    for (const service of compose.services) {
      for (const entry of service.environment) {
        if (!entry.value || !seen.first(entry.keyRange)) continue;
        const template = entry.value.template;
        // Anything interpolated comes from elsewhere; only a literal is the secret itself.
        if (template.error || template.parts.some((part) => part.kind === 'variable')) continue;
        const value = entry.value.text;
        if (value.trim() === '') continue;
        const url = CREDENTIALED_URL.test(value);
        if (!url && (!isSecretVariable(entry.key) || isNotASecretValue(value))) continue;
        report({
          range: entry.valueRange,
          message: url
            ? `${entry.key} is a URL with a password, written in ${file.relativePath}: the compose file is committed and shared, so the credential is too.`
            : `${entry.key} is set to a literal ${maskSecret(value)} in ${file.relativePath}: the compose file is committed and shared, so the secret is too.`,
          fixes: moveToDotEnvFix(project, file, entry, value),
        });
      }
    }
  },
};

/** `${KEY:?…}` in compose and `KEY=value` in the `.env` beside it, as one edit. */
function moveToDotEnvFix(project: ProjectModel, file: ProjectFile, entry: ComposeEnvironmentEntry, value: string): Fix[] {
  const dotEnv = applicationsOf(project, file)[0]?.dotEnv;
  if (!dotEnv || dotEnv.text === null || !/^[\w.-]+$/.test(entry.key)) return [];
  if (entry.form === 'list' && entry.value?.verbatimStart === null) return [];
  const env = project.env(dotEnv);
  const reference = `\${${entry.key}:?set ${entry.key} in .env}`;
  return [
    {
      title: `Move ${entry.key} to .env`,
      // It changes two files and where the value lives: review it.
      safe: false,
      preferred: true,
      edits: [
        { path: file.path, range: entry.valueRange, newText: entry.form === 'map' ? JSON.stringify(reference) : reference },
        appendLine(dotEnv, env, `${entry.key}=${dotEnvValue(value)}`),
      ],
    },
  ];
}

/** Single quotes keep a value literal for compose's .env reader unless it holds one itself. */
function dotEnvValue(value: string): string {
  if (/^[\w.:/@+-]*$/.test(value)) return value;
  return value.includes("'") ? JSON.stringify(value) : `'${value}'`;
}

function appendLine(file: ProjectFile, env: EnvFile, line: string) {
  const text = env.source.text;
  const end = env.source.positionAt(text.length);
  const separator = text === '' || /[\r\n]$/.test(text) ? '' : env.source.eol;
  return { path: file.path, range: { start: end, end }, newText: `${separator}${line}${env.source.eol}` };
}
