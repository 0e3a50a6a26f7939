// A minimal stand-in for the `vscode` module and an ExtensionContext: enough surface for
// activate() and a first tree request to run (tree view, commands, settings, secrets),
// recording the commands registered and the tree data provider given to the view.
const Module = require('node:module');

class EventEmitter {
  listeners = new Set();
  event = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  fire(value) {
    for (const l of this.listeners) l(value);
  }
  dispose() {
    this.listeners.clear();
  }
}
const disposable = { dispose() {} };
const registered = [];
const views = [];
const noop = () => undefined;
const vscode = {
  EventEmitter,
  TreeItem: class {
    constructor(label, collapsibleState) {
      this.label = label;
      this.collapsibleState = collapsibleState;
    }
  },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
  ThemeIcon: class {
    constructor(id, color) {
      this.id = id;
      this.color = color;
    }
  },
  ThemeColor: class {
    constructor(id) {
      this.id = id;
    }
  },
  MarkdownString: class {
    value = '';
    appendMarkdown(s) {
      this.value += s;
      return this;
    }
    appendText(s) {
      this.value += s;
      return this;
    }
  },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  Uri: { file: (fsPath) => ({ fsPath }), parse: (s) => ({ toString: () => s }) },
  window: {
    createOutputChannel: () => ({ info: noop, warn: noop, error: noop, dispose: noop }),
    createTreeView: (id, options) => {
      views.push({ id, provider: options.treeDataProvider });
      return { dispose: noop, reveal: async () => undefined };
    },
  },
  workspace: {
    getConfiguration: () => ({ get: () => undefined }),
    onDidChangeConfiguration: () => disposable,
  },
  commands: {
    registerCommand: (id) => {
      registered.push(id);
      return disposable;
    },
    executeCommand: async () => undefined,
  },
  env: { clipboard: { writeText: async () => undefined }, openExternal: async () => true },
};

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

function stubContext() {
  const secretsChanged = new EventEmitter();
  return {
    subscriptions: [],
    secrets: {
      get: async () => undefined,
      store: async () => undefined,
      delete: async () => undefined,
      onDidChange: secretsChanged.event,
    },
    globalState: { get: () => undefined, update: async () => undefined, keys: () => [] },
    extension: { packageJSON: { version: '0.0.0-bench' } },
  };
}

module.exports = { stubContext, registered, views };
