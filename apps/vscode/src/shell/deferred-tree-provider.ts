import * as vscode from 'vscode';

/**
 * The tree data provider VS Code gets at activation, before the real one exists: the first
 * call that needs the tree runs `start`, which loads the rest of the extension (and the
 * core) and `attach`es the real provider; every call after that goes straight to it.
 */
export class DeferredTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null>();
  readonly onDidChangeTreeData = this.changed.event;
  private target: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;

  constructor(private readonly start: () => void) {}

  /** The real provider: its change events are passed on to the view. */
  attach(target: vscode.TreeDataProvider<T>): void {
    this.forwarding?.dispose();
    this.target = target;
    this.forwarding = target.onDidChangeTreeData?.((e) => this.changed.fire(e ?? undefined));
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.loaded().getChildren(element);
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.loaded().getTreeItem(element);
  }

  // `reveal` needs it; elements only ever come from the real provider, so it is loaded.
  getParent(element: T): vscode.ProviderResult<T> {
    return this.loaded().getParent?.(element);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }

  private loaded(): vscode.TreeDataProvider<T> {
    if (!this.target) this.start();
    if (!this.target) throw new Error('the extension loaded but attached no tree provider');
    return this.target;
  }
}
