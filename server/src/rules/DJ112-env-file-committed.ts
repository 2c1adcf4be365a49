import { join } from 'path';
import { SourceText } from '../parse/source-text';
import type { ProjectModel } from '../project/model';
import type { EnvFile } from '../parse/env';
import { isSecretVariable, urlPassword } from './shared/credentials';
import { startOfFile } from './shared/env-settings';
import { Fix, Rule } from './rule';
import { secretPlaceholder } from './shared/secrets';
import { findTokens } from './shared/token-patterns';

export const rule: Rule = {
  meta: {
    code: 'DJ112',
    name: 'env-file-committed',
    description: 'A production env file is tracked by git (an error when it holds secrets), or is not matched by .gitignore.',
    category: 'secrets',
    severity: 'warning',
    checklistItem: 'Store SECRET_KEY securely (not in version control)',
    djangoCheck: null,
  },
  checkEnv(env, { file, project, report }) {
    if (!project.git || project.contextOf(file).context !== 'production') return;
    const path = file.relativePath;
    // Asked of git, not of .gitignore: projects commit .envs/.production/* although .gitignore matches it.
    const ignored = project.git.ignored.has(path);
    const ignoreFix = ignored ? [] : gitignoreFix(project, path);
    const untrack = `\`git rm --cached ${shellWord(path)}\``;
    if (project.git.tracked.has(path)) {
      const secrets = secretVariables(env);
      const fixes = ignoreFix.map((fix) => ({ ...fix, title: `${fix.title}, then run git rm --cached ${shellWord(path)}` }));
      if (secrets.length > 0) {
        report({
          range: startOfFile(env),
          severity: 'error',
          message: `${path} is tracked by git, so the secrets it holds (${secrets.join(', ')}) are in the repository and its history: untrack it with ${untrack}, keep it out with .gitignore, and rotate them.`,
          fixes,
        });
      } else {
        report({
          range: startOfFile(env),
          message: `${path} is tracked by git: the first secret written to it goes into the repository. Untrack it with ${untrack} and keep it out with .gitignore.`,
          fixes,
        });
      }
    } else if (!ignored) {
      const how = project.git.source === 'gitignore' ? ' (no git repository here: judged by the .gitignore files alone)' : '';
      report({
        range: startOfFile(env),
        message: `${path} is not matched by .gitignore${how}: the next \`git add .\` commits its secrets.`,
        fixes: ignoreFix,
      });
    }
  },
};

/** The variables of the file that hold a real secret (placeholders and empty values are not): names only, never values. */
function secretVariables(env: EnvFile): string[] {
  const names = new Set<string>();
  for (const entry of env.entries) {
    const secret =
      (isSecretVariable(entry.key) && entry.value.trim() !== '' && secretPlaceholder(entry.value) === null) ||
      urlPassword(env, entry) !== null ||
      findTokens(entry.value).length > 0;
    if (secret) names.add(entry.key);
  }
  return [...names];
}

/**
 * Appends the file, anchored to the root, to the root .gitignore (creating it when there is
 * none). Not safe for fix-all: it changes what the repository ignores, and only git can say
 * whether the pattern took effect.
 */
function gitignoreFix(project: ProjectModel, relativePath: string): Fix[] {
  const gitignore = project.git?.gitignore;
  if (gitignore === undefined) return [];
  const source = new SourceText(gitignore ?? '');
  const end = source.positionAt(source.text.length);
  const separator = source.text === '' || /[\r\n]$/.test(source.text) ? '' : source.eol;
  const pattern = '/' + relativePath.replace(/[\\*?[\]!#]/g, (char) => `\\${char}`).replace(/ $/, '\\ ');
  return [
    {
      title: `Add ${pattern} to .gitignore`,
      safe: false,
      preferred: true,
      edits: [{ path: join(project.root, '.gitignore'), range: { start: end, end }, newText: `${separator}${pattern}${source.eol}` }],
    },
  ];
}

function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
