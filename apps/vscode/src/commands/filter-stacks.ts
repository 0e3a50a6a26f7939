import type { CommandContext } from './command-context.js';

/** Shows only stacks whose name or environment contains the text; empty text clears it. */
export async function filterStacks({ deps, tree, view }: CommandContext): Promise<void> {
  const text = await deps.ui.showInputBox({
    title: 'Cloud 66: Filter stacks',
    prompt: 'Part of a stack name or environment (leave empty to show all stacks)',
    value: tree.filter ?? '',
  });
  if (text === undefined) return;
  tree.setFilter(text);
  view.description = tree.filter ? `filter: ${tree.filter}` : undefined;
}
