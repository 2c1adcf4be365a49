import type { EnvEntry } from '../parse/env';
import { reportComposeDollars } from './shared/compose-dollar';
import { Fix, Rule } from './rule';
import type { ProjectFile } from '../project/model';

export const rule: Rule = {
  meta: {
    code: 'DJ109',
    name: 'value-mangled-by-parser',
    description: 'A value that django-environ or docker compose rewrites before Django sees it: a leading $, a $ compose interpolates, a # inside double quotes.',
    category: 'secrets',
    severity: 'warning',
    checklistItem: 'Production .env file is created with all required variables',
    djangoCheck: null,
  },
  checkCompose(compose, context) {
    reportComposeDollars(compose, context);
  },
  checkEnv(env, { file, report }) {
    for (const entry of env.entries) {
      // django-environ resolves the proxy on the value itself, whatever quoting delivered it;
      // only backquotes (dotenv's alone) reach it as part of the value.
      if (entry.value.startsWith('$') && entry.quote !== '`') {
        report({
          range: entry.valueRange,
          message: `${entry.key} starts with "$": django-environ reads the rest as the name of another variable and uses that variable's value (or fails) instead of this one.`,
        });
      } else if (entry.quote === '"' && entry.value.includes('#')) {
        report({
          range: entry.valueRange,
          message: `${entry.key} has a "#" inside double quotes: django-environ's read_env(parse_comments=True) cuts the value there, leaving an unclosed quote and a truncated value.`,
          fixes: singleQuoteFix(file, entry),
        });
      } else if (entry.quote !== "'" && entry.value.includes('$')) {
        report({
          range: entry.valueRange,
          message: `${entry.key} contains "$": docker compose interpolates env_file values that are not single-quoted ($NAME is replaced, $$ becomes $), so the container gets a different value.`,
          fixes: singleQuoteFix(file, entry),
        });
      }
    }
  },
};

/** Single quotes are literal for compose and django-environ alike; a value with a quote, backslash or line break cannot be moved into them as is. */
function singleQuoteFix(file: ProjectFile, entry: EnvEntry): Fix[] {
  if (/['\\\r\n]/.test(entry.value)) return [];
  // Not safe for fix-all: it changes what compose passes on, which someone may have relied on.
  return [{ title: `Single-quote ${entry.key}`, safe: false, preferred: true, edits: [{ path: file.path, range: entry.valueRange, newText: `'${entry.value}'` }] }];
}
