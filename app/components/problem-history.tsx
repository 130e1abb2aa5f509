import { Link } from "~/components/link";
import { metricLine } from "~/modules/archive/metric-line";
import type { ProblemHistory } from "~/modules/archive/history.server";
import { rootCauseLabels } from "~/modules/entries/labels";
import { OutcomeBadge } from "./badges";
import { FollowUpBadge } from "./follow-up-badge";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line for the "tried before" link: how many attempts in how many past events. */
export function historySummary(h: { attempts: number; events: number }) {
  return `${plural(h.attempts, "attempt")} in ${plural(h.events, "past event")}`;
}

/**
 * A problem tried in other events: every attempt, its outcome and metric, and the best result so far. Seen from a past
 * event's problem, the attempts of events after it are listed apart, as tried since.
 */
export function ProblemHistorySection({ history }: { history: ProblemHistory }) {
  const { attempts, best } = history;
  const before = attempts.filter((a) => !a.since);
  const since = attempts.filter((a) => a.since);
  const events = (list: typeof attempts) => new Set(list.map((a) => a.eventSlug)).size;
  const summary = since.length
    ? `The same problem was posted in other events: ${before.length ? `${historySummary({ attempts: before.length, events: events(before) })} before this one, and ` : ""}${plural(since.length, "attempt")} in ${plural(events(since), "event")} since`
    : `The same problem was posted before: ${historySummary({ attempts: attempts.length, events: history.events })}`;
  return (
    <section id="history" aria-labelledby="history-h" className="card scroll-mt-4 space-y-3">
      <h2 id="history-h" className="h2">
        {since.length ? "Tried in other events" : "Tried before"}
      </h2>
      <p className="text-sm text-slate-700">
        {summary}
        {history.reachedProduction ? `; ${history.reachedProduction} reached production` : ""}.
      </p>
      {best ? (
        <p className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          <strong>Best AI metric result so far:</strong> {best.metricName ? `${best.metricName}: ` : ""}
          {metricLine(best)}
          {best.metricToday ? " (measured after the event, in a follow-up)" : ""}, by “{best.title || "Untitled entry"}” ({best.eventTitle}).
        </p>
      ) : (
        <p className="text-sm text-slate-700">No attempt measured its AI metric against a baseline and target yet.</p>
      )}
      {since.length && before.length ? (
        <>
          <h3 className="font-semibold">Since this event</h3>
          <Attempts attempts={since} />
          <h3 className="font-semibold">Before this event</h3>
          <Attempts attempts={before} />
        </>
      ) : (
        <Attempts attempts={attempts} />
      )}
    </section>
  );
}

function Attempts({ attempts }: { attempts: ProblemHistory["attempts"] }) {
  return (
    <ol className="space-y-2">
      {attempts.map((a) => (
        <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 border-t border-slate-100 pt-2 first:border-0 first:pt-0">
          <span>
            <Link to={`/events/${a.eventSlug}/entries/${a.id}`} className="font-medium">
              {a.title || "Untitled entry"}
            </Link>
            <span className="block text-xs text-slate-600">
              {a.eventTitle} · {a.teamName}
              {a.rootCause ? ` · Root cause: ${rootCauseLabels[a.rootCause]}` : ""}
            </span>
            {a.metricName ? (
              <span className="block text-xs text-slate-700">
                AI metric: {a.metricName}: {metricLine(a)}
              </span>
            ) : null}
          </span>
          <span className="flex flex-wrap gap-2">
            <OutcomeBadge outcome={a.outcome} />
            {a.followUpStatus ? <FollowUpBadge status={a.followUpStatus} /> : null}
          </span>
        </li>
      ))}
    </ol>
  );
}
