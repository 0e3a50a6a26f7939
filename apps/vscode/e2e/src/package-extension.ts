import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXTENSION_DIR, REPO_ROOT } from './environment.js';

const run = promisify(execFile);

/**
 * The extension's own `package` script (production bundle + `vsce package`), or the .vsix
 * named by `C66_E2E_VSIX` when one was already built (CI's vsix stage packages it too).
 */
export async function packageExtension(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.C66_E2E_VSIX) {
    if (!existsSync(env.C66_E2E_VSIX)) throw new Error(`C66_E2E_VSIX: no file ${env.C66_E2E_VSIX}`);
    return env.C66_E2E_VSIX;
  }
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
