import type * as vscode from 'vscode';
import type { ExtensionDeps } from '../host.js';
import { COMMANDS, VIEW_ID } from '../ids.js';
import { DeferredTreeProvider } from './deferred-tree-provider.js';

/** What the shell needs from VS Code: the view and the commands, registered at activation. */
export type ShellHost = Pick<ExtensionDeps, 'createTreeView' | 'registerCommand'>;

/**
 * Loads the rest of the extension (`dist/main.js`, with the core) and starts it with a host
 * in place of VS Code's: its `createTreeView` returns the view made at activation (and
 * attaches the real provider to it), its `registerCommand` fills the table the commands
 * registered at activation run from.
 */
export type LoadMain = (shell: ShellHost) => vscode.Disposable;

/**
 * Activation without the core: the Backups view gets a deferred provider and every command
 * of the manifest a stand-in. The first tree request or command runs `load` (once), so a
 * command invoked before the tree was ever shown still works, it just loads the core first.
 */
export function activateShell(host: ShellHost, load: LoadMain): vscode.Disposable {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  let started: vscode.Disposable | undefined;
  const start = (): void => {
    started ??= load({
      createTreeView: <T>(id: string, options: vscode.TreeViewOptions<T>) => {
        if (id !== VIEW_ID) throw new Error(`the shell made no view ${id}`);
        provider.attach(options.treeDataProvider as vscode.TreeDataProvider<unknown>);
        return view as vscode.TreeView<T>;
      },
      registerCommand: (id, run) => {
        handlers.set(id, run);
        return { dispose: () => handlers.delete(id) };
      },
    });
  };
  const provider = new DeferredTreeProvider<unknown>(start);
  // The options the real tree wants too (it only adds its provider through `attach`).
  const view = host.createTreeView<unknown>(VIEW_ID, {
    treeDataProvider: provider,
    showCollapseAll: true,
  });
  const commands = Object.values(COMMANDS).map((id) =>
    host.registerCommand(id, (...args: unknown[]) => {
      start();
      const run = handlers.get(id);
      if (!run) throw new Error(`command ${id} was not registered by the extension`);
      return run(...args);
    }),
  );
  return {
    dispose: () => {
      started?.dispose();
      for (const c of commands) c.dispose();
      provider.dispose();
      view.dispose();
    },
  };
}
