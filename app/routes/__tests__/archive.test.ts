// The archive against a real database: FTS5 ranking, visibility, sync on change, filters, odd
// queries through the page's loader, related learnings and the digest.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { entries, eventPreviousSlugs, events, problems, teams, type Outcome, type RootCause } from "#db/schema";
import { db, dbClient } from "~/db.server";
import { env } from "~/env.server";
import { limits } from "~/lib/rate-limit.server";
import { HOME_EVENTS } from "~/modules/archive/home.server";
import { newId } from "~/lib/ids";
import { anyWordQuery, splitSnippet } from "~/modules/archive/query";
import { isStopword, stemOf, textTerms } from "~/modules/archive/relevance";
import {
  filtersFromUrl,
  PAGE_SIZE,
  problemSearchText,
  relatedLearnings,
  relatedToProblem,
  searchLearnings,
  type Learning,
  type RelatedLearning,
} from "~/modules/archive/search.server";
import { addProblem } from "~/modules/problems/problems.server";
import { loader as archiveLoader } from "~/routes/archive._index";
import { loader as relatedLoader } from "~/routes/events.$slug.problems.$problemId.related";
import { loader as suggestLoader } from "~/routes/archive.suggest";
import { loader as problemLoader } from "~/routes/events.$slug.problems.$problemId._index";
import { historyLink, problemHistory } from "~/modules/archive/history.server";
import { loader as digestLoader } from "~/routes/events.$slug.digest";
import { loader as digestMdLoader } from "~/routes/events.$slug.digest[.]md";
import { args, createOpenEvent, createUser, expectStatus, movePhase, problemInput, request, type TestUser } from "~/test/fixtures";

type EntryFields = Partial<typeof entries.$inferInsert> & { title: string };

/** A team and its entry on `problemId`, written straight to the tables (the entry rules are tested elsewhere). */
async function entryOn(eventId: string, problemId: string, creator: TestUser, fields: EntryFields) {
  const teamId = newId();
  await db.insert(teams).values({ id: teamId, eventId, problemId, name: `Team ${fields.title}`, inviteCode: newId(), leadId: creator.id });
  const id = newId();
  await db.insert(entries).values({ id, eventId, teamId, status: "submitted", summary: "", ...fields });
  return id;
}

/** Second-level headings and the whole text of a Markdown document. */
function parseDigest(text: string) {
  return { headings: [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]), body: text };
}

const search = (params: Record<string, string>) => searchLearnings(filtersFromUrl(new URLSearchParams(params)));
const ids = async (params: Record<string, string>) => (await search(params)).learnings.map((l) => l.id);

let organizer: TestUser;
let member: TestUser;
const world = {} as {
  closedSlug: string;
  closedProblemId: string;
  titleHit: string;
  bodyHit: string;
  failed: string;
  draftInClosed: string;
  inOpen: string;
  inDraftEvent: string;
  openProblemId: string;
};

beforeAll(async () => {
  organizer = await createUser({ role: "organizer" });
  member = await createUser();

  // A past event, closed, with a title match, a body match, a failed entry and a draft.
  const past = await createOpenEvent(organizer);
  world.closedProblemId = past.problem.id;
  world.titleHit = await entryOn(past.event.id, past.problem.id, organizer, {
    title: "Invoice matcher",
    outcome: "working",
    approach: "A rules engine and a small model.",
  });
  world.bodyHit = await entryOn(past.event.id, past.problem.id, organizer, {
    title: "Ticket router",
    outcome: "partial",
    postMortemDidNotWork: "It never learned which invoice a support ticket was about.",
    tags: "support, routing",
  });
  world.failed = await entryOn(past.event.id, past.problem.id, organizer, {
    title: "Dunning letter writer",
    outcome: "failed",
    postMortemRootCause: "data-missing-context",
    postMortemDidNotWork: "Overdue invoices had no contact history.",
    postMortemDifferently: "Join the CRM notes before prompting.",
    metricName: "Letters sent without edits",
    metricUnit: "%",
    metricBaseline: "0",
    metricTarget: "60",
    tags: "invoices, retrieval",
  });
  world.draftInClosed = await entryOn(past.event.id, past.problem.id, organizer, { title: "Invoice draft never sent", status: "draft" });
  await movePhase(past.event.id, organizer, "judging");
  const closed = await movePhase(past.event.id, organizer, "closed");
  world.closedSlug = closed.slug;

  // An open event and a draft event whose submitted entries mention invoices too.
  const open = await createOpenEvent(organizer);
  world.openProblemId = open.problem.id;
  world.inOpen = await entryOn(open.event.id, open.problem.id, organizer, { title: "Invoice bot of an open event", outcome: "working" });
  const hidden = await createOpenEvent(organizer);
  world.inDraftEvent = await entryOn(hidden.event.id, hidden.problem.id, organizer, { title: "Invoice bot of a draft event", outcome: "working" });
  await db.update(events).set({ phase: "draft" }).where(eq(events.id, hidden.event.id));
});

describe("archive search", () => {
  it("ranks a title match above a body match, and stems words (invoices finds invoice)", async () => {
    const found = await ids({ q: "invoice" });
    expect(found.indexOf(world.titleHit)).toBeGreaterThanOrEqual(0);
    expect(found.indexOf(world.titleHit)).toBeLessThan(found.indexOf(world.bodyHit));
    expect(found).toContain(world.failed);
  });

  it("never shows a draft entry, an entry of an open event or an entry of a draft event", async () => {
    const found = await ids({ q: "invoice" });
    expect(found).not.toContain(world.draftInClosed);
    expect(found).not.toContain(world.inOpen);
    expect(found).not.toContain(world.inDraftEvent);
    const browsing = await ids({ outcome: "working" });
    expect(browsing).toEqual([world.titleHit]);
  });

  it("carries each learning's AI metric", async () => {
    const [letter] = (await search({ q: "dunning" })).learnings;
    expect(letter).toMatchObject({
      id: world.failed,
      metricName: "Letters sent without edits",
      metricUnit: "%",
      metricBaseline: "0",
      metricTarget: "60",
      metricResult: "",
    });
  });

  it("highlights hits in the snippet and the title", async () => {
    const [first] = (await search({ q: "matcher" })).learnings;
    expect(first.titleMarked).toBe("Invoice \uE000matcher\uE001");
    const [body] = (await search({ q: "contact history" })).learnings;
    expect(body.snippet).toContain("\uE000contact\uE001 \uE000history\uE001");
  });

  it("supports prefixes, phrases, exclusions, and falls back to any word when no entry has all", async () => {
    expect(await ids({ q: "writ*" })).toEqual([world.failed]);
    expect(await ids({ q: '"which invoice"' })).toEqual([world.bodyHit]);
    expect(await ids({ q: '"invoice which"' })).toEqual([]);
    expect(await ids({ q: "invoice -overdue -router" })).toEqual([world.titleHit]);
    // As typed in other search boxes: NOT leaves a word out, AND joins.
    expect(await ids({ q: "invoice NOT overdue AND NOT router" })).toEqual([world.titleHit]);
    const fallback = await search({ q: "matcher zeppelin" });
    expect(fallback.mode).toBe("any");
    expect(fallback.learnings.map((l) => l.id)).toEqual([world.titleHit]);
  });

  it("filters by outcome, root cause, event, tag and year, and combines them with the words", async () => {
    expect(await ids({ q: "invoice", outcome: "failed" })).toEqual([world.failed]);
    expect(await ids({ rootCause: "data-missing-context" })).toEqual([world.failed]);
    expect(await ids({ rootCause: "model-capability" })).toEqual([]);
    expect(await ids({ tag: "Retrieval" })).toEqual([world.failed]);
    expect(await ids({ tag: "retriev" })).toEqual([]);
    expect((await ids({ event: world.closedSlug })).sort()).toEqual([world.titleHit, world.bodyHit, world.failed].sort());
    const year = String(new Date().getUTCFullYear());
    expect(await ids({ year, q: "router" })).toEqual([world.bodyHit]);
    expect(await ids({ year: "2001", q: "router" })).toEqual([]);
  });

  it("keeps the index in sync when an entry or its problem changes, and when an entry is deleted", async () => {
    await db.update(entries).set({ title: "Remittance reconciler" }).where(eq(entries.id, world.titleHit));
    expect(await ids({ q: "reconciler" })).toEqual([world.titleHit]);
    expect(await ids({ q: "matcher" })).toEqual([]);

    await db.update(problems).set({ title: "Quarterly zeppelin logistics" }).where(eq(problems.id, world.closedProblemId));
    expect((await ids({ q: "zeppelin" })).length).toBe(3);

    await db.delete(entries).where(eq(entries.id, world.titleHit));
    expect(await ids({ q: "reconciler" })).toEqual([]);
  });

  it("finds words whose stem is shorter than the typed prefix (evaluat* finds evaluation), without widening prefixes that work", async () => {
    const { event, problem } = await createOpenEvent(organizer);
    const evaluation = await entryOn(event.id, problem.id, organizer, { title: "Evaluation harness for answers", outcome: "partial" });
    const integration = await entryOn(event.id, problem.id, organizer, { title: "CRM integration shim", outcome: "partial" });
    const summary = await entryOn(event.id, problem.id, organizer, { title: "Summary writer", outcome: "partial" });
    const sum = await entryOn(event.id, problem.id, organizer, { title: "Sum checker", outcome: "partial" });
    await movePhase(event.id, organizer, "judging");
    await movePhase(event.id, organizer, "closed");

    expect(await ids({ q: "evaluat*" })).toContain(evaluation);
    expect(await ids({ q: "Integrat*" })).toContain(integration);
    expect(await ids({ q: "integrat* -evaluat*" })).toEqual([integration]);
    // "summar" starts the stored stem of "summary" itself: no expansion, so "sum" stays out.
    const summar = await ids({ q: "summar*" });
    expect(summar).toContain(summary);
    expect(summar).not.toContain(sum);
    expect(await ids({ q: "zzyzx*" })).toEqual([]);
  });

  it("indexes exactly the submitted entries of closed events, through closing, reopening and deleting an event", async () => {
    const indexed = async () => (await db.all<{ id: string }>(sql`select entry_id as id from learnings_fts order by entry_id`)).map((r) => r.id);
    const visible = async () =>
      (
        await db.all<{ id: string }>(
          sql`select e.id from entries e join events ev on ev.id = e.event_id where ev.phase = 'closed' and e.status = 'submitted' order by e.id`,
        )
      ).map((r) => r.id);
    const { event, problem } = await createOpenEvent(organizer);
    const submitted = await entryOn(event.id, problem.id, organizer, { title: "Walrus feeding planner", outcome: "working" });
    const draft = await entryOn(event.id, problem.id, organizer, { title: "Walrus draft", status: "draft" });
    await db.update(entries).set({ summary: "Saved again while the event runs" }).where(eq(entries.id, submitted));
    expect(await indexed()).not.toContain(submitted);

    await movePhase(event.id, organizer, "judging");
    await movePhase(event.id, organizer, "closed");
    expect(await indexed()).toEqual(await visible());
    expect(await indexed()).toContain(submitted);
    expect(await indexed()).not.toContain(draft);
    expect(await ids({ q: "walrus" })).toEqual([submitted]);

    // Another problem for the team: the index's problem text follows.
    const other = await addProblem(event.id, { ...problemInput, title: "Narwhal tracking" });
    const [{ teamId }] = await db.select({ teamId: entries.teamId }).from(entries).where(eq(entries.id, submitted));
    await db.update(teams).set({ problemId: other.id }).where(eq(teams.id, teamId));
    expect(await ids({ q: "narwhal walrus" })).toEqual([submitted]);

    await movePhase(event.id, organizer, "judging", "A late score");
    expect(await indexed()).not.toContain(submitted);
    expect(await indexed()).toEqual(await visible());
    await movePhase(event.id, organizer, "closed");
    expect(await indexed()).toContain(submitted);

    await db.delete(events).where(eq(events.id, event.id));
    expect(await indexed()).not.toContain(submitted);
    expect(await indexed()).toEqual(await visible());
  });

  it("pages results, PAGE_SIZE at a time, with the total", async () => {
    const past = (await db.select().from(events).where(eq(events.slug, world.closedSlug)))[0];
    for (let i = 0; i < PAGE_SIZE + 2; i++) await entryOn(past.id, world.closedProblemId, organizer, { title: `Paging sample ${i}`, outcome: "partial" });
    const first = await search({ q: "paging sample" });
    expect(first.total).toBe(PAGE_SIZE + 2);
    expect(first.pageCount).toBe(2);
    expect(first.learnings).toHaveLength(PAGE_SIZE);
    const second = await search({ q: "paging sample", page: "2" });
    expect(second.learnings).toHaveLength(2);
    expect(new Set([...first.learnings, ...second.learnings].map((l) => l.id)).size).toBe(PAGE_SIZE + 2);
  });
});

describe("post-mortem text in the archive index (ADR 042's narrow step rebuilt the insert trigger)", () => {
  it("indexes an entry inserted already submitted into a closed event, and re-indexes its post-mortem edits", async () => {
    const past = await createOpenEvent(organizer);
    await movePhase(past.event.id, organizer, "judging");
    await movePhase(past.event.id, organizer, "closed");
    const teamId = newId();
    await db.insert(teams).values({
      id: teamId,
      eventId: past.event.id,
      problemId: past.problem.id,
      name: "Late writers",
      inviteCode: newId(),
      leadId: organizer.id,
    });
    const id = newId();
    await db.insert(entries).values({
      id,
      eventId: past.event.id,
      teamId,
      status: "submitted",
      title: "Payroll checker",
      postMortemDidNotWork: "Timesheets arrived as photographs.",
      postMortemRootCause: "ux-or-adoption",
    });
    expect(await ids({ q: "timesheets" })).toEqual([id]);
    expect(await ids({ q: "timesheets", rootCause: "ux-or-adoption" })).toEqual([id]);
    await db.update(entries).set({ postMortemDifferently: "Interview the depot managers first." }).where(eq(entries.id, id));
    expect(await ids({ q: "managers depot" })).toEqual([id]);
    expect(await ids({ q: "timesheets" })).toEqual([id]);
  });
});

describe("the archive page", () => {
  it("answers every odd query with a page, never an error", async () => {
    const odd = [
      '"',
      "*",
      "-",
      "-*",
      "' OR 1=1 --",
      "'; DROP TABLE entries; --",
      "NEAR(",
      "title:x",
      "^",
      "(((",
      "AND",
      "x".repeat(2000),
      "🙂 naïve façade",
      "%_\\",
      "a* b*",
    ];
    for (const q of odd) {
      const outcome = await expectStatus(archiveLoader(args(request(`/archive?q=${encodeURIComponent(q)}`, { user: member }))), 200);
      const data = outcome.data as { result: { total: number } | null };
      expect(data.result, q).not.toBeNull();
    }
    const tooLong = await expectStatus(archiveLoader(args(request(`/archive?q=${"invoice ".repeat(400)}`, { user: member }))), 200);
    expect((tooLong.data as { result: { notice: string } }).result.notice).toMatch(/first 2000 characters/);
  });

  it("ignores malformed filters instead of failing", async () => {
    const outcome = await expectStatus(archiveLoader(args(request("/archive?outcome=evil&rootCause=x&year=abc&page=-3&event=%00", { user: member }))), 200);
    const data = outcome.data as { filters: { outcome: Outcome | null; rootCause: RootCause | null; year: number | null; page: number } };
    expect(data.filters).toMatchObject({ outcome: null, rootCause: null, year: null, page: 1 });
  });

  it("sends each result's AI metric as one line, the filters as chips that remove them, and the pages' links", async () => {
    type Page = {
      result: {
        learnings: { id: string; metric: string | null; showSummary: boolean; summary: string }[];
        links: Record<"previous" | "next" | "suggestion" | "last", string | null>;
      };
      active: { key: string; text: string; removeHref: string }[];
      clearFiltersHref: string;
    };
    const load = async (url: string) => (await expectStatus(archiveLoader(args(request(url, { user: member }))), 200)).data as Page;
    const dunning = await load(`/archive?q=dunning&outcome=failed&event=${world.closedSlug}`);
    const past = (await db.select().from(events).where(eq(events.slug, world.closedSlug)))[0];
    // A link with the event's earlier web address (ADR 062) filters by that event.
    await db.insert(eventPreviousSlugs).values({ slug: `${world.closedSlug}-before`, eventId: past.id });
    const before = (
      await expectStatus(archiveLoader(args(request(`/archive?q=dunning&outcome=failed&event=${world.closedSlug}-before`, { user: member }))), 200)
    ).data as Page & { filters: { event: string } };
    expect(before.filters.event).toBe(world.closedSlug);
    expect(before.result.learnings.map((l) => l.id)).toEqual(dunning.result.learnings.map((l) => l.id));
    expect(before.result.learnings.length).toBeGreaterThan(0);
    await entryOn(past.id, world.closedProblemId, organizer, {
      title: "Quench planner",
      summary: "Plans quench runs",
      outcome: "partial",
      postMortemDidNotWork: `${"The furnace log was read by hand every morning. ".repeat(8)}Then the zorbic sensor drifted.`,
    });
    // A card shows its summary unless its snippet already starts with it.
    expect((await load("/archive?q=zorbic")).result.learnings.map((l) => l.showSummary)).toEqual([true]);
    expect((await load("/archive?q=quench")).result.learnings.map((l) => [l.showSummary, l.summary])).toEqual([[false, ""]]);
    // A card's data is what it shows: the AI metric as one line, not its parts.
    expect(Object.keys(dunning.result.learnings[0]).filter((key) => key.startsWith("metric"))).toEqual(["metric"]);
    expect(dunning.result.learnings.find((l) => l.id === world.failed)?.metric).toBe("Letters sent without edits: 0 % → 60 % (target) → not measured");
    expect(dunning.active.map((f) => [f.key, f.removeHref])).toEqual([
      ["outcome", `/archive?q=dunning&event=${world.closedSlug}`],
      ["event", "/archive?q=dunning&outcome=failed"],
    ]);
    // The event's chip shows its title, not its slug.
    expect(dunning.active[1].text).toMatch(/^Event: /);
    expect(dunning.active[1].text).not.toContain(world.closedSlug);
    expect(dunning.clearFiltersHref).toBe("/archive?q=dunning");
    expect(dunning.result.links).toEqual({ previous: null, next: null, suggestion: null, last: null });
    // The paging test above added PAGE_SIZE + 2 samples.
    expect((await load("/archive?q=paging+sample")).result.links).toMatchObject({ previous: null, next: "/archive?q=paging+sample&page=2" });
    expect((await load("/archive?q=paging+sample&page=2")).result.links).toMatchObject({ previous: "/archive?q=paging+sample", next: null, last: null });
    // A page past the end (an old link, a typed number) leads to the last page, not to the empty one before it.
    expect((await load("/archive?q=paging+sample&page=999")).result.links).toEqual({
      previous: "/archive?q=paging+sample&page=2",
      next: null,
      last: "/archive?q=paging+sample&page=2",
      suggestion: null,
    });
    expect((await load("/archive?q=zzqqxx+yyvvww&page=999")).result.links.last).toBeNull();
    expect((await load("/archive?q=invoce")).result.links.suggestion).toBe("/archive?q=invoice");
  });

  // Runs after the sync test above deleted the one working entry of the closed event.
  it("shows counts by outcome and root cause of closed events only", async () => {
    const outcome = await expectStatus(archiveLoader(args(request("/archive", { user: member }))), 200);
    const data = outcome.data as {
      overview: {
        outcomeCards: { outcome: Outcome; label: string; n: number }[];
        rootCauseCounts: { cause: RootCause; n: number }[];
        closedEvents: { started: string }[];
      };
      choices: Record<"outcome" | "rootCause", { value: string; label: string }[]>;
      result: unknown;
    };
    expect(data.result).toBeNull();
    // The outcome cards in the outcomes' order, with their words.
    expect(data.overview.outcomeCards.map((c) => c.outcome)).toEqual(["working", "partial", "failed"]);
    expect(data.overview.outcomeCards.find((c) => c.outcome === "working")?.n).toBe(0);
    expect(data.overview.outcomeCards.find((c) => c.outcome === "failed")).toMatchObject({ label: "Failed attempts", n: 1 });
    expect(data.overview.rootCauseCounts[0]).toEqual({ cause: "data-missing-context", n: 1 });
    // When each past event started, as words in its zone; the filters' choices with theirs.
    expect(data.overview.closedEvents[0].started).toMatch(/^\w{3}, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} /);
    expect(data.choices.outcome.map((c) => c.value)).toEqual(["working", "partial", "failed"]);
    expect(data.choices.rootCause.find((c) => c.value === "data-missing-context")?.label).toBeTruthy();
  });

  it("updates the cached home figures as soon as another event publishes its results", async () => {
    const home = async () =>
      (await expectStatus(archiveLoader(args(request("/archive", { user: member }))), 200)).data as {
        overview: { outcomeCards: { outcome: Outcome; n: number }[] };
        facets: { closedEvents: { slug: string }[] };
      };
    const failed = (page: { overview: { outcomeCards: { outcome: Outcome; n: number }[] } }) =>
      page.overview.outcomeCards.find((c) => c.outcome === "failed")?.n;
    const before = await home();
    const next = await createOpenEvent(organizer);
    await entryOn(next.event.id, next.problem.id, organizer, { title: "Another failed try", outcome: "failed" });
    expect(failed(await home())).toBe(failed(before));
    await movePhase(next.event.id, organizer, "judging");
    const closed = await movePhase(next.event.id, organizer, "closed");
    const after = await home();
    expect(failed(after)).toBe(failed(before)! + 1);
    expect(after.facets.closedEvents.map((e) => e.slug)).toContain(closed.slug);
  });

  it(`lists the ${HOME_EVENTS} most recent past events on the home and counts them all`, async () => {
    for (let i = 0; i <= HOME_EVENTS; i++) {
      const { event } = await createOpenEvent(organizer);
      await movePhase(event.id, organizer, "judging");
      await movePhase(event.id, organizer, "closed");
    }
    const [{ n }] = await db.all<{ n: number }>(sql`select count(*) as n from events where phase = 'closed'`);
    const newest = await db.all<{ slug: string }>(sql`select slug from events where phase = 'closed' order by starts_at desc, slug limit ${HOME_EVENTS}`);
    const { overview, facets } = (await expectStatus(archiveLoader(args(request("/archive", { user: member }))), 200)).data as {
      overview: { closedEventCount: number; closedEvents: { slug: string }[] };
      facets: { closedEvents: unknown[] };
    };
    expect(n).toBeGreaterThan(HOME_EVENTS);
    expect(overview.closedEventCount).toBe(n);
    expect(overview.closedEvents.map((e) => e.slug)).toEqual(newest.map((e) => e.slug));
    expect(facets.closedEvents).toHaveLength(n);
  });

  it("shows edits of a closed event at once, and its cache survives changes it does not show", async () => {
    const version = async () => (await db.all<{ version: number }>(sql`select version from archive_version`))[0].version;
    const page = async (q: string) => {
      const data = (await expectStatus(archiveLoader(args(request(`/archive?q=${q}`, { user: member }))), 200)).data as { result: { learnings: Learning[] } };
      return data.result.learnings;
    };
    const past = await createOpenEvent(organizer);
    const entryId = await entryOn(past.event.id, past.problem.id, organizer, { title: "Quokka census counter", outcome: "partial" });
    const [{ teamId }] = await db.select({ teamId: entries.teamId }).from(entries).where(eq(entries.id, entryId));

    // Work in an event that is not closed yet is not in the archive: the version stays.
    let before = await version();
    await db.update(entries).set({ summary: "Counts quokkas" }).where(eq(entries.id, entryId));
    await db.update(teams).set({ name: "Quokka crew" }).where(eq(teams.id, teamId));
    expect(await version()).toBe(before);
    expect(await page("quokka")).toEqual([]);

    await movePhase(past.event.id, organizer, "judging");
    expect(await version()).toBe(before);
    await movePhase(past.event.id, organizer, "closed");
    expect(await version()).toBeGreaterThan(before);
    expect(await page("quokka")).toEqual([expect.objectContaining({ id: entryId, teamName: "Quokka crew", eventTitle: past.event.title })]);

    // Each later edit of what the result shows is on the next request's page.
    const edits: [string, () => Promise<unknown>, Partial<Learning>][] = [
      ["event renamed", () => db.update(events).set({ title: "Wildlife week" }).where(eq(events.id, past.event.id)), { eventTitle: "Wildlife week" }],
      ["team renamed", () => db.update(teams).set({ name: "Marsupial unit" }).where(eq(teams.id, teamId)), { teamName: "Marsupial unit" }],
      [
        "problem renamed",
        () => db.update(problems).set({ title: "Count the quokkas" }).where(eq(problems.id, past.problem.id)),
        { problemTitle: "Count the quokkas" },
      ],
      [
        "entry edited",
        () => db.update(entries).set({ summary: "Counts quokkas from drone photos" }).where(eq(entries.id, entryId)),
        { snippet: expect.stringContaining("from drone photos") },
      ],
    ];
    for (const [what, edit, shown] of edits) {
      before = await version();
      await edit();
      expect(await version(), what).toBeGreaterThan(before);
      expect(await page("quokka"), what).toEqual([expect.objectContaining(shown)]);
    }
    before = await version();
    await db.delete(entries).where(eq(entries.id, entryId));
    expect(await version()).toBeGreaterThan(before);
    expect(await page("quokka")).toEqual([]);
  });

  it("sends anonymous visitors to sign in", async () => {
    await expectStatus(archiveLoader(args(request("/archive?q=invoice"))), 302);
  });
});

describe("index rowids are bound as integers (ADR 008)", () => {
  // FTS5 narrows a match to a rowid range only when the bounds are INTEGERs; a REAL bound is checked row by row after
  // the whole match was read. The results are the same either way, so this looks at what is bound.
  const rangeBounds = async (run: () => Promise<unknown>) => {
    const spy = vi.spyOn(dbClient, "execute");
    try {
      await run();
      return spy.mock.calls
        .map(([statement]) => statement as unknown as { sql: string; args: unknown[] })
        .filter((s) => s.sql.includes("f.rowid between ? and ?"))
        .map((s) => {
          const before = s.sql.slice(0, s.sql.indexOf("f.rowid between ? and ?")).split("?").length - 1;
          return s.args.slice(before, before + 2);
        });
    } finally {
      spy.mockRestore();
    }
  };

  it("the libSQL client binds a JavaScript number as a REAL", async () => {
    expect(await db.all(sql`select typeof(${5}) as number, typeof(${BigInt(5)}) as bigint`)).toEqual([{ number: "real", bigint: "integer" }]);
  });

  it("a search page's rows give FTS5 their rowid range as integers", async () => {
    const bounds = await rangeBounds(() => search({ q: "invoice" }));
    expect(bounds).toHaveLength(1);
    expect(bounds[0].map((bound) => typeof bound)).toEqual(["bigint", "bigint"]);
  });
});

describe("related learnings", () => {
  it("answers a text asked before from the archive's cache when asked to, and sees an event closed since at once", async () => {
    const text = "Overdue invoices need a dunning letter with the contact history";
    const statements = async (run: () => Promise<unknown>) => {
      const spy = vi.spyOn(dbClient, "execute");
      try {
        await run();
        return spy.mock.calls.map(([statement]) => (statement as unknown as { sql: string }).sql);
      } finally {
        spy.mockRestore();
      }
    };
    const before = await relatedLearnings(text, null, { cached: true });
    expect(before.map((r) => r.id)).toContain(world.failed);
    expect(before.find((r) => r.id === world.failed)?.titleMarked).toBe("\uE000Dunning\uE001 \uE000letter\uE001 writer");
    let again: readonly RelatedLearning[] = [];
    expect(await statements(async () => (again = await relatedLearnings(text, null, { cached: true })))).toEqual([
      "select version from archive_version where id = 1",
    ]);
    expect(again).toEqual(before);
    // What a team types is asked once: it is not kept.
    expect((await statements(() => relatedLearnings(text, null))).length).toBeGreaterThan(1);

    const { event, problem } = await createOpenEvent(organizer);
    const id = await entryOn(event.id, problem.id, organizer, {
      title: "Arrears notice drafter",
      summary: "Drafts dunning letters for overdue invoices from the contact history.",
    });
    await movePhase(event.id, organizer, "judging");
    await movePhase(event.id, organizer, "closed");
    expect((await relatedLearnings(text, null, { cached: true })).map((r) => r.id)).toContain(id);
    // The same text for the problem itself leaves its own entries out, cached or not.
    expect((await relatedLearnings(text, problem.id, { cached: true })).map((r) => r.id)).not.toContain(id);
  });

  it("finds past learnings from a new problem's words, never entries on the same problem or of open events", async () => {
    const { event } = await createOpenEvent(organizer);
    const problem = await addProblem(event.id, { ...problemInput, title: "Overdue invoices need a letter", summary: "Writing dunning letters takes hours." });
    const related = await relatedToProblem(problem.id);
    expect(related.map((r) => r.id)).toContain(world.failed);
    expect(related.map((r) => r.id)).not.toContain(world.inOpen);
    expect(related.length).toBeLessThanOrEqual(5);
    expect(await relatedToProblem(world.closedProblemId)).toEqual([]);
    expect(await relatedToProblem(world.openProblemId)).not.toContainEqual(expect.objectContaining({ id: world.inOpen }));
  });
});

describe("related learnings that are related", () => {
  // The demo data's case: a past event with ticket-triage and invoice-dispute entries, and a new event
  // whose problems are sales ramp-up (unrelated) and a second try at ticket triage (related).
  const salesRampUp = {
    title: "New sales reps take months to ramp up",
    summary: "Reps ask senior colleagues the same product questions again and again.",
    whoHasIt: "Sales reps in their first 90 days",
  };
  const triageAgain = {
    title: "Support ticket triage, second try",
    summary: "Last time's pilot covered common queues; rare queues still go wrong.",
    whoHasIt: "Tier-1 support agents",
  };
  let seedCase: { queueSuggester: string; chatbot: string; disputes: string };

  beforeAll(async () => {
    const past = await createOpenEvent(organizer);
    const triage = await addProblem(past.event.id, {
      ...problemInput,
      title: "Support ticket triage takes too long",
      summary: "Tier-1 agents spend the first minutes of every ticket working out which queue it belongs to.",
      whoHasIt: "Tier-1 support agents",
    });
    const invoices = await addProblem(past.event.id, {
      ...problemInput,
      title: "Invoice disputes are found too late",
      summary: "Finance learns about disputed invoices only when payment is overdue.",
      whoHasIt: "Accounts receivable team",
    });
    seedCase = {
      queueSuggester: await entryOn(past.event.id, triage.id, organizer, {
        title: "Queue suggester in the ticket sidebar",
        summary: "Suggests the top three queues with reasons; the agent picks.",
        tags: "support, classification, sidebar",
        approach: "Fine-tuned a small classifier on two years of labelled tickets; an LLM writes a one-line reason for each suggestion.",
        postMortemDidNotWork: "Rare queues (under 1% of tickets) were almost never suggested.",
        postMortemNextSteps: "Pilot with one support pod for two weeks.",
      }),
      chatbot: await entryOn(past.event.id, triage.id, organizer, {
        title: "Support chatbot for agents",
        summary: "A chat window where agents ask which queue a ticket belongs to.",
        tags: "support, chatbot, llm",
        postMortemDidNotWork: "Tickets lacked account context, so answers were confident and wrong.",
      }),
      disputes: await entryOn(past.event.id, invoices.id, organizer, {
        title: "Early dispute signals from email",
        summary: "Flags invoices whose email threads sound like a dispute is coming.",
        postMortemNextSteps: "Ask the CRM team for the thread-to-invoice export.",
      }),
    };
    await movePhase(past.event.id, organizer, "judging");
    await movePhase(past.event.id, organizer, "closed");
  });

  it("drops learnings that share only an incidental word, which an OR search over every word ranks first", async () => {
    const text = problemSearchText(salesRampUp);
    // What the panel showed before: the text's words ORed, ranked by bm25, no floor.
    const everyWord = anyWordQuery(textTerms(text).map((t) => t.word))!;
    const unfloored = await db.all<{ id: string }>(sql`select entry_id as id from learnings_fts where learnings_fts match ${everyWord}`);
    expect(unfloored.map((r) => r.id)).toEqual(expect.arrayContaining([seedCase.chatbot, seedCase.disputes]));

    const related = await relatedLearnings(text, null);
    expect(related.map((r) => r.id)).not.toContain(seedCase.chatbot);
    expect(related.map((r) => r.id)).not.toContain(seedCase.disputes);
  });

  it("shows related learnings with the words they share and the problem they came from", async () => {
    const related = await relatedLearnings(problemSearchText(triageAgain), null);
    const ids = related.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([seedCase.queueSuggester, seedCase.chatbot]));
    expect(ids).not.toContain(seedCase.disputes);
    const chatbot = related.find((r) => r.id === seedCase.chatbot)!;
    expect(chatbot.problemTitle).toBe("Support ticket triage takes too long");
    expect(chatbot.sharedWords).toEqual(expect.arrayContaining(["triage", "queues"]));
    const suggester = related.find((r) => r.id === seedCase.queueSuggester)!;
    const titleHits = splitSnippet(suggester.titleMarked).filter((p) => p.hit);
    expect(titleHits.map((p) => p.text)).toContain("Queue");
    for (const hit of titleHits) expect(suggester.sharedWords.map(stemOf)).toContain(stemOf(hit.text));
    for (const r of related) for (const w of r.sharedWords) expect(isStopword(w), w).toBe(false);
  });

  it("answers what a team types through the problem's related route, for whoever may see the problem", async () => {
    const { event } = await createOpenEvent(organizer);
    const sales = await addProblem(event.id, { ...problemInput, ...salesRampUp });
    const url = (text: string) => `/events/${event.slug}/problems/${sales.id}/related?text=${encodeURIComponent(text)}`;
    const related = async (text: string) => {
      const outcome = await expectStatus(relatedLoader(args(request(url(text), { user: member }), { slug: event.slug, problemId: sales.id })), 200);
      return ((await outcome.response!.json()) as { related: { id: string }[] }).related.map((r) => r.id);
    };
    expect(await related("")).not.toContain(seedCase.queueSuggester);
    expect(await related("Queue suggester for rare support ticket triage, a classifier with reasons")).toContain(seedCase.queueSuggester);

    await expectStatus(relatedLoader(args(request(url("x")), { slug: event.slug, problemId: sales.id })), 302);
    await expectStatus(relatedLoader(args(request(url("x"), { user: member }), { slug: event.slug, problemId: world.closedProblemId })), 404);
    await db.update(events).set({ phase: "draft" }).where(eq(events.id, event.id));
    await expectStatus(relatedLoader(args(request(url("x"), { user: member }), { slug: event.slug, problemId: sales.id })), 404);
  });

  it("answers a person's look-ups as they type up to a minute's limit, then 429 with when to ask again", async () => {
    const { event } = await createOpenEvent(organizer);
    const sales = await addProblem(event.id, { ...problemInput, ...salesRampUp });
    const ask = (user: TestUser, text: string) =>
      relatedLoader(
        args(request(`/events/${event.slug}/problems/${sales.id}/related?text=${encodeURIComponent(text)}`, { user }), {
          slug: event.slug,
          problemId: sales.id,
        }),
      );
    const typist = await createUser({ name: "Tia Typist" });
    // Half a minute into a window of the limit, on a clock the test holds.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-12-05T10:00:30Z"));
      for (let i = 0; i < limits.relatedAsTypedPerPerson.max * env().rateLimitScale; i++) await expectStatus(ask(typist, `queue ${i}`), 200);
      const refused = await expectStatus(ask(typist, "queue again"), 429);
      expect(refused.response!.headers.get("Retry-After")).toBe("30");
      expect(await refused.response!.json()).toEqual({ related: [], message: "Too many look-ups of past learnings. The panel asks again after a pause." });
      // Counted per person: someone else asks as usual.
      await expectStatus(ask(member, "queue"), 200);
      vi.setSystemTime(new Date("2026-12-05T10:01:00Z"));
      await expectStatus(ask(typist, "queue, a minute later"), 200);
    } finally {
      vi.useRealTimers();
    }
  });

  it("searches a 300-character query by its telling words and highlights no stop words", async () => {
    const q = (
      "We want to know whether anyone has tried to route support tickets to the right queue with a model, and what came of it for " +
      "rare queues, because our agents spend a lot of time on it and we want to do better than last time with the data we have for this " +
      "and for all of the other groups that are in the same position as we are now"
    ).slice(0, 300);
    expect(q.length).toBe(300);
    const result = await search({ q });
    expect(result.learnings.length).toBeGreaterThan(0);
    expect(result.notice).toMatch(/^Searched the most telling words; left out: /);
    const hits = result.learnings.flatMap((l) => [...splitSnippet(l.titleMarked), ...splitSnippet(l.snippet)].filter((p) => p.hit).map((p) => p.text));
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(isStopword(hit), hit).toBe(false);
    // Not the whole archive: the invoice-dispute learning shares none of the telling words.
    expect(result.learnings.map((l) => l.id)).not.toContain(seedCase.disputes);
  });

  it("searches a query of only stop words as typed, and says its learnings may share nothing more", async () => {
    const result = await search({ q: "the and of" });
    expect(result.notice).toBe(
      "Every word of this search is very common in the archive (the, and, of), so the learnings below may share nothing more: add a more telling word.",
    );
    expect((await search({ q: "the invoice" })).notice).toBe("Searched the most telling words; left out: the.");
  });
});

describe("search that forgives", () => {
  it("suggests the nearest indexed word for a word that matches nothing: invoce → invoice", async () => {
    const result = await search({ q: "invoce" });
    expect(result.total).toBe(0);
    expect(result.suggestion).toEqual({ q: "invoice", words: ["invoice"] });
    expect((await search({ q: result.suggestion!.q })).total).toBeGreaterThan(0);
  });

  it("corrects only the words that match nothing and suggests nothing when every word matches", async () => {
    expect((await search({ q: "dunning invoce" })).suggestion).toEqual({ q: "dunning invoice", words: ["invoice"] });
    expect((await search({ q: "invoice" })).suggestion).toBeNull();
    expect((await search({ q: "qqqqzzzz" })).suggestion).toBeNull();
  });

  it("links the suggestion on the page, keeping the filters, only when it finds something under them", async () => {
    const outcomes = ["working", "partial", "failed"] as const;
    const found = await Promise.all(outcomes.map(async (outcome) => (await search({ q: "invoice", outcome })).total));
    const some = outcomes.find((_, i) => found[i] > 0);
    const none = outcomes.find((_, i) => found[i] === 0);
    expect(some && none).toBeTruthy();
    const kept = await expectStatus(archiveLoader(args(request(`/archive?q=invoce&outcome=${some}`, { user: member }))), 200);
    expect(kept.data).toMatchObject({ result: { suggestion: { q: "invoice" }, links: { suggestion: `/archive?q=invoice&outcome=${some}` } } });
    // "invoice" with no learning of that outcome: no suggestion that leads to an empty page.
    const dropped = await expectStatus(archiveLoader(args(request(`/archive?q=invoce&outcome=${none}`, { user: member }))), 200);
    expect(dropped.data).toMatchObject({ result: { suggestion: null } });
  });
});

describe("suggestions as you type", () => {
  const suggest = async (q: string) => {
    const outcome = await expectStatus(suggestLoader(args(request(`/archive/suggest?q=${encodeURIComponent(q)}`, { user: member }))), 200);
    return ((await outcome.response!.json()) as { suggestions: { kind: string; text: string; q?: string; href?: string }[] }).suggestions;
  };

  it("completes the word being typed from the archive's words and tags, and offers learnings whose titles match", async () => {
    const found = await suggest("Dunn");
    const terms = found.filter((s) => s.kind === "term");
    expect(terms.map((s) => s.text)).toContain("dunning");
    expect(terms.every((s) => s.q === s.text)).toBe(true);
    expect(found.filter((s) => s.kind === "title")).toContainEqual({
      kind: "title",
      text: "Dunning letter writer",
      href: `/events/${world.closedSlug}/entries/${world.failed}`,
    });
    // Tags come first: they are the archive's own words.
    expect((await suggest("retr"))[0]).toEqual({ kind: "term", text: "retrieval", q: "retrieval" });
    // Learnings of open or draft events, and drafts, are never offered.
    const invisible = (await suggest("Invoice bo")).map((s) => s.text);
    expect(invisible).not.toContain("Invoice bot of an open event");
    expect(invisible).not.toContain("Invoice bot of a draft event");
  });

  it("keeps what was typed before the last word, and suggests nothing for too little or for odd input", async () => {
    expect((await suggest("dunning lett")).filter((s) => s.kind === "term").map((s) => s.text)).toContain("dunning letter");
    expect((await suggest("dunning lett")).filter((s) => s.kind === "title").map((s) => s.text)).toEqual(["Dunning letter writer"]);
    for (const q of ["", "i", "invoice ", '"root ca', `'; DROP TABLE entries; --`, "\u0000*"]) expect(await suggest(q), q).toBeInstanceOf(Array);
    expect(await suggest("i")).toEqual([]);
  });

  it("sends anonymous visitors to sign in", async () => {
    await expectStatus(suggestLoader(args(request("/archive/suggest?q=invo"))), 302);
  });
});

describe("a problem's history across events", () => {
  /**
   * A closed event with a problem titled `problemTitle` and these attempts at it; `again`: the same problem posted a
   * second time in that event, with these attempts; `startsAt`: when the event started.
   */
  const closedWith = async (problemTitle: string, attempts: EntryFields[], { again = [] as EntryFields[], startsAt = null as Date | null } = {}) => {
    const { event } = await createOpenEvent(organizer);
    const problem = await addProblem(event.id, { ...problemInput, title: problemTitle });
    const ids = [];
    for (const a of attempts) ids.push(await entryOn(event.id, problem.id, organizer, a));
    if (again.length) {
      const twice = await addProblem(event.id, { ...problemInput, title: problemTitle });
      for (const a of again) await entryOn(event.id, twice.id, organizer, a);
    }
    await movePhase(event.id, organizer, "judging");
    await movePhase(event.id, organizer, "closed");
    if (startsAt) await db.update(events).set({ startsAt }).where(eq(events.id, event.id));
    return { ids, problem, slug: event.slug, problemId: problem.id };
  };

  it("gathers every attempt at the same problem in past events, copied or of the same wording, with the best AI metric so far", async () => {
    const title = "Quarterly forecast drifts every month";
    const pastEvent = async (problemTitle: string, attempts: EntryFields[]) => (await closedWith(problemTitle, attempts)).ids;
    const metric = { metricName: "Forecast error", metricUnit: "%", metricBaseline: "20", metricTarget: "10" };
    const [partial, failed] = await pastEvent(title, [
      { title: "Forecast nudger", outcome: "partial", ...metric, metricResult: "15" },
      { title: "Forecast chatbot", outcome: "failed", ...metric, metricResult: "" },
    ]);
    const [working] = await pastEvent("quarterly forecast drifts, every month!", [{ title: "Drift alarm", outcome: "working", ...metric, metricResult: "12" }]);
    await pastEvent("Quarterly forecast drifts sometimes", [{ title: "Not the same problem", outcome: "working" }]);

    const { event } = await createOpenEvent(organizer);
    const again = await addProblem(event.id, { ...problemInput, title: "QUARTERLY FORECAST DRIFTS EVERY MONTH" });
    const history = (await problemHistory(again))!;
    expect(history.attempts.map((a) => a.id).sort()).toEqual([partial, failed, working].sort());
    expect(history.events).toBe(2);
    expect(history.best?.id).toBe(working);
    expect(await historyLink(event.slug, again.id)).toEqual({ href: `/events/${event.slug}/problems/${again.id}#history`, attempts: 3, events: 2 });

    const page = await expectStatus(
      problemLoader(args(request(`/events/${event.slug}/problems/${again.id}`, { user: member }), { slug: event.slug, problemId: again.id })),
      200,
    );
    expect(page.data).toMatchObject({ history: { events: 2, best: { title: "Drift alarm" } } });
    // The attempts listed in its history are not offered again under "Have we tried this before?"; the same-sounding
    // other problem's attempt may be.
    const relatedIds = (page.data as { related: { id: string }[] }).related.map((l) => l.id);
    for (const id of [partial, failed, working]) expect(relatedIds).not.toContain(id);
    const fresh = await addProblem(event.id, { ...problemInput, title: "Nobody has tried this one" });
    expect(await problemHistory(fresh)).toBeNull();
  });

  it("marks the attempts of events that started after the problem's own as tried since", async () => {
    const title = "Parcel labels smudge in the rain";
    const posted = async (startsAt: Date, entryTitle: string, { twice = false } = {}) => {
      // The same problem posted twice in one event is neither before nor since: it is not its history.
      const again = twice ? [{ title: `${entryTitle} again` }] : [];
      const { problem, ids } = await closedWith(title, [{ title: entryTitle }], { again, startsAt });
      return { problem, id: ids[0] };
    };
    const earlier = await posted(new Date(Date.UTC(2025, 2, 1)), "Label laminator");
    const later = await posted(new Date(Date.UTC(2025, 9, 1)), "Smudge spotter", { twice: true });
    expect((await problemHistory(earlier.problem))!.attempts.filter((a) => a.title !== "Smudge spotter again").map((a) => [a.id, a.since])).toEqual([
      [later.id, true],
    ]);
    expect((await problemHistory(later.problem))!.attempts.map((a) => [a.id, a.since])).toEqual([[earlier.id, false]]);
  });

  it("still offers other related learnings on the page of a problem posted again and again, whose own attempts rank first", async () => {
    const relatedOnPage = async (slug: string, problemId: string) => {
      const page = await expectStatus(problemLoader(args(request(`/events/${slug}/problems/${problemId}`, { user: member }), { slug, problemId })), 200);
      return page.data as { history: { attempts: unknown[] }; related: { id: string }[] };
    };
    const title = "Zeppelin mooring schedules slip every week";
    const summary = "Zeppelin mooring schedules are planned by hand, and they slip.";
    // 26 attempts at the same problem, in two past events: more than the ranking's spare places (and fewer than half the archive, whose words are common).
    const first = await closedWith(
      title,
      Array.from({ length: 5 }, (_, i) => ({ title: `Zeppelin mooring planner ${i}`, summary })),
    );
    const second = await closedWith(
      title,
      Array.from({ length: 21 }, (_, i) => ({ title: `Zeppelin mooring scheduler ${i}`, summary })),
    );
    const attempts = [...first.ids, ...second.ids];
    const {
      ids: [other],
    } = await closedWith("Airship hangars sit idle", [{ title: "Zeppelin mooring radar", summary: "Predicts when zeppelin mooring schedules slip." }]);

    const { event } = await createOpenEvent(organizer);
    const again = await addProblem(event.id, { ...problemInput, title, summary });
    const { history, related } = await relatedOnPage(event.slug, again.id);
    expect(history.attempts).toHaveLength(26);
    expect(related.map((l) => l.id)).toContain(other);
    for (const id of attempts) expect(related.map((l) => l.id)).not.toContain(id);
    // The page of the problem in a past event: its own 21 attempts are not "related" either, nor do they take the places.
    const past = await relatedOnPage(second.slug, second.problemId);
    expect(past.related.map((l) => l.id)).toContain(other);
    for (const id of attempts) expect(past.related.map((l) => l.id)).not.toContain(id);
  });
});

describe("the learnings digest", () => {
  it("is refused before results are published and downloads as Markdown after", async () => {
    const { event } = await createOpenEvent(organizer);
    await expectStatus(digestLoader(args(request(`/events/${event.slug}/digest`, { user: member }), { slug: event.slug })), 403);
    await expectStatus(digestMdLoader(args(request(`/events/${event.slug}/digest.md`, { user: organizer }), { slug: event.slug })), 403);
    await expectStatus(digestLoader(args(request(`/events/${world.closedSlug}/digest`), { slug: world.closedSlug })), 302);

    const outcome = await expectStatus(
      digestMdLoader(args(request(`/events/${world.closedSlug}/digest.md`, { user: member }), { slug: world.closedSlug })),
      200,
    );
    const response = outcome.response!;
    expect(response.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename=".*-learnings\.md"/);
    const md = parseDigest(await response.text());
    expect(md.headings).toEqual(expect.arrayContaining(["Outcomes", "What went wrong (root causes)", "Awards", "AI metric results", "Best lessons"]));
    expect(md.body).toContain("- Failed attempt: 1");
    expect(md.body).toContain("- Data lacked context: 1");
    expect(md.body).toContain("| Dunning letter writer | Failed attempt | Letters sent without edits | 0 % → 60 % (target) → not measured |");
    expect(md.body).toContain("- **What we would do differently:** Join the CRM notes before prompting.");
    expect(md.body).toContain(`http://localhost/events/${world.closedSlug}/entries/${world.failed}`);
  });
});
