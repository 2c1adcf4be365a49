/**
 * The language status item's request, LSP wiring only: for the file in the active editor, what
 * Preflight takes as that project's production (the settings module and where that choice is
 * written), the Django version assumed and why, the file's context and why, and the folder's checklist. The client shows it; it
 * decides nothing.
 */
import * as path from 'path';
import { Connection } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { describeDjangoVersion } from './project/django-version';
import { productionLinks } from './project/production';
import { FILE_STATUS_REQUEST, FileStatus, FileStatusParams } from './status-protocol';
import { ProjectRoot } from './workspace';

export interface StatusServer {
  /** The root a file belongs to, or null when Preflight does not look at it (off, or not a file). */
  rootFor(filePath: string): ProjectRoot | null;
}

export function registerStatusRequests(connection: Connection, server: StatusServer): void {
  connection.onRequest(FILE_STATUS_REQUEST, (params: FileStatusParams): FileStatus | null => {
    const uri = URI.parse(params.uri);
    if (uri.scheme !== 'file') return null;
    const root = server.rootFor(uri.fsPath);
    if (!root) return null;
    const model = root.currentModel(uri.fsPath);
    const file = model.get(uri.fsPath);
    // Not a deployment file (a view module, a README): no status to show.
    if (!file) return null;
    const { context, reason } = model.contextOf(file);
    const settings = productionLinks(model).settings;
    const checklistPath = path.join(root.root, ...root.checklistFile.split('/'));
    // `Django 5.2.8: pinned in requirements/base.txt line 3` as a label and its origin.
    const version = describeDjangoVersion(model.djangoVersion());
    const colon = version.indexOf(': ');
    return {
      context,
      contextReason: reason,
      settingsModule: settings?.module ?? null,
      settingsOrigin: settings?.origin ?? null,
      djangoVersion: version.slice(0, colon),
      djangoVersionOrigin: version.slice(colon + 2),
      checklistUri: URI.file(checklistPath).toString(),
      checklistExists: model.get(checklistPath) !== undefined,
    };
  });
}
