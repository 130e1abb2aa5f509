// The organizer dashboard's numbers: entries by outcome and judging progress.
import { sql } from "drizzle-orm";
import type { Outcome } from "#db/schema";
import { db } from "~/db.server";

export type JudgingProgress = { done: number; due: number };

/**
 * Scores done ÷ scores due. Due = for every submitted entry, each judge who should score it (every judge, or the
 * assigned ones when the event sets judges per entry; never a member of the entry's team or a judge who declared
 * a conflict) × the rubric's criteria. Done = the score rows among those.
 */
export async function judgingProgress(event: { id: string; judgesPerEntry: number | null }): Promise<JudgingProgress> {
  const assigned = event.judgesPerEntry === null ? sql`1` : sql`exists(select 1 from judge_assignments a where a.entry_id = e.id and a.judge_id = j.user_id)`;
  const rows = await db.all<{ pairs: number; criteria: number; done: number }>(sql`
    with pairs as (
      select e.id as entry_id, j.user_id as judge_id
      from entries e
      join event_judges j on j.event_id = e.event_id
      where e.event_id = ${event.id} and e.status = 'submitted'
        and ${assigned}
        and not exists(select 1 from team_members m where m.team_id = e.team_id and m.user_id = j.user_id)
        and not exists(select 1 from judge_conflicts k where k.entry_id = e.id and k.judge_id = j.user_id)
    )
    select
      (select count(*) from pairs) as pairs,
      (select count(*) from criteria c where c.event_id = ${event.id}) as criteria,
      (select count(*) from scores s join pairs p on p.entry_id = s.entry_id and p.judge_id = s.judge_id
        join criteria c on c.id = s.criterion_id and c.event_id = ${event.id}) as done
  `);
  const r = rows[0] ?? { pairs: 0, criteria: 0, done: 0 };
  return { done: Number(r.done), due: Number(r.pairs) * Number(r.criteria) };
}

export type OutcomeCounts = Record<Outcome | "none", number> & { drafts: number };

/** Submitted entries per outcome, and entries still in draft. */
export async function entryOutcomes(eventId: string): Promise<OutcomeCounts> {
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
