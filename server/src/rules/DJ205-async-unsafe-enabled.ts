import type { EnvEntry, EnvFile } from '../parse/env';
import type { ProjectFile } from '../project/model';
import { Fix, Rule } from './rule';
import { checkComposeEnvironment } from './shared/compose-environment-side';

const VARIABLE = 'DJANGO_ALLOW_ASYNC_UNSAFE';

export const rule: Rule = {
  meta: {
    code: 'DJ205',
    name: 'async-unsafe-enabled',
    description: 'DJANGO_ALLOW_ASYNC_UNSAFE is set to a non-empty value, which turns off Django\'s guard against synchronous database calls from async code.',
    category: 'debug',
    severity: 'error',
    checklistItem: 'Run Django security check',
    djangoCheck: 'async.E001',
  },
  checkCompose(compose, context) {
    checkComposeEnvironment((env, inner) => rule.checkEnv!(env, inner), compose, context);
  },
  checkEnv(env, { file, report }) {
    const entry = env.get(VARIABLE);
    // Django tests os.environ.get() for truthiness: any non-empty string counts, "false" included.
    if (!entry || entry.value === '') return;
    report({
      range: entry.keyRange,
      message:
        `${VARIABLE} turns off Django's guard against ORM calls from async code, which can then lose or corrupt data. ` +
        'Django only tests that the variable is non-empty: even "false" or "0" turns the guard off.',
      fixes: [deleteAssignmentsFix(file, env, env.entries.filter((candidate) => candidate.key === VARIABLE))],
    });
  },
};

/** Deletes every line that assigns the variable, so no earlier copy takes over. */
function deleteAssignmentsFix(file: ProjectFile, env: EnvFile, entries: EnvEntry[]): Fix {
  const { lineStarts, text } = env.source;
  const edits = entries.map((entry) => {
    const start = lineStarts[entry.range.start.line];
    const nextLine = entry.range.end.line + 1;
    const end = nextLine < lineStarts.length ? lineStarts[nextLine] : text.length;
    return { path: file.path, range: env.source.rangeOf(start, end), newText: '' };
  });
  return { title: `Delete ${VARIABLE}`, safe: true, preferred: true, edits };
}
