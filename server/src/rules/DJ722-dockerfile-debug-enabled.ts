import { finalStages } from '../parse/dockerfile';
import { productionLinks } from '../project/production';
import { Rule } from './rule';

/** The variables Django projects read DEBUG from (cookiecutter-django's DJANGO_DEBUG, the plain DEBUG). */
const DEBUG_VARIABLES = new Set(['DEBUG', 'DJANGO_DEBUG']);

/** What env.bool, distutils' strtobool and the usual `in ("1", "true")` helpers take for true, and its opposite. */
const TRUE_TO_FALSE: Record<string, string> = { true: 'false', '1': '0', yes: 'no', on: 'off', y: 'n', t: 'f' };

function falseLike(value: string): string | null {
  const lower = value.trim().toLowerCase();
  const opposite = TRUE_TO_FALSE[lower];
  if (opposite === undefined) return null;
  // True -> False, TRUE -> FALSE, true -> false.
  if (value.trim() === value.trim().toUpperCase() && /[A-Z]/.test(value)) return opposite.toUpperCase();
  if (/^[A-Z]/.test(value.trim())) return opposite[0].toUpperCase() + opposite.slice(1);
  return opposite;
}

export const rule: Rule = {
  meta: {
    code: 'DJ722',
    name: 'dockerfile-debug-enabled',
    description: "A Dockerfile's final image sets DEBUG or DJANGO_DEBUG to a true value with ENV (directly or from an ARG default), so every container started from it runs with DEBUG on unless its environment sets the variable again.",
    category: 'debug',
    severity: 'warning',
    checklistItem: '`DEBUG = False` in production',
    djangoCheck: null,
  },
  checkDockerfile(dockerfile, { file, project, report }) {
    const links = productionLinks(project);
    // The web service's environment (compose, a start script's export) sets the variable over the
    // image's ENV: DJ202 judges that value. An env file it cannot read may set it too: unknown.
    const overridden = (name: string): boolean => {
      if (links.container?.dockerfile !== file.path) return false;
      if (links.environment?.has(name) || links.unknownVariables.otherwise !== null) return true;
      return links.unknownVariables.lists(name) && !links.unknownVariables.get(name)!.startsWith(`ENV in ${file.relativePath} `);
    };
    for (const stage of finalStages(dockerfile)) {
      for (const assignment of stage.assignments) {
        if (assignment.instruction !== 'ENV' || !DEBUG_VARIABLES.has(assignment.name) || assignment.value === null || !assignment.valueRange) continue;
        const fixed = falseLike(assignment.value);
        if (fixed === null || overridden(assignment.name)) continue;
        const literal = assignment.written === assignment.value;
        const from = literal ? '' : ` (${assignment.written} resolves to ${assignment.value.trim()} from an ARG default)`;
        report({
          range: assignment.valueRange,
          message: `ENV ${assignment.name}=${assignment.value.trim()}${from} bakes DEBUG on into the image: every container started from it shows tracebacks, settings and SQL to visitors and keeps every query in memory, unless its environment sets ${assignment.name} again. Set it to ${fixed} here and turn it on in development only.`,
          fixes: literal
            ? [{ title: `Set ${assignment.name}=${fixed}`, safe: false, preferred: true, edits: [{ path: file.path, range: assignment.valueRange, newText: fixed }] }]
            : [],
        });
      }
    }
  },
};
