import type { ListChange } from './list-change.js';
import type { FetchPage, Page } from './paginate.js';

/**
 * What one walk over a live, offset-paged list has seen: no item is handed out twice,
 * and when the list shifts between two pages the page before is fetched again for the
 * items that slid back across the boundary (what follows the first item already seen).
 */
export class WalkState<T> {
  private readonly seen = new Set<unknown>();
  private lastCount: number | undefined;
  private received = 0;
  /** Whether any shift was noticed (counts are then no promise of completeness). */
  shifted = false;

  constructor(
    private readonly fetchPage: FetchPage<T>,
    private readonly keyOf: (item: T) => unknown,
  ) {}

  /** A fetched page as the walk hands it out: new items only, recovered ones first. */
  async accept(page: Page<T>, signal: AbortSignal | undefined): Promise<Page<T>> {
    const repeated = page.items.filter((item) => this.seen.has(this.keyOf(item))).length;
    const countBefore = this.lastCount ?? page.count;
    let recovered: T[] = [];
    let change: ListChange | undefined;
    // `count` is optional (field policy): a count that went missing is no shift.
    const recount = countBefore !== undefined && page.count !== undefined;
    if (repeated > 0 || (recount && countBefore !== page.count)) {
      this.shifted = true;
      if (page.page > 1) recovered = await this.refill(page.page - 1, signal);
      change = {
        kind: 'shifted',
        page: page.page,
        countBefore,
        countNow: page.count,
        repeated,
        recovered: recovered.length,
      };
    }
    const items: T[] = [];
    for (const item of [...recovered, ...page.items]) {
      const key = this.keyOf(item);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      items.push(item);
    }
    this.lastCount = page.count;
    this.received += items.length;
    return { ...page, items, ...(change && { change }) };
  }

  /** The change to report when the walk stops at `page` (no more pages), if any. */
  endedEarly(page: Page<T>): ListChange | undefined {
    // Without a `count` nothing was announced, so nothing can be missing.
    if (this.shifted || page.count === undefined || this.received >= page.count) return undefined;
    return { kind: 'ended-early', page: page.page, expected: page.count, received: this.received };
  }

  private async refill(from: number, signal: AbortSignal | undefined): Promise<T[]> {
    const found: T[] = [];
    for (let n = from; n >= 1; n--) {
      const again = await this.fetchPage(n, signal);
      const anchor = again.items.findIndex((item) => this.seen.has(this.keyOf(item)));
      const tail = anchor === -1 ? again.items : again.items.slice(anchor + 1);
      found.unshift(...tail.filter((item) => !this.seen.has(this.keyOf(item))));
      // A known item on this page: nothing before it can have crossed the boundary.
      if (anchor !== -1) break;
    }
    return found;
  }
}
