// Past COUNT_CAP matches, a search, and the titles offered as people type, rank only the newest COUNT_CAP (ADR 008):
// an archive of its own, since it needs more than a thousand learnings.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { createOpenEvent, createUser, movePhase, type TestUser } from "~/test/fixtures";
import { archiveCache } from "./cache.server";
import { stemOf } from "./relevance";
import { COUNT_CAP, filtersFromUrl, indexedLearnings, searchLearnings } from "./search.server";
import { MAX_TITLES } from "./suggest";
import { archiveSuggestions } from "./suggest.server";

const search = (params: Record<string, string>) => searchLearnings(filtersFromUrl(new URLSearchParams(params)));

/** `count` submitted entries on the event's problem, each in a team of its own, written straight to the tables. */
async function entriesOn(event: { id: string }, problemId: string, lead: TestUser, count: number, title: (i: string) => string, body: string) {
  const prefix = newId();
  await db.run(sql`
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count})
    insert into teams (id, event_id, problem_id, name, invite_code, lead_id)
    select ${prefix} || i, ${event.id}, ${problemId}, 'Team ' || ${prefix} || i, ${prefix} || i, ${lead.id} from n`);
  await db.run(sql`
    insert into entries (id, event_id, team_id, status, title, summary, outcome)
    select t.id, t.event_id, t.id, 'submitted', ${title("' || t.name || '")}, ${body}, 'working' from teams t where t.id like ${prefix + "%"}`);
}

let old: string;
let newestTitleHit: string;
let oldSlug: string;
let organizer: TestUser;

beforeAll(async () => {
  organizer = await createUser({ role: "organizer" });
  // An event closed long ago whose one entry names the word in its title: the best match of all.
  const past = await createOpenEvent(organizer);
  await entriesOn(past.event, past.problem.id, organizer, 1, () => "Reconciliation of supplier ledgers", "Matched statements to the ledger.");
  [{ id: old }] = await db.all<{ id: string }>(sql`select id from entries where event_id = ${past.event.id}`);
  // And the shortest title of all for "tick…": the best title to offer, were every match ranked.
  await entriesOn(past.event, past.problem.id, organizer, 1, () => "Tickets", "Sorted the queue.");
  await movePhase(past.event.id, organizer, "judging");
  oldSlug = (await movePhase(past.event.id, organizer, "closed")).slug;
  // A later event with more than COUNT_CAP entries that mention it once in their summaries, and one newer entry
  // that names it in its title.
  const later = await createOpenEvent(organizer);
  await entriesOn(later.event, later.problem.id, organizer, COUNT_CAP + 5, () => "Ticket helper", "Drafts replies; reconciliation came up once.");
  await entriesOn(later.event, later.problem.id, organizer, 1, () => "Reconciliation assistant", "Flags unmatched payments.");
  [{ id: newestTitleHit }] = await db.all<{ id: string }>(
    sql`select id from entries where event_id = ${later.event.id} and title = 'Reconciliation assistant'`,
  );
  await movePhase(later.event.id, organizer, "judging");
  await movePhase(later.event.id, organizer, "closed");
});

describe("a search with more matches than can be paged through", () => {
  it("ranks the newest COUNT_CAP matches, best first, and says the count is capped", async () => {
    const result = await search({ q: "reconciliation" });
    expect(result).toMatchObject({ total: COUNT_CAP, totalCapped: true, mode: "all", pageCount: COUNT_CAP / 20 });
    expect(result.learnings[0].id).toBe(newestTitleHit);
    // The old title match is outside the newest thousand, on every page.
    const last = await search({ q: "reconciliation", page: String(COUNT_CAP / 20) });
    expect(last.learnings).toHaveLength(20);
    expect([...result.learnings, ...last.learnings].map((l) => l.id)).not.toContain(old);
  });

  it("ranks every match once a filter brings them under the cap, so older learnings are reached", async () => {
    const result = await search({ q: "reconciliation", event: oldSlug });
    expect(result).toMatchObject({ total: 1, totalCapped: false });
    expect(result.learnings.map((l) => l.id)).toEqual([old]);
  });
});

describe("titles offered as people type, past COUNT_CAP matching titles", () => {
  it("are the best of the newest COUNT_CAP", async () => {
    const titles = (await archiveSuggestions(await archiveCache(), "tick")).filter((s) => s.kind === "title").map((s) => s.text);
    expect(titles).toEqual(Array.from({ length: MAX_TITLES }, () => "Ticket helper"));
  });

  it("are kept apart for OR in capitals (an operator) and or (a word), which once shared their cached answer", async () => {
    const cache = await archiveCache();
    const titlesOf = async (typed: string) => (await archiveSuggestions(cache, typed)).filter((s) => s.kind === "title").map((s) => s.text);
    // "or" as a word: no title here has it. OR: a title with either word.
    expect(await titlesOf("reconciliation or he")).toEqual([]);
    expect(await titlesOf("reconciliation OR he")).toContain("Ticket helper");
  });
});

describe("learning counts of index terms", () => {
  it("are read once per archive version, and again once the archive changes", async () => {
    const stem = stemOf("reconciliation");
    await search({ q: "reconciliation" });
    expect((await archiveCache()).termCounts.get(stem)).toBe(COUNT_CAP + 7);
    // Every learning of this file but "Tickets" says it; a row written to the index behind the version's back is not counted.
    const indexed = await indexedLearnings(await archiveCache());
    expect(indexed).toBe(COUNT_CAP + 8);
    await db.run(sql`insert into learnings_fts (entry_id, title, body, tags, problem, facets) values ('unversioned', 'x', 'x', '', '', '')`);
    expect(await indexedLearnings(await archiveCache())).toBe(COUNT_CAP + 8);
    // Another event closes with one more learning that says it: the archive's version moves.
    const another = await createOpenEvent(organizer);
    await entriesOn(another.event, another.problem.id, organizer, 1, () => "Bank reconciliation", "Matched transfers.");
    await movePhase(another.event.id, organizer, "judging");
    await movePhase(another.event.id, organizer, "closed");
    await search({ q: "reconciliation" });
    expect((await archiveCache()).termCounts.get(stem)).toBe(COUNT_CAP + 8);
    expect(await indexedLearnings(await archiveCache())).toBe(COUNT_CAP + 10);
  });
});
