// Award badges: which pages carry them, for whom and when; and the results page's ranking toggle.
import { beforeAll, describe, expect, it } from "vitest";
import { awards, eventJudges } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { filtersFromUrl, searchLearnings } from "~/modules/archive/search.server";
import { awardsByEntry } from "~/modules/judging/entry-awards.server";
import { loader as galleryLoader } from "~/routes/events.$slug.entries._index";
import { loader as entryLoader } from "~/routes/events.$slug.entries.$entryId._index";
import { loader as resultsLoader } from "~/routes/events.$slug.results";
import { args, createOpenEvent, createUser, expectStatus, movePhase, request, submittedEntry, type TestUser } from "~/test/fixtures";

type Card = { id: string; awards: string[] };

let organizer: TestUser, judge: TestUser, alice: TestUser, bob: TestUser;
let event: Awaited<ReturnType<typeof createOpenEvent>>["event"];
const ids = {} as { alpha: string; beta: string };

const submitted = async (user: TestUser, problemId: string, title: string, outcome: "working" | "failed") =>
  (await submittedEntry(event, user.id, problemId, { title, outcome })).entryId;

const gallery = async (user: TestUser) =>
  (
    (await expectStatus(galleryLoader(args(request(`/events/${event.slug}/entries`, { user }), { slug: event.slug })), 200)).data as {
      entries: Card[];
    }
  ).entries;
const entryPage = async (user: TestUser, entryId: string) =>
  (
    (await expectStatus(entryLoader(args(request(`/events/${event.slug}/entries/${entryId}`, { user }), { slug: event.slug, entryId })), 200)).data as {
      awards: string[];
    }
  ).awards;
const awardsOf = (cards: Card[], id: string) => cards.find((c) => c.id === id)?.awards;

beforeAll(async () => {
  organizer = await createUser({ role: "organizer" });
  [judge, alice, bob] = await Promise.all([createUser(), createUser(), createUser()]);
  const open = await createOpenEvent(organizer);
  event = open.event;
  await db.insert(eventJudges).values({ eventId: event.id, userId: judge.id });
  ids.alpha = await submitted(alice, open.problem.id, "Alpha prototype", "working");
  ids.beta = await submitted(bob, open.problem.id, "Beta failure", "failed");
  await movePhase(event.id, organizer, "judging");
  await db.insert(awards).values([
    { id: newId(), eventId: event.id, name: "Best overall", entryId: ids.alpha, position: 0 },
    { id: newId(), eventId: event.id, name: "Most valuable failure", entryId: ids.beta, position: 1 },
    { id: newId(), eventId: event.id, name: "Best AI metric", entryId: ids.alpha, position: 2 },
    { id: newId(), eventId: event.id, name: "Not given", entryId: null, position: 3 },
  ]);
});

describe("awardsByEntry", () => {
  it("returns every entry's awards in the event's order from one call, and nothing for no entries", async () => {
    expect(await awardsByEntry([ids.alpha, ids.beta, ids.alpha, "no-such-entry"])).toEqual({
      [ids.alpha]: ["Best overall", "Best AI metric"],
      [ids.beta]: ["Most valuable failure"],
    });
    expect(await awardsByEntry([])).toEqual({});
  });
});

describe("award badges before and after results are published", () => {
  it("while judging: only the organizers see them; a judge and the teams do not", async () => {
    expect(awardsOf(await gallery(organizer), ids.alpha)).toEqual(["Best overall", "Best AI metric"]);
    expect(awardsOf(await gallery(judge), ids.alpha)).toEqual([]);
    expect(await entryPage(judge, ids.beta)).toEqual([]);
    expect(await entryPage(alice, ids.alpha)).toEqual([]);
    expect(await entryPage(organizer, ids.beta)).toEqual(["Most valuable failure"]);
  });

  it("once published: everyone sees them on the gallery, the entry page, the results rows and the archive", async () => {
    await movePhase(event.id, organizer, "closed");
    expect(awardsOf(await gallery(bob), ids.alpha)).toEqual(["Best overall", "Best AI metric"]);
    expect(await entryPage(alice, ids.beta)).toEqual(["Most valuable failure"]);
    const results = (await expectStatus(resultsLoader(args(request(`/events/${event.slug}/results`, { user: bob }), { slug: event.slug })), 200)).data as {
      rows: { entry: { id: string; teamName: string | null }; awards: string[] }[];
    };
    expect(results.rows.find((r) => r.entry.id === ids.beta)).toMatchObject({ awards: ["Most valuable failure"], entry: { teamName: "Beta failure team" } });
    const archive = await searchLearnings(filtersFromUrl(new URLSearchParams({ event: event.slug })));
    expect(archive.learnings.find((l) => l.id === ids.alpha)?.awards).toEqual(["Best overall", "Best AI metric"]);
    expect(archive.learnings.find((l) => l.id === ids.beta)?.awards).toEqual(["Most valuable failure"]);
  });
});

describe("results page ranking toggle", () => {
  type Loaded = { view: string; official: string; other: string; rows: { rank: number | null; otherRank: number | null }[] };
  const load = async (query: string) =>
    (await expectStatus(resultsLoader(args(request(`/events/${event.slug}/results${query}`, { user: organizer }), { slug: event.slug })), 200)).data as Loaded;

  it("shows the official ranking by default and the other one from a plain GET parameter", async () => {
    expect(await load("")).toMatchObject({ view: "raw", official: "raw", other: "normalized" });
    expect(await load("?view=normalized")).toMatchObject({ view: "normalized", official: "raw", other: "raw" });
    expect(await load("?view=bogus")).toMatchObject({ view: "raw" });
  });
});
