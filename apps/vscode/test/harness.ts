import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@c66-backup/core';
import {
  profileFromEnv,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '@c66-backup/sandbox';
import * as vscode from 'vscode';
import { type Activated, activateWith } from '../src/activate.js';
import type { ExtensionDeps } from '../src/host.js';
import { TOKEN_SECRET_KEY } from '../src/ids.js';
import { activateShell } from '../src/shell/activate-shell.js';
import type { TreeNode } from '../src/tree/tree-node.js';
import { FakeSecrets } from './fake-secrets.js';
import { FakeTreeView } from './fake-tree-view.js';
import { FakeUi } from './fake-ui.js';

export interface Harness {
  sb: Sandbox;
  /** The activated extension (with `lazy`: once loaded, else this throws). */
  ext: Activated;
  /** The provider the view was given (with `lazy`: the shell's deferred one). */
  provider: vscode.TreeDataProvider<TreeNode>;
  /** How often the shell loaded the rest of the extension (`lazy` only). */
  loads: number;
  ui: FakeUi;
  secrets: FakeSecrets;
  view: FakeTreeView<TreeNode>;
  logs: string[];
  context: Map<string, unknown>;
  opened: string[];
  clipboard: string[];
  revealedFiles: string[];
  /** Makes "reveal in file explorer" fail, as it does where no file manager exists. */
  failReveal: boolean;
  /** A fresh temporary folder for downloads. */
  dir: string;
  setApiUrl(url: string): void;
  setGrouping(on: boolean): void;
  setStaleAfterHours(hours: number): void;
  run(command: string, arg?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The extension activated against a real sandbox over loopback with the real core; only the
 * editor around it is fake (scripted UI, in-memory secrets and state).
 */
export async function startHarness(
  options: {
    signedIn?: boolean;
    groupByDatabaseType?: boolean;
    /**
     * `c66Backup.staleAfterHours`; default 0 (no freshness lookups), so the other tests'
     * request counts and change events stay exactly theirs. The freshness tests set it.
     */
    staleAfterHours?: number;
    downloadConnections?: number;
    sandbox?: SandboxOptions;
    /**
     * Activate as the bundle does: the shell registers the view and the commands, and
     * `activateWith` runs on the first tree request or command.
     */
    lazy?: boolean;
  } = {},
): Promise<Harness> {
  // The profile this test project runs (vitest.config.mts: every file once per profile).
  const profile = profileFromEnv();
  const sb = await startSandbox({ port: 0, profile, ...options.sandbox });
  const ui = new FakeUi();
  const secrets = new FakeSecrets();
  if (options.signedIn ?? true) await secrets.store(TOKEN_SECRET_KEY, sb.token);
  let apiUrl = sb.apiUrl;
  const apiUrlChanged = new vscode.EventEmitter<void>();
  let grouping = options.groupByDatabaseType ?? false;
  const groupingChanged = new vscode.EventEmitter<void>();
  let staleAfterHours = options.staleAfterHours ?? 0;
  const staleAfterChanged = new vscode.EventEmitter<void>();
  const logs: string[] = [];
  const context = new Map<string, unknown>();
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const opened: string[] = [];
  const clipboard: string[] = [];
  const revealedFiles: string[] = [];
  const state = new Map<string, unknown>();
  let view: FakeTreeView<TreeNode> | undefined;
  let provider: vscode.TreeDataProvider<TreeNode> | undefined;
  const dir = await mkdtemp(join(tmpdir(), 'c66-vscode-test-'));

  const deps: ExtensionDeps = {
    ui,
    secrets,
    settings: {
      apiUrl: () => apiUrl,
      onDidChangeApiUrl: apiUrlChanged.event,
      groupByDatabaseType: () => grouping,
      onDidChangeGrouping: groupingChanged.event,
      staleAfterHours: () => staleAfterHours,
      onDidChangeStaleAfter: staleAfterChanged.event,
      downloadConnections: () => options.downloadConnections ?? 8,
    },
    state: {
      keys: () => [...state.keys()],
      get: <T>(key: string, fallback?: T) => (state.has(key) ? (state.get(key) as T) : fallback),
      update: async (key: string, value: unknown) => {
        state.set(key, value);
      },
    } as vscode.Memento,
    clipboard: { writeText: async (text) => void clipboard.push(text) },
    openExternal: async (url) => {
      opened.push(url);
      return true;
    },
    revealFile: async (path) => {
      if (harness.failReveal) throw new Error("command 'revealFileInOS' not found");
      revealedFiles.push(path);
    },
    setContext: async (key, value) => context.set(key, value),
    createTreeView: <T>(_id: string, opts: vscode.TreeViewOptions<T>) => {
      const created = new FakeTreeView<T>(opts.treeDataProvider);
      view = created as unknown as FakeTreeView<TreeNode>;
      provider = opts.treeDataProvider as unknown as vscode.TreeDataProvider<TreeNode>;
      return created as unknown as vscode.TreeView<T>;
    },
    registerCommand: (id, run) => {
      commands.set(id, run);
      return { dispose: () => commands.delete(id) };
    },
    log: {
      info: (line) => logs.push(`info ${line}`),
      warn: (line) => logs.push(`warn ${line}`),
      error: (line) => logs.push(`error ${line}`),
    },
    clock: { now: () => Date.now() },
    createClient,
    version: '0.0.0-test',
    backupPollIntervalMs: 50,
    defaultDownloadDir: dir,
  };
  let ext: Activated | undefined;
  const load = (shell?: Pick<ExtensionDeps, 'createTreeView' | 'registerCommand'>) => {
    ext = activateWith({ ...deps, ...shell });
    return ext;
  };
  const activated: vscode.Disposable = options.lazy
    ? activateShell(deps, (shell) => {
        harness.loads++;
        return load(shell);
      })
    : load();
  if (!view || !provider) throw new Error('activate did not create the tree view');
  const harness: Harness = {
    sb,
    get ext() {
      if (!ext) throw new Error('the extension is not loaded yet');
      return ext;
    },
    provider,
    loads: 0,
    ui,
    secrets,
    view,
    logs,
    context,
    opened,
    clipboard,
    revealedFiles,
    failReveal: false,
    dir,
    setApiUrl: (url) => {
      apiUrl = url;
      apiUrlChanged.fire();
    },
    setGrouping: (on) => {
      grouping = on;
      groupingChanged.fire();
    },
    setStaleAfterHours: (hours) => {
      staleAfterHours = hours;
      staleAfterChanged.fire();
    },
    run: async (id, arg) => {
      const command = commands.get(id);
      if (!command) throw new Error(`command ${id} is not registered`);
      return command(arg);
    },
    close: async () => {
      activated.dispose();
      await sb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** The labels of a list of nodes, as the tree shows them. */
export function labels(nodes: TreeNode[]): string[] {
  return nodes.map((n) => String(n.treeItem().label));
}

/** Top-level nodes, then the children of the first node whose label matches. */
export async function childrenOf(h: Harness, ...path: string[]): Promise<TreeNode[]> {
  let nodes = await h.ext.tree.getChildren();
  for (const label of path) {
    const node = nodes.find((n) => n.treeItem().label === label);
    if (!node) throw new Error(`no "${label}" among ${labels(nodes).join(', ')}`);
    nodes = await h.ext.tree.getChildren(node);
  }
  return nodes;
}
