import { type Client, InvalidInputError, isInsecureApiUrl, parseApiUrl } from '@c66-backup/core';
import * as vscode from 'vscode';
import type { ExtensionDeps } from './host.js';
import { API_URL_SETTING, SIGNED_IN_CONTEXT, TOKEN_SECRET_KEY } from './ids.js';
import { logRequest } from './request-log.js';

type SessionDeps = Pick<
  ExtensionDeps,
  'secrets' | 'settings' | 'createClient' | 'log' | 'version' | 'setContext'
>;

/**
 * The signed-in state: the token in SecretStorage plus the `apiUrl` setting, turned into one
 * core client. Any change to either (in this window or another) drops the client and fires
 * `onDidChange`, so the tree never shows data from a previous sign-in.
 */
export class Session implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: Promise<Client | undefined> | undefined;
  /** The token `current` was built from, to ignore echoes of our own writes. */
  private token: string | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: SessionDeps) {
    this.subscriptions = [
      deps.secrets.onDidChange((e) => {
        if (e.key === TOKEN_SECRET_KEY) void this.followSecret();
      }),
      deps.settings.onDidChangeApiUrl(() => this.invalidate()),
    ];
  }

  /** The client for the stored token, or `undefined` when signed out. */
  client(): Promise<Client | undefined> {
    this.current ??= this.load();
    return this.current;
  }

  /** A client for a token that is not stored yet (sign-in checks it before keeping it). */
  clientFor(token: string): Client {
    const baseUrl = apiUrlOf(this.deps.settings.apiUrl());
    if (isInsecureApiUrl(baseUrl)) {
      this.deps.log.warn(
        `${API_URL_SETTING} is plain http to another machine: the token is sent unencrypted`,
      );
    }
    return this.deps.createClient({
      token,
      baseUrl,
      userAgent: `c66-backup-vscode/${this.deps.version}`,
      onRequest: (event) => logRequest(this.deps.log, event),
    });
  }

  async signIn(token: string): Promise<void> {
    const before = this.current;
    await this.deps.secrets.store(TOKEN_SECRET_KEY, token);
    this.token = token;
    // The change event may have been handled already (it fires when VS Code pleases).
    if (this.current === before) this.invalidate();
  }

  async signOut(): Promise<void> {
    const before = this.current;
    await this.deps.secrets.delete(TOKEN_SECRET_KEY);
    this.token = undefined;
    if (this.current === before) this.invalidate();
  }

  invalidate(): void {
    this.current = undefined;
    this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }

  /** Another window (or our own store) changed the secret: reload only if it differs. */
  private async followSecret(): Promise<void> {
    const loaded = this.current;
    if (loaded === undefined) return; // nothing loaded yet, nothing stale
    const token = await this.deps.secrets.get(TOKEN_SECRET_KEY);
    // Dropped meanwhile (our own sign-in or sign-out did it), or unchanged: nothing to do.
    if (this.current === loaded && token !== this.token) this.invalidate();
  }

  private async load(): Promise<Client | undefined> {
    const token = await this.deps.secrets.get(TOKEN_SECRET_KEY);
    this.token = token;
    await this.deps.setContext(SIGNED_IN_CONTEXT, Boolean(token));
    return token ? this.clientFor(token) : undefined;
  }
}

/** The `apiUrl` setting through the core's parser (blank: Cloud 66), errors naming the setting. */
function apiUrlOf(setting: string): string {
  try {
    return parseApiUrl(setting);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new InvalidInputError(`${API_URL_SETTING}: ${error.message}`, { cause: error });
  }
}
