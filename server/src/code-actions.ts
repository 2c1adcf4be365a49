/**
 * Code actions, converted from what the engine says: each finding's fixes as quick fixes, the
 * directive comments that silence a rule, its documentation, and fix-all for a document. Fixes
 * are computed afresh from the current text, never taken from a diagnostic's (maybe stale) data.
 * Nothing here knows a rule.
 */
import * as fs from 'fs';
import {
  ClientCapabilities,
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  Connection,
  CreateFile,
  Diagnostic,
  TextDocumentEdit,
  TextDocuments,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { fixAll, minimalEdit } from './engine/fix-all';
import { Finding, LintOptions, lintFile } from './engine/runner';
import { disableFileEdit, disableLineEdit } from './engine/suppressions';
import { Range, SourceText, sameRange } from './parse/source-text';
import { ProjectModel } from './project/model';
import { FileEdit } from './rules/rule';

/** Works with `editor.codeActionsOnSave: { "source.fixAll.preflight": "explicit" }`. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.preflight`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];
/** Registered by the client: opens a rule's documentation page (argument: its URL). */
export const SHOW_DOCUMENTATION_COMMAND = 'preflight.showDocumentation';

export interface CodeActionHost {
  /** The current model of the file's project and the options to lint it with; null when checking is off there. */
  projectFor(filePath: string): { model: ProjectModel; options: LintOptions } | null;
  documents: TextDocuments<TextDocument>;
  onError(message: string): void;
}

let documentChangesSupported = false;

/** Call from onInitialize: versioned edits and file creation need the client's support. */
export function noteClientCapabilities(capabilities: ClientCapabilities): void {
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  documentChangesSupported = workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create');
}

export function registerCodeActions(connection: Connection, host: CodeActionHost): void {
  connection.onCodeAction((params) => {
    try {
      return codeActions(params, host);
    } catch (error) {
      host.onError(`preflight: code actions failed: ${(error as Error).stack ?? error}`);
      return [];
    }
  });
}

function codeActions(params: CodeActionParams, host: CodeActionHost): CodeAction[] {
  const uri = URI.parse(params.textDocument.uri);
  if (uri.scheme !== 'file') return [];
  const filePath = uri.fsPath;
  const project = host.projectFor(filePath);
  const file = project?.model.get(filePath);
  if (!project || !file || file.text === null) return [];
  const wanted = (kind: string) => !params.context.only || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix)) {
    const findings = lintFile(project.model, file, project.options);
    const source = new SourceText(file.text);
    const silencing: CodeAction[] = [];
    const seen = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'preflight') continue;
      // A diagnostic the current text no longer produces gets nothing: its fix would edit text that moved.
      const finding = findings.find((candidate) => candidate.code === diagnostic.code && sameRange(candidate.range, diagnostic.range));
      if (!finding) continue;
      for (const fix of finding.fixes) {
        // Two rules may find the same line (DJ201 and DJ202 on DJANGO_DEBUG=True) and offer the same repair: offer it once.
        const key = JSON.stringify([fix.title, fix.edits]);
        const offered = actions.find((action) => action.data === key);
        if (offered) {
          offered.diagnostics!.push(diagnostic);
          continue;
        }
        const edit = workspaceEdit(fix.edits, host);
        if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred === true, edit, data: key });
      }
      silencing.push(...silencingActions(finding, diagnostic, source, host, seen));
    }
    // Repairs first, then the ways to silence or read up on a rule.
    actions.push(...silencing);
  }

  if (wanted(FIX_ALL_KIND)) {
    const result = fixAll(project.model, { ...project.options, onlyFile: filePath });
    const edits: FileEdit[] = [...result.changed].map(([path, { before, after }]) => ({ path, ...minimalEdit(before, after) }));
    const edit = edits.length > 0 ? workspaceEdit(edits, host) : null;
    if (edit) actions.push({ title: 'Fix all safe Preflight problems', kind: FIX_ALL_KIND, edit });
  }
  return actions;
}

/** "Disable DJxxx for this line / file" and "Show documentation", once per rule and line. */
function silencingActions(finding: Finding, diagnostic: Diagnostic, source: SourceText, host: CodeActionHost, seen: Set<string>): CodeAction[] {
  const actions: CodeAction[] = [];
  const once = (key: string) => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const line = finding.range.start.line;
  const edit = (insertion: { range: Range; newText: string }) => workspaceEdit([{ path: finding.path, ...insertion }], host);
  if (once(`line ${finding.code} ${line}`)) {
    const lineEdit = edit(disableLineEdit(source, line, finding.code));
    if (lineEdit) actions.push({ title: `Disable ${finding.code} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: lineEdit });
  }
  if (once(`file ${finding.code}`)) {
    const fileEdit = edit(disableFileEdit(source, finding.code));
    if (fileEdit) actions.push({ title: `Disable ${finding.code} for this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: fileEdit });
  }
  if (once(`docs ${finding.code}`)) {
    const title = `Show documentation for ${finding.code}`;
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [finding.docsUrl] } });
  }
  return actions;
}

/**
 * One WorkspaceEdit for edits in any number of files. With the client's support, edits are
 * versioned against open documents and a file that does not exist yet is created first;
 * without it, a fix that needs a new file is not offered (null).
 */
function workspaceEdit(edits: FileEdit[], host: CodeActionHost): WorkspaceEdit | null {
  const byUri = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const uri = URI.file(edit.path).toString();
    byUri.set(uri, [...(byUri.get(uri) ?? []), { range: edit.range, newText: edit.newText }]);
  }
  const missing = (uri: string) => !host.documents.get(uri) && !fs.existsSync(URI.parse(uri).fsPath);
  if (!documentChangesSupported) {
    if ([...byUri.keys()].some(missing)) return null;
    return { changes: Object.fromEntries(byUri) };
  }
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const [uri, textEdits] of byUri) {
    if (missing(uri)) documentChanges.push(CreateFile.create(uri, { ignoreIfExists: true }));
    documentChanges.push(TextDocumentEdit.create({ uri, version: host.documents.get(uri)?.version ?? null }, textEdits));
  }
  return { documentChanges };
}
