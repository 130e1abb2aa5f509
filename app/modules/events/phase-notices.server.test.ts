// Phase changes tell the people they concern once, in the same transaction as the change: judges when
// judging opens (their queue), teams when results are published (their feedback) and award winners which
// award; a refused or repeated phase change tells nobody (ADR 024).
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { awards, eventJudges, notifications, outbox, phaseChanges, scores, teamMembers } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { formatInZone } from "~/lib/time";
import { utcToZonedLocal } from "~/lib/zoned-time";
import { submissionsOpen } from "~/modules/auth/permissions";
import { saveScores } from "~/modules/judging/judging.server";
import { optionalKinds, type NotificationKind } from "~/modules/notifications/kinds";
import { setEmailPreferences } from "~/modules/notifications/notify.server";
import { createTeam, joinTeam } from "~/modules/teams/teams.server";
import { accessOf, createOpenEvent, createUser, getEvent, submittedEntry, type TestUser } from "~/test/fixtures";
import { changePhase, listCriteria } from "./events.server";

const ORIGIN = "https://hack.example.com";
const noticesOf = (user: TestUser, kind: NotificationKind) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user.id), eq(notifications.kind, kind)));
const mailsOf = (user: TestUser, kind: NotificationKind) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toEmail, user.email.toLowerCase()), eq(outbox.kind, kind)));

async function eventWithTeams() {
  const organizer = await createUser({ role: "organizer" });
  const { event, problem } = await createOpenEvent(organizer);
  const [judgeA, judgeB] = [await createUser({ name: "Judge Ada" }), await createUser({ name: "Judge Bo" })];
  await db.insert(eventJudges).values([
    { eventId: event.id, userId: judgeA.id },
    { eventId: event.id, userId: judgeB.id },
  ]);
  const [winLead, winMate, drafter, bystander] = [await createUser(), await createUser(), await createUser(), await createUser()];
  const won = await submittedEntry(event, winLead.id, problem.id, { title: "Triage bot", teamName: "Winners" });
  expect((await joinTeam({ id: won.teamId, eventId: event.id }, winMate.id, 5, ORIGIN)).ok).toBe(true);
  const draft = await createTeam(event, drafter.id, { name: "Drafters", problemId: problem.id });
  expect(draft.ok).toBe(true);
  return { organizer, event, judges: [judgeA, judgeB], won, winners: [winLead, winMate], drafter, bystander };
}

const teamIdOf = async (eventId: string, userId: string) =>
  (
    await db
      .select({ teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(and(eq(teamMembers.eventId, eventId), eq(teamMembers.userId, userId)))
  )[0].teamId;

const move = async (eventId: string, actor: TestUser, to: "judging" | "closed", reason = "") =>
  changePhase(await getEvent(eventId), actor.id, { to, confirmed: true, reason }, new Date(), ORIGIN);

describe("judging-opened", () => {
  it("tells each judge once with the link to their queue; a repeated move tells nobody", async () => {
    const { organizer, event, judges, winners } = await eventWithTeams();
    const before = await getEvent(event.id);
    expect((await move(event.id, organizer, "judging")).ok).toBe(true);
    // A second organizer acting on the page they loaded before the move: refused, nobody told again.
    expect((await changePhase(before, organizer.id, { to: "judging", confirmed: true, reason: "" }, new Date(), ORIGIN)).ok).toBe(false);
    for (const judge of judges) {
      const rows = await noticesOf(judge, "judging-opened");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ path: `/events/${event.slug}/judging`, eventId: event.id, title: `Judging of ${event.title} is open` });
      const mails = await mailsOf(judge, "judging-opened");
      expect(mails).toHaveLength(1);
      expect(mails[0].textBody).toContain(`${ORIGIN}/events/${event.slug}/judging`);
    }
    expect(await noticesOf(winners[0], "judging-opened")).toHaveLength(0);
  });

  it("keeps the in-app notice but sends no mail to a judge who turned the kind off", async () => {
    const { organizer, event, judges } = await eventWithTeams();
    await setEmailPreferences(judges[0].id, new Set(optionalKinds.filter((k) => k !== "judging-opened")));
    expect((await move(event.id, organizer, "judging")).ok).toBe(true);
    expect(await noticesOf(judges[0], "judging-opened")).toHaveLength(1);
    expect(await mailsOf(judges[0], "judging-opened")).toHaveLength(0);
    expect(await mailsOf(judges[1], "judging-opened")).toHaveLength(1);
  });
});

describe("submissions-closed", () => {
  it("tells each member of a team whose entry is a draft, once, when judging starts; nobody else", async () => {
    const { organizer, event, judges, winners, drafter, bystander } = await eventWithTeams();
    const drafterMate = await createUser();
    const draftTeam = await teamIdOf(event.id, drafter.id);
    expect((await joinTeam({ id: draftTeam, eventId: event.id }, drafterMate.id, 5, ORIGIN)).ok).toBe(true);
    const before = await getEvent(event.id);
    expect((await move(event.id, organizer, "judging")).ok).toBe(true);
    expect((await changePhase(before, organizer.id, { to: "judging", confirmed: true, reason: "" }, new Date(), ORIGIN)).ok).toBe(false);
    for (const member of [drafter, drafterMate]) {
      const rows = await noticesOf(member, "submissions-closed");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        eventId: event.id,
        title: `Submissions to ${event.title} are closed`,
        body: "The entry of Drafters was still a draft: it was not submitted and is not judged.",
        path: `/events/${event.slug}/teams/${draftTeam}/entry`,
      });
      const mails = await mailsOf(member, "submissions-closed");
      expect(mails).toHaveLength(1);
      expect(mails[0].textBody).toContain(`${ORIGIN}/events/${event.slug}/teams/${draftTeam}/entry`);
    }
    for (const other of [...winners, ...judges, bystander, organizer]) expect(await noticesOf(other, "submissions-closed")).toHaveLength(0);
  });

  it("tells nobody again when a published event is reopened for judging", async () => {
    const { organizer, event, drafter } = await eventWithTeams();
    expect((await move(event.id, organizer, "judging")).ok).toBe(true);
    expect((await move(event.id, organizer, "closed")).ok).toBe(true);
    expect((await move(event.id, organizer, "judging", "A score was missing")).ok).toBe(true);
    expect(await noticesOf(drafter, "submissions-closed")).toHaveLength(1);
  });
});

describe("submissions-reopened (judging → open)", () => {
  const HOUR = 3600_000;
  /** Judging started early, and one judge saved a score sheet. */
  async function startedEarly() {
    const w = await eventWithTeams();
    expect((await move(w.event.id, w.organizer, "judging")).ok).toBe(true);
    const rubric = await listCriteria(w.event.id);
    await saveScores(
      w.won.entryId,
      w.judges[0].id,
      rubric.map((c) => ({ criterionId: c.id, value: 4, comment: "" })),
      new Date(),
    );
    return { ...w, judging: await getEvent(w.event.id) };
  }
  const reopen = (event: Awaited<ReturnType<typeof getEvent>>, actor: TestUser, until: Date | string, opts: { confirmed?: boolean; reason?: string } = {}) =>
    changePhase(
      event,
      actor.id,
      {
        to: "open",
        confirmed: opts.confirmed ?? true,
        reason: opts.reason ?? "Network outage at the deadline",
        submissionDeadline: typeof until === "string" ? until : utcToZonedLocal(until, event.timezone),
      },
      new Date(),
      ORIGIN,
    );

  it("refuses a new deadline typed in a time the clocks skip, and moves nothing", async () => {
    const { organizer, event, judging } = await startedEarly();
    await db.run(sql`update events set timezone = 'Europe/Berlin' where id = ${event.id}`);
    const berlin = await getEvent(event.id);
    expect(await reopen(berlin, organizer, "2031-03-30T02:30")).toEqual({
      ok: false,
      field: "submissionDeadline",
      message: "02:30 on 30 March 2031 does not happen in Europe/Berlin: the clocks go forward then. Pick another time, such as 03:30",
    });
    expect(await getEvent(event.id)).toMatchObject({ phase: "judging", submissionDeadline: judging.submissionDeadline });
  });

  it("takes entries again until the new deadline, keeps saved scores and tells every team member and judge once", async () => {
    const { organizer, event, judging, judges, winners, drafter, bystander } = await startedEarly();
    // The form gives minutes: the new deadline, read in the event's time zone, is that minute.
    const until = new Date(Math.floor((Date.now() + 2 * HOUR) / 60_000) * 60_000);
    expect(await reopen(judging, organizer, until)).toEqual({ ok: true, plan: null });
    // A second organizer on the page they loaded before: refused, nobody told twice.
    expect((await reopen(judging, organizer, until)).ok).toBe(false);

    const after = await getEvent(event.id);
    expect(after).toMatchObject({ phase: "open", submissionDeadline: until });
    expect(submissionsOpen(await accessOf(event.id, drafter.id), new Date()).ok).toBe(true);
    expect(await db.select().from(scores).where(eq(scores.judgeId, judges[0].id))).not.toHaveLength(0);
    const [history] = await db
      .select()
      .from(phaseChanges)
      .where(eq(phaseChanges.eventId, event.id))
      .orderBy(sql`${phaseChanges.id} desc`);
    expect(history).toMatchObject({ fromPhase: "judging", toPhase: "open", reason: "Network outage at the deadline" });

    const when = formatInZone(until, event.timezone);
    for (const member of [...winners, drafter]) {
      const rows = await noticesOf(member, "submissions-reopened");
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ title: `Submissions to ${event.title} are open again`, path: expect.stringMatching(/\/teams\/.+\/entry$/) });
      expect(rows[0].body).toMatch(new RegExp(`can change and submit its entry again until ${when}\\.$`));
      expect(await mailsOf(member, "submissions-reopened")).toHaveLength(1);
    }
    for (const judge of judges) {
      const [row, ...more] = await noticesOf(judge, "submissions-reopened");
      expect(more).toHaveLength(0);
      expect(row).toMatchObject({ title: `Judging of ${event.title} is paused`, path: `/events/${event.slug}/judging` });
      const [mail] = await mailsOf(judge, "submissions-reopened");
      expect(mail.textBody).toContain(`${ORIGIN}/events/${event.slug}/judging`);
    }
    for (const other of [bystander, organizer]) expect(await noticesOf(other, "submissions-reopened")).toHaveLength(0);

    // Judging starts again: the team still on a draft is told a second time, the judges that judging is open.
    expect((await changePhase(after, organizer.id, { to: "judging", confirmed: true, reason: "" }, new Date(), ORIGIN)).ok).toBe(true);
    expect(await noticesOf(drafter, "submissions-closed")).toHaveLength(2);
    expect(await noticesOf(judges[1], "judging-opened")).toHaveLength(2);
  });

  it("refuses a reopen whose page was loaded before a final round started, and tells nobody", async () => {
    const { organizer, event, judging, drafter } = await startedEarly();
    // Another organizer starts the final round between this page's load and its move: the phase stays "judging".
    await db.run(sql`update events set judging_round = 2 where id = ${event.id}`);
    expect(await reopen(judging, organizer, new Date(Date.now() + HOUR))).toMatchObject({ ok: false, field: "to" });
    expect(await getEvent(event.id)).toMatchObject({ phase: "judging", judgingRound: 2 });
    expect(await noticesOf(drafter, "submissions-reopened")).toHaveLength(0);
  });

  it("refuses a deadline that is past, after the judging deadline or missing, and then changes and tells nothing", async () => {
    const { organizer, event, judging, drafter } = await startedEarly();
    const refusals = [
      [new Date(Date.now() - HOUR), "The new submission deadline must be in the future"],
      [new Date(judging.judgingDeadline.getTime() + HOUR), /^The new submission deadline must be before the judging deadline, /],
      ["", "Enter the new submission deadline"],
    ] as const;
    for (const [until, message] of refusals) {
      const refused = await reopen(judging, organizer, until);
      expect(refused).toMatchObject({ ok: false, field: "submissionDeadline", message: expect.stringMatching(message) });
    }
    expect(await reopen(judging, organizer, new Date(Date.now() + HOUR), { confirmed: false })).toMatchObject({ ok: false, field: "confirmed" });
    expect(await getEvent(event.id)).toMatchObject({ phase: "judging", submissionDeadline: judging.submissionDeadline });
    expect(await noticesOf(drafter, "submissions-reopened")).toHaveLength(0);
  });
});

describe("results-published and award-won", () => {
  it("links each team member to their feedback, tells the winning team which award, each once", async () => {
    const { organizer, event, won, winners, drafter, bystander, judges } = await eventWithTeams();
    expect((await move(event.id, organizer, "judging")).ok).toBe(true);
    await db.insert(awards).values([
      { id: newId(), eventId: event.id, name: "Best overall", entryId: won.entryId, position: 0 },
      { id: newId(), eventId: event.id, name: "Not given", entryId: null, position: 1 },
    ]);
    const judging = await getEvent(event.id);
    expect((await move(event.id, organizer, "closed")).ok).toBe(true);
    expect((await changePhase(judging, organizer.id, { to: "closed", confirmed: true, reason: "" }, new Date(), ORIGIN)).ok).toBe(false);

    for (const member of winners) {
      const [published, ...more] = await noticesOf(member, "results-published");
      expect(more).toHaveLength(0);
      expect(published.path).toBe(`/events/${event.slug}/entries/${won.entryId}#feedback-h`);
      const [mail] = await mailsOf(member, "results-published");
      expect(mail.textBody).toContain(`${ORIGIN}/events/${event.slug}/entries/${won.entryId}#feedback-h`);
      const award = await noticesOf(member, "award-won");
      expect(award.map((n) => n.title)).toEqual(["Winners won Best overall"]);
      expect(award[0].path).toBe(`/events/${event.slug}/entries/${won.entryId}`);
      const [awardMail, ...moreAwardMail] = await mailsOf(member, "award-won");
      expect(moreAwardMail).toHaveLength(0);
      expect(awardMail.subject).toBe("Winners won Best overall");
    }
    // A team without a submitted entry has no feedback: it gets the results page, and no award.
    expect((await noticesOf(drafter, "results-published")).map((n) => n.path)).toEqual([`/events/${event.slug}/results`]);
    expect(await noticesOf(drafter, "award-won")).toHaveLength(0);
    expect(await noticesOf(bystander, "results-published")).toHaveLength(0);
    expect(await noticesOf(judges[0], "results-published")).toHaveLength(0);
  });

  it("after a reopen, says judging is open again, the results are being revised, then published again; no award twice", async () => {
    const { organizer, event, won, winners, judges } = await eventWithTeams();
    expect((await move(event.id, organizer, "judging")).ok).toBe(true);
    await db.insert(awards).values({ id: newId(), eventId: event.id, name: "Best overall", entryId: won.entryId, position: 0 });
    expect((await move(event.id, organizer, "closed")).ok).toBe(true);
    expect((await move(event.id, organizer, "judging", "A score was missing")).ok).toBe(true);
    expect((await noticesOf(judges[0], "judging-opened")).map((n) => n.title)).toEqual([
      `Judging of ${event.title} is open`,
      `Judging of ${event.title} is open again`,
    ]);
    expect((await move(event.id, organizer, "closed")).ok).toBe(true);
    for (const member of winners) {
      expect((await noticesOf(member, "results-published")).map((n) => n.title).sort()).toEqual(
        [`Results of ${event.title} are published`, `Results of ${event.title} are being revised`, `Results of ${event.title} are published again`].sort(),
      );
      expect(await noticesOf(member, "award-won")).toHaveLength(1);
      expect(await mailsOf(member, "award-won")).toHaveLength(1);
    }
  });

  it("keeps the in-app notices but sends no mail to a member who turned results and awards off", async () => {
    const { organizer, event, won, winners } = await eventWithTeams();
    await setEmailPreferences(winners[1].id, new Set(optionalKinds.filter((k) => k !== "results-published" && k !== "award-won")));
    expect((await move(event.id, organizer, "judging")).ok).toBe(true);
    await db.insert(awards).values({ id: newId(), eventId: event.id, name: "Best overall", entryId: won.entryId, position: 0 });
    expect((await move(event.id, organizer, "closed")).ok).toBe(true);
    for (const kind of ["results-published", "award-won"] as const) {
      expect(await noticesOf(winners[1], kind)).toHaveLength(1);
      expect(await mailsOf(winners[1], kind)).toHaveLength(0);
      expect(await mailsOf(winners[0], kind)).toHaveLength(1);
    }
  });

  it("a refused move (reopening without a reason) tells nobody", async () => {
    const { organizer, event, winners } = await eventWithTeams();
    expect((await move(event.id, organizer, "judging")).ok).toBe(true);
    expect((await move(event.id, organizer, "closed")).ok).toBe(true);
    expect((await move(event.id, organizer, "judging")).ok).toBe(false);
    expect(await noticesOf(winners[0], "results-published")).toHaveLength(1);
  });
});
