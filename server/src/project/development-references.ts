/**
 * Files that are development because of what names them: a dev container configuration's
 * compose and env files, and the env files (includes, extends targets) that only development
 * places' compose files use. Production links still win: a file a production compose file also
 * names is not made development here (project/production.ts links it).
 */
import * as path from 'path';
import { developmentPlace } from './classify';
import { composeOf, composeReferencedPaths, resolveComposePath } from './compose-application';
import { devcontainerReferences, isDevcontainerConfig } from './devcontainer';
import { UNKNOWN } from '../parse/compose-interpolation';
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

/**
 * The unknown-context compose files (by index) whose services are built or configured from a
 * development place: a stack that builds the dev container's Dockerfile (`.devcontainer/Dockerfile`)
 * or reads its env files is a variant of the development environment (a second dev stack, a
 * per-worktree copy), not a deployment, whatever folder it sits in. Paths are relative to `root`.
 */
export function composeBuiltFromDevelopmentPlaces(files: readonly ProjectFile[], root: string): Map<number, string> {
  const found = new Map<number, string>();
  files.forEach((file, index) => {
    if (file.kind !== 'compose' || file.text === null || file.context !== 'unknown') return;
    const compose = composeOf(file);
    for (const service of compose.services) {
      const used: { path: string; how: string }[] = [];
      if (service.build?.context && service.build.dockerfile) {
        // The dockerfile is relative to the build context, itself relative to the compose file.
        used.push({ path: path.resolve(path.dirname(file.path), service.build.context, service.build.dockerfile), how: 'is built from' });
      }
      for (const reference of service.envFiles) {
        const resolved = resolveComposePath(file, reference.path, () => UNKNOWN);
        if (resolved) used.push({ path: resolved, how: 'reads' });
      }
      for (const { path: usedPath, how } of used) {
        const relative = path.relative(root, usedPath).split(path.sep).join('/');
        const place = relative.startsWith('..') ? null : developmentPlace(relative);
        if (!place) continue;
        found.set(index, `its service \`${service.name}\` ${how} ${relative} (${place}): a variant of the development environment`);
        return;
      }
    }
  });
  return found;
}
