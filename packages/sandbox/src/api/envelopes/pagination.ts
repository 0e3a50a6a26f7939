import type { ListView } from '../../world/backup-list.js';

export const PER_PAGE = 30;

/** The documented list envelope: `{ response, count, pagination }`. */
export interface ListEnvelope<T> {
  response: T[];
  count: number;
  pagination: {
    previous: number | null;
    next: number | null;
    current: number;
    per_page: number;
    count: number;
    pages: number;
  };
}

/** One page of a view; `previous`/`next` are null at the ends. */
export function paginate<S, T>(
  view: ListView<S>,
  page: number,
  map: (item: S) => T,
): ListEnvelope<T> {
  const pages = Math.max(1, Math.ceil(view.length / PER_PAGE));
  const start = (page - 1) * PER_PAGE;
  const response: T[] = [];
  for (let i = start; i < Math.min(view.length, start + PER_PAGE); i++)
    response.push(map(view.at(i)));
  return {
    response,
    count: view.length,
    pagination: {
      previous: page > 1 ? Math.min(page - 1, pages) : null,
      next: page < pages ? page + 1 : null,
      current: page,
      per_page: PER_PAGE,
      count: view.length,
      pages,
    },
  };
}

export function arrayView<T>(items: T[]): ListView<T> {
  return { length: items.length, at: (i) => items[i] as T };
}
