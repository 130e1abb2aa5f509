// A long ranking is rendered a page at a time (ADR 033): the loader sends one page, says where it is, keeps
// ties found over the whole ranking, and answers an odd page number with a real page.
import { beforeAll, describe, expect, it } from "vitest";
import { addJudge, listCriteria } from "~/modules/events/events.server";
import { saveScores } from "~/modules/judging/judging.server";
import { RANKING_PAGE_SIZE } from "~/modules/judging/results-view";
import { loader as resultsLoader } from "~/routes/events.$slug.results";
import { args, createOpenEvent, createUser, expectStatus, movePhase, request, submittedEntry, type TestUser } from "~/test/fixtures";

type ResultsData = {
  rubric: { id: string; name: string }[];
  rows: { rank: number | null; score: number | null; entry: { title: string }; means: (number | null)[] }[];
  page: { page: number; pages: number; first: number; last: number; total: number };
  tiedRanks: number[];
  show: "all" | "flagged";
  counts: { all: number; flagged: number };
};

let organizer: TestUser;
let slug: string;
let rubricEvent: string;
const entries = RANKING_PAGE_SIZE + 2;

beforeAll(async () => {
  organizer = await createUser({ role: "organizer" });
  const judge = await createUser();
  const { event, problem } = await createOpenEvent(organizer);
  const ids: string[] = [];
  for (let i = 0; i < entries; i++) {
    const lead = await createUser();
    ids.push((await submittedEntry(event, lead.id, problem.id, { title: `Entry ${String(i).padStart(2, "0")}` })).entryId);
  }
  await addJudge(event.id, judge.email);
  await movePhase(event.id, organizer, "judging");
  const rubric = await listCriteria(event.id);
  // Entry 00 is best (5 on its rubric's last criterion, 4 on the others); the last three share the lowest score, and
  // their tie straddles pages 1 and 2.
  for (const [i, id] of ids.entries()) {
    const value = (c: number) => (i === 0 ? (c === rubric.length - 1 ? 5 : 4) : i >= entries - 3 ? 1 : 3);
    await saveScores(
      id,
      judge.id,
      rubric.map((c, position) => ({ criterionId: c.id, value: value(position), comment: "" })),
      new Date(),
    );
  }
  slug = event.slug;
  rubricEvent = event.id;
}, 120_000);

const load = async (query = "") =>
  (await expectStatus(resultsLoader(args(request(`/events/${slug}/results${query}`, { user: organizer }), { slug })), 200)).data as ResultsData;

describe("results page of a long ranking", () => {
  it(`sends ${RANKING_PAGE_SIZE} rows at a time and says which of how many`, async () => {
    const first = await load();
    expect(first.rows).toHaveLength(RANKING_PAGE_SIZE);
    expect(first.page).toEqual({ page: 1, pages: 2, first: 1, last: RANKING_PAGE_SIZE, total: entries, size: RANKING_PAGE_SIZE });
    expect(first.rows[0]).toMatchObject({ rank: 1, entry: { title: "Entry 00" } });
    // Each row's means come in the rubric's order, which the page sends once.
    expect(first.rubric.map((c) => c.name)).toEqual((await listCriteria(rubricEvent)).map((c) => c.name));
    expect(first.rows[0].means).toEqual(first.rubric.map((_, c) => (c === first.rubric.length - 1 ? 5 : 4)));
    const second = await load("?page=2&view=normalized");
    expect(second.page).toMatchObject({ page: 2, first: RANKING_PAGE_SIZE + 1, last: entries });
    expect(second.rows.map((r) => r.entry.title)).toEqual([`Entry ${entries - 2}`, `Entry ${entries - 1}`]);
  });

  it("flags ties found over the whole ranking, also those that a page shows only part of", async () => {
    const first = await load();
    // Entries 01 … 23 share rank 2; entries 24 (last on page 1), 25 and 26 share rank 25.
    expect(first.tiedRanks.sort((a, b) => a - b)).toEqual([2, entries - 2]);
    expect((await load("?page=2")).tiedRanks).toEqual(first.tiedRanks);
  });

  it("answers a page past the end with the last page and nonsense with the first", async () => {
    expect((await load("?page=9")).page.page).toBe(2);
    expect((await load("?page=abc")).page.page).toBe(1);
  });

  it("keeps only the flagged entries when asked, paged over them, with both counts", async () => {
    // Entry 00 alone holds rank 1 and every sheet is in: the only entry without a flag.
    const flagged = await load("?show=flagged");
    expect(flagged.show).toBe("flagged");
    expect(flagged.counts).toEqual({ all: entries, flagged: entries - 1 });
    expect(flagged.page).toMatchObject({ page: 1, pages: 2, total: entries - 1 });
    expect(flagged.rows.map((r) => r.entry.title)).not.toContain("Entry 00");
    expect((await load("?show=flagged&page=2")).rows.map((r) => r.entry.title)).toEqual([`Entry ${entries - 1}`]);
    const all = await load("?show=anything");
    expect(all.show).toBe("all");
    expect(all.rows[0].entry.title).toBe("Entry 00");
  });
});
