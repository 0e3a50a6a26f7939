import { type ListChange, type ListChangeListener, notifyListChange } from './list-change.js';
import type { WalkState } from './list-walk-state.js';
import type { FetchPage, Page } from './paginate.js';
import { abortedError, anySignal } from './sleep.js';

/**
 * Follows `next` from page 1, never looping: stops when `next` is null, not greater than
 * the current page, past `pages`, already seen, or when the server answers another page
 * than the one asked. With concurrency > 1 the pages after the current one are requested
 * ahead (speculatively n+1, n+2...), up to `concurrency` at once and never past `pages`.
 * Every page goes through `state` (no repeats, shifted items recovered) before it is yielded.
 */
export async function* walk<T>(
  fetchPage: FetchPage<T>,
  state: WalkState<T>,
  concurrency: number,
  outerSignal: AbortSignal | undefined,
  onListChange: ListChangeListener | undefined,
  itemLimit = Number.POSITIVE_INFINITY,
): AsyncGenerator<Page<T>> {
  const controller = new AbortController();
  const signal = anySignal(outerSignal, controller.signal);
  const inflight = new Map<number, Promise<Page<T>>>();
  const seen = new Set<number>();
  let nextToFetch = 2;
  let maxPages = Number.POSITIVE_INFINITY;

  const request = (n: number) => {
    const promise = fetchPage(n, signal);
    promise.catch(() => {}); // a prefetched page's failure surfaces when (if) it is reached
    return promise;
  };
  const prefetch = (limit: number) => {
    while (concurrency > 1 && inflight.size < concurrency && nextToFetch <= limit) {
      inflight.set(nextToFetch, request(nextToFetch));
      nextToFetch++;
    }
  };
  const tell = (change: ListChange | undefined) => {
    if (change) notifyListChange(onListChange, change);
  };

  try {
    let current = await state.accept(await fetchPage(1, signal), signal);
    seen.add(current.page);
    if (current.items.length > 0 && Number.isFinite(itemLimit)) {
      maxPages = Math.ceil(itemLimit / current.items.length);
    }
    for (;;) {
      const next = current.next;
      // Without `pages` (optional), only `next` bounds the walk and nothing past it is prefetched.
      const last = current.pages ?? next ?? current.page;
      const follow = next !== null && next > current.page && next <= last && next <= maxPages;
      if (follow) {
        nextToFetch = Math.max(nextToFetch, next);
        prefetch(Math.min(last, maxPages));
      }
      tell(current.change);
      // The last page (not cut by a limit): did the list hold what it announced?
      const cut = next !== null && next > current.page && next <= last;
      const ended = follow || cut ? undefined : state.endedEarly(current);
      if (ended) {
        current = { ...current, change: current.change ?? ended };
        tell(ended);
      }
      if (outerSignal?.aborted) throw abortedError(outerSignal);
      yield current;
      if (!follow || seen.has(next)) return;
      const pending = inflight.get(next) ?? request(next);
      for (const n of inflight.keys()) if (n <= next) inflight.delete(n);
      const page = await pending;
      if (page.page !== next || seen.has(page.page)) {
        tell(state.endedEarly(current));
        return;
      }
      seen.add(page.page);
      current = await state.accept(page, signal);
    }
  } finally {
    controller.abort();
  }
}
