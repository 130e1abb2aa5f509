// One page of archive search results: the count, notices about the search, the learnings and the pages.
import { Link } from "~/components/link";
import type { ResultsView } from "~/modules/archive/home.server";
import type { ArchiveFilters } from "~/modules/archive/search.server";
import { rootCauseLabels } from "~/modules/entries/labels";
import { count } from "./archive-overview";
import { AwardBadges, OutcomeBadge } from "./badges";
import { FollowUpBadge } from "./follow-up-badge";
import { Highlighted } from "./highlighted";

/** `busy` marks the section aria-busy while the next search loads, so assistive technology waits for it. */
export function ArchiveResults({ filters, result, busy }: { filters: ArchiveFilters; result: ResultsView; busy: boolean }) {
  const { total, totalCapped, page, pageCount, mode, notice, links } = result;
  return (
    <section aria-labelledby="results-heading" aria-busy={busy} className="space-y-3">
      <h2 id="results-heading" className="h2">
        Results
      </h2>
      <p className="text-sm text-slate-700" aria-live="polite">
        {totalCapped ? `More than ${count(total)}` : count(total)} {total === 1 && !totalCapped ? "learning" : "learnings"}
        {filters.q && mode !== "browse" ? ` for “${filters.q.slice(0, 120)}”` : ""}
        {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
      </p>
      {totalCapped ? (
        <p className="hint">
          {mode === "browse"
            ? `The ${count(total)} most recently archived are listed: an event or another filter reaches older ones.`
            : `So many learnings match that the best of the ${count(total)} most recently archived are shown: ${mode === "any" ? "a filter reaches older ones." : "another word or a filter reaches older ones."}`}
        </p>
      ) : null}
      {notice ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status">
          {notice}
        </p>
      ) : null}
      {result.suggestion && links.suggestion ? (
        <p className="rounded-md bg-sky-50 p-3 text-sm text-sky-900" role="status">
          Did you mean <Link to={links.suggestion}>{result.suggestion.q.slice(0, 120)}</Link>?
        </p>
      ) : null}
      {mode === "any" && total > 0 ? (
        <p className="rounded-md bg-sky-50 p-3 text-sm text-sky-900" role="status">
          No learning has all of these words, so these have some of them.
        </p>
      ) : null}
      {total === 0 ? (
        <p className="card text-slate-700">Nothing in the archive matches. Try fewer or different words, or remove a filter.</p>
      ) : links.last ? (
        <p className="card text-slate-700">
          There is no page {page}: the results end on page {pageCount}. <Link to={links.last}>Go to page {pageCount}</Link>
        </p>
      ) : (
        <ol className="space-y-3">
          {result.learnings.map((l) => (
            <li key={l.id} className="card">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <Link to={`/events/${l.eventSlug}/entries/${l.id}`} className="font-semibold" aria-label={l.title || "Untitled entry"}>
                  <Highlighted text={l.titleMarked || "Untitled entry"} />
                </Link>
                <OutcomeBadge outcome={l.outcome} />
              </div>
              <AwardBadges awards={l.awards} className="mt-2" />
              {l.followUpStatus ? (
                <p className="mt-2">
                  <FollowUpBadge status={l.followUpStatus} />
                </p>
              ) : null}
              {l.showSummary ? <p className="mt-1 text-sm">{l.summary}</p> : null}
              {l.snippet ? (
                <p className="mt-2 text-sm text-slate-700">
                  {mode === "browse" ? <strong>What did not work: </strong> : null}
                  <Highlighted text={l.snippet} />
                </p>
              ) : null}
              {l.metric ? (
                <p className="mt-2 text-sm text-slate-700">
                  <strong>AI metric:</strong> {l.metric}
                </p>
              ) : null}
              <p className="mt-2 text-xs text-slate-600">
                {l.eventTitle} ({l.year}) · {l.problemTitle} · {l.teamName}
                {l.rootCause ? ` · Root cause: ${rootCauseLabels[l.rootCause]}` : ""}
                {l.tags ? ` · Tags: ${l.tags}` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Result pages" className="flex items-center justify-between gap-3">
          {links.previous ? (
            <Link to={links.previous} rel="prev" className="btn-secondary">
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-700">
            Page {page} of {pageCount}
          </span>
          {links.next ? (
            <Link to={links.next} rel="next" className="btn-secondary">
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </section>
  );
}
