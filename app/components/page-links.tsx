import { Link } from "~/components/link";
import { pagerLinks } from "~/lib/paging";

/** "Newer" and "Older" links of a newest-first list split into pages (?page=N); nothing when there is one page. */
export function PageLinks({ page, pages, label, noun }: { page: number; pages: number; label: string; noun: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-3">
      {page > 1 ? (
        <Link to={`?page=${page - 1}`} rel="prev" className="btn-secondary">
          Newer {noun}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700">
        Page {page} of {pages}
      </span>
      {page < pages ? (
        <Link to={`?page=${page + 1}`} rel="next" className="btn-secondary">
          Older {noun}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/**
 * Previous and next links of a long list cut into numbered pages (`pageOf`), with where this page is, and links to the
 * first and last pages when they are further away (`pagerLinks`). Plain links: they work without JavaScript.
 * `href(n)` keeps whatever else the list's address says (filters, view).
 */
export function ListPager({
  label,
  noun,
  page,
  href,
}: {
  label: string;
  noun: string;
  page: { page: number; pages: number; first: number; last: number; total: number; size: number };
  href: (page: number) => string;
}) {
  if (page.pages <= 1) return null;
  const to = pagerLinks(page);
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-4 text-sm">
      {to.first ? <Link to={href(to.first)}>« First page</Link> : null}
      {to.previous ? <Link to={href(to.previous)}>← Previous {page.size}</Link> : null}
      <span>
        {noun} {page.first}–{page.last} of {page.total} (page {page.page} of {page.pages})
      </span>
      {to.next ? <Link to={href(to.next)}>Next {Math.min(page.size, page.total - page.last)} →</Link> : null}
      {to.last ? <Link to={href(to.last)}>Last page »</Link> : null}
    </nav>
  );
}
