import type { CommandContext } from './command-context.js';
import { pickStack } from './pick-stack.js';

/**
 * Opens the stack's page on app.cloud66.com. The `/stacks/<uid>` address is an assumption:
 * Cloud 66 documents no dashboard URL scheme.
 */
export function dashboardUrl(stackUid: string): string {
  return `https://app.cloud66.com/stacks/${encodeURIComponent(stackUid)}`;
}

export async function openInDashboard(c: CommandContext, arg: unknown): Promise<void> {
  const target = await pickStack(c, arg);
  if (target) await c.deps.openExternal(dashboardUrl(target.stack.uid));
}
