import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSandbox } from '../test/sandbox.js';

// What a fresh process loads when it only imports the built core (bench/core-import
// measures the time; this pins the cause): zod, ky and node:https wait for first use.
const packageDir = join(import.meta.dirname, '..');
let dir: string;
const sandbox = useSandbox();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'c66-start-up-'));
  await writeFile(
    join(dir, 'hooks.mjs'),
    `export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  process.stderr.write('LOADED ' + result.url + '\\n');
  return result;
}
`,
  );
  // In-thread hooks where Node has them (registerHooks, 22.15+): under Node 24 the lines the
  // off-thread hooks of `register` wrote after the first request never reached stderr.
  await writeFile(
    join(dir, 'register.mjs'),
    `import * as m from 'node:module';
if (m.registerHooks) {
  m.registerHooks({
    resolve(specifier, context, next) {
      const result = next(specifier, context);
      process.stderr.write('LOADED ' + result.url + '\\n');
      return result;
    },
  });
} else {
  m.register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});
}
`,
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Async, so the in-process sandbox can answer the child meanwhile. */
async function loadedBy(script: string, env: Record<string, string> = {}): Promise<string[]> {
  const { stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', join(dir, 'register.mjs'), '--input-type=module', '-e', script],
    { cwd: packageDir, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } },
  );
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('LOADED '))
    .map((line) => line.slice('LOADED '.length));
}

describe('importing @c66-backup/core', () => {
  it('loads neither zod, ky nor node:https, until the first request and download', async () => {
    const atImport = await loadedBy("await import('@c66-backup/core');");
    expect(atImport.some((url) => url.includes('/dist/index.js'))).toBe(true);
    expect(atImport.filter((url) => /\/(zod|ky)\/|node:https?$/.test(url))).toEqual([]);
  });

  it('loads zod and ky once the client has an answer to validate', async () => {
    const sb = sandbox();
    const afterRequest = await loadedBy(
      `
      const { createClient } = await import('@c66-backup/core');
      const client = createClient({ token: process.env.T, baseUrl: process.env.URL });
      const page = await client.stacks.list().page(1);
      if (page.items.length === 0) throw new Error('no stacks listed');
    `,
      { T: sb.token, URL: sb.apiUrl },
    );
    expect(afterRequest.some((url) => url.includes('/zod/'))).toBe(true);
    expect(afterRequest.some((url) => url.includes('/ky/'))).toBe(true);
  });
});
