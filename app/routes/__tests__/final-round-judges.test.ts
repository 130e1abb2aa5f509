// Judges once the final round has started (ADR 038): round 1's roster and assignments are its closed record.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eventJudges, finalJudges, judgeAssignments } from "#db/schema";
import { db } from "~/db.server";
import { listCriteria } from "~/modules/events/events.server";
import { saveScores } from "~/modules/judging/judging.server";
import { startFinalRound } from "~/modules/judging/rounds.server";
import { action as judgesAction, loader as judgesLoader } from "~/routes/events.$slug.judges";
import { action as manageAction, loader as manageLoader } from "~/routes/events.$slug.manage";
import { args, createOpenEvent, createUser, expectStatus, getEvent, movePhase, request, submittedEntry, type TestUser } from "~/test/fixtures";

/**
 * Round 1 with one judge per entry (j1 and j2, assigned), three scored entries; the final round started with Alpha
 * and Beta as finalists and j1 as its only judge. Carol leads Gamma's team.
 */
async function world() {
  const organizer = await createUser({ role: "organizer" });
  const [j1, j2, alice, bob, carol] = await Promise.all([createUser(), createUser(), createUser(), createUser(), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  const ids: Record<string, string> = {};
  for (const [user, title] of [
    [alice, "Alpha"],
    [bob, "Beta"],
    [carol, "Gamma"],
  ] as const)
    ids[title] = (await submittedEntry(event, user.id, problem.id, { title })).entryId;
  const judgesPage = (user: TestUser, form: Record<string, string>) =>
    judgesAction(args(request(`/events/${event.slug}/judges`, { user, form }), { slug: event.slug }));
  for (const judge of [j1, j2]) await judgesPage(organizer, { intent: "invite-by-email", email: judge.email });
  await judgesPage(organizer, { intent: "set-mode", mode: "per-entry", judgesPerEntry: "1" });
  await movePhase(event.id, organizer, "judging");
  const rubric = await listCriteria(event.id);
  const values: Record<string, number> = { Alpha: 5, Beta: 4, Gamma: 3 };
  for (const a of await db.select().from(judgeAssignments).where(eq(judgeAssignments.eventId, event.id)))
    await saveScores(
      a.entryId,
      a.judgeId,
      rubric.map((c) => ({ criterionId: c.id, value: values[Object.keys(ids).find((t) => ids[t] === a.entryId)!], comment: "" })),
      new Date(),
    );
  const started = await startFinalRound(
    await getEvent(event.id),
    organizer.id,
    { top: 2, finalists: [ids.Alpha, ids.Beta], reason: "", judges: [j1.id], judgeEmails: "", rubric: "same", confirmed: true },
    new Date(),
    "http://localhost",
  );
  if (!started.ok) throw new Error(started.message);
  return { organizer, j1, j2, alice, bob, carol, event, ids, judgesPage };
}
type World = Awaited<ReturnType<typeof world>>;

const rosters = async (w: World) => ({
  roundOne: (await db.select().from(eventJudges).where(eq(eventJudges.eventId, w.event.id))).map((r) => r.userId).sort(),
  finalRound: (await db.select().from(finalJudges).where(eq(finalJudges.eventId, w.event.id))).map((r) => r.userId).sort(),
});
const assignments = async (w: World) =>
  (await db.select().from(judgeAssignments).where(eq(judgeAssignments.eventId, w.event.id))).map((a) => `${a.entryId}:${a.judgeId}:${a.manual}`).sort();
describe("round 1's judges and assignments once the final round started", () => {
  it("are shown, and neither recomputed, reassigned nor removed: round 1 is closed", async () => {
    const w = await world();
    const before = await assignments(w);
    expect(before.length).toBeGreaterThan(0);
    const page = (await expectStatus(judgesLoader(args(request(`/events/${w.event.slug}/judges`, { user: w.organizer }), { slug: w.event.slug })), 200))
      .data as { assignmentsClosed: string | null; assignments: unknown[]; shortfall: string | null };
    expect(page.assignmentsClosed).toBe("Round 1 is closed: its assignments stay as they were. Every final round judge scores every finalist.");
    expect(page.assignments).toHaveLength(3);
    const [one] = await db.select().from(judgeAssignments).where(eq(judgeAssignments.eventId, w.event.id));
    const other = one.judgeId === w.j1.id ? w.j2.id : w.j1.id;
    const forms: Record<string, string>[] = [
      { intent: "set-mode", mode: "all" },
      { intent: "recompute" },
      { intent: "add-assignment", entryId: one.entryId, judgeId: other },
      { intent: "remove-assignment", entryId: one.entryId, judgeId: one.judgeId },
    ];
    for (const form of forms) await expectStatus(w.judgesPage(w.organizer, form), 403);
    expect(await assignments(w)).toEqual(before);
    expect((await getEvent(w.event.id)).judgesPerEntry).toBe(1);

    const manage = (await expectStatus(manageLoader(args(request(`/events/${w.event.slug}/manage`, { user: w.organizer }), { slug: w.event.slug })), 200))
      .data as { canRemoveJudges: boolean };
    expect(manage.canRemoveJudges).toBe(false);
    const remove = (form: Record<string, string>) =>
      manageAction(args(request(`/events/${w.event.slug}/manage`, { user: w.organizer, form: { intent: "remove-judge", ...form } }), { slug: w.event.slug }));
    for (const judge of [w.j1, w.j2]) {
      await expectStatus(remove({ userId: judge.id }), 403);
      await expectStatus(remove({ userId: judge.id, confirmed: "on" }), 403);
    }
    expect(await rosters(w)).toEqual({ roundOne: [w.j1.id, w.j2.id].sort(), finalRound: [w.j1.id] });
  });
});
