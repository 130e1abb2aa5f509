import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { criteria, entries, eventJudges, events, finalists, finalJudges, judgeConflicts, notifications, overallComments, scores } from "#db/schema";
import { db } from "~/db.server";
import { finalRoundStart, listCriteria } from "~/modules/events/events.server";
import { judgingSheets } from "~/modules/events/dashboard.server";
import { learningsMean } from "~/modules/judging/awards.server";
import { declareConflict, saveScores } from "~/modules/judging/judging.server";
import { startFinalRound } from "~/modules/judging/rounds.server";
import { recipients } from "~/modules/announcements/announcements.server";
import { eventsWithRoles } from "~/modules/events/roles.server";
import { loader as scoresCsvLoader } from "~/routes/events.$slug.scores[.]csv";
import { action as scoreAction } from "~/routes/events.$slug.entries.$entryId.score";
import { loader as entryLoader } from "~/routes/events.$slug.entries.$entryId._index";
import { action as finalAction, loader as finalLoader } from "~/routes/events.$slug.final-round";
import { loader as queueLoader } from "~/routes/events.$slug.judging";
import { loader as resultsLoader } from "~/routes/events.$slug.results";
import { loader as digestLoader } from "~/routes/events.$slug.digest";
import { loadDigest } from "~/modules/archive/digest.server";
import {
  args,
  createOpenEvent,
  createUser,
  expectStatus,
  fieldErrors,
  getEvent,
  movePhase,
  request,
  sheetForm,
  submittedEntry,
  toastOf,
  type TestUser,
} from "~/test/fixtures";

/** An event in round 1 of judging: two judges scored four entries, ranked Alpha > Beta > Gamma > Delta. */
async function world() {
  const organizer = await createUser({ role: "organizer" });
  const [j1, j2, j3, alice, bob, carol, dave] = await Promise.all([
    createUser(),
    createUser(),
    createUser(),
    createUser(),
    createUser(),
    createUser(),
    createUser(),
  ]);
  const { event, problem } = await createOpenEvent(organizer);
  await db.insert(eventJudges).values([j1, j2].map((j) => ({ eventId: event.id, userId: j.id })));
  const ids: Record<string, string> = {};
  for (const [user, title] of [
    [alice, "Alpha"],
    [bob, "Beta"],
    [carol, "Gamma"],
    [dave, "Delta"],
  ] as const)
    ids[title] = (await submittedEntry(event, user.id, problem.id, { title })).entryId;
  await movePhase(event.id, organizer, "judging");
  const rubric = await listCriteria(event.id);
  const values = { Alpha: 5, Beta: 4, Gamma: 3, Delta: 2 } as const;
  for (const judge of [j1, j2])
    for (const [title, v] of Object.entries(values))
      await saveScores(
        ids[title],
        judge.id,
        rubric.map((c) => ({ criterionId: c.id, value: v, comment: "" })),
        new Date(),
        `Round 1 on ${title}`,
      );
  return { organizer, j1, j2, j3, alice, bob, carol, dave, event, rubric, ids };
}
type World = Awaited<ReturnType<typeof world>>;

const finalPage = (w: World, user: TestUser, query = "") =>
  finalLoader(args(request(`/events/${w.event.slug}/final-round${query}`, { user }), { slug: w.event.slug }));
const start = (w: World, user: TestUser, form: Record<string, string | number | readonly string[]>) =>
  finalAction(args(request(`/events/${w.event.slug}/final-round`, { user, form }), { slug: w.event.slug }));
const roundOf = async (w: World) => (await getEvent(w.event.id)).judgingRound;
const queue = async (w: World, user: TestUser) =>
  (
    (await expectStatus(queueLoader(args(request(`/events/${w.event.slug}/judging`, { user }), { slug: w.event.slug })), 200)).data as {
      queue: { id: string; criterionCount: number; scored: number }[];
    }
  ).queue;
const results = async (w: World, user: TestUser) =>
  (await expectStatus(resultsLoader(args(request(`/events/${w.event.slug}/results`, { user }), { slug: w.event.slug })), 200)).data as {
    round: number;
    rows: { entry: { title: string }; rank: number | null }[];
    roundOne: { rows: { entry: { title: string }; rank: number | null; finalist: boolean }[] } | null;
  };

/** Top 2 is Alpha and Beta; the organizer swaps Beta for Gamma, with j1 going on and j3 new. */
const goodForm = (w: World) => ({
  top: 2,
  finalists: [w.ids.Alpha, w.ids.Gamma],
  reason: "Beta's team cannot present live on the day",
  judges: [w.j1.id],
  judgeEmails: w.j3.email,
  rubric: "live-demo",
  confirmed: "on",
});

describe("judging rounds: the final round", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it("suggests the top N of round 1's official ranking, N from ?top=", async () => {
    const page = (await expectStatus(finalPage(w, w.organizer), 200)).data as {
      canStart: boolean;
      suggested: string[];
      ranking: { title: string; rank: number }[];
    };
    expect(page.canStart).toBe(true);
    expect(page.ranking.map((r) => [r.title, r.rank])).toEqual([
      ["Alpha", 1],
      ["Beta", 2],
      ["Gamma", 3],
      ["Delta", 4],
    ]);
    expect(page.suggested).toEqual([w.ids.Alpha, w.ids.Beta, w.ids.Gamma]);
    const two = (await expectStatus(finalPage(w, w.organizer, "?top=2"), 200)).data as { suggested: string[] };
    expect(two.suggested).toEqual([w.ids.Alpha, w.ids.Beta]);
  });

  it("says before round 1 closes that some of its score sheets are missing, and which", async () => {
    const gapsOf = async () =>
      ((await expectStatus(finalPage(w, w.organizer), 200)).data as { roundOneGaps: { note: string; entries: string[] } | null }).roundOneGaps;
    expect(await gapsOf()).toBeNull();
    await db.delete(scores).where(and(eq(scores.entryId, w.ids.Delta), eq(scores.judgeId, w.j2.id)));
    const gaps = await gapsOf();
    expect(gaps?.note).toBe(
      "Round 1's judging is not complete: 7 of 8 expected score sheets are complete. The ranking below counts only the scores saved so far, and once round 1 closes its judges can no longer finish them.",
    );
    expect(gaps?.entries).toHaveLength(1);
    expect(gaps?.entries[0]).toMatch(/^Delta: /);
  });

  it("refuses a hand change without a reason, an empty shortlist, no judge and no confirmation, changing nothing", async () => {
    expect(fieldErrors(await expectStatus(start(w, w.organizer, { ...goodForm(w), reason: "" }), 400)).reason?.[0]).toMatch(/Say why the shortlist differs/);
    expect(fieldErrors(await expectStatus(start(w, w.organizer, { ...goodForm(w), finalists: [] }), 400)).finalists?.[0]).toBe("Pick at least one finalist.");
    expect(fieldErrors(await expectStatus(start(w, w.organizer, { ...goodForm(w), judges: [], judgeEmails: "" }), 400)).judges?.[0]).toBe(
      "Pick at least one judge for the final round.",
    );
    expect(fieldErrors(await expectStatus(start(w, w.organizer, { ...goodForm(w), confirmed: "" }), 400)).confirmed?.[0]).toMatch(/Tick the confirmation/);
    expect(fieldErrors(await expectStatus(start(w, w.organizer, { ...goodForm(w), judgeEmails: "nobody@example.com" }), 400)).judgeEmails?.[0]).toMatch(
      /No account has the email nobody@example.com/,
    );
    // A final judge who is in a team of the event is refused, whether that team is a finalist (Gamma) or not (Delta).
    expect(fieldErrors(await expectStatus(start(w, w.organizer, { ...goodForm(w), judgeEmails: w.carol.email }), 400)).judgeEmails?.[0]).toMatch(
      /is in the team of “Gamma” in this event/,
    );
    expect(fieldErrors(await expectStatus(start(w, w.organizer, { ...goodForm(w), judgeEmails: w.dave.email }), 400)).judgeEmails?.[0]).toMatch(
      /is in the team of “Delta” in this event/,
    );
    // Ticks made against a top 2 the ranking no longer has (scores were saved since the page was read): refused with
    // 409, which reads the page again, rather than a "hand change" recorded under the organizer's name.
    const moved = await expectStatus(start(w, w.organizer, { ...goodForm(w), suggested: `${w.ids.Alpha},${w.ids.Gamma}` }), 409);
    expect(fieldErrors(moved).finalists?.[0]).toMatch(/^The ranking changed since this page was opened/);
    expect(await roundOf(w)).toBe(1);
    expect(await db.select().from(finalists).where(eq(finalists.eventId, w.event.id))).toEqual([]);
    expect(await db.select().from(finalJudges).where(eq(finalJudges.eventId, w.event.id))).toEqual([]);
  });

  it("only organizers see the page and start it, only from round 1 of judging", async () => {
    await expectStatus(finalPage(w, w.j1), 403);
    await expectStatus(start(w, w.j1, goodForm(w)), 403);
    await expectStatus(start(w, w.alice, goodForm(w)), 403);
    // The top 2 the page showed, as the form sends it: the hand change is Gamma for Beta, with its reason.
    await expectStatus(start(w, w.organizer, { ...goodForm(w), suggested: `${w.ids.Beta},${w.ids.Alpha}` }), 302);
    // Once started, a second press (or a co-organizer's page) is refused and changes nothing: said on the page, which
    // shows the final round now, not as an error page.
    const again = await expectStatus(start(w, w.organizer, { ...goodForm(w), finalists: [w.ids.Delta], judges: [w.j2.id], judgeEmails: "" }), 302);
    expect(again.response?.headers.get("Location")).toBe(`/events/${w.event.slug}/final-round`);
    expect(await toastOf(again)).toEqual({ kind: "error", message: "The final round has already started." });
    // An event moved back out of judging: said on its Manage page, where its phase is.
    await db.update(events).set({ phase: "open" }).where(eq(events.id, w.event.id));
    const reopened = await expectStatus(start(w, w.organizer, goodForm(w)), 302);
    expect(reopened.response?.headers.get("Location")).toBe(`/events/${w.event.slug}/manage`);
    expect(await toastOf(reopened)).toEqual({ kind: "error", message: "The final round is chosen during judging, after round 1." });
    await expectStatus(start(w, w.j1, goodForm(w)), 403);
    expect((await db.select().from(finalJudges).where(eq(finalJudges.eventId, w.event.id))).map((j) => j.userId).sort()).toEqual([w.j1.id, w.j3.id].sort());
  });

  it("starts once when two organizers press at the same time: the second, on a stale page, changes nothing", async () => {
    const stale = await getEvent(w.event.id);
    const input = { ...goodForm(w), confirmed: true, rubric: "live-demo" as const, judges: [w.j1.id], finalists: [w.ids.Alpha, w.ids.Gamma] };
    expect(await startFinalRound(stale, w.organizer.id, input, new Date(), "http://localhost")).toMatchObject({ ok: true });
    const other = { ...input, finalists: [w.ids.Delta], reason: "Another idea", judges: [w.j2.id], judgeEmails: "", rubric: "same" as const };
    expect(await startFinalRound(stale, w.organizer.id, other, new Date(), "http://localhost")).toEqual({
      ok: false,
      field: "finalists",
      message: "The event changed meanwhile: the final round started, or the event left judging.",
      startedMeanwhile: true,
    });
    expect((await db.select().from(finalists).where(eq(finalists.eventId, w.event.id))).map((f) => f.entryId).sort()).toEqual(
      [w.ids.Alpha, w.ids.Beta, w.ids.Gamma].sort(),
    );
    expect((await db.select().from(finalJudges).where(eq(finalJudges.eventId, w.event.id))).map((j) => j.userId).sort()).toEqual([w.j1.id, w.j3.id].sort());
    expect(await listCriteria(w.event.id, 2)).toHaveLength(3);
    const told = await db
      .select()
      .from(notifications)
      .where(eq(notifications.title, `The final round of ${w.event.title} is open`));
    expect(told.map((n) => n.userId).sort()).toEqual([w.j1.id, w.j3.id].sort());
  });

  it("records the shortlist with who, when and why, the final judges and rubric, and tells the final judges", async () => {
    // j1 stepped away from Gamma in round 1 (the row alone: round 1's ranking stays as it is here).
    await db.insert(judgeConflicts).values({ eventId: w.event.id, entryId: w.ids.Gamma, judgeId: w.j1.id, reason: "I advised this team" });
    expect(await finalRoundStart(w.event.id)).toBeNull();
    const before = Date.now();
    await expectStatus(start(w, w.organizer, goodForm(w)), 302);
    expect(await roundOf(w)).toBe(2);
    // The Manage page's history reads the start from these rows: when, by whom, and the finalists (Beta is left out).
    const started = await finalRoundStart(w.event.id);
    expect(started).toMatchObject({ by: w.organizer.name, finalists: 2 });
    expect(started!.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(started!.at.getTime()).toBeLessThanOrEqual(Date.now());
    const rows = await db.select().from(finalists).where(eq(finalists.eventId, w.event.id));
    const byEntry = new Map(rows.map((r) => [r.entryId, r]));
    expect(byEntry.get(w.ids.Alpha)).toMatchObject({ decision: "top", reason: "", decidedBy: w.organizer.id });
    expect(byEntry.get(w.ids.Beta)).toMatchObject({ decision: "removed", reason: "Beta's team cannot present live on the day", decidedBy: w.organizer.id });
    expect(byEntry.get(w.ids.Gamma)).toMatchObject({ decision: "added", reason: "Beta's team cannot present live on the day" });
    expect(byEntry.has(w.ids.Delta)).toBe(false);
    const finalRubric = await listCriteria(w.event.id, 2);
    expect(finalRubric.map((c) => c.name)).toEqual(["Live demo", "Business impact", "Answers to the jury"]);
    expect(await listCriteria(w.event.id)).toHaveLength(w.rubric.length);
    const told = await db
      .select()
      .from(notifications)
      .where(eq(notifications.title, `The final round of ${w.event.title} is open`));
    expect(told.map((n) => n.userId).sort()).toEqual([w.j1.id, w.j3.id].sort());
    // Each is told what their own queue lists: j1 not the finalist they declared a conflict with.
    expect(Object.fromEntries(told.map((n) => [n.userId, n.body]))).toEqual({
      [w.j1.id]: "Your queue lists the finalist you score.",
      [w.j3.id]: "Your queue lists the 2 finalists you score.",
    });
    expect((await queue(w, w.j1)).map((q) => q.id)).toEqual([w.ids.Alpha]);
    // The raw scores export has its round column from the final round's start, before its first score.
    const csv = await (
      await expectStatus(scoresCsvLoader(args(request(`/events/${w.event.slug}/scores.csv`, { user: w.organizer }), { slug: w.event.slug })), 200)
    ).response!.text();
    expect(csv.split("\n")[0]).toMatch(/^round,entry,/);
    expect(csv).not.toContain("Final round,");
    // A judge of the final round only is a judge of the event everywhere: announcements to judges, their account's roles.
    expect((await recipients(w.event.id, "judges", "judging", w.organizer.id)).map((p) => p.id)).toContain(w.j3.id);
    expect((await eventsWithRoles({ id: w.j3.id, role: "member" })).map((e) => e.slug)).toContain(w.event.slug);
    const page = (await expectStatus(finalPage(w, w.organizer), 200)).data as { canStart: boolean; shortlist: { decision: string; by: string }[] };
    expect(page.canStart).toBe(false);
    expect(page.shortlist.find((s) => s.decision === "added")?.by).toBe(w.organizer.name);
  });

  it("reuses round 1's rubric as the final round's own copy when asked", async () => {
    await expectStatus(start(w, w.organizer, { ...goodForm(w), rubric: "same" }), 302);
    const finalRubric = await listCriteria(w.event.id, 2);
    expect(finalRubric.map((c) => [c.name, c.weight, c.kind])).toEqual(w.rubric.map((c) => [c.name, c.weight, c.kind]));
    expect(finalRubric.some((c) => w.rubric.some((r) => r.id === c.id))).toBe(false);

    // The Learnings mean behind "best lessons" and the most-valuable-failure hint is round 1's, which scored every
    // entry: a final judge's score on the copied criterion does not move it.
    const learnings = finalRubric.find((c) => c.kind === "learnings")!;
    await db.insert(scores).values({ entryId: w.ids.Alpha, judgeId: w.j3.id, criterionId: learnings.id, value: 1 });
    const [alpha] = await db.select({ mean: learningsMean() }).from(entries).where(eq(entries.id, w.ids.Alpha));
    expect(alpha.mean).toBe(5);
  });

  it("runs the final round: queues, read-only round 1, its own sheets and results, round 1 kept for organizers", async () => {
    await expectStatus(start(w, w.organizer, goodForm(w)), 302);
    const finalRubric = await listCriteria(w.event.id, 2);
    // Queues: finalists for the final judges only; a round-1-only judge has none.
    expect((await queue(w, w.j3)).map((q) => q.id).sort()).toEqual([w.ids.Alpha, w.ids.Gamma].sort());
    expect((await queue(w, w.j1)).every((q) => q.criterionCount === 3 && q.scored === 0)).toBe(true);
    expect(await queue(w, w.j2)).toEqual([]);
    const scoreAs = (user: TestUser, entryId: string, form: Record<string, string | number>) =>
      scoreAction(args(request(`/events/${w.event.slug}/entries/${entryId}/score`, { user, form }), { slug: w.event.slug, entryId }));
    // Round 1 is read-only: a round-1 judge is refused, a non-finalist is refused, a round-1 sheet is not the form any more.
    await expectStatus(
      scoreAs(
        w.j2,
        w.ids.Alpha,
        sheetForm(w.rubric, () => 1),
      ),
      403,
    );
    await expectStatus(
      scoreAs(
        w.j3,
        w.ids.Delta,
        sheetForm(finalRubric, () => 1),
      ),
      403,
    );
    // A judge of both rounds on a round-1 page: refused as a whole, with one message the page shows (the rows' own
    // would land on hidden fields), and the sheet as typed.
    const stale = await expectStatus(
      scoreAs(
        w.j1,
        w.ids.Alpha,
        sheetForm(w.rubric, () => 1),
      ),
      409,
    );
    const staleData = stale.data as {
      result: { error: Record<string, string[]>; initialValue: { scores: { criterionId: string; value: string }[] } };
      kept: string[];
      rubricChanged: boolean;
    };
    const staleResult = staleData.result;
    expect(staleResult.error).toEqual({
      "": [
        "The rubric changed since this page was opened (the final round started with its own criteria, or the organizers changed one), so nothing was saved. The sheet now follows the current rubric, keeping what you typed for criteria it still has; the rest is listed under “What you sent”. Check it and save again.",
      ],
    });
    // The sheet comes back as the final round's rows, which the page read again shows: none of its criteria is one of
    // round 1's, so every line sent is listed to copy.
    expect(staleData.rubricChanged).toBe(true);
    expect(staleResult.initialValue.scores).toEqual(finalRubric.map((c) => ({ criterionId: c.id, value: "", comment: "" })));
    expect(staleData.kept).toEqual(w.rubric.map((c) => `${c.name}: 1`));
    // Even the module's write refuses a round-1 criterion now, in its statement.
    await saveScores(w.ids.Alpha, w.j1.id, [{ criterionId: w.rubric[0].id, value: 1, comment: "" }], new Date());
    const [kept] = await db
      .select()
      .from(scores)
      .where(and(eq(scores.entryId, w.ids.Alpha), eq(scores.judgeId, w.j1.id), eq(scores.criterionId, w.rubric[0].id)));
    expect(kept.value).toBe(5);
    // The final judges score: Gamma wins the final round although Alpha led round 1.
    for (const judge of [w.j1, w.j3]) {
      await expectStatus(
        scoreAs(
          judge,
          w.ids.Gamma,
          sheetForm(finalRubric, () => 5, { overall: "Great live demo" }),
        ),
        302,
      );
      await expectStatus(
        scoreAs(
          judge,
          w.ids.Alpha,
          sheetForm(finalRubric, () => 2),
        ),
        302,
      );
    }
    // j1's round-1 overall comment on Alpha stays beside the final round's.
    const alphaComments = await db
      .select()
      .from(overallComments)
      .where(and(eq(overallComments.entryId, w.ids.Gamma), eq(overallComments.judgeId, w.j1.id)));
    expect(alphaComments.map((r) => [r.round, r.comment]).sort()).toEqual([
      [1, "Round 1 on Gamma"],
      [2, "Great live demo"],
    ]);
    // Sheets and progress count the final round only: complete.
    const sheets = await judgingSheets(await getEvent(w.event.id));
    expect([sheets.expected, sheets.complete]).toEqual([4, 4]);

    const organizerView = await results(w, w.organizer);
    expect(organizerView.round).toBe(2);
    expect(organizerView.rows.map((r) => [r.entry.title, r.rank])).toEqual([
      ["Gamma", 1],
      ["Alpha", 2],
    ]);
    expect(organizerView.roundOne?.rows.map((r) => [r.entry.title, r.rank, r.finalist])).toEqual([
      ["Alpha", 1, true],
      ["Beta", 2, false],
      ["Gamma", 3, true],
      ["Delta", 4, false],
    ]);

    // Publishing: the final ranking is the official one for everyone; round 1 stays organizers'.
    await movePhase(w.event.id, w.organizer, "closed");
    const participantView = await results(w, w.dave);
    expect(participantView.rows.map((r) => r.entry.title)).toEqual(["Gamma", "Alpha"]);
    expect(participantView.roundOne).toBeNull();
    expect((await results(w, w.organizer)).roundOne?.rows).toHaveLength(4);

    // Feedback keeps both rounds, each sheet labelled with its round.
    const feedback = (
      (
        await expectStatus(
          entryLoader(args(request(`/events/${w.event.slug}/entries/${w.ids.Gamma}`, { user: w.carol }), { slug: w.event.slug, entryId: w.ids.Gamma })),
          200,
        )
      ).data as { feedback: { round: number | null; who: string; overall: string }[] }
    ).feedback;
    expect(feedback.map((f) => f.round)).toEqual([2, 2, 1, 1]);
    expect(feedback.map((f) => f.who)).toEqual(["Judge 1, final round", "Judge 2, final round", "Judge 1, round 1", "Judge 2, round 1"]);
    // The raw scores export says each row's round.
    const csv = await (
      await expectStatus(scoresCsvLoader(args(request(`/events/${w.event.slug}/scores.csv`, { user: w.organizer }), { slug: w.event.slug })), 200)
    ).response!.text();
    expect(csv.split("\n")[0]).toMatch(/^round,entry,/);
    expect(csv).toContain("Final round,Gamma");

    // The digest keeps every entry's lessons and the final round's ranking; round 1's ranks, which are the
    // organizers' only, are not in it: an entry carries its final rank, or none.
    const page = (
      (await expectStatus(digestLoader(args(request(`/events/${w.event.slug}/digest`, { user: w.dave }), { slug: w.event.slug })), 200)).data as {
        digest: { finalRound: string[] | null };
      }
    ).digest;
    expect(page.finalRound).toEqual(["1. Gamma", "2. Alpha"]);
    const digest = await loadDigest((await db.select().from(events).where(eq(events.id, w.event.id)))[0]);
    expect(digest.finalRound).toEqual([
      { title: "Gamma", rank: 1 },
      { title: "Alpha", rank: 2 },
    ]);
    expect(digest.entries.map((e) => [e.title, e.rank])).toEqual([
      ["Alpha", 2],
      ["Beta", null],
      ["Delta", null],
      ["Gamma", 1],
    ]);

    // Reopening goes back to the final round, never to round 1.
    await movePhase(w.event.id, w.organizer, "judging", "A final judge mistyped a score");
    expect(await roundOf(w)).toBe(2);
    expect((await queue(w, w.j3)).map((q) => q.id).sort()).toEqual([w.ids.Alpha, w.ids.Gamma].sort());
    await expectStatus(start(w, w.organizer, goodForm(w)), 302);
    expect(await roundOf(w)).toBe(2);
  });

  it("refuses a conflict in the final round from a round-1 judge, or on an entry that did not reach it, keeping round 1's scores", async () => {
    const roundOneScores = () =>
      db
        .select()
        .from(scores)
        .where(inArray(scores.entryId, Object.values(w.ids)));
    const before = await roundOneScores();
    expect(before.length).toBeGreaterThan(0);
    await expectStatus(start(w, w.organizer, goodForm(w)), 302);
    const declare = (judge: TestUser, entryId: string) =>
      scoreAction(
        args(
          request(`/events/${w.event.slug}/entries/${entryId}/score`, {
            user: judge,
            form: { intent: "conflict", reason: "I advised this team", confirmed: "on" },
          }),
          { slug: w.event.slug, entryId },
        ),
      );
    // j2 judged round 1 only (a page left open); Beta did not reach the final round.
    for (const [judge, entryId] of [
      [w.j2, w.ids.Gamma],
      [w.j1, w.ids.Beta],
    ] as const) {
      const refused = await expectStatus(declare(judge, entryId), 403);
      expect(refused.thrown).toBe(false);
      expect(fieldErrors(refused)[""]?.[0]).toMatch(/^Round 1 is closed and its scores stand/);
    }
    // The statements hold the rule too, for a request checked just before the final round started.
    expect(await declareConflict(w.event.id, w.ids.Gamma, w.j2.id, "I advised this team", { confirmed: true, typedName: "" })).toMatchObject({
      ok: false,
      refused: expect.stringMatching(/^The event moved on meanwhile/),
    });
    expect(await roundOneScores()).toEqual(before);
    expect(await db.select().from(judgeConflicts).where(eq(judgeConflicts.eventId, w.event.id))).toEqual([]);
  });

  it("drops a judge's scores on an entry in both rounds when they declare a conflict in the final round (ADR 038)", async () => {
    // Recorded in ADR 038's consequences: conflicts are per entry, not per round, so round 1's sheet goes too.
    await expectStatus(start(w, w.organizer, goodForm(w)), 302);
    const finalRubric = await listCriteria(w.event.id, 2);
    await saveScores(
      w.ids.Gamma,
      w.j1.id,
      finalRubric.map((c) => ({ criterionId: c.id, value: 4, comment: "" })),
      new Date(),
      "Final round on Gamma",
    );
    const declare = (form: Record<string, string>) =>
      scoreAction(
        args(
          request(`/events/${w.event.slug}/entries/${w.ids.Gamma}/score`, { user: w.j1, form: { intent: "conflict", reason: "I advised this team", ...form } }),
          { slug: w.event.slug, entryId: w.ids.Gamma },
        ),
      );
    // The confirm step counts both rounds' sheets, and says so.
    const asked = await expectStatus(declare({}), 409);
    expect((asked.data as { confirmConflict: unknown }).confirmConflict).toEqual({
      scores: w.rubric.length + finalRubric.length,
      comments: 2,
      rounds: 2,
      reason: "I advised this team",
    });
    await expectStatus(declare({ confirmed: "on" }), 302);
    const mine = and(eq(scores.entryId, w.ids.Gamma), eq(scores.judgeId, w.j1.id));
    expect(await db.select().from(scores).where(mine)).toEqual([]);
    expect(
      await db
        .select()
        .from(overallComments)
        .where(and(eq(overallComments.entryId, w.ids.Gamma), eq(overallComments.judgeId, w.j1.id))),
    ).toEqual([]);
    // j2's round-1 sheet still ranks Gamma in round 1; j1's sheets on the other entries stay.
    expect((await results(w, w.organizer)).roundOne?.rows.map((r) => [r.entry.title, r.rank])).toEqual([
      ["Alpha", 1],
      ["Beta", 2],
      ["Gamma", 3],
      ["Delta", 4],
    ]);
    expect(
      await db
        .select()
        .from(scores)
        .where(and(eq(scores.entryId, w.ids.Alpha), eq(scores.judgeId, w.j1.id))),
    ).toHaveLength(w.rubric.length);
  });

  it("keeps the final round's rubric editable until its first score, round 1's locked", async () => {
    await expectStatus(start(w, w.organizer, goodForm(w)), 302);
    const { rubricLocked, saveRubric } = await import("~/modules/events/rubric.server");
    expect(await rubricLocked(w.event.id, 1)).toBe(true);
    expect(await rubricLocked(w.event.id, 2)).toBe(false);
    const saved = await saveRubric(w.event.id, 5, { criteria: [{ name: "Live demo", description: "Shown live.", weight: 1 }] }, 2);
    expect(saved.ok).toBe(true);
    expect(
      (
        await db
          .select()
          .from(criteria)
          .where(and(eq(criteria.eventId, w.event.id), eq(criteria.round, 2)))
      ).map((c) => c.name),
    ).toEqual(["Live demo"]);
    expect(await listCriteria(w.event.id)).toHaveLength(w.rubric.length);
    expect((await db.select({ round: events.judgingRound }).from(events).where(eq(events.id, w.event.id)))[0].round).toBe(2);
  });
});
