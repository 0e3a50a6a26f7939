import type { Page } from './paginate.js';

/** A list answer as the schemas give it (only `next` is required of its pagination). */
export interface ListBody<T> {
  response: T[];
  count?: number | null;
  pagination: {
    next: number | null;
    current?: number | null;
    pages?: number | null;
    count?: number | null;
  };
}

/**
 * A page from a list answer. Only `next` is required: the page asked for stands in for a
 * missing `current`, and a missing `pages` leaves the walk bounded by `next` alone.
 */
export function toPage<T>(body: ListBody<T>, asked: number): Page<T> {
  const { current, pages, next, count } = body.pagination;
  return {
    items: body.response,
    page: current ?? asked,
    pages: pages ?? undefined,
    next,
    count: count ?? body.count ?? undefined,
  };
}
