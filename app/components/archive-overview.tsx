// The archive's home below the search form: how past attempts went, what usually goes wrong, what happened
// next, and the latest learnings and events.
import { Link } from "~/components/link";
import { cssPercent } from "~/lib/css-percent";
import type { HomeFigures } from "~/modules/archive/home.server";
import { rootCauseLabels } from "~/modules/entries/labels";
import { WENT_TO_PRODUCTION } from "~/modules/follow-ups/words";
import { AwardBadges, OutcomeBadge } from "./badges";

/** Counts as people read them: 20,000, not 20000. */
export const count = (n: number) => n.toLocaleString("en");

export function ArchiveOverview({ overview }: { overview: HomeFigures }) {
  const { outcomeCards, total, rootCauseCounts, closedEventCount, closedEvents, recent } = overview;
  const maxCause = Math.max(1, ...rootCauseCounts.map((r) => r.n));
  return (
    <>
      <section aria-labelledby="outcomes-heading" className="space-y-3">
        <h2 id="outcomes-heading" className="h2">
          {count(total)} {total === 1 ? "learning" : "learnings"} from {count(closedEventCount)} past {closedEventCount === 1 ? "event" : "events"}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-3">
          {outcomeCards.map(({ outcome, label, n }) => (
            <li key={outcome} className="card">
              <Link to={`/archive?outcome=${outcome}`} className="block no-underline">
                <span className="block text-2xl font-bold text-slate-900">{count(n)}</span>
                <span className="text-sm">{label}</span>
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
                <span className="block h-4 rounded-sm bg-indigo-600" style={{ width: cssPercent(n / maxCause) }} />
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
                  <p className="text-xs text-slate-600">Started {e.started}</p>
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
function ProductionFigures({ production, total }: { production: HomeFigures["production"]; total: number }) {
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
            Of {count(answered)} {answered === 1 ? "attempt" : "attempts"} with a follow-up,{" "}
            <Link to="/archive?production=true" className="font-semibold">
              {count(reached)} reached production
            </Link>
            ; {count(total - answered)} more {total - answered === 1 ? "has" : "have"} no follow-up yet.
          </p>
          <h3 className="text-sm font-semibold text-slate-700">Did not reach production, by root cause</h3>
          {notReachedByCause.length === 0 ? (
            <p className="text-sm text-slate-700">Every attempt with a follow-up reached production.</p>
          ) : (
            <ul className="space-y-2">
              {notReachedByCause.map(({ rootCause, n }) => (
                <li key={rootCause} className="grid grid-cols-[10rem_1fr_3rem] items-center gap-3 text-sm">
                  {/* The attempts counted: followed up, not in production, of this root cause. */}
                  <Link to={`/archive?rootCause=${rootCause}&production=no`}>{rootCauseLabels[rootCause]}</Link>
                  <span className="h-4 rounded-sm bg-slate-100" aria-hidden="true">
                    <span className="block h-4 rounded-sm bg-slate-500" style={{ width: cssPercent(n / maxCause) }} />
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
