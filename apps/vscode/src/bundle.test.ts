import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './ids.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = `${root}dist/extension.js`;
const main = `${root}dist/main.js`;
const builtins = new Set(builtinModules);

/** What a bundle requires from outside itself, but `vscode` and Node's built-ins. */
function outsideRequires(file: string): string[] {
  const requires = [...readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) =>
    String(m[1]),
  );
  return requires.filter((r) => !r.startsWith('node:') && r !== 'vscode' && !builtins.has(r));
}

/** A fresh Node process: require + activate on a stub VS Code, then a first tree request. */
function activateInFreshProcess(): {
  commands: number;
  loaded: { activated: string[]; tree: string[] };
} {
  const measure = `${root}bench/vscode-start-up/measure-once.cjs`;
  return JSON.parse(execFileSync(process.execPath, [measure, entry], { encoding: 'utf8' }));
}

describe('the bundles (dist/extension.js and dist/main.js, built before tests)', () => {
  it('load with nothing but `vscode` from outside and register every command', () => {
    expect(existsSync(entry) && existsSync(main), 'run `pnpm build` first').toBe(true);
    // Anything else would be missing in the .vsix; the entry's one is the other bundle.
    expect(outsideRequires(entry)).toEqual(['./main.js']);
    expect(outsideRequires(main)).toEqual([]);
    expect(activateInFreshProcess().commands).toBe(Object.keys(COMMANDS).length);
  });

  it('keep the core and its dependencies out of extension.js', () => {
    const meta: Metafile = JSON.parse(readFileSync(`${root}dist/meta.json`, 'utf8'));
    const inputs = (out: string) => Object.keys(meta.outputs[out]?.inputs ?? {});
    const foreign = (input: string) => !input.startsWith('src/');
    expect(inputs('dist/extension.js').filter(foreign)).toEqual([]);
    expect(inputs('dist/extension.js')).not.toContain('src/main.ts');
    // The lazily loaded bundle is where they are.
    expect(inputs('dist/main.js').some((i) => i.includes('packages/core/'))).toBe(true);
  });

  it('activate without loading main.js; the first tree request loads it', () => {
    const { loaded } = activateInFreshProcess();
    expect(loaded.activated).toContain(entry);
    expect(loaded.activated).not.toContain(main);
    expect(loaded.tree).toContain(main);
  });
});
