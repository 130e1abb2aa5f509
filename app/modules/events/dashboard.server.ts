// The organizer dashboard's numbers: entries by outcome, judging progress and the state of every score sheet.
import { sql } from "drizzle-orm";
import type { Outcome } from "#db/schema";
import { db } from "~/db.server";
import { entryGapLine, judgeGapLine, sheetStatus, type SheetStatus } from "~/modules/judging/sheets";
import type { JudgingGaps } from "./phases";

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

/**
 * Every expected score sheet of the event and how far it got (see judging/sheets.ts). Expected pairs are the ones
 * judgingProgress counts; values of criteria outside the rubric or from a conflicted judge never count.
 */
export async function judgingSheets(event: { id: string; judgesPerEntry: number | null }): Promise<SheetStatus> {
  const assigned = event.judgesPerEntry === null ? sql`1` : sql`exists(select 1 from judge_assignments a where a.entry_id = e.id and a.judge_id = j.user_id)`;
  const [entryRows, judgeRows, pairRows, [{ criteria }]] = await Promise.all([
    db.all<{ id: string; title: string }>(sql`select id, title from entries where event_id = ${event.id} and status = 'submitted' order by title, id`),
    db.all<{ id: string; name: string }>(
      sql`select u.id, u.name from event_judges j join users u on u.id = j.user_id where j.event_id = ${event.id} order by u.name, u.id`,
    ),
    db.all<{ entryId: string; judgeId: string; count: number }>(sql`
      select e.id as entryId, j.user_id as judgeId,
        (select count(*) from scores s join criteria c on c.id = s.criterion_id and c.event_id = ${event.id}
          where s.entry_id = e.id and s.judge_id = j.user_id) as count
      from entries e
      join event_judges j on j.event_id = e.event_id
      where e.event_id = ${event.id} and e.status = 'submitted'
        and ${assigned}
        and not exists(select 1 from team_members m where m.team_id = e.team_id and m.user_id = j.user_id)
        and not exists(select 1 from judge_conflicts k where k.entry_id = e.id and k.judge_id = j.user_id)
    `),
    db.all<{ criteria: number }>(sql`select count(*) as criteria from criteria where event_id = ${event.id}`),
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
  };
}
