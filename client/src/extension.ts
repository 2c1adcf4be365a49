/**
 * The VS Code side: starts the Preflight language server and offers its commands.
 * It reads no configuration file itself; everything it shows comes from the server.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ChecklistView } from './checklist/checklist-view';
import { StatusItems } from './status-item';

/** The files the server diagnoses, by pattern: env files of every naming style, compose files, settings, Procfiles, systemd units, Dockerfiles, nginx configurations. */
const DOCUMENT_PATTERNS = [
  '**/.env',
  '**/.env.*',
  '**/*.env',
  '**/.envs/**',
  '**/{docker-compose,compose}*.{yml,yaml}',
  '**/settings.py',
  '**/settings/*.py',
  // Preflight's own configuration: [tool.preflight] in pyproject.toml, or preflight.toml.
  '**/{pyproject,preflight}.toml',
  // The processes a PaaS runs (Heroku, Render, Dokku, Scalingo).
  '**/Procfile',
  '**/Procfile.*',
  // The systemd units a VM deployment installs (package.json gives them VS Code's own 'ini' language).
  '**/*.{service,socket,timer}',
  // Images' builds (VS Code's built-in `dockerfile` language; one a compose `build:` names by another name is selected by language).
  '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Containerfile.*}',
  // nginx configurations by name; any other *.conf is nginx's when the server finds a server/http block in it.
  '**/nginx.conf',
  '**/*.nginx',
  '**/*.conf',
  '**/sites-{available,enabled}/*',
  // Gunicorn config files (Python, read and never run).
  '**/{gunicorn,gunicorn.conf,gunicorn_conf,gunicorn_config,gunicorn.config}.py',
];

/** The checklist file (`preflight.checklistFile`) in any folder: edits and git pulls refresh the tree. */
function checklistPattern(): string {
  const file = vscode.workspace.getConfiguration('preflight').get<string>('checklistFile') || 'DEPLOYMENT_CHECKLIST.md';
  return `**/${file.replace(/^\.?\/+/, '')}`;
}

let client: LanguageClient | undefined;
let checklist: ChecklistView | undefined;
let statusItems: StatusItems | undefined;
let watchers: vscode.FileSystemWatcher[] = [];
let output: vscode.OutputChannel;

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const patterns = [...DOCUMENT_PATTERNS, checklistPattern()];
  // .gitignore decides whether an env file is committed (DJ112), manage.py where a folder's Django
  // projects begin (a folder of several is split into them), and Django's entry points which
  // settings module runs when production sets none (DJ206), and dev container configurations the
  // files that are development (project/devcontainer.ts), and the dependency files which Django
  // runs (project/django-version-detection.ts): the server hears of their changes too.
  watchers = [...patterns, '**/.gitignore', '**/{manage,wsgi,asgi}.py', '**/{devcontainer.json,.devcontainer.json}', '**/{requirements*.txt,uv.lock,poetry.lock,pdm.lock,Pipfile.lock,setup.cfg,setup.py}', '**/requirements/*.txt'].map((pattern) => vscode.workspace.createFileSystemWatcher(pattern));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...patterns.map((pattern) => ({ scheme: 'file', pattern })), { scheme: 'file', language: 'dockerfile' }],
    synchronize: { configurationSection: 'preflight', fileEvents: watchers },
    outputChannel: output,
  };
  return new LanguageClient('preflight', 'Django Preflight', serverOptions, clientOptions);
}

/** Starts a language client and the checklist view that talks to it. */
function startClient(context: vscode.ExtensionContext): void {
  client = createClient(context);
  // Not awaited: activation returns at once and the editor stays responsive while the server
  // starts; the client queues requests (the checklist's first refresh) until it is running.
  client.start().catch((error: Error) => output.appendLine(`The Preflight server did not start: ${error.message}`));
  checklist = new ChecklistView(client, output);
  statusItems = new StatusItems(client, [...DOCUMENT_PATTERNS, checklistPattern()].map((pattern) => ({ scheme: 'file', pattern })));
}

async function stopClient(): Promise<void> {
  checklist?.dispose();
  statusItems?.dispose();
  for (const watcher of watchers) watcher.dispose();
  await client?.stop();
}

/** What activate() returns: the checklist view, so tests in the extension host can read the tree and tick items. */
export interface PreflightApi {
  readonly checklist: ChecklistView;
  /** The language status items: what they show for the active editor. */
  readonly statusItems: StatusItems;
}

export async function activate(context: vscode.ExtensionContext): Promise<PreflightApi> {
  output = vscode.window.createOutputChannel('Django Preflight');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('preflight.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('preflight.restartServer', async () => {
      output.appendLine('Restarting the Preflight server.');
      await client?.restart();
    }),
    // The server's "Show documentation for DJxxx" code action runs this with the rule's page.
    vscode.commands.registerCommand('preflight.showDocumentation', (url: unknown) => {
      if (typeof url === 'string' && /^https:\/\//.test(url)) void vscode.env.openExternal(vscode.Uri.parse(url));
    }),
    // The document selector and file watchers name the checklist file, and a language client's
    // options are fixed when it is made: a new name takes a new client (no window reload).
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('preflight.checklistFile')) return;
      output.appendLine(`preflight.checklistFile is now ${checklistPattern()}: restarting the Preflight server.`);
      await stopClient();
      startClient(context);
    }),
  );
  startClient(context);
  return {
    get checklist() {
      return checklist!;
    },
    get statusItems() {
      return statusItems!;
    },
  };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
