// aria2c on the same fresh URLs: `-x 8 -s 8` (eight ranged connections per part). With
// its default `-j 5` it fetches five parts at once (up to 40 connections); `-j 1` holds
// it to eight connections in all, the engine's default budget. It writes each part to
// its own file (no join), then the files are fsync'd for the engine's durability.
import { spawn } from 'node:child_process';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freshUrls } from './bench-backup.mjs';
import { syncDisks } from './tools.mjs';

export async function runAria2(s, aria2c, dir, { parallelParts }) {
  const out = join(dir, 'aria2');
  await mkdir(out, { recursive: true });
  syncDisks();
  const started = performance.now();
  const urls = await freshUrls(s);
  const input = join(dir, 'aria2-input.txt');
  await writeFile(input, urls.map((u) => `${u.url}\n  out=${u.name}\n`).join(''));
  await new Promise((resolve, reject) => {
    const args = ['-x', '8', '-s', '8', '-j', String(parallelParts), '-i', input, '-d', out];
    args.push('--allow-overwrite=true', '--auto-file-renaming=false', '--file-allocation=falloc');
    args.push('--console-log-level=error', '--summary-interval=0', '--download-result=hide', '-q');
    const p = spawn(aria2c, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    p.on('error', reject);
    p.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`aria2c exited with ${code}`)),
    );
  });
  const ms = performance.now() - started;
  const syncStart = performance.now();
  let size = 0;
  for (const u of urls) {
    const fd = openSync(join(out, u.name), 'r+');
    fsyncSync(fd);
    closeSync(fd);
    size += (await stat(join(out, u.name))).size;
  }
  const fsyncMs = performance.now() - syncStart;
  await rm(out, { recursive: true, force: true });
  await rm(input, { force: true });
  if (size !== s.size) throw new Error(`aria2c wrote ${size} bytes, expected ${s.size}`);
  return { ms, fsyncMs };
}
