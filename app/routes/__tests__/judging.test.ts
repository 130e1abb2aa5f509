import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { entries, eventJudges, scores, teamMembers } from "#db/schema";
import { db } from "~/db.server";
import { listCriteria } from "~/modules/events/events.server";
import { RUBRIC_CHANGED } from "~/modules/judging/judging.server";
import { loader as entryViewLoader } from "~/routes/events.$slug.entries.$entryId._index";
import { action as scoreAction, loader as scoreLoader } from "~/routes/events.$slug.entries.$entryId.score";
import { loader as queueLoader } from "~/routes/events.$slug.judging";
import { loader as resultsLoader } from "~/routes/events.$slug.results";
import { args, createOpenEvent, createUser, expectStatus, fieldErrors, movePhase, request, sheetForm, submittedEntry, type TestUser } from "~/test/fixtures";

type Criterion = Awaited<ReturnType<typeof listCriteria>>[number];

const sheet = (rubric: Criterion[], value: (i: number) => number, comment = (i: number) => `Comment ${i}`) => sheetForm(rubric, value, { comment });

type World = {
  organizer: TestUser;
  judge: TestUser;
  judgeInTeam: TestUser;
  alice: TestUser;
  bob: TestUser;
  outsider: TestUser;
  event: Awaited<ReturnType<typeof createOpenEvent>>["event"];
  rubric: Criterion[];
  aliceEntryId: string;
  bobEntryId: string;
};

/** An event in judging with two submitted entries; one judge is also a member of Alice's team. */
async function world(): Promise<World> {
  const organizer = await createUser({ role: "organizer" });
  const [judge, judgeInTeam, alice, bob, outsider] = await Promise.all([createUser(), createUser(), createUser(), createUser(), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  await db.insert(eventJudges).values([
    { eventId: event.id, userId: judge.id },
    { eventId: event.id, userId: judgeInTeam.id },
  ]);
  const aliceEntry = await submittedEntry(event, alice.id, problem.id, { title: "Alice entry", teamName: "Alice team" });
  const bobEntry = await submittedEntry(event, bob.id, problem.id, { title: "Bob entry", teamName: "Bob team" });
  // A judge in a team of the event they judge: the app refuses this (ADR 010), so it is written directly.
  await db.insert(teamMembers).values({ teamId: aliceEntry.teamId, eventId: event.id, userId: judgeInTeam.id });
  await movePhase(event.id, organizer, "judging");
  return {
    organizer,
    judge,
    judgeInTeam,
    alice,
    bob,
    outsider,
    event: { ...event, phase: "judging" },
    rubric: await listCriteria(event.id),
    aliceEntryId: aliceEntry.entryId,
    bobEntryId: bobEntry.entryId,
  };
}

const scorePath = (w: World, entryId: string) => `/events/${w.event.slug}/entries/${entryId}/score`;
const score = (w: World, user: TestUser, entryId: string, form: Record<string, string | number>) =>
  scoreAction(args(request(scorePath(w, entryId), { user, form }), { slug: w.event.slug, entryId }));
const scoresOf = (entryId: string, judgeId?: string) =>
  db
    .select()
    .from(scores)
    .where(judgeId ? and(eq(scores.entryId, entryId), eq(scores.judgeId, judgeId)) : eq(scores.entryId, entryId));
const results = (w: World, user: TestUser) => resultsLoader(args(request(`/events/${w.event.slug}/results`, { user }), { slug: w.event.slug }));
const viewEntry = (w: World, user: TestUser, entryId: string) =>
  entryViewLoader(args(request(`/events/${w.event.slug}/entries/${entryId}`, { user }), { slug: w.event.slug, entryId }));

describe("judging", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it("lets a judge score every criterion of an entry, and change the scores later", async () => {
    const loaded = await expectStatus(
      scoreLoader(args(request(scorePath(w, w.bobEntryId), { user: w.judge }), { slug: w.event.slug, entryId: w.bobEntryId })),
      200,
    );
    expect((loaded.data as { rubric: unknown[]; mine: unknown[] }).rubric).toHaveLength(6);
    expect((loaded.data as { mine: unknown[] }).mine).toEqual([]);

    const res = await expectStatus(
      score(
        w,
        w.judge,
        w.bobEntryId,
        sheet(w.rubric, (i) => (i % 5) + 1),
      ),
      302,
    );
    expect(res.response!.headers.get("Location")).toBe(`/events/${w.event.slug}/judging`);
    const saved = await scoresOf(w.bobEntryId, w.judge.id);
    expect(saved).toHaveLength(6);
    const byCriterion = new Map(saved.map((s) => [s.criterionId, s]));
    w.rubric.forEach((c, i) => expect(byCriterion.get(c.id)).toMatchObject({ value: (i % 5) + 1, comment: `Comment ${i}` }));

    await expectStatus(
      score(
        w,
        w.judge,
        w.bobEntryId,
        sheet(
          w.rubric,
          () => 5,
          () => "Revised",
        ),
      ),
      302,
    );
    const revised = await scoresOf(w.bobEntryId, w.judge.id);
    expect(revised).toHaveLength(6);
    expect(revised.every((s) => s.value === 5 && s.comment === "Revised")).toBe(true);

    // The judge's queue does not list their own team's entry for the judge in Alice's team.
    const queue = await expectStatus(queueLoader(args(request(`/events/${w.event.slug}/judging`, { user: w.judgeInTeam }), { slug: w.event.slug })), 200);
    expect((queue.data as { queue: { id: string }[] }).queue.map((e) => e.id)).toEqual([w.bobEntryId]);
  });

  it("refuses out-of-range values and incomplete sheets, saving nothing", async () => {
    const tooHigh = await expectStatus(
      score(
        w,
        w.judge,
        w.bobEntryId,
        sheet(w.rubric, (i) => (i === 2 ? 6 : 3)),
      ),
      400,
    );
    expect(fieldErrors(tooHigh)["scores[2].value"]).toEqual(["Pick a value from 1 to 5"]);

    // A sheet of other criteria than the rubric's (a page opened before it changed): refused as a whole, with one
    // message the page shows, rather than the rows' own on hidden fields.
    const rubricChanged = { "": [RUBRIC_CHANGED] };
    const partial = sheet(w.rubric.slice(0, 5), () => 3);
    const incomplete = await expectStatus(score(w, w.judge, w.bobEntryId, partial), 409);
    expect(fieldErrors(incomplete)).toEqual(rubricChanged);

    const foreign = sheet(w.rubric, () => 3);
    foreign["scores[0].criterionId"] = "not-a-criterion";
    const unknown = await expectStatus(score(w, w.judge, w.bobEntryId, foreign), 409);
    expect(fieldErrors(unknown)).toEqual(rubricChanged);

    expect(await scoresOf(w.bobEntryId)).toHaveLength(0);
  });

  it("refuses a sheet that names one criterion twice and leaves another out", async () => {
    const form = sheet(w.rubric, () => 4);
    form["scores[5].criterionId"] = w.rubric[0].id; // six rows, but criterion 6 is missing
    const res = await expectStatus(score(w, w.judge, w.bobEntryId, form), 400);
    expect(fieldErrors(res).scores).toEqual(["Score every criterion"]);
    expect(await scoresOf(w.bobEntryId)).toHaveLength(0);
  });

  it("refuses a judge who is a member of the entry's team (403) on the loader and the action", async () => {
    const loaded = await expectStatus(
      scoreLoader(args(request(scorePath(w, w.aliceEntryId), { user: w.judgeInTeam }), { slug: w.event.slug, entryId: w.aliceEntryId })),
      403,
    );
    expect(loaded.data).toBe("You cannot score an entry of your own team.");
    const res = await expectStatus(
      score(
        w,
        w.judgeInTeam,
        w.aliceEntryId,
        sheet(w.rubric, () => 5),
      ),
      403,
    );
    expect(fieldErrors(res)[""]?.[0]).toMatch(/^You cannot score an entry of your own team\. Your scores/);
    expect(await scoresOf(w.aliceEntryId)).toHaveLength(0);
    // The same judge may score the other team's entry.
    await expectStatus(
      score(
        w,
        w.judgeInTeam,
        w.bobEntryId,
        sheet(w.rubric, () => 2),
      ),
      302,
    );
  });

  it("refuses a non-judge (participant, outsider, organizer) with 403, saying so beside the form they sent", async () => {
    for (const user of [w.bob, w.outsider, w.organizer]) {
      const res = await expectStatus(
        score(
          w,
          user,
          w.aliceEntryId,
          sheet(w.rubric, () => 5),
        ),
        403,
      );
      // Beside the form, as for a judge removed while writing (the form holds only what they sent).
      expect((res.data as { result: { error?: Record<string, string[]> } }).result.error?.[""]).toEqual([
        "Only this event's judges can score entries. Your scores and comments are still in the form: copy what you need.",
      ]);
    }
    expect(await scoresOf(w.aliceEntryId)).toHaveLength(0);
  });

  it("refuses scoring once the event has closed", async () => {
    await expectStatus(
      score(
        w,
        w.judge,
        w.bobEntryId,
        sheet(w.rubric, () => 3),
      ),
      302,
    );
    await movePhase(w.event.id, w.organizer, "closed");
    const res = await expectStatus(
      score(
        w,
        w.judge,
        w.bobEntryId,
        sheet(w.rubric, () => 5),
      ),
      403,
    );
    expect(fieldErrors(res)[""]?.[0]).toMatch(/^Scores can be given or changed only while the event is in judging\. Your scores/);
    expect((await scoresOf(w.bobEntryId, w.judge.id)).every((s) => s.value === 3)).toBe(true);
  });

  it("keeps results from participants and judges while judging, shows them to the organizer", async () => {
    await expectStatus(
      score(
        w,
        w.judge,
        w.bobEntryId,
        sheet(w.rubric, () => 5),
      ),
      302,
    );
    await expectStatus(
      score(
        w,
        w.judge,
        w.aliceEntryId,
        sheet(w.rubric, () => 1),
      ),
      302,
    );
    for (const user of [w.alice, w.bob, w.judge, w.outsider]) {
      const res = await expectStatus(results(w, user), 403);
      expect(res.data).toBe("Results are published when the event closes.");
    }
    const org = await expectStatus(results(w, w.organizer), 200);
    const rows = (org.data as { rows: { rank: number; score: number; entry: { id: string } }[] }).rows;
    expect(rows.map((r) => [r.entry.id, r.rank, r.score])).toEqual([
      [w.bobEntryId, 1, 100],
      [w.aliceEntryId, 2, 0],
    ]);
  });

  it("publishes results to everyone signed in after closing, and the team then reads its feedback", async () => {
    await expectStatus(
      score(
        w,
        w.judge,
        w.aliceEntryId,
        sheet(
          w.rubric,
          () => 4,
          (i) => `Feedback ${i}`,
        ),
      ),
      302,
    );
    await expectStatus(
      score(
        w,
        w.judgeInTeam,
        w.bobEntryId,
        sheet(w.rubric, () => 2),
      ),
      302,
    );

    // Before closing: Alice sees her entry, but no judges' feedback.
    const before = await expectStatus(viewEntry(w, w.alice, w.aliceEntryId), 200);
    expect((before.data as { feedback: unknown[] }).feedback).toEqual([]);

    await movePhase(w.event.id, w.organizer, "closed");

    for (const user of [w.alice, w.bob, w.judge, w.outsider, w.organizer]) {
      const res = await expectStatus(results(w, user), 200);
      const d = res.data as { event: { phase: string }; rows: { entry: { id: string }; rank: number }[] };
      expect(d.event.phase).toBe("closed");
      expect(d.rows.map((r) => r.entry.id)).toEqual([w.aliceEntryId, w.bobEntryId]);
    }
    const signedOut = await expectStatus(resultsLoader(args(request(`/events/${w.event.slug}/results`), { slug: w.event.slug })), 302);
    expect(signedOut.response!.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);

    const after = await expectStatus(viewEntry(w, w.alice, w.aliceEntryId), 200);
    const feedback = (after.data as { feedback: { judge: string; overall: string; scores: { criterionName: string; value: number; comment: string }[] }[] })
      .feedback;
    expect(feedback).toEqual([
      {
        judge: "Judge 1",
        who: "Judge 1",
        overall: "",
        scores: w.rubric.map((c, i) => ({ criterionName: c.name, value: 4, comment: `Feedback ${i}` })),
        unfinished: false,
      },
    ]);
    // Judge names and ids stay hidden.
    expect(JSON.stringify(after.data)).not.toContain(w.judge.id);
    expect(JSON.stringify(after.data)).not.toContain(w.judge.name);
    // The root cause comes as words, an "other" one with what the team wrote.
    await db.update(entries).set({ postMortemRootCause: "other", postMortemRootCauseOther: "Budget froze" }).where(eq(entries.id, w.aliceEntryId));
    expect(((await expectStatus(viewEntry(w, w.alice, w.aliceEntryId), 200)).data as { rootCause: string }).rootCause).toBe("Other: Budget froze");

    // Another team sees the entry after closing, but not its feedback.
    const rival = await expectStatus(viewEntry(w, w.bob, w.aliceEntryId), 200);
    expect((rival.data as { feedback: unknown[] }).feedback).toEqual([]);
  });
});
