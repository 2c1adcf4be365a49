import * as fs from 'fs';
import * as path from 'path';
import { SeverityOverride } from './engine/runner';
import { contentFromText } from './project/file-content';
import { DEFAULT_CHECKLIST_FILE } from './project/classify';
import { gitFactsWithin, readGitFacts } from './project/git';
import { unreadReferencedFiles } from './project/load';
import { GitFacts, ProjectModel, SourceFile, createProjectModel, relativePosix } from './project/model';
import { ProjectPart, partitionProjects } from './project/partition';
import { ProjectConfig, findProjectConfig } from './project/project-config';
import { readSourceFile, walkTree } from './project/walk';
import { versionFromText } from './project/django-version';

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
  /** The Django version the user says runs (`preflight.djangoVersion`): `5.2` or `5.2.8`; null: found from the project. */
  djangoVersion: string | null;
}

export const DEFAULT_SETTINGS: FolderSettings = { enable: true, rules: {}, productionGlobs: [], settingsModule: null, developmentGlobs: [], checklistFile: DEFAULT_CHECKLIST_FILE, djangoVersion: null };

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
    // A version Preflight knows no checks of is not taken: the project's files say instead.
    djangoVersion: typeof value.djangoVersion === 'string' && versionFromText(value.djangoVersion, { kind: 'option', text: '' }) ? value.djangoVersion.trim() : null,
  };
}

/** A relative posix path inside the folder; anything else falls back to the default. */
function checklistPath(raw: unknown): string {
  if (typeof raw !== 'string') return DEFAULT_CHECKLIST_FILE;
  const relative = path.posix.normalize(raw.trim().replace(/\\/g, '/')).replace(/^\.\//, '');
  if (relative === '' || relative === '.' || relative.startsWith('../') || relative === '..' || path.posix.isAbsolute(relative)) return DEFAULT_CHECKLIST_FILE;
  return relative;
}

/**
 * One root: a workspace folder, or the folder of a file opened outside any. A folder holding
 * several Django projects is analysed as several models (project/partition.ts), as the CLI does:
 * each file belongs to one, and is linted with that one.
 */
export class ProjectRoot {
  settings: FolderSettings = DEFAULT_SETTINGS;
  private disk = new Map<string, SourceFile>();
  private djangoRoots: string[] = [];
  private git: GitFacts | null = null;
  /** The git facts each project of the folder sees, by project root; cleared when git is asked again. */
  private gitByPart = new Map<string, GitFacts | null>();
  /** The model last built per project root. */
  private models = new Map<string, ProjectModel>();
  private scannedChecklistFile = DEFAULT_CHECKLIST_FILE;
  /** The folder's files as the last parts() saw them: where a project's configuration file is read from. */
  private sources = new Map<string, SourceFile>();
  /** Configuration files above the folder, read once (absolute path -> text, or null when there is none). */
  private outside = new Map<string, string | null>();

  constructor(
    readonly root: string,
    private readonly openTexts: ReadonlyMap<string, string>,
  ) {}

  /** Walks the folder and reads its deployment files. */
  scan(): void {
    this.scannedChecklistFile = this.checklistFile;
    const walked = walkTree(this.root, this.scannedChecklistFile);
    this.disk = new Map(walked.files.map((file) => [file, readSourceFile(file)]));
    this.djangoRoots = walked.djangoRoots;
    this.refreshGit();
  }

  /** Re-reads one file after a change on disk (or forgets it when deleted). */
  refreshFile(filePath: string, exists: boolean): void {
    if (path.basename(filePath) === 'manage.py') {
      const folder = path.dirname(filePath);
      this.djangoRoots = this.djangoRoots.filter((known) => known !== folder);
      if (exists) this.djangoRoots.push(folder);
      return;
    }
    this.outside.delete(filePath);
    if (exists) this.disk.set(filePath, readSourceFile(filePath));
    else this.disk.delete(filePath);
    this.refreshGit();
  }

  /** The checklist file: the VS Code setting where the user set one, else the folder's configuration file's, else the default. */
  get checklistFile(): string {
    if (this.settings.checklistFile !== DEFAULT_CHECKLIST_FILE) return this.settings.checklistFile;
    return this.configFor(this.root)?.options.checklistFile ?? DEFAULT_CHECKLIST_FILE;
  }

  /**
   * The nearest `[tool.preflight]` / `preflight.toml` upwards from the project's root
   * (project/project-config.ts): inside the folder as the editor has it, above it from disk, once.
   * Parsed on each model build; a configuration file is small. Rule names are judged by DJ003 on the file itself.
   */
  private configFor(partRoot: string): ProjectConfig | null {
    return findProjectConfig(partRoot, (file) => {
      // Before the first parts() (the walk's own choice of checklist file) the disk is what there is.
      if (this.contains(file)) return (this.sources.size > 0 ? this.sources : this.disk).get(file)?.text ?? null;
      if (!this.outside.has(file)) this.outside.set(file, fs.existsSync(file) ? readSourceFile(file).text : null);
      return this.outside.get(file)!;
    }, () => true);
  }

  private refreshGit(): void {
    this.git = readGitFacts(this.root, [...this.disk.keys()].map((file) => relativePosix(this.root, file)));
    this.gitByPart.clear();
  }

  private gitOf(partRoot: string): GitFacts | null {
    if (!this.gitByPart.has(partRoot)) this.gitByPart.set(partRoot, gitFactsWithin(this.git, this.root, partRoot));
    return this.gitByPart.get(partRoot)!;
  }

  contains(filePath: string): boolean {
    const relative = path.relative(this.root, filePath);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  }

  /** The model last built for the file's project, before any edit since: what the file was linked to until now. */
  lastModel(filePath: string): ProjectModel | null {
    return [...this.models.values()].find((model) => model.get(filePath)) ?? null;
  }

  /** The files with open editors' text over the disk's, split into the folder's projects (its own files last). */
  private parts(): ProjectPart[] {
    // A changed preflight.checklistFile names a file the last walk did not collect.
    if (this.checklistFile !== this.scannedChecklistFile) this.scan();
    const sources = new Map(this.disk);
    for (const [filePath, text] of this.openTexts) {
      if (this.contains(filePath)) sources.set(filePath, { path: filePath, ...contentFromText(text) });
    }
    this.sources = sources;
    return partitionProjects(this.root, [...sources.values()], this.djangoRoots, this.checklistFile);
  }

  /**
   * The current model of the project holding the file; without a file, of the project holding the
   * checklist (the whole folder unless it holds several Django projects). Unchanged files keep their parsed forms.
   */
  currentModel(filePath: string = path.join(this.root, ...this.checklistFile.split('/'))): ProjectModel {
    const parts = this.parts();
    const part = parts.find((candidate) => candidate.sources.some((source) => source.path === filePath)) ??
      parts.find((candidate) => candidate.root === this.root) ?? { root: this.root, sources: [] };
    return this.build(part);
  }

  /** The current models of every project in the folder, the folder's own files last (they hold the checklist). */
  currentModels(): ProjectModel[] {
    const parts = this.parts();
    // A project that is gone (its manage.py deleted, its files moved) lets its model go.
    for (const known of [...this.models.keys()]) if (!parts.some((part) => part.root === known)) this.models.delete(known);
    return parts.map((part) => this.build(part));
  }

  private build(part: ProjectPart): ProjectModel {
    const { productionGlobs, developmentGlobs, checklistFile, settingsModule, djangoVersion } = this.settings;
    const options = {
      productionGlobs,
      developmentGlobs,
      checklistFile,
      ...(settingsModule ? { settingsModule } : {}),
      ...(djangoVersion ? { djangoVersion, djangoVersionSetBy: 'preflight.djangoVersion' } : {}),
      ...(part.root !== this.root ? { walkedRoot: this.root } : {}),
      config: this.configFor(part.root),
    };
    const model = createProjectModel(part.root, part.sources, options, this.gitOf(part.root), this.models.get(part.root) ?? null);
    this.models.set(part.root, model);
    // A compose file (perhaps just edited) may name an env file the walk did not collect, or a
    // Dockerfile whose start scripts the production model follows: read each once.
    const read = new Set(part.sources.map((source) => source.path));
    const unread = unreadReferencedFiles(model, read).filter((file) => !this.disk.has(file));
    if (unread.length > 0) {
      for (const file of unread) this.disk.set(file, readSourceFile(file));
      this.refreshGit();
      return this.build({ root: part.root, sources: [...part.sources, ...unread.map((file) => this.disk.get(file)!)] });
    }
    return model;
  }
}
