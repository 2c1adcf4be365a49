import * as path from 'path';
import type { ComposeEnvFileReference, ComposeFile } from '../parse/compose';
import { composeLookup, resolveComposePath } from '../project/compose-application';
import type { ProjectFile, ProjectModel } from '../project/model';
import { productionLinks } from '../project/production';
import { SeenEntries } from './shared/compose-services';
import { Fix, Rule, rootCause } from './rule';

export const rule: Rule = {
  meta: {
    code: 'DJ706',
    name: 'env-file-missing',
    description: 'A service names an `env_file:` that does not exist and is not marked `required: false`, so compose refuses to start it.',
    category: 'compose',
    severity: 'error',
    checklistItem: 'Production `.env` file is created with all required variables',
    djangoCheck: null,
  },
  checkCompose(compose, { file, project, report }) {
    const lookup = composeLookup(project, file);
    const seen = new SeenEntries();
    for (const service of compose.services) {
      for (const reference of service.envFiles) {
        if (!reference.required || !seen.first(reference.range)) continue;
        const resolved = resolveComposePath(file, reference.path, lookup);
        if (!resolved || !isInside(project.root, resolved) || project.get(resolved)) continue;
        const relative = path.relative(project.root, resolved).split(path.sep).join('/');
        report({
          range: reference.path.range,
          message: `Service \`${service.name}\` reads env_file ${reference.path.text}, which does not exist (${relative}): compose refuses to start the service ("env file not found").${environmentNote(project, reference)}`,
          fixes: [createStubFix(resolved, service.name, relative), ...optionalFix(file, compose, reference)],
          // Several services naming one missing file: one diagnostic, the other references related.
          cause: rootCause('env-file-missing', resolved),
        });
      }
    }
  },
};

/**
 * For the production web service's env file: what its absence means for the other findings. The
 * file is usually gitignored on purpose (the server has it), so production's environment is
 * unknown rather than empty, and the reads it may answer are not judged.
 */
function environmentNote(project: ProjectModel, reference: ComposeEnvFileReference): string {
  const links = productionLinks(project);
  if (!links.unreadEnvFiles.some((envFile) => envFile.reference === reference)) return '';
  return ' Production\'s environment is unknown without it: what the settings read from the environment depends on this file and is not judged.';
}

/** Outside the project we cannot tell whether a file exists (the walk never reads it). */
function isInside(root: string, filePath: string): boolean {
  const relative = path.relative(root, filePath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function createStubFix(target: string, service: string, relative: string): Fix {
  return {
    title: `Create ${relative}`,
    // The stub has no values: whoever deploys fills it in.
    safe: false,
    preferred: true,
    edits: [{ path: target, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# Environment of the ${service} service: fill in before deploying.\n` }],
  };
}

/** `{ path: …, required: false }` (compose ≥ 2.24) for a reference written as a plain string. */
function optionalFix(file: ProjectFile, compose: ComposeFile, reference: ComposeEnvFileReference): Fix[] {
  if (reference.range !== reference.path.range) return [];
  const { source } = compose;
  const before = source.lineText(reference.range.start.line).slice(0, reference.range.start.character);
  const written = source.textIn(reference.range);
  const mapping = `{ path: ${written}, required: false }`;
  // A lone `env_file: x` becomes a one-item list: compose reads the mapping form only as a list item.
  const newText = /[-[,]\s*$/.test(before) ? mapping : /:\s*$/.test(before) ? `[${mapping}]` : null;
  if (newText === null) return [];
  return [{ title: 'Mark the env file optional (required: false)', safe: false, edits: [{ path: file.path, range: reference.range, newText }] }];
}
