import { MessageNode } from '../tree/MessageNode.js';
import type { CommandContext } from './CommandContext.js';

/** Retry on a "Could not load: …" item: asks again for what failed. */
export async function retry(_c: CommandContext, node: unknown): Promise<void> {
  if (node instanceof MessageNode && node.retry) await node.retry();
}
