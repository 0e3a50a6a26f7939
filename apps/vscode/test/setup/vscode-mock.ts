import { createVSCodeMock } from 'jest-mock-vscode';
import { vi } from 'vitest';

// The `vscode` module exists only inside the editor; tests get jest-mock-vscode's
// implementation of its classes (TreeItem, EventEmitter, Uri, ThemeIcon, MarkdownString...).
// Everything the extension does through `window`, `env` or `commands` is injected instead
// (see src/host.ts), so no test depends on the mock's stubbed functions.
vi.mock('vscode', () => createVSCodeMock(vi));
