// Figures for the archive home: what the company has tried, how it went, and what usually goes wrong.
import { sql } from "drizzle-orm";
import { outcomes, rootCauses, type Outcome, type RootCause } from "#db/schema";
import { db } from "~/db.server";

const VISIBLE = sql`ev.phase = 'closed' and e.status = 'submitted'`;

export async function archiveOverview() {
  const [byOutcome, byRootCause, closedEvents, recent, years] = await Promise.all([
    db.all<{ outcome: Outcome | null; n: number }>(sql`
      select e.outcome, count(*) as n from entries e join events ev on ev.id = e.event_id where ${VISIBLE} group by e.outcome`),
    db.all<{ rootCause: RootCause | null; n: number }>(sql`
      select e.pm_root_cause as rootCause, count(*) as n from entries e join events ev on ev.id = e.event_id
      where ${VISIBLE} and e.pm_root_cause is not null group by e.pm_root_cause`),
    db.all<{ slug: string; title: string; startsAt: number; timezone: string; working: number; partial: number; failed: number }>(sql`
      select ev.slug, ev.title, ev.starts_at as startsAt, ev.timezone,
        sum(e.outcome = 'working') as working, sum(e.outcome = 'partial') as partial, sum(e.outcome = 'failed') as failed
      from events ev left join entries e on e.event_id = ev.id and e.status = 'submitted'
      where ev.phase = 'closed' group by ev.id order by ev.starts_at desc`),
    db.all<{ id: string; title: string; outcome: Outcome | null; rootCause: RootCause | null; lesson: string; eventSlug: string; eventTitle: string }>(sql`
      select e.id, e.title, e.outcome, e.pm_root_cause as rootCause, substr(e.pm_differently, 1, 220) as lesson, ev.slug as eventSlug, ev.title as eventTitle
      from entries e join events ev on ev.id = e.event_id
      where ${VISIBLE} order by ev.judging_deadline desc, e.submitted_at desc, e.id limit 6`),
    db.all<{ year: string }>(sql`select distinct strftime('%Y', starts_at, 'unixepoch') as year from events where phase = 'closed' order by year desc`),
  ]);
  const outcomeCounts = Object.fromEntries(outcomes.map((o) => [o, byOutcome.find((r) => r.outcome === o)?.n ?? 0])) as Record<Outcome, number>;
  const rootCauseCounts = rootCauses
    .map((cause) => ({ cause, n: byRootCause.find((r) => r.rootCause === cause)?.n ?? 0 }))
    .sort((a, b) => b.n - a.n || rootCauses.indexOf(a.cause) - rootCauses.indexOf(b.cause));
  return {
    outcomeCounts,
    total: outcomes.reduce((sum, o) => sum + outcomeCounts[o], 0),
    rootCauseCounts,
    closedEvents: closedEvents.map((e) => ({ ...e, working: e.working ?? 0, partial: e.partial ?? 0, failed: e.failed ?? 0 })),
    recent,
    years: years.map((y) => Number(y.year)),
  };
}

/** Tags used in the archive, most used first, for the tag filter's suggestions. */
export async function archiveTags(limit = 40) {
  const rows = await db.all<{ tags: string }>(sql`
    select e.tags from entries e join events ev on ev.id = e.event_id
    where ${VISIBLE} and e.tags <> '' order by ev.starts_at desc limit 2000`);
  const counts = new Map<string, number>();
  for (const r of rows) for (const t of r.tags.split(",")) {
    const tag = t.trim();
    if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([tag]) => tag);
}
