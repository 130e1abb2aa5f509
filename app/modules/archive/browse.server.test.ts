// Browsing the archive without words (ADR 008): closed events newest first, each event's entries newest submitted
// first, entries submitted at the same instant in the order their rows were made; a page at a time, each learning with
// its team, problem and event.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { createOpenEvent, createUser, movePhase, type TestUser } from "~/test/fixtures";
import { filtersFromUrl, searchLearnings } from "./search.server";

const browse = (params: Record<string, string>) => searchLearnings(filtersFromUrl(new URLSearchParams(params)));

type Made = { id: string; team: string; outcome: string };

/** `count` submitted entries, each in a team of its own, submitted `submittedAt(i)` seconds after the epoch. */
async function entriesOn(event: { id: string }, problemId: string, lead: TestUser, count: number, submittedAt: (i: number) => number) {
  const made: Made[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    const outcome = i % 3 === 0 ? "failed" : "working";
    await db.run(
      sql`insert into teams (id, event_id, problem_id, name, invite_code, lead_id) values (${id}, ${event.id}, ${problemId}, ${`Team ${id}`}, ${id}, ${lead.id})`,
    );
    await db.run(sql`
      insert into entries (id, event_id, team_id, status, title, summary, outcome, submitted_at)
      values (${id}, ${event.id}, ${id}, 'submitted', ${`Entry ${i}`}, 'A summary.', ${outcome}, ${submittedAt(i)})`);
    made.push({ id, team: `Team ${id}`, outcome });
  }
  return made;
}

let expected: (Made & { slug: string })[];

beforeAll(async () => {
  const organizer = await createUser({ role: "organizer" });
  const older = await createOpenEvent(organizer);
  const newer = await createOpenEvent(organizer);
  await db.run(sql`update events set starts_at = 1700000000 where id = ${older.event.id}`);
  await db.run(sql`update events set starts_at = 1800000000 where id = ${newer.event.id}`);
  // The older event's entries were submitted later than the newer event's: the event's start decides first.
  const olderEntries = await entriesOn(older.event, older.problem.id, organizer, 17, (i) => 1900000000 + i);
  // Two of the newer event's entries share their instant (the 5th and the 6th made).
  const newerEntries = await entriesOn(newer.event, newer.problem.id, organizer, 30, (i) => 1850000000 + (i === 5 ? 4 : i));
  const slugs: string[] = [];
  for (const e of [older, newer]) {
    await movePhase(e.event.id, organizer, "judging");
    slugs.push((await movePhase(e.event.id, organizer, "closed")).slug);
  }
  const newestFirst = (made: Made[]) => {
    const order = made.map((m, i) => ({ m, i, at: i === 5 && made === newerEntries ? 4 : i }));
    return order.sort((a, b) => b.at - a.at || a.i - b.i).map(({ m }) => m);
  };
  expected = [...newestFirst(newerEntries).map((m) => ({ ...m, slug: slugs[1] })), ...newestFirst(olderEntries).map((m) => ({ ...m, slug: slugs[0] }))];
});

describe("browsing the archive", () => {
  it("pages through every learning once: newest event first, newest submission first, ties in the order made", async () => {
    const pages = [await browse({}), await browse({ page: "2" }), await browse({ page: "3" })];
    expect(pages.map((p) => p.learnings.length)).toEqual([20, 20, 7]);
    expect(pages[0]).toMatchObject({ total: 47, pageCount: 3, mode: "browse" });
    expect(pages.flatMap((p) => p.learnings.map((l) => l.id))).toEqual(expected.map((e) => e.id));
    // The two entries of one instant: the one made first comes first.
    const tied = expected.slice(24, 26).map((e) => e.id);
    expect(pages[1].learnings.slice(4, 6).map((l) => l.id)).toEqual(tied);
  });

  it("gives each learning of a page its own team and event", async () => {
    const page = await browse({ page: "2" });
    expect(page.learnings.map((l) => [l.teamName, l.eventSlug])).toEqual(expected.slice(20, 40).map((e) => [e.team, e.slug]));
  });

  it("pages a filter the same way", async () => {
    const working = expected.filter((e) => e.outcome === "working");
    const [first, second] = [await browse({ outcome: "working" }), await browse({ outcome: "working", page: "2" })];
    expect(first).toMatchObject({ total: working.length, pageCount: 2 });
    expect([...first.learnings, ...second.learnings].map((l) => l.id)).toEqual(working.map((e) => e.id));
    expect((await browse({ outcome: "working", page: "3" })).learnings).toEqual([]);
  });
});

describe("a search of only words to leave out", () => {
  it("browses the learnings without them, newest first, under the filters, and says so", async () => {
    const all = [await browse({}), await browse({ page: "2" }), await browse({ page: "3" })].flatMap((p) => p.learnings);
    const withoutFiveOrSeven = all.filter((l) => l.title !== "Entry 5" && l.title !== "Entry 7");
    // Both events have an "Entry 5" and an "Entry 7".
    expect(withoutFiveOrSeven).toHaveLength(43);
    const first = await browse({ q: "-5 NOT 7" });
    expect(first).toMatchObject({ total: 43, pageCount: 3, mode: "browse" });
    expect(first.notice).toBe("Only words to leave out were typed: showing every learning without 5 or 7, newest first. Add a word to look for to rank them.");
    const pages = [first, await browse({ q: "-5 NOT 7", page: "2" }), await browse({ q: "-5 NOT 7", page: "3" })];
    expect(pages.flatMap((p) => p.learnings.map((l) => l.id))).toEqual(withoutFiveOrSeven.map((l) => l.id));
    const failed = withoutFiveOrSeven.filter((l) => l.outcome === "failed");
    expect((await browse({ q: "-5 NOT 7", outcome: "failed" })).learnings.map((l) => l.id)).toEqual(failed.map((l) => l.id));
  });

  it("reads a tag as entries store it: lower case, words joined by hyphens", () => {
    expect(filtersFromUrl(new URLSearchParams({ tag: " Customer  Support " })).tag).toBe("customer-support");
    expect(filtersFromUrl(new URLSearchParams({ tag: "  " })).tag).toBeNull();
  });

  it("shows every learning, and says why, when those words are in more learnings than it leaves out", async () => {
    const filters = filtersFromUrl(new URLSearchParams({ q: "-5 NOT 7" }));
    // Four learnings have 5 or 7: within a cap of four they are left out, past a cap of three they are not.
    expect(await searchLearnings(filters, { excludeCap: 4 })).toMatchObject({ total: 43 });
    const shown = await searchLearnings(filters, { excludeCap: 3 });
    expect(shown).toMatchObject({ total: 47, mode: "browse" });
    expect(shown.notice).toBe(
      "Only words to leave out were typed, and 5 or 7 are in too many learnings to leave out: showing every learning, newest first. Add a word to look for.",
    );
  });
});
