import * as fs from 'fs';
import * as path from 'path';
import { kindFromPath, mayBeNginx } from './classify';
import { isDevcontainerConfig } from './devcontainer';
import { ENTRY_POINT_NAMES } from './django-entry-points';
import { isDependencyFile } from './django-version-detection';
import { FileContent, contentFromBytes, contentTooLarge } from './file-content';
import { SourceFile, relativePosix } from './model';

/** Folders that never hold a project's own deployment configuration. */
const SKIPPED_DIRECTORIES = new Set([
  'node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', '.tox', '.nox',
  '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages', 'dist', 'build', 'out',
  '.next', 'htmlcov', 'staticfiles', '.idea', '.vscode-test',
]);

/** Compose files may have any name; YAML this shallow is read to look for `services:`. */
const MAX_COMPOSE_SNIFF_DEPTH = 2;
/** An nginx site may be any `*.conf` (`deploy/site.conf`, `conf.d/app.conf`); this shallow one is read to look. */
const MAX_NGINX_SNIFF_DEPTH = 4;

function isVirtualenv(directory: string): boolean {
  return fs.existsSync(path.join(directory, 'pyvenv.cfg'));
}

/** What one walk of a folder finds. */
export interface WalkedTree {
  /** The deployment-file candidates, sorted. */
  files: string[];
  /** Folders holding a `manage.py`, the walked folder included: the Django projects in the tree (project/partition.ts). */
  djangoRoots: string[];
}

/** The deployment-file candidates under a root: the walk the CLI and the server share. */
export function findCandidateFiles(root: string, checklistFile?: string): string[] {
  return walkTree(root, checklistFile).files;
}

export function walkTree(root: string, checklistFile?: string): WalkedTree {
  const found: string[] = [];
  const djangoRoots: string[] = [];
  const visit = (directory: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return; // unreadable folders are not ours to report
    }
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || isVirtualenv(full)) continue;
        visit(full, depth + 1);
      } else if (entry.isFile()) {
        if (entry.name === 'manage.py') djangoRoots.push(directory);
        const relative = relativePosix(root, full);
        // Django's entry points are read (not linted) for the settings module they default to, dev
        // container configurations for the files they make development, settings.ini for python-decouple,
        // the dependency files (requirements, lock files, setup.cfg/setup.py) for the Django version.
        if (kindFromPath(relative, checklistFile) || ENTRY_POINT_NAMES.has(entry.name) || isDevcontainerConfig(relative) || entry.name === 'settings.ini' || isDependencyFile(relative) || (depth < MAX_COMPOSE_SNIFF_DEPTH && /\.ya?ml$/.test(entry.name)) || (depth < MAX_NGINX_SNIFF_DEPTH && mayBeNginx(relative))) found.push(full);
      }
    }
  };
  visit(root, 0);
  return { files: found.sort(), djangoRoots: djangoRoots.sort() };
}

export function readSourceFile(filePath: string): SourceFile {
  let content: FileContent;
  try {
    content = contentTooLarge(fs.statSync(filePath).size) ?? contentFromBytes(fs.readFileSync(filePath));
  } catch (error) {
    content = { text: null, skipped: `it could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, notice: null };
  }
  return { path: filePath, ...content };
}
