import * as vscode from 'vscode';

/**
 * A TreeView that reveals like VS Code does: it climbs `getParent` to the root, then asks
 * `getChildren` at each level and fails unless the element is really there.
 */
export class FakeTreeView<T> implements Partial<vscode.TreeView<T>> {
  readonly revealed: { element: T; options: unknown }[] = [];
  description: string | undefined;
  message: string | undefined;
  title: string | undefined;
  selection: readonly T[] = [];
  readonly visible = true;
  private readonly emitter = new vscode.EventEmitter<void>();

  constructor(private readonly provider: vscode.TreeDataProvider<T>) {}

  async reveal(
    element: T,
    options?: { select?: boolean; focus?: boolean; expand?: boolean | number },
  ) {
    const path: T[] = [];
    for (
      let node: T | undefined | null = element;
      node;
      node = await this.provider.getParent?.(node)
    ) {
      path.unshift(node);
    }
    let parent: T | undefined;
    for (const node of path) {
      const siblings = (await this.provider.getChildren(parent)) ?? [];
      if (!siblings.includes(node))
        throw new Error('reveal: element is not among its parent’s children');
      parent = node;
    }
    this.revealed.push({ element, options });
    if (options?.select !== false) this.selection = [element];
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
