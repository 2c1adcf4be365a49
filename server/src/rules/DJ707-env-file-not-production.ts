import * as path from 'path';
import { contextFromPath } from '../project/classify';
import { composeLookup, resolveComposePath } from '../project/compose-application';
import type { ProjectFile, ProjectModel } from '../project/model';
import { SeenEntries } from './shared/compose-services';
import { Fix, Rule } from './rule';

/** Development words and what production calls the same place (cookiecutter: .envs/.local -> .envs/.production). */
const COUNTERPARTS: [RegExp, string][] = [
  [/(^|[/._-])(local|dev|development)(?=$|[/._-])/i, 'production'],
  [/(^|[/._-])(local|dev|development)(?=$|[/._-])/i, 'prod'],
  [/[._-](example|sample|template|dist)(?=$)/i, ''],
];

export const rule: Rule = {
  meta: {
    code: 'DJ707',
    name: 'env-file-not-production',
    description: 'A production compose file feeds a service from a local, development or example env file.',
    category: 'compose',
    severity: 'warning',
    checklistItem: 'Production `.env` file is created with all required variables',
    djangoCheck: null,
  },
  checkCompose(compose, { file, project, report }) {
    if (project.contextOf(file).context !== 'production') return;
    const lookup = composeLookup(project, file);
    const seen = new SeenEntries();
    for (const service of compose.services) {
      for (const reference of service.envFiles) {
        if (!seen.first(reference.range)) continue;
        const resolved = resolveComposePath(file, reference.path, lookup);
        if (!resolved) continue;
        const relative = path.relative(project.root, resolved).split(path.sep).join('/');
        const decision = contextFromPath(relative);
        if (decision.context !== 'development') continue;
        report({
          range: reference.path.range,
          message: `Service \`${service.name}\` of a production compose file reads ${reference.path.text}, a development env file (${decision.reason}): production then runs with development values (DEBUG, keys, hosts).`,
          fixes: counterpartFix(project, file, reference.path.range, reference.path.text, reference.path.verbatimStart !== null),
        });
      }
    }
  },
};

/** Swaps the development word of the written path for the production one, when that file exists. */
function counterpartFix(project: ProjectModel, file: ProjectFile, range: import('../parse/source-text').Range, written: string, verbatim: boolean): Fix[] {
  if (!verbatim) return [];
  for (const [pattern, word] of COUNTERPARTS) {
    const candidate = written.replace(pattern, (match, lead: string) => (word === '' ? '' : `${lead ?? ''}${word}`));
    if (candidate === written) continue;
    const target = project.get(path.resolve(path.dirname(file.path), candidate));
    if (!target || target.kind !== 'env') continue;
    const quote = project.compose(file).source.text[project.compose(file).source.offsetAt(range.start)];
    const newText = quote === '"' || quote === "'" ? `${quote}${candidate}${quote}` : candidate;
    // Production values differ by design: someone should look at what the service gets now.
    return [{ title: `Use ${candidate}`, safe: false, preferred: true, edits: [{ path: file.path, range, newText }] }];
  }
  return [];
}
