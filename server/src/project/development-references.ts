/**
 * Files that are development because of what names them: a dev container configuration's
 * compose and env files, and the env files (includes, extends targets) that only development
 * places' compose files use. Production links still win: a file a production compose file also
 * names is not made development here (project/production.ts links it).
 */
import { composeReferencedPaths } from './compose-application';
import { devcontainerReferences, isDevcontainerConfig } from './devcontainer';
import { type ModelOptions, type ProjectFile, type SourceFile, relativePosix } from './model';

/** Files the project's dev container configurations name: absolute path -> why it is development. */
export function developmentReferences(root: string, sources: readonly SourceFile[], options: ModelOptions): Map<string, string> {
  const named = new Map<string, string>();
  for (const source of sources) {
    const relative = relativePosix(options.walkedRoot ?? root, source.path);
    if (!isDevcontainerConfig(relative)) continue;
    for (const reference of devcontainerReferences(source, relative)) if (!named.has(reference.path)) named.set(reference.path, reference.reason);
  }
  return named;
}

/** Rounds of following names (a dev compose file includes another, which names an env file). */
const MAX_ROUNDS = 3;

/**
 * The unknown-context files (by index) that only compose files of development places name, with
 * the reason; a file any other non-development compose file names keeps its context.
 */
export function usedOnlyByDevelopmentPlaces(files: readonly ProjectFile[]): Map<number, string> {
  const found = new Map<number, string>();
  const indexOf = new Map(files.map((file, index) => [file.path, index]));
  const compose = files.map((file, index) => ({ file, index })).filter(({ file }) => file.kind === 'compose' && file.text !== null);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const byPlace = new Map<string, string>();
    const byOthers = new Set<string>();
    for (const { file, index } of compose) {
      const placed = file.developmentPlace === true || found.has(index);
      if (!placed && file.context === 'development') continue;
      for (const named of composeReferencedPaths(file)) {
        if (!placed) byOthers.add(named);
        else if (!byPlace.has(named)) byPlace.set(named, `used by ${file.relativePath} (${found.get(index) ?? file.contextReason})`);
      }
    }
    let grew = false;
    for (const [named, reason] of byPlace) {
      const index = indexOf.get(named);
      if (index === undefined || found.has(index) || files[index].context !== 'unknown' || byOthers.has(named)) continue;
      found.set(index, reason);
      grew = true;
    }
    if (!grew) break;
  }
  return found;
}
