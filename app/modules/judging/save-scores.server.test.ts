// Saving a score sheet against a real database: the write itself holds only while the event is judging, so a sheet
// whose checks passed just before results were published changes nothing and is told so (ADR 012).
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { events, overallComments, scores } from "#db/schema";
import { db } from "~/db.server";
import { addJudge, listCriteria } from "~/modules/events/events.server";
import { createOpenEvent, createUser, getEvent, movePhase, submittedEntry } from "~/test/fixtures";
import { JUDGING_ENDED_MEANWHILE, saveScores, saveSheet } from "./judging.server";

async function world() {
  const organizer = await createUser({ role: "organizer" });
  const [judge, alice] = await Promise.all([createUser(), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  await addJudge(event.id, judge.email);
  const entry = await submittedEntry(event, alice.id, problem.id, { title: "Alpha" });
  await movePhase(event.id, organizer, "judging");
  const rubric = await listCriteria(event.id);
  const sheet = (value: number) => rubric.map((c) => ({ criterionId: c.id, value, comment: `Comment ${value}` }));
  return { organizer, judge, event, entry, rubric, sheet };
}

const stored = async (entryId: string, judgeId: string) => ({
  values: (
    await db
      .select({ value: scores.value })
      .from(scores)
      .where(and(eq(scores.entryId, entryId), eq(scores.judgeId, judgeId)))
  ).map((s) => s.value),
  overall: (await db.select({ comment: overallComments.comment }).from(overallComments).where(eq(overallComments.entryId, entryId))).map((c) => c.comment),
});

describe("saving a score sheet", () => {
  it("writes while the event is judging and says how many rows it wrote", async () => {
    const w = await world();
    expect(await saveScores(w.entry.entryId, w.judge.id, w.sheet(4), new Date(), "Strong")).toBe(w.rubric.length + 1);
    const saved = await saveSheet(
      await getEvent(w.event.id),
      { id: w.entry.entryId, title: "Alpha" },
      w.judge.id,
      { scores: w.sheet(3), overallComment: "Fine", then: "queue" },
      new Date(),
    );
    expect(saved).toMatchObject({ go: "queue", message: "Scores saved for Alpha." });
    expect(await stored(w.entry.entryId, w.judge.id)).toEqual({ values: w.rubric.map(() => 3), overall: ["Fine"] });
  });

  it("writes nothing once results are published, even from a caller that checked before, and says so", async () => {
    const w = await world();
    await saveScores(w.entry.entryId, w.judge.id, w.sheet(4), new Date(), "Strong");
    // The judge's request passed its checks with the event as it was; then an organizer published.
    const judging = await getEvent(w.event.id);
    await movePhase(w.event.id, w.organizer, "closed");
    expect(await saveScores(w.entry.entryId, w.judge.id, w.sheet(1), new Date(), "Changed my mind")).toBe(0);
    const late = await saveSheet(
      judging,
      { id: w.entry.entryId, title: "Alpha" },
      w.judge.id,
      { scores: w.sheet(2), overallComment: "Late", then: "next" },
      new Date(),
    );
    expect(late).toMatchObject({ go: "refused", message: JUDGING_ENDED_MEANWHILE });
    expect(await stored(w.entry.entryId, w.judge.id)).toEqual({ values: w.rubric.map(() => 4), overall: ["Strong"] });
  });

  it("writes nothing, not even the overall comment, once the final round started after the caller's checks", async () => {
    const w = await world();
    await saveScores(w.entry.entryId, w.judge.id, w.sheet(4), new Date(), "Strong");
    const roundOne = await getEvent(w.event.id);
    // The final round starts between the judge's checks and the write (only the round matters here).
    await db.update(events).set({ judgingRound: 2 }).where(eq(events.id, w.event.id));
    const late = await saveSheet(
      roundOne,
      { id: w.entry.entryId, title: "Alpha" },
      w.judge.id,
      { scores: w.sheet(2), overallComment: "Late", then: "queue" },
      new Date(),
    );
    expect(late).toEqual({ go: "refused", message: JUDGING_ENDED_MEANWHILE, criteria: [] });
    expect(await stored(w.entry.entryId, w.judge.id)).toEqual({ values: w.rubric.map(() => 4), overall: ["Strong"] });
  });
});
