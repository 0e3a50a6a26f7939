import { MessageNode } from '../tree/message-node.js';
import type { CommandContext } from './command-context.js';

/** Retry on a "Could not load: …" item: asks again for what failed. */
export async function retry(_c: CommandContext, node: unknown): Promise<void> {
  if (node instanceof MessageNode && node.retry) await node.retry();
}
