// Reminders run by the scheduler at chosen moments against the real database (ADR 026): who gets them, once,
// only in the right phase, nothing stale, a moved deadline re-arms, and the organizer's Remind button's cool-down.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { events, finalists, notifications, outbox } from "#db/schema";
import { db } from "~/db.server";
import { addJudge, listCriteria } from "~/modules/events/events.server";
import { declareConflict, saveScores } from "~/modules/judging/judging.server";
import { setEmailPreferences } from "~/modules/notifications/notify.server";
import { optionalKinds } from "~/modules/notifications/kinds";
import { runDueWork } from "~/modules/schedule/scheduler.server";
import { registerAllTasks } from "~/modules/schedule/tasks.server";
import { createTeam, joinTeam } from "~/modules/teams/teams.server";
import { createOpenEvent, createUser, getEvent, movePhase, submittedEntry } from "~/test/fixtures";
import { remindJudge, reminderList } from "./reminders.server";

const HOUR = 3_600_000;
const ORIGIN = "https://hack.example.com";

beforeAll(() => registerAllTasks());

/** A whole second (the events table keeps deadlines in seconds), days ahead so no other reminder interferes. */
function deadlineIn(days: number) {
  return new Date(Math.floor((Date.now() + days * 24 * HOUR) / 1000) * 1000);
}
const before = (deadline: Date, hours: number) => new Date(deadline.getTime() - hours * HOUR);

async function noticesOf(userIds: string[], kind: string) {
  return db
    .select()
    .from(notifications)
    .where(and(inArray(notifications.userId, userIds), eq(notifications.kind, kind)));
}
async function mailsTo(email: string, kind: string) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toEmail, email.toLowerCase()), eq(outbox.kind, kind)));
}

/** An open event: team Draft (lead + member) with a draft entry, team Done with a submitted one; its deadline `days` ahead. */
async function openEventWithTeams(days: number) {
  const organizer = await createUser({ role: "organizer" });
  const [lead, member, finisher] = await Promise.all([createUser({ name: "Dana Draft" }), createUser({ name: "Milo Member" }), createUser()]);
  const { event, problem } = await createOpenEvent(organizer);
  const team = await createTeam(event, lead.id, { name: "Draft team", problemId: problem.id });
  if (!team.ok) throw new Error("setup");
  const joined = await joinTeam({ id: team.teamId, eventId: event.id }, member.id, 5);
  if (!joined.ok) throw new Error("setup");
  await submittedEntry(event, finisher.id, problem.id, { title: "Done entry" });
  const deadline = deadlineIn(days);
  await db
    .update(events)
    .set({ submissionDeadline: deadline, judgingDeadline: new Date(deadline.getTime() + 72 * HOUR) })
    .where(eq(events.id, event.id));
  return { organizer, event: await getEvent(event.id), problem, teamId: team.teamId, lead, member, finisher, deadline, drafters: [lead.id, member.id] };
}

describe("deadline reminders", () => {
  it("reach members of teams whose entry is not submitted, a day and an hour ahead, each once", async () => {
    const w = await openEventWithTeams(10);
    await runDueWork(before(w.deadline, 25));
    expect(await noticesOf(w.drafters, "deadline-reminder")).toHaveLength(0);

    await runDueWork(before(w.deadline, 24));
    const first = await noticesOf([...w.drafters, w.finisher.id], "deadline-reminder");
    expect(first.map((n) => n.userId).sort()).toEqual([...w.drafters].sort());
    expect(first[0]).toMatchObject({
      eventId: w.event.id,
      path: `/events/${w.event.slug}/teams/${w.teamId}/entry`,
      title: `Submissions for ${w.event.title} close in 1 day`,
    });
    const [mail] = await mailsTo(w.lead.email, "deadline-reminder");
    expect(mail.textBody).toContain(`/events/${w.event.slug}/teams/${w.teamId}/entry`);
    expect(mail.textBody).toContain("Draft team");
    expect(await mailsTo(w.finisher.email, "deadline-reminder")).toHaveLength(0);

    await runDueWork(before(w.deadline, 23));
    expect(await noticesOf(w.drafters, "deadline-reminder")).toHaveLength(2);

    await runDueWork(before(w.deadline, 1));
    await runDueWork(before(w.deadline, 0.5));
    const both = await noticesOf(w.drafters, "deadline-reminder");
    expect(both).toHaveLength(4);
    expect(both.filter((n) => n.title.endsWith("close in 1 hour"))).toHaveLength(2);

    await runDueWork(new Date(w.deadline.getTime() + 60_000));
    expect(await noticesOf(w.drafters, "deadline-reminder")).toHaveLength(4);
  });

  it("catch up after downtime with only the nearest reminder still ahead, and nothing once the deadline passed", async () => {
    const down20 = await openEventWithTeams(11);
    await runDueWork(before(down20.deadline, 20));
    expect((await noticesOf(down20.drafters, "deadline-reminder")).map((n) => n.title)).toEqual([
      `Submissions for ${down20.event.title} close in 20 hours`,
      `Submissions for ${down20.event.title} close in 20 hours`,
    ]);

    const downBoth = await openEventWithTeams(12);
    await runDueWork(before(downBoth.deadline, 0.5));
    await runDueWork(before(downBoth.deadline, 0.25));
    expect(await noticesOf(downBoth.drafters, "deadline-reminder")).toHaveLength(2);

    const stale = await openEventWithTeams(13);
    await runDueWork(new Date(stale.deadline.getTime() + HOUR));
    expect(await noticesOf(stale.drafters, "deadline-reminder")).toHaveLength(0);
  });

  it("go out once when two processes run the same tick at once", async () => {
    const w = await openEventWithTeams(14);
    const at = before(w.deadline, 24);
    await Promise.all([runDueWork(at), runDueWork(at), runDueWork(at)]);
    expect(await noticesOf(w.drafters, "deadline-reminder")).toHaveLength(2);
    expect(await mailsTo(w.lead.email, "deadline-reminder")).toHaveLength(1);
    expect(await mailsTo(w.member.email, "deadline-reminder")).toHaveLength(1);
  });

  it("are re-armed when the organizer moves the deadline later", async () => {
    const w = await openEventWithTeams(15);
    await runDueWork(before(w.deadline, 24));
    const moved = new Date(w.deadline.getTime() + 48 * HOUR);
    await db.update(events).set({ submissionDeadline: moved }).where(eq(events.id, w.event.id));
    await runDueWork(before(w.deadline, 23));
    expect(await noticesOf(w.drafters, "deadline-reminder")).toHaveLength(2);
    await runDueWork(before(moved, 24));
    expect(await noticesOf(w.drafters, "deadline-reminder")).toHaveLength(4);
  });

  it("wait for teams that form after a reminder fell due with nobody to tell (an event opened within the hour)", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event, problem } = await createOpenEvent(organizer);
    const deadline = deadlineIn(18);
    await db.update(events).set({ submissionDeadline: deadline }).where(eq(events.id, event.id));
    // Opened 49 minutes before the deadline: the first tick finds no team.
    await runDueWork(before(deadline, 49 / 60));
    const lead = await createUser();
    const team = await createTeam(event, lead.id, { name: "Late team", problemId: problem.id });
    if (!team.ok) throw new Error("setup");
    await runDueWork(before(deadline, 45 / 60));
    expect((await noticesOf([lead.id], "deadline-reminder")).map((n) => n.title)).toEqual([`Submissions for ${event.title} close in 45 minutes`]);
  });

  it("are not sent outside the open phase", async () => {
    const w = await openEventWithTeams(16);
    await movePhase(w.event.id, w.organizer, "judging");
    await db.update(events).set({ submissionDeadline: w.deadline }).where(eq(events.id, w.event.id));
    await runDueWork(before(w.deadline, 24));
    await runDueWork(before(w.deadline, 1));
    expect(await noticesOf(w.drafters, "deadline-reminder")).toHaveLength(0);
  });

  it("respect a person who turned the kind off for mail: the in-app notice is still there", async () => {
    const w = await openEventWithTeams(17);
    await setEmailPreferences(w.lead.id, new Set(optionalKinds.filter((k) => k !== "deadline-reminder")));
    await runDueWork(before(w.deadline, 24));
    expect(await noticesOf([w.lead.id], "deadline-reminder")).toHaveLength(1);
    expect(await mailsTo(w.lead.email, "deadline-reminder")).toHaveLength(0);
    expect(await mailsTo(w.member.email, "deadline-reminder")).toHaveLength(1);
  });
});

/** An event in judging with two submitted entries and three judges: Fin scored both, Part one, None nothing. */
async function eventInJudging(days: number) {
  const organizer = await createUser({ role: "organizer" });
  const [fin, part, none, a, b] = await Promise.all([
    createUser({ name: "Fin Judge" }),
    createUser({ name: "Part Judge" }),
    createUser({ name: "None Judge" }),
    createUser(),
    createUser(),
  ]);
  const { event, problem } = await createOpenEvent(organizer);
  const first = await submittedEntry(event, a.id, problem.id, { title: "First" });
  const second = await submittedEntry(event, b.id, problem.id, { title: "Second" });
  for (const judge of [fin, part, none]) await addJudge(event.id, judge.email, ORIGIN);
  await movePhase(event.id, organizer, "judging");
  const sheet = (await listCriteria(event.id)).map((c) => ({ criterionId: c.id, value: 3, comment: "" }));
  await saveScores(first.entryId, fin.id, sheet, new Date());
  await saveScores(second.entryId, fin.id, sheet, new Date());
  await saveScores(first.entryId, part.id, sheet, new Date());
  await saveScores(second.entryId, part.id, sheet.slice(0, 1), new Date());
  const deadline = deadlineIn(days);
  await db.update(events).set({ judgingDeadline: deadline }).where(eq(events.id, event.id));
  return { organizer, event: await getEvent(event.id), fin, part, none, deadline, judges: [fin.id, part.id, none.id] };
}

describe("judge reminders", () => {
  it("reach judges with unfinished sheets before the judging deadline, saying how many are left", async () => {
    const w = await eventInJudging(20);
    await runDueWork(before(w.deadline, 25));
    expect(await noticesOf(w.judges, "judge-reminder")).toHaveLength(0);
    await runDueWork(before(w.deadline, 24));
    await runDueWork(before(w.deadline, 24));
    const sent = await noticesOf(w.judges, "judge-reminder");
    expect(Object.fromEntries(sent.map((n) => [n.userId, n.title]))).toEqual({
      [w.part.id]: `1 score sheet left in ${w.event.title}`,
      [w.none.id]: `2 score sheets left in ${w.event.title}`,
    });
    expect(sent[0].path).toBe(`/events/${w.event.slug}/judging`);
    const [mail] = await mailsTo(w.none.email, "judge-reminder");
    expect(mail.textBody).toContain("2 of your 2 score sheets are not finished");
    expect(mail.textBody).toContain(`/events/${w.event.slug}/judging`);
  });

  it("are not sent while the event is still open", async () => {
    const w = await openEventWithTeams(21);
    const judge = await createUser();
    await addJudge(w.event.id, judge.email, ORIGIN);
    const judgingDeadline = deadlineIn(21);
    await db.update(events).set({ judgingDeadline }).where(eq(events.id, w.event.id));
    await runDueWork(before(judgingDeadline, 1));
    expect(await noticesOf([judge.id], "judge-reminder")).toHaveLength(0);
  });
});

describe("the judges page's reminder list says why nobody is listed", () => {
  it("names what the organizer can do: invite, wait for entries, assign, or nothing left", async () => {
    const organizer = await createUser({ role: "organizer" });
    const [judge, lead] = await Promise.all([createUser({ name: "Jo Judge" }), createUser()]);
    const { event, problem } = await createOpenEvent(organizer);
    await movePhase(event.id, organizer, "judging");
    const nobody = async () => (await reminderList(await getEvent(event.id), new Date()))?.nobody;
    expect(await nobody()).toBe("Nobody judges this event yet, so no entry can be scored: invite a judge below.");

    await addJudge(event.id, judge.email, ORIGIN);
    expect(await nobody()).toBe("No entry was submitted, so there is nothing to score.");
    // The final round has judges of its own, and no assignments even where round 1 had them.
    await db.update(events).set({ judgingRound: 2, judgesPerEntry: 1 }).where(eq(events.id, event.id));
    expect(await nobody()).toBe("Nobody judges the final round yet, so no finalist can be scored: invite a judge below.");
    await addJudge(event.id, judge.email, ORIGIN);
    expect(await nobody()).toBe("No finalist is left in the final round, so there is nothing to score.");
    await db.update(events).set({ judgingRound: 1, judgesPerEntry: null }).where(eq(events.id, event.id));

    // Submitted while judging would not take it: set up in the open phase, as teams do.
    await db.update(events).set({ phase: "open" }).where(eq(events.id, event.id));
    const { entryId } = await submittedEntry(event, lead.id, problem.id, { title: "Only" });
    await db.update(events).set({ phase: "judging", judgesPerEntry: 1 }).where(eq(events.id, event.id));
    expect(await nobody()).toBe("No entry is assigned to a judge yet: assign entries below.");

    await db.update(events).set({ judgesPerEntry: null }).where(eq(events.id, event.id));
    expect(await nobody()).toBeNull();
    const sheet = (await listCriteria(event.id)).map((c) => ({ criterionId: c.id, value: 4, comment: "" }));
    await saveScores(entryId, judge.id, sheet, new Date());
    expect(await nobody()).toBe("Every judge has finished their score sheets.");

    await declareConflict(event.id, entryId, judge.id, "My own team's idea", { confirmed: true, typedName: "" });
    expect(await nobody()).toBe("No judge may score any entry: each is on its team or declared a conflict.");
    // The same entry as a finalist: its one final round judge has declared the conflict already.
    await db.insert(finalists).values({ eventId: event.id, entryId, decision: "top", decidedBy: organizer.id, decidedAt: new Date() });
    await db.update(events).set({ judgingRound: 2, judgesPerEntry: 1 }).where(eq(events.id, event.id));
    expect(await nobody()).toBe("No judge may score any finalist: each is on its team or declared a conflict.");
  });
});

describe("the organizer's Remind button", () => {
  it("sends the judge reminder at once, then refuses for an hour, then sends again", async () => {
    const w = await eventInJudging(30);
    const now = new Date();
    const event = { ...w.event, judgingDeadline: w.deadline };
    expect(await remindJudge(event, w.none.id, now, ORIGIN)).toEqual({ ok: true, name: "None Judge", left: 2 });
    const again = await remindJudge(event, w.none.id, new Date(now.getTime() + 59 * 60_000), ORIGIN);
    expect(again).toMatchObject({ ok: false, status: 429 });
    expect(!again.ok && again.message).toContain("once an hour");
    expect(await noticesOf([w.none.id], "judge-reminder")).toHaveLength(1);

    const list = await reminderList(w.event, new Date(now.getTime() + 30 * 60_000));
    expect(list?.judges.find((j) => j.id === w.none.id)?.remindAgainAt).toBeTruthy();
    expect(list?.judges.map((j) => j.id)).toEqual(expect.arrayContaining([w.part.id, w.none.id]));
    expect(list?.judges.map((j) => j.id)).not.toContain(w.fin.id);
    expect(list?.nobody).toBeNull();

    expect(await remindJudge(event, w.none.id, new Date(now.getTime() + HOUR), ORIGIN)).toMatchObject({ ok: true });
    expect(await noticesOf([w.none.id], "judge-reminder")).toHaveLength(2);
  });

  it("sends one reminder when pressed twice at once", async () => {
    const w = await eventInJudging(31);
    const event = { ...w.event, judgingDeadline: w.deadline };
    const now = new Date();
    const results = await Promise.all([remindJudge(event, w.part.id, now, ORIGIN), remindJudge(event, w.part.id, now, ORIGIN)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await noticesOf([w.part.id], "judge-reminder")).toHaveLength(1);
    expect(await mailsTo(w.part.email, "judge-reminder")).toHaveLength(1);
  });

  it("refuses a judge with every sheet done, a stranger, and an event not in judging", async () => {
    const w = await eventInJudging(32);
    const event = { ...w.event, judgingDeadline: w.deadline };
    expect(await remindJudge(event, w.fin.id, new Date(), ORIGIN)).toMatchObject({ ok: false, status: 404 });
    expect(await remindJudge(event, w.organizer.id, new Date(), ORIGIN)).toMatchObject({ ok: false, status: 404 });
    expect(await remindJudge({ ...event, phase: "closed" }, w.none.id, new Date(), ORIGIN)).toMatchObject({ ok: false, status: 409 });
    expect(await reminderList({ ...event, phase: "open" }, new Date())).toBeNull();
    expect(await noticesOf(w.judges, "judge-reminder")).toHaveLength(0);
  });
});
