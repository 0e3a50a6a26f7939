import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCheckInputs } from '../src/check-inputs.js';
import { checkOutputsOf } from '../src/check-report.js';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = join(root, 'check');
const manifest = parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description?: string; default?: unknown }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
};

describe('check/action.yml', () => {
  it('runs the check entry of the committed bundle on node24 (main is relative to check/)', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: '../apps/action/dist/check.js' });
    expect(existsSync(resolve(dir, manifest.runs.main))).toBe(true);
  });

  it('declares exactly the inputs the code reads, with the defaults the code applies', () => {
    const env: Record<string, string> = {};
    for (const [name, input] of Object.entries(manifest.inputs)) {
      expect(input.description, name).toMatch(/\w/);
      expect(typeof input.default, name).toBe('string');
      env[`INPUT_${name.toUpperCase()}`] = String(input.default);
    }
    const minimal = { 'INPUT_API-TOKEN': 'token-for-the-manifest-test', INPUT_STACK: 'my-app' };
    Object.assign(env, minimal);
    expect(parseCheckInputs(env)).toEqual(parseCheckInputs(minimal));
    const source = readFileSync(join(import.meta.dirname, '..', 'src', 'check-inputs.ts'), 'utf8');
    const read = [...source.matchAll(/field\('([a-z-]+)'/g)].map((m) => m[1]);
    expect(new Set(read)).toEqual(new Set(Object.keys(manifest.inputs)));
  });

  it('declares exactly the outputs the code sets', () => {
    const outputs = checkOutputsOf({ outcome: 'error', requireVerified: false });
    expect(Object.keys(manifest.outputs).sort()).toEqual(Object.keys(outputs).sort());
    for (const [name, output] of Object.entries(manifest.outputs)) {
      expect(output.description, name).toMatch(/\w/);
    }
  });
});
