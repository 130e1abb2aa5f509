import { Link } from "@remix-run/react";

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
