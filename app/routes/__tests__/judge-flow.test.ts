// The judge's flow through their queue: "Save and next entry" and partial or empty sheets, against the real database.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { eventJudges, events, judgeAssignments, overallComments, scores, teamMembers } from "#db/schema";
import { db } from "~/db.server";
import { judgingSheets } from "~/modules/events/dashboard.server";
import { listCriteria, removeJudge } from "~/modules/events/events.server";
import { action as scoreAction } from "~/routes/events.$slug.entries.$entryId.score";
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
  type Outcome,
  type TestUser,
} from "~/test/fixtures";

type Criterion = Awaited<ReturnType<typeof listCriteria>>[number];

/** An event in judging with entries A–D (queue order is by title); the judge is a member of D's team. */
async function world() {
  const organizer = await createUser({ role: "organizer" });
  const [judge, other] = await Promise.all([createUser(), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  await db.insert(eventJudges).values([judge, other].map((j) => ({ eventId: event.id, userId: j.id })));
  const ids: Record<"a" | "b" | "c" | "d", string> = { a: "", b: "", c: "", d: "" };
  for (const key of ["a", "b", "c", "d"] as const) {
    const lead = await createUser();
    const { teamId, entryId } = await submittedEntry(event, lead.id, problem.id, { title: `Entry ${key.toUpperCase()}`, teamName: `Team ${key}` });
    // A judge in a team of the event they judge: the app refuses this (ADR 010), so it is written directly.
    if (key === "d") await db.insert(teamMembers).values({ teamId, eventId: event.id, userId: judge.id });
    ids[key] = entryId;
  }
  await movePhase(event.id, organizer, "judging");
  return { organizer, judge, other, event: await getEvent(event.id), rubric: await listCriteria(event.id), ids };
}
type World = Awaited<ReturnType<typeof world>>;

const sheet = (rubric: Criterion[], value: (i: number) => number | "", extra: Record<string, string> = {}) =>
  sheetForm(rubric, value, { extra: { intent: "score", ...extra } });

const full = (w: World) => sheet(w.rubric, () => 4);
const andNext = { then: "next" };
const score = (w: World, user: TestUser, entryId: string, form: Record<string, string | number>) =>
  scoreAction(args(request(`/events/${w.event.slug}/entries/${entryId}/score`, { user, form }), { slug: w.event.slug, entryId }));
const toast = async (res: Outcome) => (await toastOf(res))?.message;
const location = (res: Outcome) => res.response!.headers.get("Location");
const mine = (w: World, entryId: string) =>
  db
    .select()
    .from(scores)
    .where(and(eq(scores.entryId, entryId), eq(scores.judgeId, w.judge.id)));

describe("Save and next entry", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it("opens the next unfinished entry of the judge's queue, skips their own team's, and ends on the queue", async () => {
    const scorePage = (id: string) => `/events/${w.event.slug}/entries/${id}/score`;
    let res = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.a,
        sheet(w.rubric, () => 3, andNext),
      ),
      302,
    );
    expect(location(res)).toBe(scorePage(w.ids.b));
    expect(await toast(res)).toBe("Scores saved for Entry A. Next: Entry B.");

    // A partial sheet still moves on; C is the last entry the judge may score (D is their own team's), so "next" wraps to B.
    res = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.b,
        sheet(w.rubric, (i) => (i < 2 ? 5 : ""), andNext),
      ),
      302,
    );
    expect(location(res)).toBe(scorePage(w.ids.c));
    expect(await toast(res)).toBe("Partial scores saved for Entry B: 4 of 6 criteria still to score. Next: Entry C.");
    res = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.c,
        sheet(w.rubric, () => 2, andNext),
      ),
      302,
    );
    expect(location(res)).toBe(scorePage(w.ids.b));

    // B completed: nothing is left, so back to the queue.
    res = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.b,
        sheet(w.rubric, () => 5, andNext),
      ),
      302,
    );
    expect(location(res)).toBe(`/events/${w.event.slug}/judging`);
    expect(await toast(res)).toBe("Scores saved for Entry B. All your sheets are complete.");
  });

  it("respects assignments and declared conflicts", async () => {
    await db.update(events).set({ judgesPerEntry: 1 }).where(eq(events.id, w.event.id));
    await db.insert(judgeAssignments).values([w.ids.a, w.ids.c].map((entryId) => ({ eventId: w.event.id, entryId, judgeId: w.judge.id })));
    // B is not assigned to the judge: A's next is C.
    let res = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.a,
        sheet(w.rubric, () => 3, andNext),
      ),
      302,
    );
    expect(location(res)).toBe(`/events/${w.event.slug}/entries/${w.ids.c}/score`);
    // Declaring a conflict with C recomputes the assignments: C leaves the queue, and B, which had no judge, is this
    // (only) judge's now. A's next is B, never C.
    await expectStatus(score(w, w.judge, w.ids.c, { intent: "conflict", reason: "I mentor this team" }), 302);
    res = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.a,
        sheet(w.rubric, () => 4, andNext),
      ),
      302,
    );
    expect(location(res)).toBe(`/events/${w.event.slug}/entries/${w.ids.b}/score`);
    res = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.b,
        sheet(w.rubric, () => 4, andNext),
      ),
      302,
    );
    expect(location(res)).toBe(`/events/${w.event.slug}/judging`);
    expect(await toast(res)).toBe("Scores saved for Entry B. All your sheets are complete.");
  });

  it("says when the only unfinished sheet is the one just saved", async () => {
    for (const id of [w.ids.b, w.ids.c]) await expectStatus(score(w, w.judge, id, full(w)), 302);
    const res = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.a,
        sheet(w.rubric, (i) => (i === 0 ? 1 : ""), andNext),
      ),
      302,
    );
    expect(location(res)).toBe(`/events/${w.event.slug}/judging`);
    expect(await toast(res)).toBe("Partial scores saved for Entry A: 5 of 6 criteria still to score. No other entry is waiting for your scores.");
  });
});

describe("partial and empty sheets", () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it("keeps what is filled, keeps earlier values for blanks, and counts the sheet incomplete until every criterion has a value", async () => {
    const res = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.a,
        sheet(w.rubric, (i) => (i < 3 ? 2 : "")),
      ),
      302,
    );
    expect(location(res)).toBe(`/events/${w.event.slug}/judging`);
    expect(await toast(res)).toBe("Partial scores saved for Entry A: 3 of 6 criteria still to score.");
    expect(await mine(w, w.ids.a)).toHaveLength(3);
    let status = await judgingSheets(w.event);
    expect(status.byJudge.find((j) => j.id === w.judge.id)).toMatchObject({ done: 0, incomplete: 1 });

    // The rest later: the first three stay as saved.
    await expectStatus(
      score(
        w,
        w.judge,
        w.ids.a,
        sheet(w.rubric, (i) => (i < 3 ? "" : 5)),
      ),
      302,
    );
    const saved = await mine(w, w.ids.a);
    expect(saved.map((s) => s.value).sort()).toEqual([2, 2, 2, 5, 5, 5]);
    status = await judgingSheets(w.event);
    expect(status.byJudge.find((j) => j.id === w.judge.id)).toMatchObject({ done: 1, incomplete: 0 });
  });

  it("an empty save stays on the sheet with one summary, saving the overall comment if there is one", async () => {
    const empty = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.a,
        sheet(w.rubric, () => ""),
      ),
      200,
    );
    expect(fieldErrors(empty)).toEqual({});
    expect((empty.data as { summary: string }).summary).toBe("Nothing scored yet for Entry A: 6 of 6 criteria still to score.");
    const commented = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.a,
        sheet(w.rubric, () => "", { overallComment: "Read it twice" }),
      ),
      200,
    );
    expect((commented.data as { summary: string }).summary).toBe("Overall comment saved for Entry A: 6 of 6 criteria still to score.");
    expect((await db.select().from(overallComments).where(eq(overallComments.entryId, w.ids.a)))[0].comment).toBe("Read it twice");
    expect(await mine(w, w.ids.a)).toHaveLength(0);
    // No value and no sheet counts as not started, not as incomplete.
    expect((await judgingSheets(w.event)).byJudge.find((j) => j.id === w.judge.id)).toMatchObject({ done: 0, incomplete: 0, missing: 3 });
  });

  it("an out-of-range value gets its own field message and nothing is saved", async () => {
    const res = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.a,
        sheet(w.rubric, (i) => (i === 1 ? 9 : i === 0 ? 3 : "")),
      ),
      400,
    );
    expect(fieldErrors(res)).toEqual({ "scores[1].value": ["Pick a value from 1 to 5"] });
    expect((res.data as { summary: string | null }).summary).toBeNull();
    expect(await mine(w, w.ids.a)).toHaveLength(0);
  });

  const refusal = (res: Outcome) => (res.data as { result: { error?: Record<string, string[]> } }).result.error?.[""]?.[0];

  it("a sheet saved after judging closed is refused beside the form, which keeps it", async () => {
    await movePhase(w.event.id, w.organizer, "closed");
    const late = await expectStatus(score(w, w.judge, w.ids.a, full(w)), 403);
    expect(late.thrown).toBe(false);
    expect(refusal(late)).toMatch(/ Your scores and comments are still in the form: copy what you need\.$/);
    expect(await mine(w, w.ids.a)).toHaveLength(0);
  });

  it("a judge removed while writing a sheet is told beside the form, which keeps it; nothing is saved", async () => {
    expect(await removeJudge(w.event.id, w.judge.id, 1)).toMatchObject({ ok: true });
    const removed = await expectStatus(
      score(
        w,
        w.judge,
        w.ids.a,
        sheet(w.rubric, () => 4, { overallComment: "Long thought" }),
      ),
      403,
    );
    expect(removed.thrown).toBe(false);
    expect(refusal(removed)).toBe("Only this event's judges can score entries. Your scores and comments are still in the form: copy what you need.");
    // Also as lines to copy, for the error page a browser without JavaScript shows once the page is read again.
    expect((removed.data as { kept: string[] }).kept).toEqual([...w.rubric.map((c) => `${c.name}: 4`), "Overall comment: “Long thought”"]);
    expect(await mine(w, w.ids.a)).toHaveLength(0);
    // Someone who may not see the event at all still gets an error page.
    await db.update(events).set({ phase: "draft" }).where(eq(events.id, w.event.id));
    expect((await expectStatus(score(w, w.judge, w.ids.a, full(w)), 404)).thrown).toBe(true);
  });
});
