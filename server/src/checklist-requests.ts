/**
 * The checklist's custom requests, LSP wiring only: the client renders the tree and edits the
 * file, but every range, tick and status it shows comes from here; it only re-checks a tick
 * against the document's current text (planTicks) before writing it.
 */
import * as path from 'path';
import { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { TextEdit, signOffEdit } from './checklist/checklist-edits';
import { parseChecklist } from './checklist/checklist-file';
import { ChecklistStatus, projectChecklistStatus } from './checklist/status';
import { checklistTemplate } from './checklist/template';
import { LintOptions, lintProjects } from './engine/runner';
import { ProjectModel } from './project/model';
import { rules } from './rules';
import { ProjectRoot } from './workspace';

export const CHECKLIST_REQUEST = 'preflight/checklist';
export const CHECKLIST_TEMPLATE_REQUEST = 'preflight/checklistTemplate';
export const CHECKLIST_SIGN_OFF_REQUEST = 'preflight/checklistSignOff';
export const CHECKLIST_CHANGED_NOTIFICATION = 'preflight/checklistChanged';

export interface FolderChecklist {
  folderUri: string;
  /** Where the checklist is or would be created: `preflight.checklistFile` in this folder. */
  checklistUri: string;
  /** Null when the folder has no checklist file. */
  status: ChecklistStatus | null;
}

export interface SignOffParams {
  checklistUri: string;
  date: string;
  name: string;
  version: string;
  /** The checklist as the editor has it now; the record is placed in this text (else in the server's copy). */
  text?: string;
}

export interface SignOffResult {
  edit: TextEdit;
  openCritical: number;
}

export interface ChecklistServer {
  /** The workspace folders' roots (not the ad-hoc roots of stray files). */
  roots(): readonly ProjectRoot[];
  lintOptions(root: ProjectRoot): LintOptions;
}

/** Where the folder's checklist is or would be created: `preflight.checklistFile` in the folder. */
function checklistUriOf(root: ProjectRoot): string {
  return URI.file(path.join(root.root, ...root.checklistFile.split('/'))).toString();
}

function checklistOf(root: ProjectRoot, server: ChecklistServer): { model: ProjectModel; status: ChecklistStatus | null } {
  // Every Django project of the folder counts toward its checklist.
  const findings = lintProjects(root.currentModels(), server.lintOptions(root));
  const model = root.currentModel();
  return { model, status: projectChecklistStatus(model, findings, rules) };
}

export function registerChecklistRequests(connection: Connection, server: ChecklistServer): void {
  connection.onRequest(CHECKLIST_REQUEST, (): FolderChecklist[] =>
    server.roots().map((root) => ({ folderUri: URI.file(root.root).toString(), checklistUri: checklistUriOf(root), status: checklistOf(root, server).status })),
  );

  connection.onRequest(CHECKLIST_TEMPLATE_REQUEST, () => ({ text: checklistTemplate() }));

  connection.onRequest(CHECKLIST_SIGN_OFF_REQUEST, (params: SignOffParams): SignOffResult | null => {
    const wanted = URI.parse(params.checklistUri).fsPath;
    for (const root of server.roots()) {
      // Only the folder the checklist belongs to is linted.
      if (URI.parse(checklistUriOf(root)).fsPath !== wanted) continue;
      const { model, status } = checklistOf(root, server);
      if (!status) continue;
      const file = model.get(status.path);
      if (!file) return null;
      const openCritical = status.summary.openCritical;
      const checklist = typeof params.text === 'string' ? parseChecklist(params.text) : model.checklist(file);
      return { edit: signOffEdit(checklist, { date: params.date, name: params.name, version: params.version, openCritical }), openCritical };
    }
    return null;
  });
}

/** Tells the client its tree may be stale: after every project validation (edits, disk changes, settings). */
export function notifyChecklistChanged(connection: Connection, root: ProjectRoot): void {
  void connection.sendNotification(CHECKLIST_CHANGED_NOTIFICATION, { folderUri: URI.file(root.root).toString() });
}
