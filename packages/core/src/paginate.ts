import { InvalidInputError } from './errors/index.js';
import { type ListChange, type ListChangeListener, notifyListChange } from './list-change.js';
import { walk } from './list-walk.js';
import { WalkState } from './list-walk-state.js';
import { abortedError, anySignal } from './sleep.js';

/** One page of a list: its items and where it sits. */
export interface Page<T> {
  items: T[];
  /** This page's number (1-based). */
  page: number;
  /** How many pages the list has, as this page reported it (undefined: not reported). */
  pages: number | undefined;
  /** The next page's number, or null on the last page. */
  next: number | null;
  /** How many items the whole list holds (undefined: not reported). */
  count: number | undefined;
  /** Set when the list changed under the walk at this page (see {@link ListChange}). */
  change?: ListChange;
}

export interface PagesOptions {
  /** Pages requested at once once page 1 told how many exist (default 8; 1 = strictly lazy). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Told when the list shifts under the walk or ends before its announced count. */
  onListChange?: ListChangeListener;
}

export interface ToArrayOptions extends PagesOptions {
  /** Stop (and fetch no further page) once this many items are collected. */
  limit?: number;
}

/**
 * A list endpoint: `for await` over its items (pages prefetched with bounded concurrency,
 * items yielded in order), or walk `pages()`, fetch one `page(n)`, or collect `toArray()`.
 * Leaving a loop early (`break`, a throw) cancels the page requests still in flight.
 *
 * Lists are live: within one walk no item comes twice, and when the list shifts between
 * two pages the walk refetches the page before so no item that stayed is missed, and
 * says so (`onListChange`, `Page.change`). Successive `page(n)` calls on one `Paginated`
 * (1, 2, 3... as "Load more" does) are one walk; `page(1)` starts a new one.
 */
export interface Paginated<T> extends AsyncIterable<T> {
  pages(options?: PagesOptions): AsyncIterable<Page<T>>;
  page(n: number, options?: { signal?: AbortSignal }): Promise<Page<T>>;
  toArray(options?: ToArrayOptions): Promise<T[]>;
}

export interface PaginateDefaults {
  concurrency?: number;
  signal?: AbortSignal;
  /** What identifies an item across pages (default: the item itself). */
  keyOf?: (item: never) => unknown;
  onListChange?: ListChangeListener;
}

export type FetchPage<T> = (n: number, signal: AbortSignal | undefined) => Promise<Page<T>>;

// 8, not the 4 first planned: list pages are latency-bound, so the speed-up over a
// sequential walk is capped near the concurrency. 4 measured 3.1-4.2x; 8 measured 7.3-7.5x
// (`pnpm bench pagination`), still a small burst next to the 3,000 requests/hour budget.
export const DEFAULT_PAGE_CONCURRENCY = 8;

export function paginate<T>(
  fetchPage: FetchPage<T>,
  defaults: PaginateDefaults = {},
): Paginated<T> {
  const concurrencyOf = (n?: number) => checkConcurrency(n ?? defaults.concurrency);
  const keyOf = (defaults.keyOf ?? ((item: T) => item)) as (item: T) => unknown;
  const newState = () => new WalkState(fetchPage, keyOf);
  const walkOf = (options: PagesOptions, limit?: number) =>
    walk(
      fetchPage,
      newState(),
      concurrencyOf(options.concurrency),
      anySignal(defaults.signal, options.signal),
      options.onListChange ?? defaults.onListChange,
      limit,
    );
  let pageWalk = { state: newState(), last: 0 };
  return {
    pages: (options = {}) => walkOf(options),
    async page(n, options = {}) {
      if (!Number.isInteger(n) || n < 1) {
        throw new InvalidInputError(`page must be an integer >= 1, got ${n}`);
      }
      const signal = anySignal(defaults.signal, options.signal);
      if (n === 1) pageWalk = { state: newState(), last: 0 };
      const walkState = pageWalk;
      const page = await walkState.state.accept(await fetchPage(n, signal), signal);
      walkState.last = Math.max(walkState.last, n);
      const ended =
        page.next === null || page.next <= page.page ? walkState.state.endedEarly(page) : undefined;
      const change = page.change ?? ended;
      if (change) notifyListChange(defaults.onListChange, change);
      return change ? { ...page, change } : page;
    },
    async toArray(options = {}) {
      const limit = options.limit ?? Number.POSITIVE_INFINITY;
      if (!(limit >= 0)) throw new InvalidInputError(`limit must be >= 0, got ${limit}`);
      const items: T[] = [];
      if (limit === 0) return items;
      for await (const page of walkOf(options, limit)) {
        for (const item of page.items) {
          items.push(item);
          if (items.length >= limit) return items;
        }
      }
      return items;
    },
    async *[Symbol.asyncIterator]() {
      const signal = defaults.signal;
      for await (const page of walkOf({})) {
        for (const item of page.items) {
          if (signal?.aborted) throw abortedError(signal);
          yield item;
        }
      }
    },
  };
}

function checkConcurrency(value: number | undefined): number {
  const n = value ?? DEFAULT_PAGE_CONCURRENCY;
  if (!Number.isInteger(n) || n < 1) {
    throw new InvalidInputError(`concurrency must be an integer >= 1, got ${n}`);
  }
  return n;
}
