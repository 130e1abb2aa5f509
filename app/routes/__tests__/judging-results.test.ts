import { parse } from "csv-parse/sync";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { awards, entries, eventJudges, events, judgeAssignments, judgeConflicts, overallComments, scores, teams } from "#db/schema";
import { db } from "~/db.server";
import { listCriteria } from "~/modules/events/events.server";
import { action as awardsAction, loader as awardsLoader } from "~/routes/events.$slug.awards";
import { loader as eventLoader } from "~/routes/events.$slug._index";
import { loader as galleryLoader } from "~/routes/events.$slug.entries._index";
import { loader as entryViewLoader } from "~/routes/events.$slug.entries.$entryId._index";
import { loader as problemLoader } from "~/routes/events.$slug.problems.$problemId._index";
import { action as scoreAction, loader as scoreLoader } from "~/routes/events.$slug.entries.$entryId.score";
import { action as queueAction, loader as queueLoader } from "~/routes/events.$slug.judging";
import { action as settingsAction, loader as settingsLoader } from "~/routes/events.$slug.judging-settings";
import { judgingSettingsStamp, SETTINGS_CHANGED, updateJudgingSettings } from "~/modules/judging/settings.server";
import { declareConflict } from "~/modules/judging/judging.server";
import { loader as judgesLoader } from "~/routes/events.$slug.judges";
import { loader as resultsLoader } from "~/routes/events.$slug.results";
import { loader as resultsCsvLoader } from "~/routes/events.$slug.results[.]csv";
import { loader as scoresCsvLoader } from "~/routes/events.$slug.scores[.]csv";
import {
  args,
  createOpenEvent,
  createUser,
  expectStatus,
  fieldErrors,
  movePhase,
  request,
  sheetForm,
  submittedEntry,
  toastOf,
  type TestUser,
} from "~/test/fixtures";

type Criterion = Awaited<ReturnType<typeof listCriteria>>[number];

const sheet = (rubric: Criterion[], value: (i: number) => number | "", comment = (_i: number) => "", overall = "") =>
  sheetForm(rubric, value, { comment, overall });

/** An event in judging with three judges and three submitted entries (one failed). */
async function world() {
  const organizer = await createUser({ role: "organizer" });
  const [j1, j2, j3, alice, bob, carol] = await Promise.all([createUser(), createUser(), createUser(), createUser(), createUser(), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  await db.insert(eventJudges).values([j1, j2, j3].map((j) => ({ eventId: event.id, userId: j.id })));
  const ids: string[] = [];
  for (const [user, title, outcome] of [
    [alice, "Alice entry", "working"],
    [bob, "Bob entry", "failed"],
    [carol, "Carol entry", "partial"],
  ] as const) {
    ids.push((await submittedEntry(event, user.id, problem.id, { title, outcome })).entryId);
  }
  await movePhase(event.id, organizer, "judging");
  return { organizer, j1, j2, j3, alice, bob, carol, event, rubric: await listCriteria(event.id), aliceEntry: ids[0], bobEntry: ids[1], carolEntry: ids[2] };
}
type World = Awaited<ReturnType<typeof world>>;

const p = (w: World, entryId: string) => ({ slug: w.event.slug, entryId });
const score = (w: World, user: TestUser, entryId: string, form: Record<string, string | number>) =>
  scoreAction(args(request(`/events/${w.event.slug}/entries/${entryId}/score`, { user, form }), p(w, entryId)));
const loadSheet = (w: World, user: TestUser, entryId: string) =>
  scoreLoader(args(request(`/events/${w.event.slug}/entries/${entryId}/score`, { user }), p(w, entryId)));
const queue = async (w: World, user: TestUser) =>
  (
    (await expectStatus(queueLoader(args(request(`/events/${w.event.slug}/judging`, { user }), { slug: w.event.slug })), 200)).data as {
      queue: { id: string; scored: number; criterionCount: number; teamName: string | null }[];
    }
  ).queue;
const csv = (loader: typeof resultsCsvLoader, w: World, user: TestUser, file: string) =>
  loader(args(request(`/events/${w.event.slug}/${file}`, { user }), { slug: w.event.slug }));

describe("judging: partial sheets, conflicts, assignments", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it("keeps a partial sheet and its overall comment, shows it as partly scored, then completes it", async () => {
    const res = await expectStatus(
      score(
        w,
        w.j1,
        w.aliceEntry,
        sheet(
          w.rubric,
          (i) => (i < 2 ? 4 : ""),
          () => "",
          "Promising start",
        ),
      ),
      302,
    );
    expect(res.response!.headers.get("Location")).toBe(`/events/${w.event.slug}/judging`);
    expect(
      await db
        .select()
        .from(scores)
        .where(and(eq(scores.entryId, w.aliceEntry), eq(scores.judgeId, w.j1.id))),
    ).toHaveLength(2);
    expect((await db.select().from(overallComments).where(eq(overallComments.entryId, w.aliceEntry)))[0].comment).toBe("Promising start");
    const row = (await queue(w, w.j1)).find((q) => q.id === w.aliceEntry)!;
    expect([row.scored, row.criterionCount]).toEqual([2, 6]);

    const loaded = await expectStatus(loadSheet(w, w.j1, w.aliceEntry), 200);
    expect((loaded.data as { overall: string; mine: unknown[] }).overall).toBe("Promising start");
    await expectStatus(
      score(
        w,
        w.j1,
        w.aliceEntry,
        sheet(w.rubric, (i) => (i < 2 ? "" : 3)),
      ),
      302,
    );
    expect(
      await db
        .select()
        .from(scores)
        .where(and(eq(scores.entryId, w.aliceEntry), eq(scores.judgeId, w.j1.id))),
    ).toHaveLength(6);
  });

  it("answers an empty sheet with one summary and no field errors; refuses a comment without a value (400, nothing saved)", async () => {
    const empty = await expectStatus(
      score(
        w,
        w.j1,
        w.aliceEntry,
        sheet(w.rubric, () => ""),
      ),
      200,
    );
    expect(fieldErrors(empty)).toEqual({});
    expect((empty.data as { summary: string }).summary).toBe("Nothing scored yet for Alice entry: 6 of 6 criteria still to score.");
    const stray = await expectStatus(
      score(
        w,
        w.j1,
        w.aliceEntry,
        sheet(
          w.rubric,
          (i) => (i === 0 ? 3 : ""),
          (i) => (i === 1 ? "Nice" : ""),
        ),
      ),
      400,
    );
    expect(fieldErrors(stray)["scores[1].value"]).toEqual(["Pick a value to keep this comment"]);
    expect(fieldErrors(stray).scores).toEqual([
      "Nothing was saved: a comment has no score beside it. Pick a value for it, or clear the comment, then save again.",
    ]);
    expect(await db.select().from(scores).where(eq(scores.entryId, w.aliceEntry))).toHaveLength(0);
  });

  it("lets a judge declare a conflict: the entry leaves their queue, scoring it is refused, organizers see it", async () => {
    const missing = await expectStatus(score(w, w.j1, w.bobEntry, { intent: "conflict", reason: "" }), 400);
    expect(fieldErrors(missing).reason).toBeTruthy();
    await expectStatus(score(w, w.j1, w.bobEntry, { intent: "conflict", reason: "Bob is my brother-in-law" }), 302);
    expect((await queue(w, w.j1)).map((q) => q.id)).not.toContain(w.bobEntry);
    const refused = await expectStatus(
      score(
        w,
        w.j1,
        w.bobEntry,
        sheet(w.rubric, () => 5),
      ),
      403,
    );
    expect(fieldErrors(refused)[""]?.[0]).toMatch(/^You declared a conflict of interest with this entry, so you do not score it\. Your scores/);
    await expectStatus(loadSheet(w, w.j1, w.bobEntry), 403);
    expect(await db.select().from(scores).where(eq(scores.entryId, w.bobEntry))).toHaveLength(0);

    const results = await expectStatus(resultsLoader(args(request(`/events/${w.event.slug}/results`, { user: w.organizer }), { slug: w.event.slug })), 200);
    expect((results.data as { conflicts: { judgeName: string; reason: string }[] }).conflicts).toEqual([
      expect.objectContaining({ judgeName: w.j1.name, reason: "Bob is my brother-in-law", title: "Bob entry" }),
    ]);
    // The judges page, where organizers follow the judges' work, lists it too.
    const judgesPage = await expectStatus(judgesLoader(args(request(`/events/${w.event.slug}/judges`, { user: w.organizer }), { slug: w.event.slug })), 200);
    expect((judgesPage.data as { conflicts: { entryId: string; judgeName: string; reason: string }[] }).conflicts).toEqual([
      { entryId: w.bobEntry, judgeName: w.j1.name, reason: "Bob is my brother-in-law", title: "Bob entry" },
    ]);
    // Another judge may not read the conflicts.
    expect(await db.select().from(judgeConflicts)).toHaveLength(1);
  });

  it("removes a judge's scores when they declare a conflict after scoring, so the results no longer count them", async () => {
    await expectStatus(
      score(
        w,
        w.j2,
        w.bobEntry,
        sheet(
          w.rubric,
          () => 5,
          () => "",
          "Great",
        ),
      ),
      302,
    );
    await expectStatus(
      score(
        w,
        w.j1,
        w.bobEntry,
        sheet(w.rubric, () => 2),
      ),
      302,
    );
    // Saved work is deleted only once confirmed: the first request answers with what would be lost, deleting nothing.
    const asked = await expectStatus(score(w, w.j2, w.bobEntry, { intent: "conflict", reason: "I mentored this team" }), 409);
    expect((asked.data as { confirmConflict: unknown }).confirmConflict).toEqual({
      scores: w.rubric.length,
      comments: 1,
      rounds: 1,
      reason: "I mentored this team",
    });
    const j2OnBob = and(eq(scores.entryId, w.bobEntry), eq(scores.judgeId, w.j2.id));
    expect(await db.select().from(scores).where(j2OnBob)).toHaveLength(w.rubric.length);
    expect((await queue(w, w.j2)).map((q) => q.id)).toContain(w.bobEntry);
    await expectStatus(score(w, w.j2, w.bobEntry, { intent: "conflict", reason: "I mentored this team", confirmed: "on" }), 302);
    expect(await db.select().from(scores).where(j2OnBob)).toEqual([]);
    expect(
      await db
        .select()
        .from(overallComments)
        .where(and(eq(overallComments.entryId, w.bobEntry), eq(overallComments.judgeId, w.j2.id))),
    ).toEqual([]);
    // Carol's entry, scored by j1 alone with the same values, is what Bob's total must now equal.
    await expectStatus(
      score(
        w,
        w.j1,
        w.carolEntry,
        sheet(w.rubric, () => 2),
      ),
      302,
    );
    const results = await expectStatus(
      resultsLoader(args(request(`/events/${w.event.slug}/results?view=raw`, { user: w.organizer }), { slug: w.event.slug })),
      200,
    );
    const rows = (results.data as { rows: { entry: { id: string }; score: number | null; missing: string[] }[] }).rows;
    const [bob, carol] = [w.bobEntry, w.carolEntry].map((id) => rows.find((r) => r.entry.id === id)!);
    expect(bob.score).not.toBeNull();
    expect(bob.score).toBe(carol.score);
    expect(bob.missing).toEqual([w.j3.name]);
  });

  it("never counts or shows scores of a conflicted judge, even rows saved around the declaration", async () => {
    // j2 scores Bob's entry, then a conflict row appears without the delete (a save that raced it, or data from before the rule).
    await expectStatus(
      score(
        w,
        w.j2,
        w.bobEntry,
        sheet(
          w.rubric,
          () => 5,
          () => "j2 was here",
          "j2 overall",
        ),
      ),
      302,
    );
    await expectStatus(
      score(
        w,
        w.j1,
        w.bobEntry,
        sheet(w.rubric, () => 2),
      ),
      302,
    );
    await db.insert(judgeConflicts).values({ eventId: w.event.id, entryId: w.bobEntry, judgeId: w.j2.id, reason: "Raced" });
    expect(
      await db
        .select()
        .from(scores)
        .where(and(eq(scores.entryId, w.bobEntry), eq(scores.judgeId, w.j2.id))),
    ).not.toEqual([]);

    const results = await expectStatus(
      resultsLoader(args(request(`/events/${w.event.slug}/results?view=raw`, { user: w.organizer }), { slug: w.event.slug })),
      200,
    );
    const bob = (results.data as { rows: { entry: { id: string }; score: number | null }[] }).rows.find((r) => r.entry.id === w.bobEntry)!;
    await expectStatus(
      score(
        w,
        w.j1,
        w.carolEntry,
        sheet(w.rubric, () => 2),
      ),
      302,
    );
    const again = await expectStatus(
      resultsLoader(args(request(`/events/${w.event.slug}/results?view=raw`, { user: w.organizer }), { slug: w.event.slug })),
      200,
    );
    const carol = (again.data as { rows: { entry: { id: string }; score: number | null }[] }).rows.find((r) => r.entry.id === w.carolEntry)!;
    expect(bob.score).toBe(carol.score);

    const exported = await expectStatus(csv(scoresCsvLoader, w, w.organizer, "scores.csv"), 200);
    expect(await exported.response!.text()).not.toContain("j2 was here");
    await movePhase(w.event.id, w.organizer, "closed");
    const feedback = await expectStatus(
      entryViewLoader(args(request(`/events/${w.event.slug}/entries/${w.bobEntry}`, { user: w.bob }), p(w, w.bobEntry))),
      200,
    );
    expect(JSON.stringify(feedback.data)).not.toContain("j2 was here");
    expect(JSON.stringify(feedback.data)).not.toContain("j2 overall");
    expect((feedback.data as { feedback: unknown[] }).feedback).toHaveLength(1);
  });

  it("lets a judge withdraw their own conflict until results are published: the entry is back in their queue", async () => {
    const withdraw = (user: TestUser, form: Record<string, string>) =>
      queueAction(args(request(`/events/${w.event.slug}/judging`, { user, form }), { slug: w.event.slug }));
    await expectStatus(score(w, w.j1, w.bobEntry, { intent: "conflict", reason: "Bob is my brother-in-law" }), 302);
    // Nobody else can take it back: another judge has no such conflict, a participant is no judge.
    expect(await toastOf(await expectStatus(withdraw(w.j2, { entryId: w.bobEntry }), 302))).toEqual({
      kind: "error",
      message: "You have no conflict declared with this entry (any more).",
    });
    await expectStatus(withdraw(w.bob, { entryId: w.bobEntry }), 403);
    await expectStatus(withdraw(w.j1, {}), 400);
    const conflicts = () => db.select().from(judgeConflicts).where(eq(judgeConflicts.eventId, w.event.id));
    expect(await conflicts()).toHaveLength(1);

    const done = await expectStatus(withdraw(w.j1, { entryId: w.bobEntry }), 302);
    expect(done.response!.headers.get("Location")).toBe(`/events/${w.event.slug}/judging`);
    expect(await conflicts()).toHaveLength(0);
    expect((await queue(w, w.j1)).map((q) => q.id)).toContain(w.bobEntry);
    await expectStatus(
      score(
        w,
        w.j1,
        w.bobEntry,
        sheet(w.rubric, () => 3),
      ),
      302,
    );

    // Once results are published, a conflict stays as it was.
    await expectStatus(score(w, w.j1, w.carolEntry, { intent: "conflict", reason: "Carol reports to me" }), 302);
    await movePhase(w.event.id, w.organizer, "closed");
    // From a queue page opened before: the queue is read again, with why.
    const refused = await expectStatus(withdraw(w.j1, { entryId: w.carolEntry }), 302);
    expect(await toastOf(refused)).toEqual({ kind: "error", message: "Conflicts can be withdrawn only before results are published." });
    expect(await conflicts()).toHaveLength(1);
    // Declaring one from a score sheet opened before: said beside the conflict form, with the reason as typed.
    const late = await expectStatus(score(w, w.j1, w.aliceEntry, { intent: "conflict", reason: "Alice is my manager" }), 403);
    expect(late.data).toMatchObject({
      conflict: true,
      result: {
        initialValue: { reason: "Alice is my manager" },
        error: { "": ["Conflicts can be declared only before results are published. Your answer is still in the form: copy what you need."] },
      },
      // For the error page a browser without JavaScript shows: the page read again cannot show the sheet any more.
      kept: ["Your reason: “Alice is my manager”"],
    });
    expect(await conflicts()).toHaveLength(1);
    // The statements hold it too, for a request checked just before publishing: the scores given stay in the results.
    expect(await declareConflict(w.event.id, w.bobEntry, w.j1.id, "Bob reports to me", { confirmed: true, typedName: "" })).toMatchObject({
      ok: false,
    });
    expect(await conflicts()).toHaveLength(1);
    expect(
      await db
        .select()
        .from(scores)
        .where(and(eq(scores.entryId, w.bobEntry), eq(scores.judgeId, w.j1.id))),
    ).toHaveLength(w.rubric.length);
  });

  it("says so when a withdrawn conflict's entry was assigned to another judge meanwhile", async () => {
    const withdraw = (form: Record<string, string>) =>
      queueAction(args(request(`/events/${w.event.slug}/judging`, { user: w.j1, form }), { slug: w.event.slug }));
    const toastMessage = async (res: Awaited<ReturnType<typeof expectStatus>>) => (await toastOf(res))?.message;
    await db.update(events).set({ judgesPerEntry: 1 }).where(eq(events.id, w.event.id));
    await db.insert(judgeAssignments).values([
      { eventId: w.event.id, entryId: w.aliceEntry, judgeId: w.j1.id },
      { eventId: w.event.id, entryId: w.bobEntry, judgeId: w.j1.id },
    ]);
    for (const entryId of [w.aliceEntry, w.bobEntry]) await expectStatus(score(w, w.j1, entryId, { intent: "conflict", reason: "Former teammates" }), 302);
    // Each conflict recomputed the assignments: both entries went to other judges, one of whom scores Bob's.
    const holderOf = async (entryId: string) => (await db.select().from(judgeAssignments).where(eq(judgeAssignments.entryId, entryId))).map((a) => a.judgeId);
    expect((await queue(w, w.j1)).map((q) => q.id)).not.toContain(w.aliceEntry);
    const [bobJudge] = await holderOf(w.bobEntry);
    expect([w.j2.id, w.j3.id]).toContain(bobJudge);
    await expectStatus(
      score(
        w,
        bobJudge === w.j2.id ? w.j2 : w.j3,
        w.bobEntry,
        sheet(w.rubric, () => 4),
      ),
      302,
    );

    // Withdrawing recomputes again, and the scored entry stays with its judge.
    expect(await toastMessage(await expectStatus(withdraw({ entryId: w.bobEntry }), 302))).toBe(
      "Conflict withdrawn: Bob entry has its judges without you now, so it is not back in your queue.",
    );
    expect(await holderOf(w.bobEntry)).toEqual([bobJudge]);
    expect((await queue(w, w.j1)).map((q) => q.id)).not.toContain(w.bobEntry);
    // Withdrawn already, in another tab: said on the queue, not as an error page.
    expect(await toastOf(await expectStatus(withdraw({ entryId: w.bobEntry }), 302))).toEqual({
      kind: "error",
      message: "You have no conflict declared with this entry (any more).",
    });
  });

  it("limits the queue and scoring to assigned entries when the event assigns judges per entry", async () => {
    await db.update(events).set({ judgesPerEntry: 1 }).where(eq(events.id, w.event.id));
    await db.insert(judgeAssignments).values({ eventId: w.event.id, entryId: w.aliceEntry, judgeId: w.j1.id });
    expect((await queue(w, w.j1)).map((q) => q.id)).toEqual([w.aliceEntry]);
    expect(await queue(w, w.j2)).toEqual([]);
    await expectStatus(
      score(
        w,
        w.j1,
        w.aliceEntry,
        sheet(w.rubric, () => 4),
      ),
      302,
    );
    const refused = await expectStatus(
      score(
        w,
        w.j1,
        w.bobEntry,
        sheet(w.rubric, () => 4),
      ),
      403,
    );
    expect(fieldErrors(refused)[""]?.[0]).toMatch(/^This entry is not assigned to you\. Your scores/);
    await expectStatus(loadSheet(w, w.j2, w.aliceEntry), 403);
    expect(await db.select().from(scores).where(eq(scores.entryId, w.bobEntry))).toHaveLength(0);
  });

  it("hides team names from judges in blind mode", async () => {
    // Switching it on mid-judging says that names already seen stay seen.
    const settingsPage = () =>
      expectStatus(settingsLoader(args(request(`/events/${w.event.slug}/judging-settings`, { user: w.organizer }), { slug: w.event.slug })), 200);
    expect((await settingsPage()).data).toMatchObject({ blindNote: null });
    await expectStatus(
      score(
        w,
        w.j1,
        w.aliceEntry,
        sheet(w.rubric, () => 4),
      ),
      302,
    );
    expect((await settingsPage()).data).toMatchObject({
      blindNote: "Judges have already scored 1 entry. Switching blind judging on hides team names from then on, not from what judges already saw.",
    });
    await expectStatus(
      settingsAction(args(request(`/events/${w.event.slug}/judging-settings`, { user: w.organizer, form: { blindJudging: "on" } }), { slug: w.event.slug })),
      302,
    );
    expect((await queue(w, w.j1)).every((q) => q.teamName === null)).toBe(true);
    expect((await settingsPage()).data).toMatchObject({
      blindNote: expect.stringMatching(/^Judges have already scored 1 entry\. Switching blind judging off/),
    });
    const loaded = await expectStatus(loadSheet(w, w.j1, w.aliceEntry), 200);
    expect(JSON.stringify(loaded.data)).not.toContain("Alice entry team");
    const page = await expectStatus(entryViewLoader(args(request(`/events/${w.event.slug}/entries/${w.aliceEntry}`, { user: w.j1 }), p(w, w.aliceEntry))), 200);
    expect(JSON.stringify(page.data)).not.toContain("Alice entry team");
    // The event page, the gallery and the problem page list teams too: not to this judge, still to the organizer.
    const problemId = (await db.select().from(teams).where(eq(teams.eventId, w.event.id)))[0].problemId;
    for (const [path, loader, params] of [
      [`/events/${w.event.slug}`, eventLoader, { slug: w.event.slug }],
      [`/events/${w.event.slug}/entries`, galleryLoader, { slug: w.event.slug }],
      [`/events/${w.event.slug}/problems/${problemId}`, problemLoader, { slug: w.event.slug, problemId }],
    ] as const) {
      const judged = await expectStatus(loader(args(request(path, { user: w.j1 }), params)), 200);
      // The problem's history lists attempts in closed events (the archive, where team names are public); other
      // tests' closed events share this problem's title, so only this event's own data is checked.
      const { history: _closedEvents, ...own } = judged.data as Record<string, unknown>;
      expect(JSON.stringify(own), path).not.toContain("entry team");
      const organized = await expectStatus(loader(args(request(path, { user: w.organizer }), params)), 200);
      expect(JSON.stringify(organized.data), path).toContain("Alice entry team");
    }
    // Settings are for organizers only.
    await expectStatus(
      settingsAction(args(request(`/events/${w.event.slug}/judging-settings`, { user: w.j1, form: { blindJudging: "" } }), { slug: w.event.slug })),
      403,
    );
  });

  it("refuses a save from a settings page opened before another organizer's save, which it would switch back", async () => {
    const path = `/events/${w.event.slug}/judging-settings`;
    const save = (form: Record<string, string>) => settingsAction(args(request(path, { user: w.organizer, form }), { slug: w.event.slug }));
    const { stamp } = (await expectStatus(settingsLoader(args(request(path, { user: w.organizer }), { slug: w.event.slug })), 200)).data as { stamp: string };
    // Another tab turns blind judging on; this page, still showing it off, ticks "Show judge names".
    await expectStatus(save({ blindJudging: "on" }), 302);
    const stale = await expectStatus(save({ showJudgeNames: "on", stamp }), 409);
    expect(stale.data).toEqual({ stale: SETTINGS_CHANGED });
    expect((await db.select().from(events).where(eq(events.id, w.event.id)))[0]).toMatchObject({ blindJudging: true, showJudgeNames: false });
    // The same settings as saved now change nothing and are not refused; the page read again saves as usual.
    await expectStatus(save({ blindJudging: "on", stamp }), 302);
    const fresh = (await expectStatus(settingsLoader(args(request(path, { user: w.organizer }), { slug: w.event.slug })), 200)).data as { stamp: string };
    await expectStatus(save({ blindJudging: "on", showJudgeNames: "on", stamp: fresh.stamp }), 302);
    expect((await db.select().from(events).where(eq(events.id, w.event.id)))[0]).toMatchObject({ blindJudging: true, showJudgeNames: true });
    // A save landing between another request's read and its write: the statements themselves refuse it.
    const read = { normalizeScores: false, blindJudging: false, showJudgeNames: true };
    const raced = await updateJudgingSettings(w.event.id, { ...read, normalizeScores: true }, w.organizer.id, {
      stamp: judgingSettingsStamp(read),
      stored: read,
    });
    expect(raced).toEqual({ ok: false, stale: true, message: SETTINGS_CHANGED });
    expect((await db.select().from(events).where(eq(events.id, w.event.id)))[0]).toMatchObject({ normalizeScores: false, blindJudging: true });
  });
});

describe("judging: who sees scores before publishing", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
    await expectStatus(
      score(
        w,
        w.j1,
        w.aliceEntry,
        sheet(
          w.rubric,
          () => 5,
          () => "j1 secret",
        ),
      ),
      302,
    );
    await expectStatus(
      score(
        w,
        w.j2,
        w.aliceEntry,
        sheet(
          w.rubric,
          () => 1,
          () => "j2 secret",
          "j2 overall",
        ),
      ),
      302,
    );
  });

  it("shows a judge only their own scores, and no results", async () => {
    const mine = await expectStatus(loadSheet(w, w.j1, w.aliceEntry), 200);
    const d = mine.data as { mine: { value: number; comment: string }[]; overall: string };
    expect(d.mine.every((s) => s.value === 5 && s.comment === "j1 secret")).toBe(true);
    expect(d.overall).toBe("");
    expect(JSON.stringify(mine.data)).not.toContain("j2 secret");
    for (const j of [w.j1, w.j2, w.j3]) {
      await expectStatus(resultsLoader(args(request(`/events/${w.event.slug}/results`, { user: j }), { slug: w.event.slug })), 403);
      const page = await expectStatus(entryViewLoader(args(request(`/events/${w.event.slug}/entries/${w.aliceEntry}`, { user: j }), p(w, w.aliceEntry))), 200);
      expect(JSON.stringify(page.data)).not.toContain("secret");
    }
  });

  it("shows the team no scores before publishing, and its feedback with overall comments after", async () => {
    const view = () => entryViewLoader(args(request(`/events/${w.event.slug}/entries/${w.aliceEntry}`, { user: w.alice }), p(w, w.aliceEntry)));
    const before = await expectStatus(view(), 200);
    expect((before.data as { feedback: unknown[] }).feedback).toEqual([]);
    expect(JSON.stringify(before.data)).not.toContain("secret");
    await movePhase(w.event.id, w.organizer, "closed");
    const after = await expectStatus(view(), 200);
    const sheets = (after.data as { feedback: { judge: string; overall: string }[] }).feedback;
    expect(sheets.map((s) => s.judge).sort()).toEqual(["Judge 1", "Judge 2"]);
    expect(sheets.map((s) => s.overall)).toContain("j2 overall");
    expect(JSON.stringify(after.data)).not.toContain(w.j1.name);

    await db.update(events).set({ showJudgeNames: true }).where(eq(events.id, w.event.id));
    const named = await expectStatus(view(), 200);
    expect((named.data as { feedback: { judge: string }[] }).feedback.map((s) => s.judge).sort()).toEqual([w.j1.name, w.j2.name].sort());
  });

  it("marks a sheet a judge left unfinished as not counted, on the team's page", async () => {
    await expectStatus(
      score(
        w,
        w.j3,
        w.aliceEntry,
        sheet(
          w.rubric,
          (i) => (i < 2 ? 5 : ""),
          (i) => (i < 2 ? "j3 half" : ""),
        ),
      ),
      302,
    );
    // "Save and next entry" pressed with nothing picked and no comment: nothing for the team to read, so no sheet.
    await expectStatus(score(w, w.j3, w.bobEntry, { ...sheet(w.rubric, () => ""), then: "next" }), 302);
    expect(
      await db
        .select()
        .from(overallComments)
        .where(and(eq(overallComments.entryId, w.bobEntry), eq(overallComments.judgeId, w.j3.id))),
    ).toHaveLength(1);
    await movePhase(w.event.id, w.organizer, "closed");
    await db.update(events).set({ showJudgeNames: true }).where(eq(events.id, w.event.id));
    const bobs = await expectStatus(entryViewLoader(args(request(`/events/${w.event.slug}/entries/${w.bobEntry}`, { user: w.bob }), p(w, w.bobEntry))), 200);
    expect((bobs.data as { feedback: { judge: string }[] }).feedback.map((s) => s.judge)).not.toContain(w.j3.name);
    const page = await expectStatus(
      entryViewLoader(args(request(`/events/${w.event.slug}/entries/${w.aliceEntry}`, { user: w.alice }), p(w, w.aliceEntry))),
      200,
    );
    const sheets = (page.data as { feedback: { judge: string; unfinished: boolean; scores: unknown[] }[] }).feedback;
    expect(sheets.map((s) => [s.judge, s.unfinished, s.scores.length]).sort()).toEqual(
      [
        [w.j1.name, false, 6],
        [w.j2.name, false, 6],
        [w.j3.name, true, 2],
      ].sort(),
    );
  });

  it("shows organizers raw and normalized rankings, disagreement and missing scores", async () => {
    const load = (view: string) => resultsLoader(args(request(`/events/${w.event.slug}/results?view=${view}`, { user: w.organizer }), { slug: w.event.slug }));
    const raw = (await expectStatus(load("raw"), 200)).data as {
      view: string;
      official: string;
      rows: { entry: { id: string }; score: number | null; disagreement: boolean; missing: string[] }[];
    };
    expect(raw.view).toBe("raw");
    expect(raw.official).toBe("raw");
    const alice = raw.rows.find((r) => r.entry.id === w.aliceEntry)!;
    expect(alice.score).toBe(50);
    expect(alice.disagreement).toBe(true);
    expect(alice.missing).toEqual([w.j3.name]);
    const norm = (await expectStatus(load("normalized"), 200)).data as { view: string };
    expect(norm.view).toBe("normalized");
  });
});

describe("exports and awards", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it("refuses CSV exports to everyone but organizers (403)", async () => {
    for (const user of [w.j1, w.alice]) {
      await expectStatus(csv(resultsCsvLoader, w, user, "results.csv"), 403);
      await expectStatus(csv(scoresCsvLoader, w, user, "scores.csv"), 403);
    }
    await movePhase(w.event.id, w.organizer, "closed");
    await expectStatus(csv(resultsCsvLoader, w, w.alice, "results.csv"), 403);
  });

  it("writes comments with quotes, commas and newlines so they survive a round trip", async () => {
    const tricky = 'He said "ship it", then:\nline two, with a comma';
    await expectStatus(
      score(
        w,
        w.j1,
        w.aliceEntry,
        sheet(
          w.rubric,
          () => 4,
          (i) => (i === 0 ? tricky : ""),
          'Overall, "quoted"\nsecond line',
        ),
      ),
      302,
    );
    const res = await expectStatus(csv(scoresCsvLoader, w, w.organizer, "scores.csv"), 200);
    expect(res.response!.headers.get("Content-Type")).toMatch(/^text\/csv/);
    expect(res.response!.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".*-scores\.csv"$/);
    const rows: string[][] = parse(await res.response!.text());
    expect(rows[0]).toEqual(["entry", "team", "judge", "judge email", "criterion", "weight", "value", "comment"]);
    expect(rows.find((r) => r[4] === w.rubric[0].name)![7]).toBe(tricky);
    expect(rows.find((r) => r[4] === "(overall comment)")![7]).toBe('Overall, "quoted"\nsecond line');

    const results = await expectStatus(csv(resultsCsvLoader, w, w.organizer, "results.csv"), 200);
    const parsed: Record<string, string>[] = parse(await results.response!.text(), { columns: true });
    expect(parsed.map((r) => r.entry)).toEqual(["Alice entry", "Bob entry", "Carol entry"]);
    expect(parsed[0]["raw rank"]).toBe("1");
    expect(parsed[0]["raw score"]).toBe("75.00");
  });

  it("neutralises comments and titles a spreadsheet would run as formulas", async () => {
    await db.update(entries).set({ title: "=cmd|' /C calc'!A0" }).where(eq(entries.id, w.aliceEntry));
    await expectStatus(
      score(
        w,
        w.j1,
        w.aliceEntry,
        sheet(
          w.rubric,
          () => 4,
          (i) => (i === 0 ? '=HYPERLINK("http://evil.example")' : ""),
          "@SUM(1)",
        ),
      ),
      302,
    );
    const rows: string[][] = parse(await (await expectStatus(csv(scoresCsvLoader, w, w.organizer, "scores.csv"), 200)).response!.text());
    const scored = rows.find((r) => r[4] === w.rubric[0].name)!;
    expect([scored[0], scored[7]]).toEqual(["'=cmd|' /C calc'!A0", `'=HYPERLINK("http://evil.example")`]);
    expect(rows.find((r) => r[4] === "(overall comment)")![7]).toBe("'@SUM(1)");
    const results: Record<string, string>[] = parse(await (await expectStatus(csv(resultsCsvLoader, w, w.organizer, "results.csv"), 200)).response!.text(), {
      columns: true,
    });
    expect(results.find((r) => r.entry.includes("cmd"))!.entry).toBe("'=cmd|' /C calc'!A0");
  });

  it("adds default awards, suggests the failed entry with the best Learnings, gives an award", async () => {
    const learnings = w.rubric.findIndex((c) => c.name === "Learnings");
    await expectStatus(
      score(
        w,
        w.j1,
        w.bobEntry,
        sheet(w.rubric, (i) => (i === learnings ? 5 : 2)),
      ),
      302,
    );
    const path = `/events/${w.event.slug}/awards`;
    await expectStatus(awardsLoader(args(request(path, { user: w.j1 }), { slug: w.event.slug })), 403);
    await expectStatus(awardsAction(args(request(path, { user: w.alice, form: { intent: "defaults" } }), { slug: w.event.slug })), 403);
    await expectStatus(awardsAction(args(request(path, { user: w.organizer, form: { intent: "defaults" } }), { slug: w.event.slug })), 302);
    const loaded = (await expectStatus(awardsLoader(args(request(path, { user: w.organizer }), { slug: w.event.slug })), 200)).data as {
      awards: { id: string; name: string }[];
      suggestion: { id: string } | null;
      bestOverall: { id: string; title: string; score: string | null } | null;
    };
    expect(loaded.awards.map((a) => a.name)).toEqual(["Best overall", "Most valuable failure", "Best AI metric"]);
    expect(loaded.suggestion!.id).toBe(w.bobEntry);
    // Best overall: the entry alone at the top of the official ranking (the only one scored here).
    expect(loaded.bestOverall).toMatchObject({ id: w.bobEntry, title: "Bob entry" });
    expect(loaded.bestOverall?.score).toMatch(/^\d+\.\d$/);
    const mvf = loaded.awards.find((a) => a.name === "Most valuable failure")!;
    await expectStatus(
      awardsAction(args(request(path, { user: w.organizer, form: { intent: "give", awardId: mvf.id, entryId: w.bobEntry } }), { slug: w.event.slug })),
      302,
    );
    expect((await db.select().from(awards).where(eq(awards.id, mvf.id)))[0].entryId).toBe(w.bobEntry);
    const dup = await expectStatus(
      awardsAction(args(request(path, { user: w.organizer, form: { intent: "create", name: "Best overall" } }), { slug: w.event.slug })),
      400,
    );
    expect(fieldErrors(dup).name).toEqual(["This event already has an award with that name."]);
    // The same award asked for twice (a double press): there once, as asked, and said so.
    const create = () =>
      awardsAction(
        args(request(path, { user: w.organizer, form: { intent: "create", name: "Kick-off prize", description: "Best demo" } }), { slug: w.event.slug }),
      );
    expect(await toastOf(await expectStatus(create(), 302))).toMatchObject({ message: 'Award "Kick-off prize" created.' });
    expect(await toastOf(await expectStatus(create(), 302))).toMatchObject({ message: 'Award "Kick-off prize" is in the list already.' });
    expect(
      await db
        .select()
        .from(awards)
        .where(and(eq(awards.eventId, w.event.id), eq(awards.name, "Kick-off prize"))),
    ).toHaveLength(1);
    await db.delete(awards).where(and(eq(awards.eventId, w.event.id), eq(awards.name, "Kick-off prize")));
    // Two entries sharing first place: no suggestion, it is the organizers' call.
    await expectStatus(
      score(
        w,
        w.j1,
        w.carolEntry,
        sheet(w.rubric, (i) => (i === learnings ? 5 : 2)),
      ),
      302,
    );
    const tied = (await expectStatus(awardsLoader(args(request(path, { user: w.organizer }), { slug: w.event.slug })), 200)).data as { bestOverall: unknown };
    expect(tied.bestOverall).toBeNull();
  });
});
