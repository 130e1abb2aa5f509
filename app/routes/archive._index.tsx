import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { outcomes } from "#db/enums";
import { ArchiveSearch } from "~/components/archive-search";
import { AwardBadges, OutcomeBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FollowUpBadge } from "~/components/follow-ups";
import { Highlighted } from "~/components/learnings";
import { formatInZone } from "~/lib/time";
import { archiveCache } from "~/modules/archive/cache.server";
import { metricLine } from "~/modules/archive/digest";
import { searchHref } from "~/modules/archive/filters";
import { archiveContext } from "~/modules/archive/home.server";
import { unmarked } from "~/modules/archive/query";
import { filtersFromUrl, searchArchive, type ArchiveFilters } from "~/modules/archive/search.server";
import { requireUser } from "~/modules/auth/guards.server";
import { outcomeLabels, rootCauseLabels } from "~/modules/entries/labels";
import { WENT_TO_PRODUCTION } from "~/modules/follow-ups/words";

export const meta: MetaFunction = () => [{ title: "Archive · Problem First" }];

/** Counts as people read them: 20,000, not 20000. */
const count = (n: number) => n.toLocaleString("en");

function isSearching(f: ArchiveFilters) {
  return Boolean(f.q || f.outcome || f.rootCause || f.event || f.tag || f.year || f.production);
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const filters = filtersFromUrl(new URL(request.url).searchParams);
  const searching = isSearching(filters);
  const cache = await archiveCache();
  // The home figures cost the most; a search page does not show them.
  const [{ facets, tags, overview }, result] = await Promise.all([archiveContext(cache, !searching), searching ? searchArchive(cache, filters) : null]);
  return { filters, facets, tags, overview, result };
}

export default function Archive() {
  const { filters, facets, overview, tags, result } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location.pathname === "/archive";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="h1">Archive of learnings</h1>
        <p className="mt-1 text-slate-700">Every entry of past events, working or failed, with what the team learned. Search before you build.</p>
      </div>

      <ArchiveSearch filters={filters} closedEvents={facets.closedEvents} years={facets.years} tags={tags} searching={result !== null} />

      {result ? <Results filters={filters} result={result} busy={busy} /> : overview ? <Overview overview={overview} /> : null}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function Results({ filters, result, busy }: { filters: ArchiveFilters; result: NonNullable<LoaderData["result"]>; busy: boolean }) {
  const { total, totalCapped, page, pageCount, mode, notice } = result;
  return (
    <section aria-labelledby="results-heading" aria-busy={busy} className="space-y-3">
      <h2 id="results-heading" className="h2">
        Results
      </h2>
      <p className="text-sm text-slate-700" aria-live="polite">
        {totalCapped ? `More than ${count(total)}` : count(total)} {total === 1 && !totalCapped ? "learning" : "learnings"}
        {filters.q ? ` for “${filters.q.slice(0, 120)}”` : ""}
        {pageCount > 1 ? ` · page ${page} of ${pageCount}` : ""}
      </p>
      {notice ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" role="status">
          {notice}
        </p>
      ) : null}
      {result.suggestion ? (
        <p className="rounded-md bg-sky-50 p-3 text-sm text-sky-900" role="status">
          Did you mean <Link to={searchHref(filters, { q: result.suggestion.q, page: 1 })}>{result.suggestion.q.slice(0, 120)}</Link>?
        </p>
      ) : null}
      {mode === "any" ? (
        <p className="rounded-md bg-sky-50 p-3 text-sm text-sky-900" role="status">
          No learning has all of these words, so these have some of them.
        </p>
      ) : null}
      {total === 0 ? (
        <p className="card text-slate-700">Nothing in the archive matches. Try fewer or different words, or remove a filter.</p>
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
              {/* The snippet often starts with the summary: show it once. */}
              {l.summary && !unmarked(l.snippet).startsWith(l.summary) ? <p className="mt-1 text-sm">{l.summary}</p> : null}
              {l.snippet ? (
                <p className="mt-2 text-sm text-slate-700">
                  {mode === "browse" ? <strong>What did not work: </strong> : null}
                  <Highlighted text={l.snippet} />
                </p>
              ) : null}
              {l.metricName ? (
                <p className="mt-2 text-sm text-slate-700">
                  <strong>AI metric:</strong> {l.metricName}: {metricLine(l)}
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
          {page > 1 ? (
            <Link to={searchHref(filters, { page: page - 1 })} rel="prev" className="btn-secondary">
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-sm text-slate-700">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link to={searchHref(filters, { page: page + 1 })} rel="next" className="btn-secondary">
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

function Overview({ overview }: { overview: NonNullable<LoaderData["overview"]> }) {
  const { outcomeCounts, total, rootCauseCounts, closedEventCount, closedEvents, recent } = overview;
  const maxCause = Math.max(1, ...rootCauseCounts.map((r) => r.n));
  return (
    <>
      <section aria-labelledby="outcomes-heading" className="space-y-3">
        <h2 id="outcomes-heading" className="h2">
          {count(total)} {total === 1 ? "learning" : "learnings"} from {count(closedEventCount)} past {closedEventCount === 1 ? "event" : "events"}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          {outcomes.map((o) => (
            <li key={o} className="card">
              <Link to={`/archive?outcome=${o}`} className="block no-underline">
                <span className="block text-2xl font-bold text-slate-900">{count(outcomeCounts[o])}</span>
                <span className="text-sm">{outcomeLabels[o]}s</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="causes-heading" className="card space-y-3">
        <h2 id="causes-heading" className="h2">
          What usually goes wrong
        </h2>
        <p className="text-sm text-slate-700">Root causes named in post-mortems across all past events.</p>
        <ul className="space-y-2">
          {rootCauseCounts.map(({ cause, n }) => (
            <li key={cause} className="grid grid-cols-[10rem_1fr_3rem] items-center gap-3 text-sm">
              <Link to={`/archive?rootCause=${cause}`}>{rootCauseLabels[cause]}</Link>
              <span className="h-4 rounded-sm bg-slate-100" aria-hidden="true">
                <span className="block h-4 rounded-sm bg-indigo-600" style={{ width: `${(n / maxCause) * 100}%` }} />
              </span>
              <span className="text-right tabular-nums">{count(n)}</span>
            </li>
          ))}
        </ul>
      </section>

      <ProductionFigures production={overview.production} total={total} />

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="recent-heading" className="space-y-3">
          <h2 id="recent-heading" className="h2">
            Recent learnings
          </h2>
          {recent.length === 0 ? (
            <p className="card text-slate-700">No event has published its results yet.</p>
          ) : (
            <ul className="space-y-3">
              {recent.map((l) => (
                <li key={l.id} className="card">
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <Link to={`/events/${l.eventSlug}/entries/${l.id}`} className="font-semibold">
                      {l.title || "Untitled entry"}
                    </Link>
                    <OutcomeBadge outcome={l.outcome} />
                  </div>
                  <AwardBadges awards={l.awards} className="mt-2" />
                  {l.lesson ? (
                    <p className="mt-1 text-sm text-slate-700">
                      <strong>Would do differently:</strong> {l.lesson}
                    </p>
                  ) : null}
                  <p className="mt-1 text-xs text-slate-600">
                    {l.eventTitle}
                    {l.rootCause ? ` · Root cause: ${rootCauseLabels[l.rootCause]}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="events-heading" className="space-y-3">
          <h2 id="events-heading" className="h2">
            Past events
          </h2>
          {closedEventCount > closedEvents.length ? (
            <p className="text-sm text-slate-700">
              The {closedEvents.length} most recent of {closedEventCount}. Every past event is in the Event filter above.
            </p>
          ) : null}
          {closedEvents.length === 0 ? (
            <p className="card text-slate-700">No past events yet.</p>
          ) : (
            <ul className="space-y-3">
              {closedEvents.map((e) => (
                <li key={e.slug} className="card">
                  <Link to={`/events/${e.slug}`} className="font-semibold">
                    {e.title}
                  </Link>
                  <p className="text-xs text-slate-600">Started {formatInZone(new Date(e.startsAt * 1000), e.timezone)}</p>
                  <p className="mt-1 text-sm text-slate-700">
                    {count(e.working)} working · {count(e.partial)} partial · {count(e.failed)} failed
                  </p>
                  <p className="mt-1 flex flex-wrap gap-3 text-sm">
                    <Link to={`/archive?event=${e.slug}`}>Its learnings</Link>
                    <Link to={`/events/${e.slug}/digest`}>Learnings digest</Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

/** What happened next (ADR 030): how many attempts reached production, and why the others did not. */
function ProductionFigures({ production, total }: { production: NonNullable<LoaderData["overview"]>["production"]; total: number }) {
  const { answered, reached, notReachedByCause } = production;
  const maxCause = Math.max(1, ...notReachedByCause.map((r) => r.n));
  return (
    <section aria-labelledby="production-heading" className="card space-y-3">
      <h2 id="production-heading" className="h2">
        What happened next
      </h2>
      {answered === 0 ? (
        <p className="text-sm text-slate-700">No team has recorded a follow-up yet. Teams are asked 30 and 90 days after their event closes.</p>
      ) : (
        <>
          <p>
            <Link to="/archive?production=true" className="font-semibold">
              {count(reached)} {reached === 1 ? "attempt" : "attempts"} reached production
            </Link>{" "}
            of {count(answered)} with a follow-up ({count(total - answered)} not followed up yet).
          </p>
          <h3 className="text-sm font-semibold text-slate-700">Did not reach production, by root cause</h3>
          {notReachedByCause.length === 0 ? (
            <p className="text-sm text-slate-700">Every attempt with a follow-up reached production.</p>
          ) : (
            <ul className="space-y-2">
              {notReachedByCause.map(({ rootCause, n }) => (
                <li key={rootCause} className="grid grid-cols-[10rem_1fr_3rem] items-center gap-3 text-sm">
                  <Link to={`/archive?rootCause=${rootCause}`}>{rootCauseLabels[rootCause]}</Link>
                  <span className="h-4 rounded-sm bg-slate-100" aria-hidden="true">
                    <span className="block h-4 rounded-sm bg-slate-500" style={{ width: `${(n / maxCause) * 100}%` }} />
                  </span>
                  <span className="text-right tabular-nums">{count(n)}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="text-xs text-slate-600">“{WENT_TO_PRODUCTION}” counts an attempt whose latest follow-up says adopted in production.</p>
        </>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
