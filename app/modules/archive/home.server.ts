// Figures for the archive home: what the company has tried, how it went, and what usually goes wrong.
import { sql } from "drizzle-orm";
import { outcomes, rootCauses, type Outcome, type RootCause } from "#db/schema";
import { db } from "~/db.server";
import { formatInZone } from "~/lib/time";
import { outcomeLabels, rootCauseLabels } from "~/modules/entries/labels";
import { LATEST_STATUS_OF_E, NOT_IN_PRODUCTION_OF_E, WENT_TO_PRODUCTION_OF_E } from "~/modules/follow-ups/latest.server";
import { awardsByEntry } from "~/modules/judging/entry-awards.server";
import { currentEventSlug } from "~/modules/events/events.server";
import { archiveCache, type ArchiveCache } from "./cache.server";
import { activeFilters, clearFiltersHref, isSearching, searchHref } from "./filters";
import { metricLine } from "./metric-line";
import { unmarked } from "./query";
import { searchArchive, VISIBLE, type ArchiveFilters, type SearchResult } from "./search.server";

// "Recent" means the last few closed events: reading only their entries keeps the home page's cost
// independent of the archive's size.
const LATEST_CLOSED = sql`select id from events where phase = 'closed' order by judging_deadline desc limit 3`;

/**
 * What every archive page shows around the results: filter choices, tag suggestions and, on the home,
 * the figures. They come from closed events only, so they are cached until the archive's version moves.
 */
export async function archiveContext(cache: ArchiveCache, withOverview: boolean) {
  const [facets, tags, overview] = await Promise.all([
    cache.get("facets", computeFacets),
    cache.get("tags", () => computeTags()),
    withOverview ? cache.get("overview", computeOverview) : null,
  ]);
  return { facets, tags, overview };
}

/**
 * Everything an archive page shows for its URL's filters: the context, the filters that are on as chips with the
 * links that remove them (worked out here, not in the browser: ADR 043) and, when something is searched for, the
 * results. The home's figures cost the most, so a search page does not compute them.
 */
export async function archivePage(asked: ArchiveFilters) {
  const searching = isSearching(asked);
  const cache = await archiveCache();
  const { facets, tags, overview } = await archiveContext(cache, !searching);
  const closedEvents = new Map(facets.closedEvents.map((e) => [e.slug, e.title]));
  // A link to a closed event's earlier web address (ADR 062) filters by that event. Looked up only for a slug no
  // closed event has now, and used only when it leads to one: the archive names no other event.
  const current = asked.event && !closedEvents.has(asked.event) ? await currentEventSlug(asked.event) : null;
  const filters = current && closedEvents.has(current) ? { ...asked, event: current } : asked;
  const result = searching ? await searchArchive(cache, filters) : null;
  const active = activeFilters(filters, closedEvents);
  return { filters, facets, choices, tags, overview, result: result && resultsView(filters, result), active, clearFiltersHref: clearFiltersHref(filters) };
}

/** What the outcome and root-cause filters offer, in the form's order. */
const choices = {
  outcome: outcomes.map((value) => ({ value, label: outcomeLabels[value] })),
  rootCause: rootCauses.map((value) => ({ value, label: rootCauseLabels[value] })),
};

/** A page of results with its links and each card's lines as the page shows them. */
function resultsView(filters: ArchiveFilters, result: SearchResult) {
  return {
    ...result,
    // What a card shows, and no more: the AI metric as its line, the summary only where it is shown.
    learnings: result.learnings.map(({ metricName, metricUnit, metricBaseline, metricTarget, metricResult, summary, ...l }) => {
      // The snippet often starts with the summary: it is shown once.
      const showSummary = Boolean(summary) && !unmarked(l.snippet).startsWith(summary);
      return {
        ...l,
        metric: metricName ? `${metricName}: ${metricLine({ metricUnit, metricBaseline, metricTarget, metricResult })}` : null,
        showSummary,
        summary: showSummary ? summary : "",
      };
    }),
    links: {
      suggestion: result.suggestion ? searchHref(filters, { q: result.suggestion.q, page: 1 }) : null,
      // A page past the end (an old link, a typed number) leads back to the last page, never to the empty one before it.
      previous: result.page > 1 ? searchHref(filters, { page: Math.min(result.page - 1, result.pageCount) }) : null,
      next: result.page < result.pageCount ? searchHref(filters, { page: result.page + 1 }) : null,
      last: result.page > result.pageCount && result.total > 0 ? searchHref(filters, { page: result.pageCount }) : null,
    },
  };
}

export type ResultsView = ReturnType<typeof resultsView>;

/** What the archive home shows below the search form. */
export type HomeFigures = Awaited<ReturnType<typeof computeOverview>>;

/** The home lists this many past events; the event filter offers all of them. */
export const HOME_EVENTS = 10;

async function computeOverview() {
  const [byOutcome, byRootCause, [{ closedEventCount }], closedEvents, recent, production] = await Promise.all([
    db.all<{ outcome: Outcome | null; n: number }>(sql`
      select e.outcome, count(*) as n from entries e join events ev on ev.id = e.event_id where ${VISIBLE} group by e.outcome`),
    db.all<{ rootCause: RootCause | null; n: number }>(sql`
      select e.post_mortem_root_cause as rootCause, count(*) as n from entries e join events ev on ev.id = e.event_id
      where ${VISIBLE} and e.post_mortem_root_cause is not null group by e.post_mortem_root_cause`),
    db.all<{ closedEventCount: number }>(sql`select count(*) as closedEventCount from events where phase = 'closed'`),
    db.all<{ slug: string; title: string; startsAt: number; timezone: string; working: number; partial: number; failed: number }>(sql`
      select ev.slug, ev.title, ev.starts_at as startsAt, ev.timezone,
        sum(e.outcome = 'working') as working, sum(e.outcome = 'partial') as partial, sum(e.outcome = 'failed') as failed
      from events ev left join entries e on e.event_id = ev.id and e.status = 'submitted'
      where ev.id in (select id from events where phase = 'closed' order by starts_at desc, slug limit ${HOME_EVENTS})
      group by ev.id order by ev.starts_at desc, ev.slug`),
    db.all<{ id: string; title: string; outcome: Outcome | null; rootCause: RootCause | null; lesson: string; eventSlug: string; eventTitle: string }>(sql`
      select e.id, e.title, e.outcome, e.post_mortem_root_cause as rootCause, substr(e.post_mortem_differently, 1, 220) as lesson, ev.slug as eventSlug, ev.title as eventTitle
      from entries e join events ev on ev.id = e.event_id
      where ${VISIBLE} and e.event_id in (${LATEST_CLOSED})
      order by ev.judging_deadline desc, e.submitted_at desc, e.id limit 6`),
    computeProduction(),
  ]);
  const outcomeCounts = Object.fromEntries(outcomes.map((o) => [o, byOutcome.find((r) => r.outcome === o)?.n ?? 0])) as Record<Outcome, number>;
  const rootCauseCounts = rootCauses
    .map((cause) => ({ cause, n: byRootCause.find((r) => r.rootCause === cause)?.n ?? 0 }))
    .sort((a, b) => b.n - a.n || rootCauses.indexOf(a.cause) - rootCauses.indexOf(b.cause));
  const awards = await awardsByEntry(recent.map((l) => l.id));
  return {
    // In the outcomes' order, with their words, so the page's JavaScript needs neither list (ADR 043).
    outcomeCards: outcomes.map((outcome) => ({ outcome, label: `${outcomeLabels[outcome]}s`, n: outcomeCounts[outcome] })),
    total: outcomes.reduce((sum, o) => sum + outcomeCounts[o], 0),
    rootCauseCounts,
    closedEventCount,
    // When each started, as words: the page's JavaScript then carries no time formatting (ADR 043).
    closedEvents: closedEvents.map(({ startsAt, timezone, ...e }) => ({
      ...e,
      started: formatInZone(new Date(startsAt * 1000), timezone),
      working: e.working ?? 0,
      partial: e.partial ?? 0,
      failed: e.failed ?? 0,
    })),
    recent: recent.map((l) => ({ ...l, awards: awards[l.id] ?? [] })),
    production,
  };
}

/**
 * What happened next (ADR 030): of the attempts with a follow-up, how many reached production (their latest answer
 * says adopted), and the root causes of those that did not.
 */
async function computeProduction() {
  const [[{ answered, reached }], byCause] = await Promise.all([
    db.all<{ answered: number; reached: number | null }>(sql`
      select count(*) as answered, sum(${WENT_TO_PRODUCTION_OF_E}) as reached
      from entries e join events ev on ev.id = e.event_id where ${VISIBLE} and ${LATEST_STATUS_OF_E} is not null`),
    db.all<{ rootCause: RootCause; n: number }>(sql`
      select e.post_mortem_root_cause as rootCause, count(*) as n
      from entries e join events ev on ev.id = e.event_id
      where ${VISIBLE} and ${NOT_IN_PRODUCTION_OF_E} and e.post_mortem_root_cause is not null group by e.post_mortem_root_cause`),
  ]);
  return {
    answered,
    reached: reached ?? 0,
    notReachedByCause: byCause.sort((a, b) => b.n - a.n || rootCauses.indexOf(a.rootCause) - rootCauses.indexOf(b.rootCause)),
  };
}

/** Tags used in the latest closed events, most used first, for the tag filter's suggestions. */
async function computeTags(limit = 40) {
  const rows = await db.all<{ tags: string }>(sql`
    select e.tags from entries e join events ev on ev.id = e.event_id
    where ${VISIBLE} and e.tags <> '' and e.event_id in (${LATEST_CLOSED})`);
  const counts = new Map<string, number>();
  for (const r of rows)
    for (const t of r.tags.split(",")) {
      const tag = t.trim();
      if (tag) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([tag]) => tag);
}

/** What the search form's selects offer: closed events and their years. */
async function computeFacets() {
  const closedEvents = await db.all<{ slug: string; title: string; startsAt: number }>(sql`
    select slug, title, starts_at as startsAt from events where phase = 'closed' order by starts_at desc, slug`);
  const years = [...new Set(closedEvents.map((e) => new Date(e.startsAt * 1000).getUTCFullYear()))];
  return { closedEvents: closedEvents.map(({ slug, title }) => ({ slug, title })), years };
}
