import type { ProjectFile, ProjectModel } from '../../project/model';
import { productionLinks } from '../../project/production';
import { appendLinesFix } from './env-settings';
import type { FileEdit } from '../rule';

/** The env file production reads its variables from (the first one that sets any), or null. */
export function productionEnvFile(project: ProjectModel): ProjectFile | null {
  for (const value of productionLinks(project).environment?.values() ?? []) if (value.file && value.file.text !== null) return value.file;
  return project.ofKind('env').find((file) => file.context === 'production' && file.text !== null) ?? null;
}

/** Edits appending lines to production's env file, when there is one. */
export function appendToProductionEnv(project: ProjectModel, lines: string[]): FileEdit[] {
  const file = productionEnvFile(project);
  if (!file) return [];
  return appendLinesFix(file, project.env(file), lines, '').edits;
}
