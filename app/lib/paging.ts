// Long lists shown a page at a time (`?page=N`, plain links, so it works without JavaScript). Pure.

export type Page<T> = { rows: T[]; page: number; pages: number; first: number; last: number; total: number; size: number };

/**
 * The page asked for in `?page=`: the first when missing or not a whole number, the last when past the end.
 * `first` and `last` count rows from 1 (both 0 for an empty list).
 */
export function pageOf<T>(rows: T[], requested: string | null, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const asked = Number(requested);
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  const start = (page - 1) * size;
  return {
    rows: rows.slice(start, start + size),
    page,
    pages,
    first: Math.min(start + 1, rows.length),
    last: Math.min(start + size, rows.length),
    total: rows.length,
    size,
  };
}
