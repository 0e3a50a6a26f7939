import type { Backup, Client } from '@c66-backup/core';

export interface StackRef {
  uid: string;
  name: string;
  environment: string;
}

/** What the scenarios that need no sandbox controls look at. */
export interface Subjects {
  /** The stack whose backups are listed, and how many pages it has (1: no "Load more"). */
  paging: StackRef & { pages: number };
  /** The backup whose files are listed and which is downloaded: its place on page 1. */
  backup: { stack: StackRef; index: number; id: number };
}

/** At most this many stacks are asked for their backups while looking for subjects. */
const STACKS_TO_TRY = 25;

/**
 * On a server we did not fill: the stack `stackUid` (C66_E2E_STACK), or the first listed
 * stack with more than one page of backups, else the first with any. Its download subject is
 * the smallest successful backup on page 1 whose size is known (else the newest successful).
 */
export async function chooseSubjects(client: Client, stackUid?: string): Promise<Subjects> {
  const stacks = stackUid
    ? [await client.stacks.get(stackUid)]
    : await client.stacks.list().toArray({ limit: STACKS_TO_TRY });
  let chosen: { stack: StackRef; pages: number; items: Backup[] } | undefined;
  for (const s of stacks) {
    const page = await client.backups.list(s.uid).page(1);
    if (page.items.length === 0) continue;
    const stack = { uid: s.uid, name: s.name, environment: s.environment };
    if (!chosen || (chosen.pages === 1 && page.next !== null)) {
      chosen = {
        stack,
        pages: page.next === null ? 1 : Math.max(page.pages ?? 2, 2),
        items: page.items,
      };
    }
    if (page.next !== null) break;
  }
  if (!chosen) {
    throw new Error(
      stackUid
        ? `stack ${stackUid} has no backups: the scenarios need one`
        : `none of the first ${stacks.length} stacks has a backup: set C66_E2E_STACK to one that has`,
    );
  }
  const index = downloadIndex(chosen.items);
  if (index < 0) throw new Error(`stack ${chosen.stack.name} has no successful backup on page 1`);
  return {
    paging: { ...chosen.stack, pages: chosen.pages },
    backup: { stack: chosen.stack, index, id: chosen.items[index]?.id ?? -1 },
  };
}

function downloadIndex(items: readonly Backup[]): number {
  let best = -1;
  for (const [i, b] of items.entries()) {
    if (b.backup_status.name !== 'ok') continue;
    const size = b.backup_size ?? Number.POSITIVE_INFINITY;
    const bestSize =
      best < 0 ? Number.POSITIVE_INFINITY : (items[best]?.backup_size ?? Number.POSITIVE_INFINITY);
    if (best < 0 || size < bestSize) best = i;
  }
  return best;
}
