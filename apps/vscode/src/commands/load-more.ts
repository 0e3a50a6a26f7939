import { LoadMoreNode } from '../tree/load-more-node.js';
import type { CommandContext } from './command-context.js';

/** The "Load more…" item: fetches the next page once, however often it is clicked. */
export async function loadMore(_c: CommandContext, node: unknown): Promise<void> {
  if (node instanceof LoadMoreNode) await node.load();
}
