import * as vscode from 'vscode';

/** SecretStorage in memory; `changeFromOtherWindow` mimics another VS Code window. */
export class FakeSecrets implements vscode.SecretStorage {
  private readonly values = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.emitter.event;

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.emitter.fire({ key });
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.emitter.fire({ key });
  }

  changeFromOtherWindow(key: string, value: string | undefined): void {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
    this.emitter.fire({ key });
  }
}
