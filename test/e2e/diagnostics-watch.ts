/**
 * Waits for Preflight's diagnostics to reach a state, driven by onDidChangeDiagnostics rather than
 * sleeps. Create the watch before the action that should change the diagnostics (opening a file,
 * a configuration change), then await `until`.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { clearNotifications, screenshot } from './screenshot';

export const DEFAULT_WAIT_MS = 30_000;

export function preflightDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'preflight');
}

/** The rule code of a diagnostic ("DJ201"), whether VS Code holds it plain or with its docs link. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code);
}

export function withCode(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic | undefined {
  return diagnostics.find((diagnostic) => codeOf(diagnostic) === code);
}

/** "DJ201@4:14-4:18" with 1-based positions, the form the CLI prints. */
export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${codeOf(diagnostic)}@${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

export function describeAll(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map(describeDiagnostic).sort().join(', ') || '(none)';
}

export class DiagnosticsWatch implements vscode.Disposable {
  /** Every state the file's Preflight diagnostics went through since the watch began. */
  readonly history: vscode.Diagnostic[][] = [];
  private readonly subscription: vscode.Disposable;
  private readonly listeners = new Set<() => void>();

  constructor(readonly uri: vscode.Uri) {
    this.subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      this.history.push(this.current());
      for (const listener of [...this.listeners]) listener();
    });
  }

  current(): vscode.Diagnostic[] {
    return preflightDiagnostics(this.uri);
  }

  /** Resolves with the diagnostics once `accept` holds for them (now or after a change). */
  until(accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<vscode.Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const diagnostics = this.current();
        if (!accept(diagnostics)) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(diagnostics);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(this.uri)}; it has ${describeAll(this.current())}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /**
   * Resolves once the file's diagnostics have not changed for `quietMs`. For screenshots only: a
   * republish (the project pass after an edit) closes an open hover.
   */
  settled(quietMs = 1000): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.listeners.delete(restart);
        resolve();
      };
      let timer = setTimeout(done, quietMs);
      const restart = () => {
        clearTimeout(timer);
        timer = setTimeout(done, quietMs);
      };
      this.listeners.add(restart);
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.listeners.clear();
  }
}

/** Resolves once `accept` holds for the diagnostics of the whole workspace. */
export function untilWorkspace(
  accept: (all: [vscode.Uri, vscode.Diagnostic[]][]) => boolean,
  what: string,
  describeState: (all: [vscode.Uri, vscode.Diagnostic[]][]) => string,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<[vscode.Uri, vscode.Diagnostic[]][]> {
  const snapshot = () =>
    vscode.languages
      .getDiagnostics()
      .map(([uri, diagnostics]): [vscode.Uri, vscode.Diagnostic[]] => [uri, diagnostics.filter((diagnostic) => diagnostic.source === 'preflight')])
      .filter(([, diagnostics]) => diagnostics.length > 0);
  return new Promise((resolve, reject) => {
    const check = () => {
      const all = snapshot();
      if (!accept(all)) return;
      subscription.dispose();
      clearTimeout(timer);
      resolve(all);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; the workspace has ${describeState(snapshot())}`));
    }, timeoutMs);
    check();
  });
}

/** One expected squiggle: its rule code, the text of its line, the text it underlines, its severity. */
export type ExpectedSquiggle = [code: string, line: string, underlined: string, severity: vscode.DiagnosticSeverity];

/** Asserts each expected squiggle is among `diagnostics`, on its line, underlining exactly its text. */
export function assertSquiggles(editor: vscode.TextEditor, diagnostics: readonly vscode.Diagnostic[], expected: readonly ExpectedSquiggle[]): void {
  for (const [code, line, underlined, severity] of expected) {
    const diagnostic = withCode(diagnostics, code);
    assert.ok(diagnostic, `${code} is reported; got ${describeAll(diagnostics)}`);
    assert.equal(editor.document.lineAt(diagnostic.range.start.line).text, line, `${code} is on its line`);
    assert.equal(editor.document.getText(diagnostic.range), underlined, `${code} underlines the value`);
    assert.equal(diagnostic.severity, severity, `${code} severity`);
  }
}

/** Screenshots the hover of a squiggle once the file's diagnostics are quiet (a republish closes hovers). */
export async function screenshotHover(watch: DiagnosticsWatch, editor: vscode.TextEditor, diagnostic: vscode.Diagnostic, name: string): Promise<void> {
  await watch.settled();
  await clearNotifications();
  editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
  await vscode.commands.executeCommand('editor.action.showHover');
  await screenshot(name);
}
