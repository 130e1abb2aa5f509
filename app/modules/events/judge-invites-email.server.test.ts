// Judges invited by email (ADR 027): an address with an account is added at once; any other gets an invite
// link by mail, queued with the invite row, for one person. Resend mails a new link (the old one stops);
// Withdraw asks first; a refused or repeated invite mails nobody.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { eventJudges, judgeInvites, notifications, outbox } from "#db/schema";
import { db } from "~/db.server";
import { optOut } from "~/modules/mail/outbox.server";
import { createOpenEvent, createUser, type TestUser } from "~/test/fixtures";
import { acceptJudgeInvite, findJudgeInvite, inviteJudgeByEmail, pendingEmailInvites, resendJudgeInvite, revokeJudgeInvite } from "./judge-invites.server";

const ORIGIN = "https://hack.example.com";
let n = 0;
const newAddress = () => `invitee-${Date.now().toString(36)}-${++n}@example.com`;
const mailsTo = (email: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toEmail, email), eq(outbox.kind, "judge-invited")));
const tokenIn = (text: string) => text.match(new RegExp(`${ORIGIN}/judge-invite/([\\w-]+)`))![1];

async function setup() {
  const organizer = await createUser({ role: "organizer", name: "Orla Organizer" });
  const { event, problem } = await createOpenEvent(organizer);
  return { organizer, event, problem, invite: (email: string) => inviteJudgeByEmail({ event, email, inviter: organizer, origin: ORIGIN }) };
}

const isJudge = async (eventId: string, user: TestUser) =>
  (
    await db
      .select()
      .from(eventJudges)
      .where(and(eq(eventJudges.eventId, eventId), eq(eventJudges.userId, user.id)))
  ).length === 1;

describe("inviting a judge by email", () => {
  it("mails an address without an account one invite link, with an unsubscribe link, and lists it as pending", async () => {
    const { event, invite } = await setup();
    const email = newAddress();
    expect(await invite(email.toUpperCase())).toEqual({ ok: true, invited: email });
    const [mail, ...more] = await mailsTo(email);
    expect(more).toHaveLength(0);
    expect(mail.subject).toBe(`You are invited to judge ${event.title}`);
    expect(mail.textBody).toContain("Orla Organizer invites you");
    expect(mail.unsubscribeUrl).toMatch(new RegExp(`^${ORIGIN}/unsubscribe/`));
    expect(await findJudgeInvite(tokenIn(mail.textBody), null)).toMatchObject({ eventId: event.id, email });
    expect((await pendingEmailInvites(event.id, "UTC")).map((p) => p.email)).toEqual([email]);
    // Nobody to show an in-app notice to: mail only.
    expect(await db.select().from(notifications).where(eq(notifications.kind, "judge-invited"))).toHaveLength(0);
  });

  it("refuses a second invite to an address with one pending, and mails nothing", async () => {
    const { event, invite } = await setup();
    const email = newAddress();
    expect((await invite(email)).ok).toBe(true);
    expect(await invite(email)).toEqual({ ok: false, message: `${email} already has an invite waiting. Resend it from the list below.` });
    expect(await mailsTo(email)).toHaveLength(1);
    expect(await db.select().from(judgeInvites).where(eq(judgeInvites.eventId, event.id))).toHaveLength(1);
  });

  it("adds someone who has an account at once, with their judge-added notice, and creates no invite", async () => {
    const { event, invite } = await setup();
    const judge = await createUser({ name: "Jin Judge" });
    expect(await invite(judge.email)).toEqual({ ok: true, added: "Jin Judge", round: 1 });
    expect(await isJudge(event.id, judge)).toBe(true);
    expect(await db.select().from(judgeInvites).where(eq(judgeInvites.eventId, event.id))).toHaveLength(0);
    expect(
      await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, judge.id), eq(notifications.kind, "judge-added"))),
    ).toHaveLength(1);
  });

  it("works for the one person who accepts it: then it leaves the pending list and nobody else can use it", async () => {
    const { event, invite } = await setup();
    const email = newAddress();
    await invite(email);
    const token = tokenIn((await mailsTo(email))[0].textBody);
    const invitee = await createUser({ email });
    expect(await acceptJudgeInvite(token, invitee.id)).toEqual({ ok: true, eventId: event.id });
    expect(await isJudge(event.id, invitee)).toBe(true);
    expect(await pendingEmailInvites(event.id, "UTC")).toHaveLength(0);
    // The invitee coming back to the link sees they are a judge; anyone else finds it spent.
    expect(await findJudgeInvite(token, invitee.id)).toMatchObject({ alreadyJudge: true });
    const other = await createUser();
    expect(await findJudgeInvite(token, other.id)).toBeNull();
    expect(await acceptJudgeInvite(token, other.id)).toEqual({ ok: false, reason: "invalid" });
    expect(await isJudge(event.id, other)).toBe(false);
  });

  it("resends with a new link (the old one stops working) and mails nothing once withdrawn", async () => {
    const { organizer, event, invite } = await setup();
    const email = newAddress();
    await invite(email);
    const oldToken = tokenIn((await mailsTo(email))[0].textBody);
    const [pending] = await pendingEmailInvites(event.id, "UTC");
    // Within a minute of the mail, Resend sends nothing: that mail's link works.
    expect(await resendJudgeInvite({ event, inviteId: pending.id, inviter: organizer, origin: ORIGIN })).toEqual({ ok: true, email, recent: true });
    expect(await mailsTo(email)).toHaveLength(1);
    const later = new Date(Date.now() + 2 * 60_000);
    expect(await resendJudgeInvite({ event, inviteId: pending.id, inviter: organizer, origin: ORIGIN, now: later })).toEqual({
      ok: true,
      email,
      recent: false,
    });
    // A double press: the second finds the mail just sent, also when both read before either wrote.
    expect(await resendJudgeInvite({ event, inviteId: pending.id, inviter: organizer, origin: ORIGIN, now: later })).toEqual({ ok: true, email, recent: true });
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(2);
    const newToken = mails.map((m) => tokenIn(m.textBody)).find((t) => t !== oldToken)!;
    expect(await findJudgeInvite(oldToken, null)).toBeNull();
    expect(await findJudgeInvite(newToken, null)).toMatchObject({ eventId: event.id });
    // Two presses at once, both reading before either wrote: one mail.
    const muchLater = new Date(Date.now() + 10 * 60_000);
    const both = await Promise.all([0, 1].map(() => resendJudgeInvite({ event, inviteId: pending.id, inviter: organizer, origin: ORIGIN, now: muchLater })));
    expect(both.map((r) => r.ok && r.recent).sort()).toEqual([false, true]);
    expect(await mailsTo(email)).toHaveLength(3);
    const newest = tokenIn((await mailsTo(email)).map((m) => m.textBody).find((b) => ![oldToken, newToken].includes(tokenIn(b)))!);
    expect(await findJudgeInvite(newToken, null)).toBeNull();

    // Withdraw asks first, naming the address; then the link stops and a resend mails nothing.
    expect(await revokeJudgeInvite(event.id, pending.id, { confirmed: false, typedName: "" })).toMatchObject({ ok: false, confirm: { email } });
    expect(await findJudgeInvite(newest, null)).not.toBeNull();
    expect(await revokeJudgeInvite(event.id, pending.id, { confirmed: true, typedName: "" })).toEqual({ ok: true });
    expect(await findJudgeInvite(newest, null)).toBeNull();
    expect((await resendJudgeInvite({ event, inviteId: pending.id, inviter: organizer, origin: ORIGIN, now: new Date(Date.now() + 5 * 60_000) })).ok).toBe(
      false,
    );
    expect(await mailsTo(email)).toHaveLength(3);
    expect(await pendingEmailInvites(event.id, "UTC")).toHaveLength(0);
  });

  it("creates the invite but mails nothing to an address that unsubscribed", async () => {
    const { event, invite } = await setup();
    const email = newAddress();
    await optOut(email);
    expect((await invite(email)).ok).toBe(true);
    expect(await mailsTo(email)).toHaveLength(0);
    expect(await pendingEmailInvites(event.id, "UTC")).toHaveLength(1);
  });
});
