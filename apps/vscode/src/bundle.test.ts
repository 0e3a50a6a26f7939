import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './ids.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/extension.js`;

describe('the bundle (dist/extension.js, built before tests)', () => {
  it('loads with nothing but `vscode` from outside and registers every command', () => {
    expect(existsSync(bundle), 'run `pnpm build` first').toBe(true);
    const requires = [...readFileSync(bundle, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(
      (m) => m[1],
    );
    const outside = requires.filter((r) => !r?.startsWith('node:') && r !== 'vscode');
    // Node built-ins may appear without the prefix; anything else would be missing in the .vsix.
    const builtins = new Set(builtinModules);
    expect(outside.filter((r) => !builtins.has(String(r)))).toEqual([]);

    const out = execFileSync(process.execPath, [`${root}scripts/bench/measure-once.cjs`, bundle], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out).commands).toBe(Object.keys(COMMANDS).length);
  });
});
