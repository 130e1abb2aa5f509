// A large event's entries a page at a time (ADR 041): the gallery sends 24 cards per page and keeps its filters in
// the page links' addresses; the event page sends the first 12 and counts them all.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { entries } from "#db/schema";
import { db } from "~/db.server";
import { loader as eventLoader } from "~/routes/events.$slug._index";
import { loader as galleryLoader } from "~/routes/events.$slug.entries._index";
import { args, createOpenEvent, createUser, expectStatus, movePhase, request, submittedEntry, type TestUser } from "~/test/fixtures";

type Gallery = { entries: { title: string }[]; page: { page: number; pages: number; first: number; last: number; total: number }; tags: string[] };

let organizer: TestUser;
let slug: string;

beforeAll(async () => {
  organizer = await createUser({ role: "organizer" });
  const { event, problem } = await createOpenEvent(organizer);
  slug = event.slug;
  for (let i = 1; i <= 30; i++) {
    const lead = await createUser({ name: `Lead ${i}` });
    await submittedEntry(event, lead.id, problem.id, { title: `Entry ${String(i).padStart(2, "0")}`, outcome: i <= 26 ? "working" : "failed" });
  }
  // Tags as saved (normalized "a, b"): repeated lists, lists sharing a tag, and none.
  const tagged: [string, string][] = [
    ["Entry 01", "support, retrieval"],
    ["Entry 02", "retrieval, ocr"],
    ["Entry 03", "support, retrieval"],
    ["Entry 27", "voice, call-centre"],
  ];
  for (const [title, tags] of tagged) await db.update(entries).set({ tags }).where(eq(entries.title, title));
  await movePhase(event.id, organizer, "judging");
});

const gallery = async (query: string) =>
  (await expectStatus(galleryLoader(args(request(`/events/${slug}/entries${query}`, { user: organizer }), { slug })), 200)).data as Gallery;

describe("the gallery of a large event", () => {
  it("sends one page of 24 cards and says where it is; page 2 has the rest; a page past the end is the last", async () => {
    const first = await gallery("");
    expect(first.entries).toHaveLength(24);
    expect(first.page).toMatchObject({ page: 1, pages: 2, first: 1, last: 24, total: 30 });
    const second = await gallery("?page=2");
    expect(second.entries).toHaveLength(6);
    expect(second.page).toMatchObject({ page: 2, first: 25, last: 30 });
    expect(new Set([...first.entries, ...second.entries].map((e) => e.title)).size).toBe(30);
    expect((await gallery("?page=9")).page.page).toBe(2);
  });

  it("offers each tag of the entries under the filters once, in order, whatever page is shown", async () => {
    expect((await gallery("")).tags).toEqual(["call-centre", "ocr", "retrieval", "support", "voice"]);
    expect((await gallery("?page=2")).tags).toEqual(["call-centre", "ocr", "retrieval", "support", "voice"]);
    expect((await gallery("?outcome=failed")).tags).toEqual(["call-centre", "voice"]);
    expect((await gallery("?tag=ocr")).tags).toEqual(["ocr", "retrieval"]);
  });

  it("pages within a filter", async () => {
    const failed = await gallery("?outcome=failed&page=2");
    expect(failed.page).toMatchObject({ page: 1, pages: 1, total: 4 });
    expect(failed.entries.map((e) => e.title).sort()).toEqual(["Entry 27", "Entry 28", "Entry 29", "Entry 30"]);
  });
});

describe("the gallery's filters, each shape of them built once (ADR 064)", () => {
  const titles = async (query: string) => (await gallery(query)).entries.map((e) => e.title);

  it("binds each visit's own values to a query built for an earlier one", async () => {
    expect(await titles("?tag=voice")).toEqual(["Entry 27"]);
    // A tag typed as words finds the tag as entries store it.
    expect(await titles("?tag=%20Call%20%20Centre")).toEqual(["Entry 27"]);
    expect(await titles("?tag=ocr")).toEqual(["Entry 02"]);
    expect(await titles("?tag=support&outcome=working")).toEqual(["Entry 01", "Entry 03"]);
    expect(await titles("?tag=support&outcome=failed")).toEqual([]);
    expect((await gallery("?outcome=failed")).page.total).toBe(4);
    expect((await gallery("?outcome=working")).page.total).toBe(26);
    // A tag's LIKE wildcards are plain characters.
    expect(await titles("?tag=_")).toEqual([]);
    expect(await titles("?tag=%25")).toEqual([]);
    // An outcome the gallery does not know is no filter.
    expect((await gallery("?outcome=evil")).page.total).toBe(30);
  });
});

describe("the event page of a large event", () => {
  it("sends the first 12 cards and the count of all", async () => {
    const data = (await expectStatus(eventLoader(args(request(`/events/${slug}`, { user: organizer }), { slug })), 200)).data as {
      entries: unknown[];
      entryCount: number;
    };
    expect(data.entries).toHaveLength(12);
    expect(data.entryCount).toBe(30);
  });
});
