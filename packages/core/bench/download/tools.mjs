// External programs the bench compares against or needs: lookup, Debian install, sync.
import { execFileSync } from 'node:child_process';

export function which(command) {
  try {
    return execFileSync('which', [command], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Flushes every dirty page, so no run inherits another's writeback. */
export function syncDisks() {
  execFileSync('sync');
}

/**
 * `command` from Debian's `pkg`, installed when missing (apt-get update first), the way
 * the e2e setup installs Chromium. Returns its path, or undefined with the reason.
 */
export function ensureDebianTool(command, pkg) {
  const found = which(command);
  if (found) return { path: found };
  if (!which('apt-get')) return { reason: `${command} is missing and there is no apt-get` };
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args) =>
    execFileSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    console.error(`installing Debian's ${pkg} (for ${command})...`);
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', pkg]);
  } catch (error) {
    return { reason: `installing ${pkg} failed: ${error.message}` };
  }
  const path = which(command);
  return path ? { path } : { reason: `${pkg} installed but ${command} is not on PATH` };
}
