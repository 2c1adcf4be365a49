import * as fs from 'fs';
import * as path from 'path';
import { unreadComposeReferences } from './compose-application';
import { unreadContainerFiles } from './entrypoint-exports';
import { readGitFacts } from './git';
import { ModelOptions, ProjectModel, SourceFile, createProjectModel, relativePosix } from './model';
import { findCandidateFiles, readSourceFile } from './walk';

/** Reads a project from disk: the walk, the files, what git says of them. The CLI's way in. */
export function loadProject(root: string, options: ModelOptions = {}, onlyFiles?: string[]): ProjectModel {
  const absoluteRoot = path.resolve(root);
  const candidates = onlyFiles ? onlyFiles.map((file) => path.resolve(file)) : findCandidateFiles(absoluteRoot, options.checklistFile);
  const sources: SourceFile[] = candidates.map(readSourceFile);
  // Files a compose file names (env_file:, include:) are read even when the walk did not find them,
  // and so are the Dockerfiles of built services and the start scripts those name (read in turn).
  let model = createProjectModel(absoluteRoot, sources, options);
  const read = new Set(candidates);
  for (let round = 0; !onlyFiles && round < 4; round++) {
    const unread = [...unreadComposeReferences(model, read), ...unreadContainerFiles(model, read)].filter((extra) => !read.has(extra) && fs.existsSync(extra));
    if (unread.length === 0) break;
    for (const extra of unread) {
      read.add(extra);
      sources.push(readSourceFile(extra));
    }
    model = createProjectModel(absoluteRoot, sources, options, null, model);
  }
  // Git is asked about the deployment files only (not the Dockerfiles and scripts read along).
  const git = readGitFacts(absoluteRoot, sources.filter((source) => model.get(source.path)).map((source) => relativePosix(absoluteRoot, source.path)));
  return createProjectModel(absoluteRoot, sources, options, git, model);
}
