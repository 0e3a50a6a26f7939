// curl fetching the parts one after another on one connection, into one file, then fsync
// (the engine fsyncs before it moves the file into place: the same durability).
import { spawn } from 'node:child_process';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { freshUrls } from './bench-backup.mjs';
import { syncDisks } from './tools.mjs';

/**
 * Asking for the fresh URLs is inside curl's time, as it is inside the engine's: the
 * same API calls. Returns the transfer time and the fsync time separately.
 */
export async function runCurl(s, curl, dir) {
  const out = join(dir, 'curl.tar');
  const fd = openSync(out, 'w');
  syncDisks();
  const started = performance.now();
  const urls = (await freshUrls(s)).map((u) => u.url);
  await new Promise((resolve, reject) => {
    const p = spawn(curl, ['--silent', '--show-error', '--fail', ...urls], {
      stdio: ['ignore', fd, 'inherit'],
    });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`curl exited with ${code}`)),
    );
  });
  const ms = performance.now() - started;
  const syncStart = performance.now();
  fsyncSync(fd);
  const fsyncMs = performance.now() - syncStart;
  closeSync(fd);
  const { size } = await stat(out);
  if (size !== s.size) throw new Error(`curl wrote ${size} bytes, expected ${s.size}`);
  await rm(out);
  return { ms, fsyncMs };
}
