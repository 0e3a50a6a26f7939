/** The part of a core `Page` a tree needs. */
export interface PageLike<T> {
  items: T[];
  page: number;
  next: number | null;
}

/**
 * A list that grows one page at a time ("Load more…"). Asking again while a page is
 * loading joins that load, so a double click fetches once. Pages are fetched by number
 * (`Paginated.page(n)`), so a failed page can be retried without starting over at page 1.
 */
export class PagedList<T> {
  readonly items: T[] = [];
  /** The page the next load asks for; null once the last page is in. */
  nextPage: number | null = 1;
  /** The failure of the last load, cleared by the next success. */
  error: unknown;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly fetchPage: (n: number) => Promise<PageLike<T>>,
    /** A first page already fetched elsewhere, taken as if loaded here. */
    first?: PageLike<T>,
  ) {
    if (first) this.accept(first, 1);
  }

  get loading(): boolean {
    return this.pending !== undefined;
  }

  /** True once the first page (or its failure) has arrived. */
  get started(): boolean {
    return this.nextPage !== 1 || this.error !== undefined;
  }

  /** Loads `page` if it is the next one; any other (stale) request is a no-op. */
  load(page: number | null = this.nextPage): Promise<void> {
    if (this.pending) return this.pending;
    if (page === null || page !== this.nextPage) return Promise.resolve();
    this.pending = this.fetch(page).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async fetch(n: number): Promise<void> {
    try {
      this.accept(await this.fetchPage(n), n);
    } catch (error) {
      this.error = error;
    }
  }

  private accept(page: PageLike<T>, n: number): void {
    this.error = undefined;
    this.items.push(...page.items);
    // Guard against a server that points back (or nowhere sensible) instead of looping.
    this.nextPage = page.next !== null && page.next > n ? page.next : null;
  }
}
