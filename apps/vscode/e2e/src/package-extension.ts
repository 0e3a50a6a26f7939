import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXTENSION_DIR, REPO_ROOT } from './environment.js';

const run = promisify(execFile);

/** The extension's own `package` script (production bundle + `vsce package`). */
export async function packageExtension(): Promise<string> {
  const vsix = join(EXTENSION_DIR, 'c66-backup-vscode.vsix');
  try {
    await run('pnpm', ['--filter', 'c66-backup-vscode', 'package'], {
      cwd: REPO_ROOT,
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`packaging the extension failed:\n${stdout}\n${stderr}`, { cause: error });
  }
  if (!existsSync(vsix)) throw new Error(`the package script did not produce ${vsix}`);
  return vsix;
}
