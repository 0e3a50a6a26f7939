import { CallbackError } from './errors/index.js';

/**
 * The list changed under a walk (offset-paged lists are live: Cloud 66 adds and prunes
 * backups at any time). `shifted`: an item came again or `count` changed between two
 * pages; the walk refetched the page before and yielded the `recovered` items that had
 * slid across the boundary, and dropped the `repeated` ones. `ended-early`: the server
 * stopped paging with fewer items than its `count` announced.
 */
export type ListChange =
  | {
      kind: 'shifted';
      /** The page at which it was noticed. */
      page: number;
      /** The list's `count` before and now (undefined when the server did not send it). */
      countBefore: number | undefined;
      countNow: number | undefined;
      /** Items seen before that came again (not yielded twice). */
      repeated: number;
      /** Items found again on the page before, that would otherwise have been missed. */
      recovered: number;
    }
  | { kind: 'ended-early'; page: number; expected: number; received: number };

export type ListChangeListener = (change: ListChange) => void;

/** One line for people: what changed and what the walk did about it. */
export function describeListChange(change: ListChange): string {
  if (change.kind === 'ended-early') {
    return `the list ended at page ${change.page} with ${change.received} of the ${change.expected} items it announced`;
  }
  const counts =
    change.countBefore === undefined || change.countNow === undefined
      ? 'items came again'
      : change.countBefore === change.countNow
        ? `still ${change.countNow} items`
        : `${change.countBefore} then ${change.countNow} items`;
  const did = [
    change.repeated > 0 && `${change.repeated} repeated item(s) skipped`,
    change.recovered > 0 && `${change.recovered} shifted item(s) fetched again`,
  ].filter(Boolean);
  return `the list changed while it was read (page ${change.page}: ${counts}${did.length ? `; ${did.join(', ')}` : ''})`;
}

export function notifyListChange(listener: ListChangeListener | undefined, change: ListChange) {
  if (!listener) return;
  try {
    listener(change);
  } catch (error) {
    throw new CallbackError('the onListChange callback threw', { cause: error });
  }
}
