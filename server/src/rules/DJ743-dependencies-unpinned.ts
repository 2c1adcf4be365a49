import type { Dependency } from '../parse/requirements';
import { SourceText } from '../parse/source-text';
import { Rule } from './rule';

/** `==5.2.8`, `===5.2.8`: one release, no wildcard. */
function pinned(dependency: Dependency): boolean {
  return dependency.url !== undefined || dependency.specifier.split(',').some((part) => /^={2,3}\s*[\w.+!-]+$/.test(part.trim()));
}

function written(dependency: Dependency): string {
  return `${dependency.name}${dependency.specifier.split(' || ')[0]}`;
}

export const rule: Rule = {
  meta: {
    code: 'DJ743',
    name: 'dependencies-unpinned',
    description: 'Production dependencies are not pinned to one version each (a range or no version) and no lock file pins them, so each deploy may install other releases than the ones tested.',
    category: 'hygiene',
    severity: 'info',
    checklistItem: 'Dependencies are updated in `requirements.txt`',
    djangoCheck: null,
  },
  checkDependencies(dependencies, { file, report }) {
    if (!dependencies.known || dependencies.lockFile !== null) return;
    const read = dependencies.targetFiles.find((entry) => entry.file === file);
    if (!read || file.text === null) return;
    const loose = read.dependencies.filter((dependency) => !pinned(dependency) && !dependencies.constrained.has(dependency.name));
    if (loose.length === 0) return;
    const source = new SourceText(file.text);
    const lineRange = (line: number) => {
      const text = source.lineText(line - 1);
      return { start: { line: line - 1, character: text.length - text.trimStart().length }, end: { line: line - 1, character: text.trimEnd().length } };
    };
    const names = loose.slice(0, 4).map(written).join(', ') + (loose.length > 4 ? `, and ${loose.length - 4} more` : '');
    report({
      range: lineRange(loose[0].line),
      message: `${loose.length} of the ${read.dependencies.length} production requirements in ${file.relativePath} ${loose.length === 1 ? 'is' : 'are'} not pinned to one version (${names}), and no lock file pins them: each deploy installs whatever release is newest that day, not the one you tested. Pin them (pip-compile, uv pip compile, pip freeze) or install from a lock file.`,
      related: loose.slice(1).map((dependency) => ({ path: file.path, range: lineRange(dependency.line), message: `${written(dependency)} is not pinned` })),
    });
  },
};
