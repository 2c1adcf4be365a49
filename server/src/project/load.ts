import * as fs from 'fs';
import * as path from 'path';
import { unreadComposeReferences } from './compose-application';
import { unreadContainerFiles } from './entrypoint-exports';
import { nginxMountSources } from './nginx-mounts';
import { gitFactsWithin, readGitFacts, withGitFacts } from './git';
import { GitFacts, ModelOptions, ProjectModel, SourceFile, createProjectModel, relativePosix } from './model';
import { partitionProjects } from './partition';
import { readSourceFile, walkTree } from './walk';
import { DEFAULT_CHECKLIST_FILE, kindFromPath } from './classify';
import { productionLinks } from './production';
import { ProjectConfig, findProjectConfig } from './project-config';
import { TextOf, entryPointModules, namedModuleClosure } from './settings-modules';

/**
 * Reads a folder from disk as one project: the walk, the files, what git says of them. Several
 * Django projects in the folder are still one model here; the CLI uses loadProjects.
 */
export function loadProject(root: string, givenOptions: ModelOptions = {}, onlyFiles?: string[]): ProjectModel {
  const absoluteRoot = path.resolve(root);
  const options = withConfigFor(absoluteRoot, givenOptions);
  const candidates = onlyFiles ? onlyFiles.map((file) => path.resolve(file)) : walkTree(absoluteRoot, options.checklistFile).files;
  return buildModel(absoluteRoot, candidates.map(readSourceFile), options, !onlyFiles);
}

/**
 * Reads a folder from disk as the Django projects it holds (project/partition.ts), one model at
 * a time: a caller that lints each and lets it go keeps one project's parses in memory, not the tree's.
 * The walked folder's own files come last.
 */
export function* loadProjects(root: string, givenOptions: ModelOptions = {}): Generator<ProjectModel> {
  const absoluteRoot = path.resolve(root);
  // The folder's configuration may name the checklist file the walk looks for.
  const options = withConfigFor(absoluteRoot, givenOptions);
  const walked = walkTree(absoluteRoot, options.checklistFile);
  const parts = partitionProjects(absoluteRoot, walked.files.map(readSourceFile), walked.djangoRoots, options.checklistFile);
  if (parts.length === 1) {
    yield buildModel(parts[0].root, parts[0].sources, options, true);
    return;
  }
  // Git is asked once about the walk's files; each project sees its share.
  const treeGit = readGitFacts(absoluteRoot, walked.files.map((file) => relativePosix(absoluteRoot, file)));
  while (parts.length > 0) {
    const part = parts.shift()!;
    // Each project takes the configuration nearest its own root (a subproject may have its own).
    const partOptions = part.root === absoluteRoot ? options : { ...withConfigFor(part.root, givenOptions), walkedRoot: absoluteRoot };
    yield buildModel(part.root, part.sources, partOptions, true, gitFactsWithin(treeGit, absoluteRoot, part.root));
  }
}

/** The options with the nearest configuration file upwards from `root` (project/project-config.ts), read from disk. */
function withConfigFor(root: string, options: ModelOptions): ModelOptions {
  if (options.config !== undefined) return options;
  const config: ProjectConfig | null = findProjectConfig(root, (file) => (fs.existsSync(file) ? readSourceFile(file).text : null), () => true);
  // The default name counts as unset, as in withProjectConfig.
  const checklistFile = options.checklistFile && options.checklistFile !== DEFAULT_CHECKLIST_FILE ? options.checklistFile : config?.options.checklistFile ?? options.checklistFile;
  return { ...options, config, ...(checklistFile ? { checklistFile } : {}) };
}

/**
 * Files the model names that were not read and exist: what its compose files name (env_file:,
 * include:), the Dockerfiles of built services and the start scripts those run. The I/O edges
 * (buildModel here, the editor's ProjectRoot) read them and build again, which may name more
 * (a script once its Dockerfile is read).
 */
export function unreadReferencedFiles(model: ProjectModel, read: ReadonlySet<string>): string[] {
  const unread = new Set([...unreadComposeReferences(model, read), ...unreadContainerFiles(model, read), ...unreadSettingsModules(model, read), ...unreadNginxMounts(model, read)]);
  return [...unread].filter((file) => fs.existsSync(file));
}

/** Single files a compose service mounts into /etc/nginx (`./deploy/proxy.tmpl:/etc/nginx/nginx.conf`), inside the project. */
function unreadNginxMounts(model: ProjectModel, read: ReadonlySet<string>): string[] {
  return model
    .ofKind('compose')
    .flatMap((file) => nginxMountSources(file))
    .filter((source) => !read.has(source) && !model.get(source) && !path.relative(model.root, source).startsWith('..') && isPlainFile(source));
}

function isPlainFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Modules named as what Django loads (and what they import) that were not read: `config/django/production.py`. */
function unreadSettingsModules(model: ProjectModel, read: ReadonlySet<string>): string[] {
  const textOf: TextOf = (p) => {
    const file = model.get(p);
    if (file) return file.text;
    const other = model.otherSources.get(p);
    return other ? other.text : undefined;
  };
  const modules = entryPointModules(model.root, model.otherSources.keys(), textOf);
  if (model.settingsModule) modules.push(model.settingsModule);
  const selected = productionLinks(model).environment?.get('DJANGO_SETTINGS_MODULE')?.value;
  if (selected) modules.push(selected);
  const { unread } = namedModuleClosure(model.root, modules, textOf, (p) => model.get(p)?.kind === 'settings' && kindFromPath(relativePosix(model.root, p)) === 'settings');
  return [...unread].filter((file) => !read.has(file));
}

function buildModel(root: string, sources: SourceFile[], options: ModelOptions, readReferenced: boolean, walkedGit?: GitFacts | null): ProjectModel {
  const walked = new Set(sources.map((source) => source.path));
  // Files a compose file names (env_file:, include:) are read even when the walk did not find them,
  // and so are the Dockerfiles of built services and the start scripts those name (read in turn).
  // In a split tree git has already spoken of the walk's files: a project that names no file
  // outside them is built once, and the caches its first model filled are kept.
  let model = createProjectModel(root, sources, options, walkedGit ?? null);
  const read = new Set(sources.map((source) => source.path));
  for (let round = 0; readReferenced && round < 4; round++) {
    const unread = unreadReferencedFiles(model, read);
    if (unread.length === 0) break;
    for (const extra of unread) {
      read.add(extra);
      sources.push(readSourceFile(extra));
    }
    model = createProjectModel(root, sources, options, null, model);
  }
  if (walkedGit !== undefined && sources.length === walked.size) return model;
  // Git is asked about the deployment files only (not the Dockerfiles and scripts read along).
  const deployment = sources.filter((source) => model.get(source.path));
  const git =
    walkedGit === undefined
      ? readGitFacts(root, deployment.map((source) => relativePosix(root, source.path)))
      : withGitFacts(walkedGit, readMoreGitFacts(root, deployment.filter((source) => !walked.has(source.path))));
  return createProjectModel(root, sources, options, git, model);
}

/** Facts of files a compose file named outside the walk; null when there are none to ask about. */
function readMoreGitFacts(root: string, sources: SourceFile[]): GitFacts | null {
  return sources.length === 0 ? null : readGitFacts(root, sources.map((source) => relativePosix(root, source.path)));
}
