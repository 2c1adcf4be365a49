/**
 * The language status items beside the language mode (as vscode-eslint and ruff have): for the
 * deployment file in the active editor, the context the rules judge it in, the settings module
 * production runs and the Django version assumed, each with where that came from. The server decides; this only shows it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FILE_STATUS_REQUEST, type FileStatus } from '../../server/src/status-protocol';

const CONTEXT_LABEL: Record<string, string> = { production: 'Production', development: 'Development', unknown: 'Context unknown' };

export class StatusItems {
  private readonly context: vscode.LanguageStatusItem;
  private readonly settings: vscode.LanguageStatusItem;
  private readonly django: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** What the items show now, for tests in the extension host (the API cannot read status items). */
  shown: { uri: string; status: FileStatus } | null = null;

  constructor(private readonly client: LanguageClient, selector: vscode.DocumentSelector) {
    this.context = vscode.languages.createLanguageStatusItem('preflight.context', selector);
    this.context.name = 'Preflight: context';
    this.context.command = { command: 'preflight.showOutput', title: 'Output' };
    this.settings = vscode.languages.createLanguageStatusItem('preflight.settingsModule', selector);
    this.settings.name = 'Preflight: production settings';
    this.settings.command = { command: 'preflight.checklist.open', title: 'Checklist' };
    this.django = vscode.languages.createLanguageStatusItem('preflight.djangoVersion', selector);
    this.django.name = 'Preflight: Django version';
    this.django.command = { command: 'workbench.action.openSettings', title: 'Set', arguments: ['preflight.djangoVersion'] };
    this.clear();
    this.disposables.push(
      this.context,
      this.settings,
      this.django,
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      // Diagnostics change when the project does: the production it implies may have changed too.
      vscode.languages.onDidChangeDiagnostics(() => this.schedule()),
    );
    this.schedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private clear(): void {
    this.context.text = 'Preflight';
    this.context.detail = 'starting';
    this.settings.text = '';
    this.django.text = '';
    this.django.detail = '';
    this.shown = null;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 100);
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.uri.scheme !== 'file' || !this.client.isRunning()) return;
    let status: FileStatus | null;
    try {
      status = await this.client.sendRequest<FileStatus | null>(FILE_STATUS_REQUEST, { uri: document.uri.toString() });
    } catch {
      return; // The server restarts or stops: the next change asks again.
    }
    if (vscode.window.activeTextEditor?.document !== document) return;
    if (!status) return this.clear();
    this.context.text = CONTEXT_LABEL[status.context] ?? status.context;
    this.context.detail = status.contextReason;
    this.settings.text = status.settingsModule ? `$(settings-gear) ${status.settingsModule}` : '$(settings-gear) settings module not known';
    this.settings.detail = status.settingsModule ? status.settingsOrigin ?? '' : 'nothing in the repository names it: --settings, DJANGO_SETTINGS_MODULE or preflight.settingsModule';
    this.settings.command = { command: 'preflight.checklist.open', title: status.checklistExists ? 'Checklist' : 'Create checklist' };
    this.django.text = `$(versions) ${status.djangoVersion}`;
    this.django.detail = status.djangoVersionOrigin;
    this.shown = { uri: document.uri.toString(), status };
  }
}
