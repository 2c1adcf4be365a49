/**
 * The Deployment Checklist view and its commands. Everything shown comes from the server's
 * `preflight/checklist` answer; a tick is recomputed against the document's text right before it
 * is written (the item must still be there, line for line) and refused when it cannot be.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { readGitIdentity } from './git-identity';
import { TickBasis, planTicks } from '../../../server/src/checklist/checklist-edits';
import { ChecklistNode, FolderChecklist, NodeIcon, TickTarget, buildTree, resetTargets, summarise, tickBasis } from './tree-model';

const VIEW_ID = 'preflight.checklist';
const MISSING_CONTEXT = 'preflight.checklist.missing';

const ICONS: Record<Exclude<NodeIcon, null>, vscode.ThemeIcon> = {
  folder: new vscode.ThemeIcon('root-folder'),
  section: new vscode.ThemeIcon('list-unordered'),
  passing: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  failing: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  unchecked: new vscode.ThemeIcon('circle-slash'),
  'problem-error': new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  'problem-warning': new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  'problem-info': new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
};

function toRange(range: TickTarget['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

class ChecklistProvider implements vscode.TreeDataProvider<ChecklistNode> {
  private readonly changed = new vscode.EventEmitter<ChecklistNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  folders: FolderChecklist[] = [];
  nodes: ChecklistNode[] = [];

  update(folders: FolderChecklist[]): void {
    this.folders = folders;
    this.nodes = buildTree(folders);
    this.changed.fire(undefined);
  }

  getChildren(node?: ChecklistNode): ChecklistNode[] {
    return node ? node.children : this.nodes;
  }

  getTreeItem(node: ChecklistNode): vscode.TreeItem {
    const state =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.collapsed
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.contextValue = node.contextValue;
    if (node.icon) item.iconPath = ICONS[node.icon];
    if (node.checkbox) {
      item.checkboxState = node.checkbox === 'checked' ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
    }
    if (node.location && (node.kind === 'problem' || node.kind === 'item')) {
      item.command = { command: 'preflight.checklist.reveal', title: 'Open', arguments: [node.location] };
    }
    return item;
  }
}

export class ChecklistView implements vscode.Disposable {
  private readonly provider = new ChecklistProvider();
  private readonly view: vscode.TreeView<ChecklistNode>;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  constructor(
    private readonly client: LanguageClient,
    private readonly output: vscode.OutputChannel,
  ) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this.provider, showCollapseAll: true, manageCheckboxStateManually: true });
    this.disposables.push(
      this.view,
      this.view.onDidChangeCheckboxState((event) => this.onCheckboxes(event)),
      client.onNotification('preflight/checklistChanged', () => void this.refresh()),
      vscode.commands.registerCommand('preflight.checklist.refresh', () => this.refresh()),
      vscode.commands.registerCommand('preflight.checklist.create', () => this.create()),
      vscode.commands.registerCommand('preflight.checklist.open', () => this.openFile()),
      vscode.commands.registerCommand('preflight.checklist.reset', () => this.reset()),
      vscode.commands.registerCommand('preflight.checklist.signOff', () => this.signOff()),
      vscode.commands.registerCommand('preflight.checklist.reveal', (location: ChecklistNode['location']) => this.reveal(location)),
      vscode.commands.registerCommand('preflight.checklist.openItem', (node?: ChecklistNode) => this.reveal(node?.location ?? null)),
      vscode.commands.registerCommand('preflight.checklist.showProblems', (node?: ChecklistNode) => this.showProblems(node)),
    );
    void this.refresh();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** One request at a time; a refresh asked for meanwhile runs once after it. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        try {
          const folders = await this.client.sendRequest<FolderChecklist[]>('preflight/checklist');
          this.show(folders);
        } catch (error) {
          this.output.appendLine(`Checklist refresh failed: ${(error as Error).message}`);
        }
      } while (this.refreshAgain);
      this.refreshing = null;
    })();
    return this.refreshing;
  }

  private show(folders: FolderChecklist[]): void {
    this.provider.update(folders);
    const summary = summarise(folders);
    this.view.description = summary.description;
    this.view.badge = summary.badge > 0 ? { value: summary.badge, tooltip: summary.badgeTooltip } : undefined;
    void vscode.commands.executeCommand('setContext', MISSING_CONTEXT, summary.missing);
  }

  /** The current tree, for tests and for commands run from the palette. */
  get nodes(): ChecklistNode[] {
    return this.provider.nodes;
  }

  private async onCheckboxes(event: vscode.TreeCheckboxChangeEvent<ChecklistNode>): Promise<void> {
    const targets = event.items
      .filter(([node]) => node.tick !== null)
      .map(([node, state]) => ({ target: node.tick!, checked: state === vscode.TreeItemCheckboxState.Checked }));
    await this.applyTicks(targets);
  }

  /**
   * Rewrites the one character of each target, in one WorkspaceEdit (one undo step). The targets
   * are recomputed against the document's text right before the edit (planTicks, no await in
   * between): a moved item is followed, an edited, removed or ambiguous one refuses every tick
   * with a message, and the view is refreshed.
   */
  async applyTicks(targets: { target: TickTarget; checked: boolean }[]): Promise<boolean> {
    if (targets.length === 0) return true;
    const byDocument = new Map<string, { document: vscode.TextDocument; ticks: { basis: TickBasis; checked: boolean }[] }>();
    for (const { target, checked } of targets) {
      const uri = vscode.Uri.file(target.checklistPath);
      let entry = byDocument.get(uri.toString());
      if (!entry) {
        entry = { document: await vscode.workspace.openTextDocument(uri), ticks: [] };
        byDocument.set(uri.toString(), entry);
      }
      entry.ticks.push({ basis: tickBasis(target), checked });
    }
    const edit = new vscode.WorkspaceEdit();
    const written: { document: vscode.TextDocument; wasDirty: boolean; textBefore: string }[] = [];
    for (const { document, ticks } of byDocument.values()) {
      const textBefore = document.getText();
      const plan = planTicks(textBefore, ticks);
      if (!plan.ok) {
        void vscode.window.showWarningMessage(`${plan.message} The view is refreshed: try again.`);
        await this.refresh();
        return false;
      }
      for (const tick of plan.edits) edit.replace(document.uri, toRange(tick.range), tick.newText);
      if (plan.edits.length > 0) written.push({ document, wasDirty: document.isDirty, textBefore });
    }
    if (edit.size === 0) return true;
    // VS Code refuses the edit if a document changed since getText() above.
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) for (const entry of written) await this.saveUnlessDiskDiffers(entry);
    await this.refresh();
    return applied;
  }

  /**
   * Saves a checklist the tree just edited, so git and the CLI see it; a file with unsaved edits
   * of its own is left to its owner, and so is one whose disk text is not what the editor had
   * before the edit (changed underneath, or line breaks the editor normalised): saving would
   * overwrite bytes the user never saw change.
   */
  private async saveUnlessDiskDiffers({ document, wasDirty, textBefore }: { document: vscode.TextDocument; wasDirty: boolean; textBefore: string }): Promise<void> {
    if (wasDirty) return;
    let onDisk: string | null = null;
    try {
      onDisk = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(document.uri));
    } catch {
      onDisk = null;
    }
    if (onDisk === textBefore) {
      await document.save();
      return;
    }
    void vscode.window.showWarningMessage(
      `${vscode.workspace.asRelativePath(document.uri)} on disk differs from the editor (changed underneath, or mixed line breaks); the edit is made in the editor and left unsaved for you to review.`,
    );
  }

  private async reveal(location: ChecklistNode['location']): Promise<void> {
    if (!location) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(location.path));
    const range = toRange(location.range);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(range.start, range.start), preview: true });
  }

  private async showProblems(node?: ChecklistNode): Promise<void> {
    if (!node || node.problems.length === 0) {
      void vscode.window.showInformationMessage('No problems reported for this item.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      node.problems.map((problem) => ({ label: problem.message, description: `${problem.code} ${problem.relativePath}:${problem.range.start.line + 1}`, problem })),
      { placeHolder: `${node.label}: ${node.problems.length} problem(s)` },
    );
    if (picked) await this.reveal({ path: picked.problem.path, range: picked.problem.range });
  }

  private async pickFolder(withChecklist: boolean): Promise<FolderChecklist | undefined> {
    if (this.provider.folders.length === 0) await this.refresh();
    const candidates = this.provider.folders.filter((folder) => (folder.status !== null) === withChecklist);
    if (candidates.length <= 1) return candidates[0];
    const picked = await vscode.window.showQuickPick(
      candidates.map((folder) => ({ label: vscode.Uri.parse(folder.folderUri).fsPath, folder })),
      { placeHolder: 'Which folder?' },
    );
    return picked?.folder;
  }

  async create(): Promise<void> {
    const folder = await this.pickFolder(false);
    if (!folder) {
      const existing = await this.pickFolder(true);
      if (existing) await this.reveal({ path: vscode.Uri.parse(existing.checklistUri).fsPath, range: toRange0() });
      else void vscode.window.showWarningMessage('Open a folder first: the checklist is a file in the workspace.');
      return;
    }
    const { text } = await this.client.sendRequest<{ text: string }>('preflight/checklistTemplate');
    const uri = vscode.Uri.parse(folder.checklistUri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(uri, { preview: false });
    await this.refresh();
  }

  private async openFile(): Promise<void> {
    const folder = await this.pickFolder(true);
    if (folder) await vscode.window.showTextDocument(vscode.Uri.parse(folder.checklistUri), { preview: false });
    else void vscode.window.showInformationMessage('There is no deployment checklist yet: run "Preflight: Create Deployment Checklist".');
  }

  async reset(confirm = true): Promise<void> {
    const folder = await this.pickFolder(true);
    if (!folder?.status) return;
    const targets = resetTargets(folder.status);
    if (targets.length === 0) {
      void vscode.window.showInformationMessage('No ticked manual items to reset.');
      return;
    }
    if (confirm) {
      const answer = await vscode.window.showWarningMessage(
        `Untick ${targets.length} manual item${targets.length === 1 ? '' : 's'} for the next deployment?`,
        { modal: true },
        'Reset',
      );
      if (answer !== 'Reset') return;
    }
    await this.applyTicks(targets.map((target) => ({ target, checked: false })));
  }

  async signOff(): Promise<void> {
    const folder = await this.pickFolder(true);
    if (!folder?.status) {
      void vscode.window.showInformationMessage('There is no deployment checklist to sign off.');
      return;
    }
    const { openCritical } = folder.status.summary;
    if (openCritical > 0) {
      const answer = await vscode.window.showWarningMessage(
        `${openCritical} critical item${openCritical === 1 ? ' is' : 's are'} still open. Sign off anyway?`,
        { modal: true },
        'Sign Off Anyway',
      );
      if (answer !== 'Sign Off Anyway') return;
    }
    const folderPath = vscode.Uri.parse(folder.folderUri).fsPath;
    const identity = await readGitIdentity(folderPath);
    const version = await vscode.window.showInputBox({
      title: 'Sign Off Deployment',
      prompt: 'The version or commit deployed',
      value: identity.commit ?? '',
    });
    if (version === undefined) return;
    const date = localDate(new Date());
    const uri = vscode.Uri.parse(folder.checklistUri);
    const document = await vscode.workspace.openTextDocument(uri);
    // The server places the record in the text the editor has now, not in its own copy.
    const textBefore = document.getText();
    const versionBefore = document.version;
    const result = await this.client.sendRequest<{ edit: { range: TickTarget['range']; newText: string } } | null>('preflight/checklistSignOff', {
      checklistUri: folder.checklistUri,
      date,
      name: identity.name,
      version,
      text: textBefore,
    });
    if (!result) return;
    if (document.version !== versionBefore) {
      void vscode.window.showWarningMessage('The checklist changed while signing off; nothing was written. Sign off again.');
      return;
    }
    const wasDirty = document.isDirty;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, toRange(result.edit.range), result.edit.newText);
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage('The checklist changed while signing off; nothing was written. Sign off again.');
      return;
    }
    await this.saveUnlessDiskDiffers({ document, wasDirty, textBefore });
    void vscode.window.showInformationMessage(`Signed off ${version || 'the deployment'} as ${identity.name}.`);
    await this.refresh();
  }
}

function toRange0(): TickTarget['range'] {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
