/**
 * A walked folder may hold several Django projects (a folder of checkouts, a monorepo of
 * services): each is analysed as a project of its own, so one project's production module,
 * `config.settings.base` imports and env files never stand in for another's, and the work per
 * project stays the size of that project.
 *
 * The rule (also in the README, "Command line"):
 * - A Django project is a folder holding `manage.py`. Each file belongs to the nearest such
 *   folder above it; files under none (a top-level checklist, a README's compose example)
 *   stay with the walked folder's own part, linted last so its checklist sees every project's findings.
 * - The folder is split only when it holds at least two Django projects (the walked folder
 *   itself counts when it holds `manage.py`) and no compose file lies outside them: a compose
 *   file above Django projects deploys them (its env_file:, build: and DJANGO_SETTINGS_MODULE
 *   reach into their folders), so they stay one model with it, as a single project always did.
 */
import * as path from 'path';
import { kindFromPath, looksLikeCompose } from './classify';
import { SourceFile, relativePosix } from './model';

export interface ProjectPart {
  /** The part's project root: a folder with `manage.py`, or the walked folder. */
  root: string;
  sources: SourceFile[];
}

/** The parts of a walked folder, the walked folder's own part last (when it has files). */
export function partitionProjects(walkedRoot: string, sources: SourceFile[], djangoRoots: readonly string[], checklistFile?: string): ProjectPart[] {
  const roots = new Set(djangoRoots.filter((folder) => folder === walkedRoot || isBelow(walkedRoot, folder)));
  const below = [...roots].filter((folder) => folder !== walkedRoot).sort();
  const whole = [{ root: walkedRoot, sources }];
  if (roots.size < 2) return whole;
  const byRoot = new Map<string, SourceFile[]>(below.map((folder) => [folder, []]));
  const own: SourceFile[] = [];
  for (const source of sources) {
    const owner = nearestRoot(walkedRoot, source.path, roots);
    if (owner === walkedRoot) own.push(source);
    else byRoot.get(owner)!.push(source);
  }
  const deploysBelow = own.some((source) => {
    const relative = relativePosix(walkedRoot, source.path);
    return kindFromPath(relative, checklistFile) === 'compose' || (source.text !== null && looksLikeCompose(relative, source.text));
  });
  if (deploysBelow) return whole;
  const parts = below.map((folder) => ({ root: folder, sources: byRoot.get(folder)! })).filter((part) => part.sources.length > 0);
  if (own.length > 0) parts.push({ root: walkedRoot, sources: own });
  return parts;
}

/** The nearest folder of `roots` holding the file, else the walked folder. */
function nearestRoot(walkedRoot: string, filePath: string, roots: ReadonlySet<string>): string {
  for (let folder = path.dirname(filePath); isBelow(walkedRoot, folder); folder = path.dirname(folder)) {
    if (roots.has(folder)) return folder;
  }
  return walkedRoot;
}

function isBelow(ancestor: string, folder: string): boolean {
  const relative = path.relative(ancestor, folder);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
