// A problem's history: the same problem in past (closed) events, copied or written with the same
// words, and every attempt at it with its outcome and AI metric (ADR 023).
import { sql } from "drizzle-orm";
import type { FollowUpStatus, Outcome, RootCause } from "#db/schema";
import { db } from "~/db.server";
import { LATEST_STATUS_OF_E } from "~/modules/follow-ups/latest.server";
import { bestMetricAttempt, latestResult, problemKey } from "./history";
import { VISIBLE } from "./search.server";

type Attempt = {
  id: string;
  title: string;
  teamName: string;
  outcome: Outcome | null;
  rootCause: RootCause | null;
  metricName: string;
  metricUnit: string;
  metricBaseline: string;
  metricTarget: string;
  metricResult: string;
  eventSlug: string;
  eventTitle: string;
  /** What became of it: its latest follow-up's answer, if any (ADR 030). */
  followUpStatus: FollowUpStatus | null;
  /** The AI metric's value its latest follow-up with one recorded, after the event; null without. */
  metricToday: string | null;
  /** Made in an event that started after the problem's own: tried again since, not before. */
  since: boolean;
};

export type ProblemHistory = {
  /** Every submitted entry on the same problem in other, closed events, newest event first. */
  attempts: Attempt[];
  /** How many past events posted it. */
  events: number;
  /**
   * The attempt whose latest measured value (a follow-up's, else the event's) went furthest toward its target, with
   * that value as its `metricResult`.
   */
  best: Attempt | null;
  /** How many attempts reached production (their latest follow-up says adopted). */
  reachedProduction: number;
};

/** The best attempt with the value that made it best as its result, for the line shown (`metricToday` says when). */
function bestOf(attempts: Attempt[]): Attempt | null {
  const best = bestMetricAttempt(attempts);
  return best && { ...best, metricResult: latestResult(best) };
}

/**
 * The problem's history in the archive, or null when no other closed event has an attempt at it. Seen from a past
 * event's problem, events after it are listed too, as tried since.
 */
export async function problemHistory(problem: { id: string; title: string; eventId: string }): Promise<ProblemHistory | null> {
  const key = problemKey(problem.title);
  if (!key) return null;
  // The archive's problems are few (hundreds for thousands of entries): comparing their keys here is
  // cheaper than keeping a normalized title column in step.
  const candidates = await db.all<{ id: string; title: string }>(sql`
    select p.id, p.title from problems p join events ev on ev.id = p.event_id where ev.phase = 'closed' and p.event_id <> ${problem.eventId}`);
  const same = candidates.filter((c) => problemKey(c.title) === key).map((c) => c.id);
  if (same.length === 0) return null;
  const rows = await db.all<Omit<Attempt, "since"> & { since: number }>(sql`
    select e.id, e.title, t.name as teamName, e.outcome, e.post_mortem_root_cause as rootCause,
      e.metric_name as metricName, e.metric_unit as metricUnit, e.metric_baseline as metricBaseline, e.metric_target as metricTarget, e.metric_result as metricResult,
      ev.slug as eventSlug, ev.title as eventTitle, ${LATEST_STATUS_OF_E} as followUpStatus,
      (select fu.metric_value from follow_ups fu where fu.entry_id = e.id and trim(fu.metric_value) <> '' order by fu.id desc limit 1) as metricToday,
      ev.starts_at > (select starts_at from events where id = ${problem.eventId}) as since
    from entries e join teams t on t.id = e.team_id join events ev on ev.id = e.event_id
    where t.problem_id in (${sql.join(
      same.map((id) => sql`${id}`),
      sql`, `,
    )}) and ${VISIBLE}
    order by ev.starts_at desc, e.submitted_at, e.id`);
  if (rows.length === 0) return null;
  const attempts = rows.map((r) => ({ ...r, since: Boolean(r.since) }));
  return {
    attempts,
    events: new Set(attempts.map((a) => a.eventSlug)).size,
    best: bestOf(attempts),
    reachedProduction: attempts.filter((a) => a.followUpStatus === "adopted").length,
  };
}

/** For the "have we tried this before?" panel: a link to the problem's history, when it has one. */
export async function historyLink(eventSlug: string, problemId: string): Promise<{ href: string; attempts: number; events: number } | null> {
  const [problem] = await db.all<{ id: string; title: string; eventId: string }>(
    sql`select id, title, event_id as eventId from problems where id = ${problemId}`,
  );
  const history = problem ? await problemHistory(problem) : null;
  return history ? { href: `/events/${eventSlug}/problems/${problemId}#history`, attempts: history.attempts.length, events: history.events } : null;
}
