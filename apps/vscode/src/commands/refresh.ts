import type { CommandContext } from './CommandContext.js';

/** Reloads the whole tree from the API. */
export function refresh({ tree }: CommandContext): void {
  tree.refresh();
}
