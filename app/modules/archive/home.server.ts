// Figures for the archive home: what the company has tried, how it went, and what usually goes wrong.
import { sql } from "drizzle-orm";
import { outcomes, rootCauses, type Outcome, type RootCause } from "#db/schema";
import { db } from "~/db.server";
import { VISIBLE } from "./search.server";

// "Recent" means the last few closed events: reading only their entries keeps the home page's cost
// independent of the archive's size.
const LATEST_CLOSED = sql`select id from events where phase = 'closed' order by judging_deadline desc limit 3`;

type Overview = Awaited<ReturnType<typeof computeOverview>>;
type Cached = { key: string; overview?: Overview; tags?: string[]; facets?: Awaited<ReturnType<typeof computeFacets>> };
let cached: Cached = { key: "" };

/**
 * The archive's figures, tag suggestions and filter choices come from closed events only, whose
 * entries are read-only, so they change only when an event is closed or reopened (or deleted). They
 * are cached per process under a key of the newest phase change and the number of closed events:
 * one indexed lookup on every request, so several app processes never show stale figures.
 */
async function snapshot(): Promise<Cached> {
  const [{ key }] = await db.all<{ key: string }>(sql`
    select coalesce((select max(id) from phase_changes), 0) || ':' || (select count(*) from events where phase = 'closed') as key`);
  if (cached.key !== key) cached = { key };
  return cached;
}

/** What every archive page shows around the results: filter choices, tag suggestions and, on the home, the figures. */
export async function archiveContext(withOverview: boolean) {
  const c = await snapshot();
  c.facets ??= await computeFacets();
  c.tags ??= await computeTags();
  if (withOverview) c.overview ??= await computeOverview();
  return { facets: c.facets, tags: c.tags, overview: withOverview ? c.overview! : null };
}

async function computeOverview() {
  const [byOutcome, byRootCause, closedEvents, recent] = await Promise.all([
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
      where ${VISIBLE} and e.event_id in (${LATEST_CLOSED})
      order by ev.judging_deadline desc, e.submitted_at desc, e.id limit 6`),
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
  };
}

/** Tags used in the latest closed events, most used first, for the tag filter's suggestions. */
async function computeTags(limit = 40) {
  const rows = await db.all<{ tags: string }>(sql`
    select e.tags from entries e join events ev on ev.id = e.event_id
    where ${VISIBLE} and e.tags <> '' and e.event_id in (${LATEST_CLOSED})`);
  const counts = new Map<string, number>();
  for (const r of rows) for (const t of r.tags.split(",")) {
    const tag = t.trim();
    if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([tag]) => tag);
}

/** What the search form's selects offer: closed events and their years. */
async function computeFacets() {
  const closedEvents = await db.all<{ slug: string; title: string; startsAt: number }>(sql`
    select slug, title, starts_at as startsAt from events where phase = 'closed' order by starts_at desc`);
  const years = [...new Set(closedEvents.map((e) => new Date(e.startsAt * 1000).getUTCFullYear()))];
  return { closedEvents: closedEvents.map(({ slug, title }) => ({ slug, title })), years };
}
