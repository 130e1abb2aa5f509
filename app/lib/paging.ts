// Long lists shown a page at a time (`?page=N`, plain links, so it works without JavaScript). Pure.

export type Page<T> = { rows: T[]; page: number; pages: number; first: number; last: number; total: number; size: number };

/** Where the page asked for in `?page=` lies in a list of `total` rows (see pageOf), for lists counted and cut in SQL. */
export function pageWindow(total: number, requested: string | null, size: number): Omit<Page<never>, "rows"> & { offset: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const asked = Number(requested);
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  const offset = (page - 1) * size;
  return { page, pages, first: Math.min(offset + 1, total), last: Math.min(offset + size, total), total, size, offset };
}

/**
 * The page asked for in `?page=`: the first when missing or not a whole number, the last when past the end.
 * `first` and `last` count rows from 1 (both 0 for an empty list).
 */
export function pageOf<T>(rows: T[], requested: string | null, size: number): Page<T> {
  const { offset, ...where } = pageWindow(rows.length, requested, size);
  return { rows: rows.slice(offset, offset + size), ...where };
}

/**
 * The pages a pager links to from `page` of `pages`: the neighbours, and the first and last pages when they are
 * not already a neighbour (or this page), so either end of a long ranking is one click away. Null where no link goes.
 */
export function pagerLinks({ page, pages }: { page: number; pages: number }) {
  return {
    first: page > 2 ? 1 : null,
    previous: page > 1 ? page - 1 : null,
    next: page < pages ? page + 1 : null,
    last: page < pages - 1 ? pages : null,
  };
}
