// Adding someone to an event's judges or organizers tells them by mail, queued in the same transaction as
// the roster row and only when a row went in: a refused or repeated add queues nothing (ADR 015).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eventJudges, notifications, outbox } from "#db/schema";
import { db } from "~/db.server";
import { optOut } from "~/modules/mail/outbox.server";
import { createTeam } from "~/modules/teams/teams.server";
import { createOpenEvent, createUser, movePhase } from "~/test/fixtures";
import { addJudge } from "./events.server";
import { addOrganizer } from "./settings.server";

const ORIGIN = "https://hack.example.com";
const mailTo = (email: string) => db.select().from(outbox).where(eq(outbox.toEmail, email.toLowerCase()));

describe("mail when someone joins an event's roster", () => {
  it("queues one judge-added mail with the event's link, and none for a repeated add", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event } = await createOpenEvent(organizer);
    const judge = await createUser({ name: "Jude Mailer" });
    expect((await addJudge(event.id, judge.email, ORIGIN)).ok).toBe(true);
    const [mail, ...more] = await mailTo(judge.email);
    expect(more).toHaveLength(0);
    expect(mail).toMatchObject({ kind: "judge-added", status: "pending", subject: `You are a judge of ${event.title}` });
    expect(mail.textBody).toContain(`${ORIGIN}/events/${event.slug}`);
    expect(mail.unsubscribeUrl).toMatch(new RegExp(`^${ORIGIN}/unsubscribe/`));

    const again = await addJudge(event.id, judge.email, ORIGIN);
    expect(again).toMatchObject({ ok: false, message: "Jude Mailer is already a judge of this event." });
    expect(await mailTo(judge.email)).toHaveLength(1);
  });

  it("tells a judge added while judging is under way that their queue is open, and links to it", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event } = await createOpenEvent(organizer);
    await movePhase(event.id, organizer, "judging");
    const judge = await createUser({ name: "Late Judge" });
    expect((await addJudge(event.id, judge.email, ORIGIN)).ok).toBe(true);
    const [mail] = await mailTo(judge.email);
    expect(mail.textBody).toContain("Judging is under way: your queue of entries to score is open.");
    expect(mail.textBody).not.toContain("opens when judging starts");
    expect(mail.textBody).toContain(`${ORIGIN}/events/${event.slug}/judging`);
    const [notice] = await db.select().from(notifications).where(eq(notifications.userId, judge.id));
    expect(notice).toMatchObject({ body: "Judging is under way: your queue of entries to score is open.", path: `/events/${event.slug}/judging` });
  });

  it("queues nothing when the statement refuses the judge (they are in a team of the event)", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event, problem } = await createOpenEvent(organizer);
    const member = await createUser();
    const team = await createTeam(event, member.id, { name: "Busy Builders", problemId: problem.id });
    expect(team.ok).toBe(true);
    expect((await addJudge(event.id, member.email, ORIGIN)).ok).toBe(false);
    expect(await mailTo(member.email)).toHaveLength(0);
    expect(await db.select().from(eventJudges).where(eq(eventJudges.userId, member.id))).toHaveLength(0);
  });

  it("queues one organizer-added mail linking to the Manage page, and none for a repeated add", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event } = await createOpenEvent(organizer);
    const colleague = await createUser();
    expect((await addOrganizer(event.id, colleague.email, ORIGIN)).ok).toBe(true);
    expect((await addOrganizer(event.id, colleague.email, ORIGIN)).ok).toBe(false);
    const mails = await mailTo(colleague.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].kind).toBe("organizer-added");
    expect(mails[0].textBody).toContain(`${ORIGIN}/events/${event.slug}/manage`);
  });

  it("adds someone who unsubscribed without mailing them", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event } = await createOpenEvent(organizer);
    const quiet = await createUser();
    await optOut(quiet.email);
    expect((await addJudge(event.id, quiet.email, ORIGIN)).ok).toBe(true);
    expect(await mailTo(quiet.email)).toHaveLength(0);
  });
});
