// Adding judges once the final round has started (ADR 038, 2026-12 section): the Judges page, the Manage page and
// invites accepted then join the final round's roster (final_judges), never closed round 1's (event_judges).
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { entries, eventJudges, events, finalJudges, judgeAssignments, notifications, outbox } from "#db/schema";
import { db } from "~/db.server";
import { addAssignment, recomputeAssignments, removeAssignment, ROUND_ONE_CLOSED, setJudgesPerEntry } from "~/modules/events/assignments.server";
import { addJudge, listCriteria } from "~/modules/events/events.server";
import { declareConflict, saveScores, withdrawConflict } from "~/modules/judging/judging.server";
import { startFinalRound } from "~/modules/judging/rounds.server";
import { action as judgeInviteAction, loader as judgeInviteLoader } from "~/routes/judge-invite.$token";
import { action as judgesAction, loader as judgesLoader } from "~/routes/events.$slug.judges";
import { action as manageAction, loader as manageLoader } from "~/routes/events.$slug.manage";
import { action as queueAction, loader as queueLoader } from "~/routes/events.$slug.judging";
import {
  args,
  createOpenEvent,
  createUser,
  expectStatus,
  fieldErrors,
  getEvent,
  movePhase,
  request,
  submittedEntry,
  toastOf,
  type TestUser,
} from "~/test/fixtures";

/**
 * Round 1 with one judge per entry (j1 and j2, assigned), three scored entries; the final round started with Alpha
 * and Beta as finalists and j1 as its only judge. Carol leads Gamma's team.
 */
async function world(beforeFinalRound: (w: { organizer: TestUser; j1: TestUser; j2: TestUser; slug: string }) => Promise<unknown> = async () => {}) {
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
  await beforeFinalRound({ organizer, j1, j2, slug: event.slug });
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
const toastMessage = async (res: Awaited<ReturnType<typeof expectStatus>>) => (await toastOf(res))?.message;
const queueOf = async (w: World, user: TestUser) =>
  (
    (await expectStatus(queueLoader(args(request(`/events/${w.event.slug}/judging`, { user }), { slug: w.event.slug })), 200)).data as {
      queue: { id: string }[];
    }
  ).queue
    .map((q) => q.id)
    .sort();
const invitePage = (token: string, user: TestUser, method: "GET" | "POST") =>
  (method === "GET" ? judgeInviteLoader : judgeInviteAction)(args(request(`/judge-invite/${token}`, { user, method }), { token }));
const mailedToken = async (email: string) =>
  (
    await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.toEmail, email), eq(outbox.kind, "judge-invited")))
  )[0].textBody.match(/\/judge-invite\/([\w-]+)/)![1];

describe("judges added during the final round", () => {
  let w: World;
  let before: string[];
  beforeEach(async () => {
    w = await world();
    before = await assignments(w);
  });

  it("the Judges page shows and adds the final round's judges: a new judge scores every finalist, round 1 is untouched", async () => {
    const page = (await expectStatus(judgesLoader(args(request(`/events/${w.event.slug}/judges`, { user: w.organizer }), { slug: w.event.slug })), 200))
      .data as { event: { round: number }; judges: { id: string }[] };
    expect(page.event.round).toBe(2);
    expect(page.judges.map((j) => j.id)).toEqual([w.j1.id]);

    const newcomer = await createUser({ name: "Nia Newcomer" });
    const added = await expectStatus(w.judgesPage(w.organizer, { intent: "invite-by-email", email: newcomer.email }), 302);
    expect(await toastMessage(added)).toBe("Nia Newcomer already has an account and is now a judge of the final round.");
    expect(await rosters(w)).toEqual({ roundOne: [w.j1.id, w.j2.id].sort(), finalRound: [w.j1.id, newcomer.id].sort() });
    expect(await queueOf(w, newcomer)).toEqual([w.ids.Alpha, w.ids.Beta].sort());
    const [told] = await db.select().from(notifications).where(eq(notifications.userId, newcomer.id));
    expect(told).toMatchObject({
      kind: "judge-added",
      title: `You are a judge of the final round of ${w.event.title}`,
      path: `/events/${w.event.slug}/judging`,
    });
    // Round 1 is closed: its assignments stay as they were.
    expect(await assignments(w)).toEqual(before);
  });

  it("adds a round-1 judge who did not go on to the final round, and refuses someone already in it or in a team", async () => {
    await expectStatus(w.judgesPage(w.organizer, { intent: "invite-by-email", email: w.j2.email }), 302);
    expect((await rosters(w)).finalRound).toEqual([w.j1.id, w.j2.id].sort());
    expect(await queueOf(w, w.j2)).toEqual([w.ids.Alpha, w.ids.Beta].sort());

    const again = await expectStatus(w.judgesPage(w.organizer, { intent: "invite-by-email", email: w.j1.email }), 400);
    expect(fieldErrors(again).email).toEqual([`${w.j1.name} is already a judge of the final round.`]);
    // Carol leads Gamma's team, which did not reach the final: still no judge of this event (ADR 010).
    const member = await expectStatus(w.judgesPage(w.organizer, { intent: "invite-by-email", email: w.carol.email }), 400);
    expect(fieldErrors(member).email).toEqual([`${w.carol.name} is in a team of this event, so they cannot judge it.`]);
    expect(await rosters(w)).toEqual({ roundOne: [w.j1.id, w.j2.id].sort(), finalRound: [w.j1.id, w.j2.id].sort() });
    expect(await assignments(w)).toEqual(before);
  });

  it("an invite mailed during the final round makes whoever accepts it a judge of the final round", async () => {
    const email = `late-judge-${Date.now().toString(36)}@example.com`;
    await expectStatus(w.judgesPage(w.organizer, { intent: "invite-by-email", email }), 302);
    const token = await mailedToken(email);
    const invitee = await createUser({ email });
    const page = await expectStatus(invitePage(token, invitee, "GET"), 200);
    expect(page.data).toMatchObject({ invite: { alreadyJudge: false, finalRound: true }, refusal: null });
    expect(await toastMessage(await expectStatus(invitePage(token, invitee, "POST"), 302))).toBe(`You are now a judge of the final round of ${w.event.title}.`);
    expect(await rosters(w)).toEqual({ roundOne: [w.j1.id, w.j2.id].sort(), finalRound: [w.j1.id, invitee.id].sort() });
    expect(await queueOf(w, invitee)).toEqual([w.ids.Alpha, w.ids.Beta].sort());
    expect((await expectStatus(invitePage(token, invitee, "GET"), 200)).data).toMatchObject({ invite: { alreadyJudge: true } });
    expect(await assignments(w)).toEqual(before);
  });

  it("an invite link opened during the final round adds to the final round, round-1 judges included", async () => {
    const created = await expectStatus(w.judgesPage(w.organizer, { intent: "create-invite", days: "7" }), 200);
    const token = (created.data as { inviteUrl: string }).inviteUrl.split("/judge-invite/")[1];
    // j2 judged round 1 only: the link is not "already a judge" for them now.
    expect((await expectStatus(invitePage(token, w.j2, "GET"), 200)).data).toMatchObject({ invite: { alreadyJudge: false, finalRound: true } });
    await expectStatus(invitePage(token, w.j2, "POST"), 302);
    const stranger = await createUser();
    await expectStatus(invitePage(token, stranger, "POST"), 302);
    expect(await rosters(w)).toEqual({ roundOne: [w.j1.id, w.j2.id].sort(), finalRound: [w.j1.id, w.j2.id, stranger.id].sort() });
    expect(await assignments(w)).toEqual(before);
  });

  it("the Manage page's Judges section lists and adds the final round's judges too", async () => {
    const manage = (await expectStatus(manageLoader(args(request(`/events/${w.event.slug}/manage`, { user: w.organizer }), { slug: w.event.slug })), 200))
      .data as { judges: { id: string }[] };
    expect(manage.judges.map((j) => j.id)).toEqual([w.j1.id]);
    const newcomer = await createUser();
    const added = await expectStatus(
      manageAction(
        args(request(`/events/${w.event.slug}/manage`, { user: w.organizer, form: { intent: "add-judge", email: newcomer.email } }), { slug: w.event.slug }),
      ),
      302,
    );
    expect(await toastMessage(added)).toBe(`${newcomer.name} is now a judge of the final round.`);
    expect(await rosters(w)).toEqual({ roundOne: [w.j1.id, w.j2.id].sort(), finalRound: [w.j1.id, newcomer.id].sort() });
  });
});

describe("a judge added after a final round's event closed", () => {
  it("is refused: judging has ended, and a judge added then would only show as missing scores on every finalist", async () => {
    const w = await world();
    await db.update(events).set({ phase: "closed" }).where(eq(events.id, w.event.id));
    const late = await createUser({ name: "Lena Late" });
    expect(await addJudge(w.event.id, late.email, "http://localhost")).toMatchObject({
      ok: false,
      message: "Results are published, so judging has ended: reopen the event for judging to add a judge.",
    });
    expect(await db.select().from(notifications).where(eq(notifications.userId, late.id))).toEqual([]);
  });
});

describe("round 1's judges and assignments once the final round started", () => {
  it("are shown, and neither recomputed, reassigned nor removed: round 1 is closed; Remove takes a final judge off the final round only", async () => {
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
    // From a page opened in round 1: each reads the page again with why, rather than an error page.
    for (const form of forms)
      expect(await toastOf(await expectStatus(w.judgesPage(w.organizer, form), 302))).toEqual({
        kind: "error",
        message: "Round 1 is closed: its assignments stay as they were. Every final round judge scores every finalist.",
      });
    expect(await assignments(w)).toEqual(before);
    expect((await getEvent(w.event.id)).judgesPerEntry).toBe(1);

    const manage = (await expectStatus(manageLoader(args(request(`/events/${w.event.slug}/manage`, { user: w.organizer }), { slug: w.event.slug })), 200))
      .data as { canRemoveJudges: boolean };
    expect(manage.canRemoveJudges).toBe(true);
    const remove = (form: Record<string, string>) =>
      manageAction(args(request(`/events/${w.event.slug}/manage`, { user: w.organizer, form: { intent: "remove-judge", ...form } }), { slug: w.event.slug }));
    // j2 judged round 1 only: not on the final round's roster, so there is no one to remove, asked or confirmed.
    const notAJudge = "That person is not a judge of the final round. Reload to see who judges now.";
    expect(await toastMessage(await expectStatus(remove({ userId: w.j2.id }), 302))).toBe(notAJudge);
    expect(await toastMessage(await expectStatus(remove({ userId: w.j2.id, round: "2", confirmed: "on" }), 302))).toBe(notAJudge);
    // j1 is the final round's only judge, and stays until another joins.
    const onlyJudge = "The final round needs at least one judge: add another final round judge before removing this one.";
    expect(await toastMessage(await expectStatus(remove({ userId: w.j1.id }), 302))).toBe(onlyJudge);
    expect(await toastMessage(await expectStatus(remove({ userId: w.j1.id, round: "2", confirmed: "on" }), 302))).toBe(onlyJudge);
    expect(await rosters(w)).toEqual({ roundOne: [w.j1.id, w.j2.id].sort(), finalRound: [w.j1.id] });

    // With a second final judge, j1 can go: the confirm step counts the final round's sheets only, and hands nothing on.
    const late = await createUser();
    expect(await addJudge(w.event.id, late.email, "http://localhost")).toMatchObject({ ok: true, round: 2 });
    const rubric = await listCriteria(w.event.id, 2);
    await saveScores(
      w.ids.Alpha,
      w.j1.id,
      rubric.map((c) => ({ criterionId: c.id, value: 3, comment: "" })),
      new Date(),
    );
    const asked = await expectStatus(remove({ userId: w.j1.id }), 409);
    expect(asked.data).toEqual({
      intent: "remove-judge",
      confirmRemoveJudge: { userId: w.j1.id, name: w.j1.name, round: 2, startedSheets: 1, assignedEntries: 0, onlyFinalJudge: false },
    });
    expect(await toastMessage(await expectStatus(remove({ userId: w.j1.id, round: "2", confirmed: "on" }), 302))).toBe(
      "Judge removed. Scores they already gave are kept.",
    );
    expect(await rosters(w)).toEqual({ roundOne: [w.j1.id, w.j2.id].sort(), finalRound: [late.id] });
    expect(await assignments(w)).toEqual(before);
  });

  it("stay as they were for a request checked just before the final round started: the round is checked in each write", async () => {
    const w = await world();
    const before = await assignments(w);
    const [one] = await db.select().from(judgeAssignments).where(eq(judgeAssignments.eventId, w.event.id));
    const other = one.judgeId === w.j1.id ? w.j2.id : w.j1.id;
    // The module functions, called as the Judges page's actions would be after their round check had passed.
    expect(await addAssignment(w.event.id, one.entryId, other)).toEqual({ ok: false, field: "judgeId", message: ROUND_ONE_CLOSED });
    expect(await removeAssignment(w.event.id, one.entryId, one.judgeId)).toEqual({ ok: false, message: ROUND_ONE_CLOSED });
    expect(await setJudgesPerEntry({ id: w.event.id, judgesPerEntry: 1 }, 2)).toEqual({ ok: false, message: ROUND_ONE_CLOSED });
    await recomputeAssignments({ id: w.event.id, judgesPerEntry: 2 });
    expect(await assignments(w)).toEqual(before);
    expect((await getEvent(w.event.id)).judgesPerEntry).toBe(1);
  });

  it("a removal confirmed in round 1 after the final round started changes neither roster", async () => {
    let asked: unknown;
    const w = await world(async ({ organizer, j1, slug }) => {
      // The organizer is asked to confirm removing j1 while round 1 runs…
      const res = await expectStatus(
        manageAction(args(request(`/events/${slug}/manage`, { user: organizer, form: { intent: "remove-judge", userId: j1.id } }), { slug })),
        409,
      );
      asked = res.data;
    });
    // …and confirms after the final round started with j1 as its judge.
    expect(asked).toMatchObject({ confirmRemoveJudge: { userId: w.j1.id, round: 1 } });
    const form = { intent: "remove-judge", userId: w.j1.id, round: "1", confirmed: "on" };
    const confirmed = await expectStatus(
      manageAction(args(request(`/events/${w.event.slug}/manage`, { user: w.organizer, form }), { slug: w.event.slug })),
      302,
    );
    expect(await toastMessage(confirmed)).toBe(
      "The final round started meanwhile, so nothing changed: round 1's judges stay as they were. Reload to see the final round's judges.",
    );
    expect(await rosters(w)).toEqual({ roundOne: [w.j1.id, w.j2.id].sort(), finalRound: [w.j1.id] });
  });
});

describe("reopening for judging an event whose final round ran", () => {
  it("tells the final round's judges, who have the scoring to do, and none of round 1's others", async () => {
    const w = await world();
    const newcomer = await createUser({ name: "Nia Newcomer" });
    await addJudge(w.event.id, newcomer.email);
    expect((await rosters(w)).finalRound).toContain(newcomer.id);
    await movePhase(w.event.id, w.organizer, "closed");
    await movePhase(w.event.id, w.organizer, "judging", "A finalist's score was missing");
    const opened = (user: TestUser) =>
      db
        .select({ title: notifications.title, body: notifications.body })
        .from(notifications)
        .where(and(eq(notifications.userId, user.id), eq(notifications.kind, "judging-opened")));
    const again = { title: `The final round of ${w.event.title} is open again`, body: "Your queue lists the finalists you score." };
    expect(await opened(w.j1)).toContainEqual(again);
    expect(await opened(newcomer)).toEqual([again]);
    expect(await opened(w.j2)).not.toContainEqual(expect.objectContaining({ title: expect.stringMatching(/open again/) }));
    const [mail] = await db
      .select({ subject: outbox.subject })
      .from(outbox)
      .where(and(eq(outbox.toEmail, newcomer.email.toLowerCase()), eq(outbox.kind, "judging-opened")));
    expect(mail).toEqual({ subject: again.title });
  });
});

describe("withdrawing a conflict once the final round started", () => {
  it("is left to final round judges on finalists: round 1's conflicts stay, in the list and in the statement", async () => {
    const w = await world(async ({ j2, slug }) => {
      const [event] = await db.select().from(events).where(eq(events.slug, slug));
      const [gamma] = await db
        .select()
        .from(entries)
        .where(and(eq(entries.eventId, event.id), eq(entries.title, "Gamma")));
      expect(await declareConflict(gamma.eventId, gamma.id, j2.id, "My cousin's team", { confirmed: true, typedName: "" })).toEqual({ ok: true });
    });
    expect(await declareConflict(w.event.id, w.ids.Alpha, w.j1.id, "Former teammate", { confirmed: true, typedName: "" })).toEqual({ ok: true });
    const conflictsOf = async (user: TestUser) =>
      (
        (await expectStatus(queueLoader(args(request(`/events/${w.event.slug}/judging`, { user }), { slug: w.event.slug })), 200)).data as {
          conflicts: { entryId: string; withdrawable: boolean }[];
        }
      ).conflicts.map((c) => ({ entryId: c.entryId, withdrawable: c.withdrawable }));
    expect(await conflictsOf(w.j2)).toEqual([{ entryId: w.ids.Gamma, withdrawable: false }]);
    expect(await conflictsOf(w.j1)).toEqual([{ entryId: w.ids.Alpha, withdrawable: true }]);
    const withdraw = (user: TestUser, entryId: string) =>
      queueAction(args(request(`/events/${w.event.slug}/judging`, { user, form: { entryId } }), { slug: w.event.slug }));
    expect(await toastOf(await expectStatus(withdraw(w.j2, w.ids.Gamma), 302))).toEqual({
      kind: "error",
      message: "Round 1 is closed and its record stands: this conflict stays, as you do not judge this entry in the final round.",
    });
    // A press whose check ran before the final round started changes nothing either.
    expect(await withdrawConflict(w.event.id, w.ids.Gamma, w.j2.id)).toBe(false);
    expect(await conflictsOf(w.j2)).toHaveLength(1);
    expect((await toastOf(await expectStatus(withdraw(w.j1, w.ids.Alpha), 302)))?.message).toMatch(/^Conflict withdrawn: Alpha/);
    expect(await conflictsOf(w.j1)).toEqual([]);
  });
});
