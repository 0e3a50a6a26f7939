import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseInputs } from '../src/inputs.js';
import { outputsOf } from '../src/outputs.js';

const root = join(import.meta.dirname, '..', '..', '..');
const manifest = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description?: string; default?: unknown; required?: boolean }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
};

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: 'apps/action/dist/index.js' });
    expect(existsSync(join(root, manifest.runs.main))).toBe(true);
  });

  it('gives every input a description and a string default', () => {
    for (const [name, input] of Object.entries(manifest.inputs)) {
      expect(input.description, name).toMatch(/\w/);
      expect(typeof input.default, name).toBe('string');
    }
  });

  it('declares exactly the inputs the code reads, with the defaults the code applies', () => {
    // The runner passes every declared input, defaults included: parsing them must equal
    // parsing only the required ones (the code's own defaults for empty inputs).
    const env: Record<string, string> = {};
    for (const [name, input] of Object.entries(manifest.inputs)) {
      env[`INPUT_${name.toUpperCase()}`] = String(input.default);
    }
    env['INPUT_API-TOKEN'] = 'token-for-the-manifest-test';
    env.INPUT_STACK = 'my-app';
    const minimal = { 'INPUT_API-TOKEN': env['INPUT_API-TOKEN'], INPUT_STACK: 'my-app' };
    expect(parseInputs(env)).toEqual(parseInputs(minimal));

    const source = readFileSync(join(import.meta.dirname, '..', 'src', 'inputs.ts'), 'utf8');
    const read = [...source.matchAll(/(?:field|readInput)\((?:env, )?'([a-z-]+)'/g)].map(
      (m) => m[1],
    );
    expect(new Set(read)).toEqual(new Set(Object.keys(manifest.inputs)));
  });

  it('declares exactly the outputs the code sets', () => {
    const outputs = outputsOf({ outcome: 'error', dbTypes: [], backups: {}, notes: [] });
    expect(Object.keys(manifest.outputs).sort()).toEqual(Object.keys(outputs).sort());
    for (const [name, output] of Object.entries(manifest.outputs)) {
      expect(output.description, name).toMatch(/\w/);
    }
  });
});
