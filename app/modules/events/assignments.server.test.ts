// "Judge roster or phase changed → recompute assignments" lives in the module functions that change them,
// so no route can forget it: each is called here directly, never through a route.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { entries, eventJudges, events, judgeAssignments, judgeConflicts } from "#db/schema";
import { db } from "~/db.server";
import { createTeam } from "~/modules/teams/teams.server";
import { createOpenEvent, createUser, getEvent, movePhase, type TestUser } from "~/test/fixtures";
import { declareConflict, saveScores, withdrawConflict } from "~/modules/judging/judging.server";
import { listAssignments, newAssignments, recomputeAssignments, setJudgesPerEntry } from "./assignments.server";
import { addJudge, changePhase, listCriteria, removeJudge } from "./events.server";
import { acceptJudgeInvite, createJudgeInvite } from "./judge-invites.server";

async function submittedEntry(eventId: string, member: TestUser, problemId: string) {
  const team = await createTeam(await getEvent(eventId), member.id, { name: `Team of ${member.name}`, problemId });
  if (!team.ok) throw new Error(team.message);
  await db
    .update(entries)
    .set({ status: "submitted", title: `Entry of ${member.name}`, outcome: "working" })
    .where(eq(entries.teamId, team.teamId));
  const [entry] = await db.select().from(entries).where(eq(entries.teamId, team.teamId));
  return entry;
}

/** An open event with one judge per entry, `judgeCount` judges and `entryCount` submitted entries. */
async function assigningEvent(judgeCount: number, entryCount: number) {
  const organizer = await createUser({ role: "organizer" });
  const { event, problem } = await createOpenEvent(organizer);
  // Set directly, not through setJudgesPerEntry, so nothing is assigned until a roster or phase change.
  await db.update(events).set({ judgesPerEntry: 1 }).where(eq(events.id, event.id));
  const judges = await Promise.all(Array.from({ length: judgeCount }, () => createUser()));
  const entryRows = [];
  for (let i = 0; i < entryCount; i++) entryRows.push(await submittedEntry(event.id, await createUser(), problem.id));
  return { organizer, event, problem, judges, entryRows };
}

const assignedTo = async (eventId: string, judgeId: string) =>
  (await db.select().from(judgeAssignments).where(eq(judgeAssignments.eventId, eventId))).filter((a) => a.judgeId === judgeId).map((a) => a.entryId);
const assignmentCount = async (eventId: string) => (await db.select().from(judgeAssignments).where(eq(judgeAssignments.eventId, eventId))).length;

describe("judge assignments follow the roster and the phase", () => {
  it("addJudge recomputes: the first judge gets every entry, a second one takes a share", async () => {
    const { event, judges, entryRows } = await assigningEvent(2, 2);
    expect(await assignmentCount(event.id)).toBe(0);
    const first = await addJudge(event.id, judges[0].email);
    expect(first).toMatchObject({ ok: true, plan: { ok: true } });
    expect((await assignedTo(event.id, judges[0].id)).sort()).toEqual(entryRows.map((e) => e.id).sort());

    await addJudge(event.id, judges[1].email);
    expect(await assignedTo(event.id, judges[0].id)).toHaveLength(1);
    expect(await assignedTo(event.id, judges[1].id)).toHaveLength(1);
  });

  it("removeJudge recomputes: the removed judge's unscored entries go to the others", async () => {
    const { event, judges, entryRows } = await assigningEvent(2, 2);
    for (const j of judges) await addJudge(event.id, j.email);
    expect(await assignedTo(event.id, judges[1].id)).toHaveLength(1);

    const removed = await removeJudge(event.id, judges[1].id, 1);
    expect(removed).toMatchObject({ ok: true, plan: { ok: true } });
    expect(await assignedTo(event.id, judges[1].id)).toEqual([]);
    expect((await assignedTo(event.id, judges[0].id)).sort()).toEqual(entryRows.map((e) => e.id).sort());
  });

  it("acceptJudgeInvite recomputes: a judge who joins by link gets assignments at once", async () => {
    const { organizer, event, judges, entryRows } = await assigningEvent(1, 1);
    const { token } = await createJudgeInvite(event.id, organizer.id, 7);
    expect(await acceptJudgeInvite(token, judges[0].id)).toEqual({ ok: true, eventId: event.id });
    expect(await assignedTo(event.id, judges[0].id)).toEqual([entryRows[0].id]);
  });

  it("changePhase to judging recomputes: entries submitted since the last recompute get judges", async () => {
    const { organizer, event, problem, judges, entryRows } = await assigningEvent(1, 1);
    await addJudge(event.id, judges[0].email);
    const late = await submittedEntry(event.id, await createUser(), problem.id);
    expect(await assignedTo(event.id, judges[0].id)).toEqual([entryRows[0].id]);

    await movePhase(event.id, organizer, "judging");
    expect((await assignedTo(event.id, judges[0].id)).sort()).toEqual([entryRows[0].id, late.id].sort());
  });

  it("changePhase reports gaps the recompute could not fill", async () => {
    const { organizer, event } = await assigningEvent(0, 1);
    const changed = await changePhase(await getEvent(event.id), organizer.id, { to: "judging", confirmed: true, reason: "" }, new Date());
    expect(changed.ok).toBe(true);
    expect(changed.ok && changed.plan).toMatchObject({ ok: false });
  });

  it("declareConflict fills the gap it leaves and moves no other judge's entry", async () => {
    const { organizer, event, judges, entryRows } = await assigningEvent(3, 3);
    for (const j of judges) await addJudge(event.id, j.email);
    await movePhase(event.id, organizer, "judging");
    const pairs = async () =>
      (await db.select().from(judgeAssignments).where(eq(judgeAssignments.eventId, event.id))).map((a) => `${a.entryId} ${a.judgeId}`).sort();
    const before = await pairs();
    const [entry] = entryRows;
    const [holder] = (await db.select().from(judgeAssignments).where(eq(judgeAssignments.entryId, entry.id))).map((a) => a.judgeId);
    expect(await declareConflict(event.id, entry.id, holder, "My former team", { confirmed: true, typedName: "" })).toEqual({ ok: true });
    const after = await pairs();
    // The conflicted pair is gone, the entry has another judge, and every other pair is as it was.
    expect(after).not.toContain(`${entry.id} ${holder}`);
    expect(after.filter((p) => p.startsWith(entry.id))).toHaveLength(1);
    expect(after.filter((p) => !p.startsWith(entry.id))).toEqual(before.filter((p) => !p.startsWith(entry.id)));
  });

  it("a plan made before a conflict or a removal was stored never writes that pair (two judges stepping away at once)", async () => {
    // Each of two judges leaving the same entry at once plans from facts read before the other's conflict was stored,
    // and would fill its gap with the other: the INSERT itself leaves out a conflicted pair, and a judge off the roster.
    const { organizer, event, judges, entryRows } = await assigningEvent(3, 1);
    for (const j of judges) await addJudge(event.id, j.email);
    await movePhase(event.id, organizer, "judging");
    const [entry] = entryRows;
    await db.delete(judgeAssignments).where(eq(judgeAssignments.eventId, event.id));
    const [conflicted, removed, free] = judges;
    await db.insert(judgeConflicts).values({ eventId: event.id, entryId: entry.id, judgeId: conflicted.id, reason: "We worked together" });
    await db.delete(eventJudges).where(and(eq(eventJudges.eventId, event.id), eq(eventJudges.userId, removed.id)));
    await newAssignments(
      event.id,
      judges.map((j) => ({ entryId: entry.id, judgeId: j.id })),
    );
    expect(await assignedTo(event.id, conflicted.id)).toEqual([]);
    expect(await assignedTo(event.id, removed.id)).toEqual([]);
    expect(await assignedTo(event.id, free.id)).toEqual([entry.id]);
  });

  it("withdrawConflict gives the entry back to the judge where it still lacks one", async () => {
    const { organizer, event, judges, entryRows } = await assigningEvent(2, 1);
    await db.update(events).set({ judgesPerEntry: 2 }).where(eq(events.id, event.id));
    for (const j of judges) await addJudge(event.id, j.email);
    await movePhase(event.id, organizer, "judging");
    const [entry] = entryRows;
    const judgesOf = async () => (await db.select().from(judgeAssignments).where(eq(judgeAssignments.entryId, entry.id))).map((a) => a.judgeId).sort();
    expect(await judgesOf()).toEqual(judges.map((j) => j.id).sort());
    await declareConflict(event.id, entry.id, judges[0].id, "My former team", { confirmed: true, typedName: "" });
    // Nobody else can take the place: the entry is short of a judge.
    expect(await judgesOf()).toEqual([judges[1].id]);
    expect(await withdrawConflict(event.id, entry.id, judges[0].id)).toBe(true);
    expect(await judgesOf()).toEqual(judges.map((j) => j.id).sort());
  });

  it("switching from every judge to N per entry keeps every sheet already scored, and assigns the rest", async () => {
    const { organizer, event, judges, entryRows } = await assigningEvent(2, 2);
    await db.update(events).set({ judgesPerEntry: null }).where(eq(events.id, event.id));
    for (const judge of judges) await addJudge(event.id, judge.email);
    await movePhase(event.id, organizer, "judging");
    const rubric = await listCriteria(event.id);
    const [scored, other] = entryRows;
    // Both judges score the first entry in full while every judge scores every entry: no assignment rows exist.
    for (const judge of judges)
      await saveScores(
        scored.id,
        judge.id,
        rubric.map((c) => ({ criterionId: c.id, value: 4, comment: "" })),
        new Date(),
      );
    expect(await assignmentCount(event.id)).toBe(0);
    const switched = await setJudgesPerEntry({ id: event.id, judgesPerEntry: null }, 1);
    expect(switched).toMatchObject({ ok: true });
    for (const judge of judges) expect(await assignedTo(event.id, judge.id)).toContain(scored.id);
    const onOther = (await db.select().from(judgeAssignments).where(eq(judgeAssignments.entryId, other.id))).length;
    expect(onOther).toBe(1);
    // Recomputing again changes nothing.
    await recomputeAssignments({ id: event.id, judgesPerEntry: 1 });
    expect(await assignmentCount(event.id)).toBe(3);
  });

  it("the assignment list tells a fully scored sheet from a partly scored one", async () => {
    const { organizer, event, judges, entryRows } = await assigningEvent(2, 1);
    await db.update(events).set({ judgesPerEntry: 2 }).where(eq(events.id, event.id));
    for (const judge of judges) await addJudge(event.id, judge.email);
    await movePhase(event.id, organizer, "judging");
    const rubric = await listCriteria(event.id);
    expect(rubric.length).toBeGreaterThan(1);
    const [entry] = entryRows;
    const sheetOf = async () =>
      Object.fromEntries((await listAssignments(event.id)).find((e) => e.id === entry.id)!.judges.map((j) => [j.judgeId, [j.sheet, j.scored]]));
    expect(await sheetOf()).toEqual({ [judges[0].id]: ["todo", false], [judges[1].id]: ["todo", false] });
    const sheet = rubric.map((c) => ({ criterionId: c.id, value: 4, comment: "" }));
    await saveScores(entry.id, judges[0].id, sheet, new Date());
    await saveScores(entry.id, judges[1].id, sheet.slice(0, 1), new Date());
    // Both keep their assignment (no Unassign), but only the whole sheet is called scored.
    expect(await sheetOf()).toEqual({ [judges[0].id]: ["done", true], [judges[1].id]: ["partial", true] });
  });

  it("every judge scores every entry (no judges per entry): nothing is assigned, nothing is planned", async () => {
    const { event, judges } = await assigningEvent(1, 1);
    await db.update(events).set({ judgesPerEntry: null }).where(eq(events.id, event.id));
    expect(await addJudge(event.id, judges[0].email)).toMatchObject({ ok: true, plan: null });
    expect(await assignmentCount(event.id)).toBe(0);
  });
});
