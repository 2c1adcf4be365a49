/**
 * A minimal LSP client for tests: spawns the bundled server (dist/server.js) over stdio and
 * speaks the protocol to it, answering configuration requests from a settings object the
 * test can change.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';

export const SERVER_BUNDLE = path.resolve(__dirname, '../../../dist/server.js');

export class LspClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** How many times diagnostics were published for each uri: a re-diagnosis shows even when nothing changed. */
  readonly publications = new Map<string, number>();
  settings: Record<string, unknown> = {};
  private readonly process: ChildProcess;
  private readonly connection: ProtocolConnection;
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];
  private versions = new Map<string, number>();
  /** Work-done progress the server reported, in order: `create <token>`, then each begin/report/end kind with its message. */
  readonly progress: string[] = [];
  stderr = '';

  constructor() {
    this.process = spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.process.stdout!),
      new StreamMessageWriter(this.process.stdin!),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publications.set(params.uri, (this.publications.get(params.uri) ?? 0) + 1);
      this.wake();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.progress.push(`create ${params.token}`);
      this.connection.onProgress(WorkDoneProgress.type, params.token, (value) => {
        this.progress.push(`${value.kind}${'message' in value && value.message ? ` ${value.message}` : ''}`);
        this.wake();
      });
    });
    this.connection.listen();
  }

  /** The server's process id, for tests that watch its memory. */
  get pid(): number {
    return this.process.pid!;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** `window` adds client capabilities of that name, such as `{ workDoneProgress: true }`. */
  async initialize(folder: string | null, window?: Record<string, unknown>): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, ...(window ? { window } : {}) },
      workspaceFolders: folder ? [{ uri: URI.file(folder).toString(), name: path.basename(folder) }] : null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(filePath: string, text: string, languageId = 'dotenv'): Promise<string> {
    const uri = URI.file(filePath).toString();
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** What the client's file watchers send when a file is created, changed or deleted on disk. */
  async fileChanged(filePath: string, type: FileChangeType): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(filePath).toString(), type }] });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Resolves when the latest diagnostics for uri satisfy the predicate (10 s at most). */
  waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.waitFor(
      () => this.diagnostics.has(uri) && predicate(this.diagnostics.get(uri)!),
      () => `diagnostics for ${uri}: ${JSON.stringify(this.diagnostics.get(uri)?.map((d) => d.code))}`,
    ).then(() => this.diagnostics.get(uri)!);
  }

  waitFor(check: () => boolean, describe: () => string, timeoutMs = 10_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${describe()}\nserver stderr:\n${this.stderr}`)), timeoutMs);
      this.waiters.push({ check, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  /** A request the server must answer: proof that it is alive and serving. */
  sendRequest(method: string, params: unknown): Promise<unknown> {
    return this.connection.sendRequest(method, params);
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await new Promise<void>((resolve) => {
      if (this.process.exitCode !== null) return resolve();
      this.process.once('exit', () => resolve());
      setTimeout(() => (this.process.kill(), resolve()), 3000);
    });
    this.connection.dispose();
  }
}
