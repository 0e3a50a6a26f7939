import type { Stack } from '@c66-backup/core';
import { describeError } from '../describe-error.js';
import { StackNode } from '../tree/stack-node.js';
import type { CommandContext } from './command-context.js';

/**
 * The stack a command acts on: the tree item it was invoked on, or (from the command
 * palette) one the user picks. `node` is the tree's node when the stack is shown there.
 */
export async function pickStack(
  c: CommandContext,
  arg: unknown,
): Promise<{ stack: Stack; node: StackNode | undefined } | undefined> {
  if (arg instanceof StackNode) return { stack: arg.stack, node: arg };
  const client = await c.session.client();
  if (!client) {
    void c.deps.ui.showErrorMessage('Sign in to Cloud 66 first.');
    return undefined;
  }
  let stacks: Stack[];
  try {
    stacks = await client.stacks.list().toArray();
  } catch (error) {
    void c.deps.ui.showErrorMessage(`Could not list stacks: ${describeError(error)}`);
    return undefined;
  }
  const picked = await c.deps.ui.pickOne(
    stacks.map((stack) => ({ label: stack.name, description: stack.environment, stack })),
    { title: 'Cloud 66: Choose a stack', matchOnDescription: true },
  );
  if (!picked) return undefined;
  return { stack: picked.stack, node: c.tree.findStack(picked.stack.uid) };
}
