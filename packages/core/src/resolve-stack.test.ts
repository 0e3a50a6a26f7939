import { describe, expect, it } from 'vitest';
import { sandboxClient, useSandbox } from '../test/sandbox.js';
import {
  AmbiguousStackError,
  InvalidInputError,
  resolveStack,
  StackNotFoundError,
} from './index.js';

const sandbox = useSandbox();

function duplicated() {
  const stacks = sandbox().stacks();
  const names = stacks.map((s) => s.name);
  const name = names.find((n, i) => names.indexOf(n) !== i);
  if (!name) throw new Error('the sandbox seeds no stacks sharing a name');
  return { name, stacks: stacks.filter((s) => s.name === name) };
}

describe('resolveStack', () => {
  it('fetches a 32-hex uid directly', async () => {
    const sb = sandbox();
    const { client, events } = sandboxClient(sb);
    const target = sb.stacks()[2];
    if (!target) throw new Error('no stack');
    const stack = await resolveStack(client, { stack: target.uid.toUpperCase() });
    expect(stack.uid).toBe(target.uid);
    expect(events.map((e) => e.path)).toEqual([`/stacks/${target.uid}`]);
  });

  it('resolves a unique name', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const names = sb.stacks().map((s) => s.name);
    const unique = sb.stacks().find((s) => names.filter((n) => n === s.name).length === 1);
    if (!unique) throw new Error('no uniquely named stack');
    expect((await resolveStack(client, { stack: unique.name })).uid).toBe(unique.uid);
  });

  it('a name shared by several stacks -> AmbiguousStackError listing them; an environment settles it', async () => {
    const { client } = sandboxClient(sandbox());
    const { name, stacks } = duplicated();
    const error = await resolveStack(client, { stack: name }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousStackError);
    const ambiguous = error as AmbiguousStackError;
    expect(ambiguous.candidates.map((c) => c.uid).sort()).toEqual(stacks.map((s) => s.uid).sort());
    for (const s of stacks)
      expect(ambiguous.message).toContain(`${s.name} (${s.environment}) ${s.uid}`);
    const wanted = stacks[1];
    if (!wanted) throw new Error('no second stack');
    const stack = await resolveStack(client, { stack: name, environment: wanted.environment });
    expect(stack.uid).toBe(wanted.uid);
  });

  it('an unknown name -> StackNotFoundError listing the stacks', async () => {
    const sb = sandbox();
    const { client } = sandboxClient(sb);
    const error = await resolveStack(client, { stack: 'no-such-stack' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackNotFoundError);
    const notFound = error as StackNotFoundError;
    expect(notFound.message).toContain('no stack named "no-such-stack"');
    expect(notFound.candidates.map((c) => c.uid)).toEqual(sb.stacks().map((s) => s.uid));
  });

  it('a known name in the wrong environment -> StackNotFoundError suggesting the others', async () => {
    const { client } = sandboxClient(sandbox());
    const { name, stacks } = duplicated();
    const error = await resolveStack(client, { stack: name, environment: 'nowhere' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StackNotFoundError);
    expect((error as StackNotFoundError).message).toContain('did you mean');
    expect((error as StackNotFoundError).candidates).toHaveLength(stacks.length);
  });

  it('an unknown uid -> StackNotFoundError; nothing -> InvalidInputError', async () => {
    const { client } = sandboxClient(sandbox());
    await expect(resolveStack(client, { stack: 'a'.repeat(32) })).rejects.toThrow(
      StackNotFoundError,
    );
    await expect(resolveStack(client, { stack: '  ' })).rejects.toThrow(InvalidInputError);
  });
});
