/**
 * LSP wiring only: documents in, diagnostics out. What to report is the engine's business;
 * this file converts findings to diagnostics and decides when to validate.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  WorkspaceFoldersChangeEvent,
  createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CODE_ACTION_KINDS, noteClientCapabilities, registerCodeActions } from './code-actions';
import { registerStatusRequests } from './status-requests';
import { registerHover } from './hover';
import { notifyChecklistChanged, registerChecklistRequests } from './checklist-requests';
import { Finding, LintOptions, lintFile, lintProjects } from './engine/runner';
import { ProjectRoot, normaliseSettings } from './workspace';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

/** Open editors' text by absolute path, shared with every root. */
const openTexts = new Map<string, string>();
const roots: ProjectRoot[] = [];
const adHocRoots = new WeakSet<ProjectRoot>();
/** URIs we published diagnostics for, per root, so stale ones can be cleared. */
const published = new Map<ProjectRoot, Set<string>>();
/** Each root's findings at its last whole validation. */
const lastFindings = new Map<ProjectRoot, Finding[]>();
let supportsConfiguration = false;
let supportsWorkspaceFolders = false;
let supportsProgress = false;

/** After an edit, the edited file is validated at once and the rest of its project shortly after. */
const PROJECT_REVALIDATION_DELAY_MS = 300;
const pendingProjectValidation = new Map<ProjectRoot, NodeJS.Timeout>();

const SEVERITIES: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    code: finding.code,
    codeDescription: { href: finding.docsUrl },
    source: 'preflight',
    message: finding.message,
    relatedInformation: [
      {
        location: { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
        message: `${finding.context} context: ${finding.contextReason}`,
      },
      ...(finding.related ?? []).map((related) => ({ location: { uri: URI.file(related.path).toString(), range: related.range }, message: related.message })),
    ],
    data: { name: finding.name, fixes: finding.fixes },
  };
}

function filePath(uri: string): string | null {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : null;
}

function rootFor(file: string): ProjectRoot {
  const owners = roots.filter((root) => root.contains(file)).sort((a, b) => b.root.length - a.root.length);
  if (owners.length > 0) return owners[0];
  // A file opened outside every workspace folder is a project of its own folder.
  const adHoc = new ProjectRoot(path.dirname(file), openTexts);
  roots.push(adHoc);
  adHocRoots.add(adHoc);
  void loadSettings(adHoc);
  return adHoc;
}

function publish(uri: string, findings: Finding[]): void {
  const diagnostics = findings.map((finding) => toDiagnostic(finding, uri));
  void connection.sendDiagnostics({ uri, diagnostics });
  // Lets tests (and anyone else) wait for a result instead of sleeping, including "no problems".
  void connection.sendNotification('preflight/validated', { uri, count: diagnostics.length });
}

function lintOptions(root: ProjectRoot): LintOptions {
  return { ruleSeverities: root.settings.rules, onRuleError: (message) => connection.console.error(message) };
}

function validateProject(root: ProjectRoot): void {
  const previous = published.get(root) ?? new Set<string>();
  const now = new Set<string>();
  if (root.settings.enable) {
    // A folder of several Django projects is linted one project at a time, as the CLI does.
    const models = root.currentModels();
    const findings = lintProjects(models, lintOptions(root));
    lastFindings.set(root, findings);
    const byPath = new Map<string, Finding[]>();
    for (const finding of findings) {
      const list = byPath.get(finding.path);
      if (list) list.push(finding);
      else byPath.set(finding.path, [finding]);
    }
    for (const file of models.flatMap((model) => model.files)) {
      const uri = URI.file(file.path).toString();
      now.add(uri);
      publish(uri, byPath.get(file.path) ?? []);
    }
  }
  for (const uri of previous) if (!now.has(uri)) publish(uri, []);
  published.set(root, now);
  notifyChecklistChanged(connection, root);
}

function validateDocument(document: TextDocument): void {
  const file = filePath(document.uri);
  if (!file) return;
  const root = rootFor(file);
  const before = root.lastModel(file);
  const model = root.currentModel(file);
  const projectFile = model.get(file);
  // The folder's checklist also judges the folder's other Django projects, by their last findings.
  const options = projectFile?.kind === 'checklist' ? { ...lintOptions(root), otherProjectsFindings: (lastFindings.get(root) ?? []).filter((finding) => !model.get(finding.path)) } : lintOptions(root);
  const findings = root.settings.enable && projectFile ? lintFile(model, projectFile, options) : [];
  publish(document.uri, findings);
  // Preflight's configuration file changes how every file of the project is judged.
  if (projectFile?.kind === 'config') return validateProject(root);
  // Files linked to this one, before or after the edit (its compose file, the settings module it
  // feeds), change with it: they are re-diagnosed in the same cycle.
  if (root.settings.enable && projectFile) {
    for (const dependent of new Set([...(before?.dependentsOf(file) ?? []), ...model.dependentsOf(file)])) {
      const linked = model.get(dependent);
      if (linked) publish(URI.file(dependent).toString(), lintFile(model, linked, lintOptions(root)));
    }
  }
  scheduleProjectValidation(root);
}

function scheduleProjectValidation(root: ProjectRoot): void {
  clearTimeout(pendingProjectValidation.get(root));
  pendingProjectValidation.set(
    root,
    setTimeout(() => {
      pendingProjectValidation.delete(root);
      validateProject(root);
    }, PROJECT_REVALIDATION_DELAY_MS),
  );
}

async function loadSettings(root: ProjectRoot): Promise<void> {
  if (!supportsConfiguration) return;
  try {
    const raw = await connection.workspace.getConfiguration({ scopeUri: URI.file(root.root).toString(), section: 'preflight' });
    root.settings = normaliseSettings(raw);
  } catch (error) {
    connection.console.error(`Could not read preflight settings: ${(error as Error).message}`);
  }
}

async function onWorkspaceFoldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
  for (const removed of event.removed) {
    const index = roots.findIndex((root) => URI.file(root.root).toString() === URI.parse(removed.uri).toString());
    if (index >= 0) {
      const [root] = roots.splice(index, 1);
      for (const uri of published.get(root) ?? []) publish(uri, []);
      published.delete(root);
      lastFindings.delete(root);
    }
  }
  for (const added of event.added) {
    const folderPath = filePath(added.uri);
    if (!folderPath) continue;
    const root = new ProjectRoot(folderPath, openTexts);
    roots.push(root);
    await loadSettings(root);
    guarded(() => {
      root.scan();
      validateProject(root);
    });
  }
}

function guarded(work: () => void): void {
  try {
    work();
  } catch (error) {
    // Bad input must never stop the server; report and keep serving.
    connection.console.error(`preflight: ${(error as Error).stack ?? error}`);
  }
}

connection.onInitialize((params) => {
  supportsConfiguration = params.capabilities.workspace?.configuration === true;
  supportsWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
  supportsProgress = params.capabilities.window?.workDoneProgress === true;
  noteClientCapabilities(params.capabilities);
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  for (const folder of folders) {
    const folderPath = filePath(folder.uri);
    if (folderPath) roots.push(new ProjectRoot(folderPath, openTexts));
  }
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS },
      hoverProvider: true,
    },
    serverInfo: { name: 'Django Preflight' },
  };
});

connection.onInitialized(async () => {
  if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'preflight' });
  if (supportsWorkspaceFolders) connection.workspace.onDidChangeWorkspaceFolders(onWorkspaceFoldersChanged);
  // The first scan of a large workspace takes a moment: the editor shows it as progress.
  const progress = supportsProgress && roots.length > 0 ? await connection.window.createWorkDoneProgress() : null;
  progress?.begin('Django Preflight', 0, `Checking ${roots.length === 1 ? path.basename(roots[0].root) : `${roots.length} folders`}`, false);
  for (const [index, root] of [...roots].entries()) {
    await loadSettings(root);
    progress?.report(Math.round((index / roots.length) * 100), `Checking ${path.basename(root.root)}`);
    guarded(() => {
      const started = Date.now();
      root.scan();
      validateProject(root);
      connection.console.log(`Checked ${root.root} in ${Date.now() - started} ms.`);
    });
  }
  progress?.done();
});

connection.onDidChangeConfiguration(async () => {
  for (const root of roots) {
    await loadSettings(root);
    guarded(() => validateProject(root));
  }
});

connection.onDidChangeWatchedFiles((event) => {
  const touched = new Set<ProjectRoot>();
  for (const change of event.changes) {
    const file = filePath(change.uri);
    if (!file) continue;
    for (const root of roots.filter((candidate) => candidate.contains(file))) {
      guarded(() => root.refreshFile(file, change.type !== FileChangeType.Deleted));
      touched.add(root);
    }
  }
  for (const root of touched) guarded(() => validateProject(root));
});

documents.onDidOpen((event) => {
  guarded(() => {
    const file = filePath(event.document.uri);
    if (file) openTexts.set(file, event.document.getText());
    validateDocument(event.document);
  });
});

/**
 * Edits closer together than this are coalesced: a burst (typing, a paste, a formatter's many
 * edits) is validated once, for its last text, instead of queueing one validation per edit.
 */
const DOCUMENT_VALIDATION_DELAY_MS = 15;
const pendingDocumentValidation = new Map<string, NodeJS.Timeout>();

documents.onDidChangeContent((event) => {
  guarded(() => {
    const file = filePath(event.document.uri);
    if (file) openTexts.set(file, event.document.getText());
  });
  const uri = event.document.uri;
  clearTimeout(pendingDocumentValidation.get(uri));
  pendingDocumentValidation.set(
    uri,
    setTimeout(() => {
      pendingDocumentValidation.delete(uri);
      const document = documents.get(uri);
      if (document) guarded(() => validateDocument(document));
    }, DOCUMENT_VALIDATION_DELAY_MS),
  );
});

documents.onDidClose((event) => {
  guarded(() => {
    const file = filePath(event.document.uri);
    if (!file) return;
    openTexts.delete(file);
    const root = rootFor(file);
    root.refreshFile(file, fs.existsSync(file));
    validateProject(root);
  });
});

registerCodeActions(connection, {
  projectFor: (file) => {
    const root = rootFor(file);
    return root.settings.enable ? { model: root.currentModel(file), options: lintOptions(root) } : null;
  },
  documents,
  onError: (message) => connection.console.error(message),
});

registerHover(connection, {
  modelFor: (file) => {
    const root = rootFor(file);
    return root.settings.enable ? root.currentModel(file) : null;
  },
  onError: (message) => connection.console.error(message),
});

registerStatusRequests(connection, {
  rootFor: (file) => {
    const owners = roots.filter((root) => root.contains(file)).sort((a, b) => b.root.length - a.root.length);
    return owners.length > 0 && owners[0].settings.enable ? owners[0] : null;
  },
});

registerChecklistRequests(connection, {
  // Ad-hoc roots (folders of files opened outside the workspace) have no checklist of their own.
  roots: () => roots.filter((root) => !adHocRoots.has(root)),
  lintOptions,
});

documents.listen(connection);
connection.listen();
