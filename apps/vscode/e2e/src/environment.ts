import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root, four levels above this file (apps/vscode/e2e/src). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
export const EXTENSION_DIR = join(REPO_ROOT, 'apps', 'vscode');

/** Where setup.sh caches Node 24, code-server and the rest, outside the repo. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.C66_E2E_CACHE || join(homedir(), '.cache', 'c66-backup-e2e');
}

/** Screenshots and logs land here; CI keeps `.artifacts/` as its artifacts. */
export function artifactsDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.C66_ARTIFACTS_DIR || join(REPO_ROOT, '.artifacts'), 'e2e');
}

export interface Toolchain {
  node24: string;
  codeServerEntry: string;
  chromium: string;
}

/** Finds what setup.sh installed; a clear error says to run it when something is missing. */
export function toolchain(env: NodeJS.ProcessEnv = process.env): Toolchain {
  const cache = cacheDir(env);
  const version = env.C66_E2E_CODE_SERVER_VERSION || '4.139.1';
  const tools: Toolchain = {
    node24: join(cache, `node${env.C66_E2E_NODE_MAJOR || '24'}`, 'bin', 'node'),
    codeServerEntry: join(
      cache,
      `code-server-${version}`,
      'lib',
      'node_modules',
      'code-server',
      'out',
      'node',
      'entry.js',
    ),
    chromium: env.C66_E2E_CHROMIUM || '/usr/bin/chromium',
  };
  const missing = Object.values(tools).filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `e2e toolchain incomplete (missing ${missing.join(', ')}): run apps/vscode/e2e/setup.sh first`,
    );
  }
  return tools;
}

/** A Cloud 66-compatible server this suite did not start (a staging account, another process). */
export interface ExternalServer {
  apiUrl: string;
  token: string;
  /** `C66_E2E_STACK`: the stack uid the scenarios use (default: one chosen from the list). */
  stackUid: string | undefined;
}

/**
 * `C66_E2E_API_URL` and `C66_E2E_TOKEN` (both, or neither for the in-process sandbox).
 * Half a configuration is an error: running the sandbox instead would pass for the server.
 */
export function externalServer(env: NodeJS.ProcessEnv = process.env): ExternalServer | undefined {
  const apiUrl = env.C66_E2E_API_URL?.trim() || undefined;
  const token = env.C66_E2E_TOKEN?.trim() || undefined;
  const stackUid = env.C66_E2E_STACK?.trim() || undefined;
  if (!apiUrl && !token) {
    if (stackUid) throw new Error('C66_E2E_STACK needs C66_E2E_API_URL and C66_E2E_TOKEN');
    return undefined;
  }
  if (!apiUrl || !token) {
    throw new Error(
      `set both C66_E2E_API_URL and C66_E2E_TOKEN (missing ${apiUrl ? 'C66_E2E_TOKEN' : 'C66_E2E_API_URL'}), or neither to use the in-process sandbox`,
    );
  }
  return { apiUrl, token, stackUid };
}
