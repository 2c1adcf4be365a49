import * as fs from 'fs';
import * as path from 'path';
import { unreadComposeReferences } from './project/compose-application';
import { unreadContainerFiles } from './project/entrypoint-exports';
import { SeverityOverride } from './engine/runner';
import { contentFromText } from './project/file-content';
import { DEFAULT_CHECKLIST_FILE } from './project/classify';
import { readGitFacts } from './project/git';
import { GitFacts, ProjectModel, SourceFile, createProjectModel, relativePosix } from './project/model';
import { findCandidateFiles, readSourceFile } from './project/walk';

/** The `preflight.*` settings of one workspace folder, normalised. */
export interface FolderSettings {
  enable: boolean;
  rules: Record<string, SeverityOverride>;
  productionGlobs: string[];
  /** The production settings module (`preflight.settingsModule`), as `manage.py --settings` takes it. */
  settingsModule: string | null;
  developmentGlobs: string[];
  /** The deployment checklist, relative to the folder. */
  checklistFile: string;
}

export const DEFAULT_SETTINGS: FolderSettings = { enable: true, rules: {}, productionGlobs: [], settingsModule: null, developmentGlobs: [], checklistFile: DEFAULT_CHECKLIST_FILE };

const SEVERITY_OVERRIDES = new Set(['off', 'hint', 'info', 'warning', 'error']);

/** Accepts whatever the client sends and keeps only well-formed values. */
export function normaliseSettings(raw: unknown): FolderSettings {
  const value = (raw ?? {}) as Record<string, unknown>;
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
  const rules: Record<string, SeverityOverride> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITY_OVERRIDES.has(severity)) rules[id] = severity as SeverityOverride;
    }
  }
  return {
    enable: value.enable !== false,
    rules,
    productionGlobs: strings(value.productionGlobs),
    settingsModule: typeof value.settingsModule === 'string' && /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(value.settingsModule.trim()) ? value.settingsModule.trim() : null,
    developmentGlobs: strings(value.developmentGlobs),
    checklistFile: checklistPath(value.checklistFile),
  };
}

/** A relative posix path inside the folder; anything else falls back to the default. */
function checklistPath(raw: unknown): string {
  if (typeof raw !== 'string') return DEFAULT_CHECKLIST_FILE;
  const relative = path.posix.normalize(raw.trim().replace(/\\/g, '/')).replace(/^\.\//, '');
  if (relative === '' || relative === '.' || relative.startsWith('../') || relative === '..' || path.posix.isAbsolute(relative)) return DEFAULT_CHECKLIST_FILE;
  return relative;
}

/** One root: a workspace folder, or the folder of a file opened outside any. */
export class ProjectRoot {
  settings: FolderSettings = DEFAULT_SETTINGS;
  private disk = new Map<string, SourceFile>();
  private git: GitFacts | null = null;
  private model: ProjectModel | null = null;
  private scannedChecklistFile = DEFAULT_CHECKLIST_FILE;

  constructor(
    readonly root: string,
    private readonly openTexts: ReadonlyMap<string, string>,
  ) {}

  /** Walks the folder and reads its deployment files. */
  scan(): void {
    this.scannedChecklistFile = this.settings.checklistFile;
    this.disk = new Map(findCandidateFiles(this.root, this.scannedChecklistFile).map((file) => [file, readSourceFile(file)]));
    this.refreshGit();
  }

  /** Re-reads one file after a change on disk (or forgets it when deleted). */
  refreshFile(filePath: string, exists: boolean): void {
    if (exists) this.disk.set(filePath, readSourceFile(filePath));
    else this.disk.delete(filePath);
    this.refreshGit();
  }

  private refreshGit(): void {
    this.git = readGitFacts(this.root, [...this.disk.keys()].map((file) => relativePosix(this.root, file)));
  }

  contains(filePath: string): boolean {
    const relative = path.relative(this.root, filePath);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /** The model last built, before any edit since: what the files were linked to until now. */
  get lastModel(): ProjectModel | null {
    return this.model;
  }

  /** The model with open editors' text over the disk's; unchanged files keep their parsed forms. */
  currentModel(): ProjectModel {
    // A changed preflight.checklistFile names a file the last walk did not collect.
    if (this.settings.checklistFile !== this.scannedChecklistFile) this.scan();
    const sources = new Map(this.disk);
    for (const [filePath, text] of this.openTexts) {
      if (this.contains(filePath)) sources.set(filePath, { path: filePath, ...contentFromText(text) });
    }
    const { productionGlobs, developmentGlobs, checklistFile, settingsModule } = this.settings;
    const options = { productionGlobs, developmentGlobs, checklistFile, ...(settingsModule ? { settingsModule } : {}) };
    this.model = createProjectModel(this.root, [...sources.values()], options, this.git, this.model);
    // A compose file (perhaps just edited) may name an env file the walk did not collect, or a
    // Dockerfile whose start scripts the production model follows: read each once.
    const read = new Set(sources.keys());
    const unread = [...unreadComposeReferences(this.model, read), ...unreadContainerFiles(this.model, read)].filter((file) => fs.existsSync(file));
    if (unread.length > 0) {
      for (const file of unread) this.disk.set(file, readSourceFile(file));
      this.refreshGit();
      return this.currentModel();
    }
    return this.model;
  }
}
