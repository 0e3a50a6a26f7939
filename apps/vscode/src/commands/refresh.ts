import type { CommandContext } from './command-context.js';

/** Reloads the whole tree from the API. */
export function refresh({ tree }: CommandContext): void {
  tree.refresh();
}
