// The organizer dashboard's numbers: entries by outcome, judging progress and the state of every score sheet.
import { sql } from "drizzle-orm";
import type { Outcome } from "#db/schema";
import { db } from "~/db.server";
import { formatInZone, relativeTime } from "~/lib/time";
import { entryGapLine, judgeGapLine, sheetStatus, type SheetStatus } from "~/modules/judging/sheets";
import { asRound } from "~/modules/judging/rounds";
import type { EventRow } from "./events.server";
import type { JudgingGaps } from "./phases";

type JudgingProgress = { done: number; due: number };

/** judgingRound: the event's current round (ADR 038); absent = round 1. */
type RoundEvent = { id: string; judgesPerEntry: number | null; judgingRound?: number };

/**
 * The top of the Manage page: entries by outcome, judging progress, the score sheets once judging has started,
 * and the deadlines in the event's time zone with how far off they are.
 */
export async function eventDashboard(event: EventRow, now: Date) {
  const [outcomes, progress, sheets] = await Promise.all([
    entryOutcomes(event.id),
    judgingProgress(event),
    event.phase === "judging" || event.phase === "closed" ? judgingSheets(event) : Promise.resolve(null),
  ]);
  const deadlines = (
    [
      ["Start", event.startsAt],
      ["Submission deadline", event.submissionDeadline],
      ["Judging deadline", event.judgingDeadline],
    ] as const
  ).map(([label, at]) => ({
    label,
    at: formatInZone(at, event.timezone),
    // Results published before a deadline: counting down to it would say something is still to come.
    relative: event.phase === "closed" && at > now ? "not needed: results are published" : relativeTime(at, now),
    past: at <= now || event.phase === "closed",
  }));
  return { outcomes, progress, sheets, deadlines };
}

/**
 * The current round's expected (entry, judge) pairs as SQL over `entries e` and a judge row `j` with user_id:
 * round 1's judges (assigned ones when the event sets judges per entry), or the final round's judges and finalists.
 */
function roundPairs(event: RoundEvent) {
  const round = asRound(event.judgingRound);
  const judges = round === 2 ? sql`final_judges` : sql`event_judges`;
  const assigned =
    round === 2
      ? sql`exists(select 1 from finalists f where f.entry_id = e.id and f.decision <> 'removed')`
      : event.judgesPerEntry === null
        ? sql`1`
        : sql`exists(select 1 from judge_assignments a where a.entry_id = e.id and a.judge_id = j.user_id)`;
  return { round, judges, assigned };
}

/**
 * Scores done ÷ scores due in the current round (ADR 038: the final round counts its finalists, judges and rubric).
 * Due = for every submitted entry, each judge who should score it (every judge, or the
 * assigned ones when the event sets judges per entry; never a member of the entry's team or a judge who declared
 * a conflict) × the rubric's criteria. Done = the score rows among those.
 */
async function judgingProgress(event: RoundEvent): Promise<JudgingProgress> {
  const { round, judges, assigned } = roundPairs(event);
  const rows = await db.all<{ pairs: number; criteria: number; done: number }>(sql`
    with pairs as (
      select e.id as entry_id, j.user_id as judge_id
      from entries e
      join ${judges} j on j.event_id = e.event_id
      where e.event_id = ${event.id} and e.status = 'submitted'
        and ${assigned}
        and not exists(select 1 from team_members m where m.team_id = e.team_id and m.user_id = j.user_id)
        and not exists(select 1 from judge_conflicts k where k.entry_id = e.id and k.judge_id = j.user_id)
    )
    select
      (select count(*) from pairs) as pairs,
      (select count(*) from criteria c where c.event_id = ${event.id} and c.round = ${round}) as criteria,
      (select count(*) from scores s join pairs p on p.entry_id = s.entry_id and p.judge_id = s.judge_id
        join criteria c on c.id = s.criterion_id and c.event_id = ${event.id} and c.round = ${round}) as done
  `);
  const r = rows[0] ?? { pairs: 0, criteria: 0, done: 0 };
  return { done: Number(r.done), due: Number(r.pairs) * Number(r.criteria) };
}

type OutcomeCounts = Record<Outcome | "none", number> & { drafts: number };

/** Submitted entries per outcome, and entries still in draft. */
async function entryOutcomes(eventId: string): Promise<OutcomeCounts> {
  const rows = await db.all<{ status: string; outcome: Outcome | null; n: number }>(sql`
    select status, outcome, count(*) as n from entries where event_id = ${eventId} group by status, outcome
  `);
  const counts: OutcomeCounts = { working: 0, partial: 0, failed: 0, none: 0, drafts: 0 };
  for (const r of rows) {
    if (r.status !== "submitted") counts.drafts += Number(r.n);
    else counts[r.outcome ?? "none"] += Number(r.n);
  }
  return counts;
}

/**
 * Every expected score sheet of the event and how far it got (see judging/sheets.ts). Expected pairs are the ones
 * judgingProgress counts; values of criteria outside the rubric or from a conflicted judge never count.
 */
export async function judgingSheets(event: RoundEvent): Promise<SheetStatus> {
  const { round, judges, assigned } = roundPairs(event);
  const inRound = round === 2 ? sql`and exists(select 1 from finalists f where f.entry_id = e.id and f.decision <> 'removed')` : sql``;
  const [entryRows, judgeRows, pairRows, [{ criteria }]] = await Promise.all([
    db.all<{ id: string; title: string }>(
      sql`select e.id, e.title from entries e where e.event_id = ${event.id} and e.status = 'submitted' ${inRound} order by e.title, e.id`,
    ),
    db.all<{ id: string; name: string }>(
      sql`select u.id, u.name from ${judges} j join users u on u.id = j.user_id where j.event_id = ${event.id} order by u.name, u.id`,
    ),
    db.all<{ entryId: string; judgeId: string; count: number }>(sql`
      select e.id as entryId, j.user_id as judgeId,
        (select count(*) from scores s join criteria c on c.id = s.criterion_id and c.event_id = ${event.id} and c.round = ${round}
          where s.entry_id = e.id and s.judge_id = j.user_id) as count
      from entries e
      join ${judges} j on j.event_id = e.event_id
      where e.event_id = ${event.id} and e.status = 'submitted'
        and ${assigned}
        and not exists(select 1 from team_members m where m.team_id = e.team_id and m.user_id = j.user_id)
        and not exists(select 1 from judge_conflicts k where k.entry_id = e.id and k.judge_id = j.user_id)
    `),
    db.all<{ criteria: number }>(sql`select count(*) as criteria from criteria where event_id = ${event.id} and round = ${round}`),
  ]);
  const expected = new Map<string, string[]>();
  for (const p of pairRows) expected.set(p.entryId, [...(expected.get(p.entryId) ?? []), p.judgeId]);
  return sheetStatus({
    entries: entryRows,
    judges: judgeRows,
    expected,
    scored: pairRows.map((p) => ({ ...p, count: Number(p.count) })),
    criterionCount: Number(criteria),
  });
}

/** The publish step's view of the sheets: counts and one line per entry and per judge with a gap. */
export function judgingGaps(status: SheetStatus): JudgingGaps {
  return {
    expectedSheets: status.expected,
    completeSheets: status.complete,
    entryLines: status.entriesWithGaps.map((e) => entryGapLine(e, status.criterionCount)),
    judgeLines: status.judgesWithGaps.map(judgeGapLine),
    submittedEntries: status.byEntry.length,
  };
}
