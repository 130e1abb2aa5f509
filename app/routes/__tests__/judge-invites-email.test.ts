// The judges page's "Invite by email", Resend and Withdraw, and the invite page for someone not signed in
// yet, through the routes (ADR 027): links on APP_URL's origin, bad input answered next to the field.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { judgeInvites, outbox } from "#db/schema";
import { db } from "~/db.server";
import { acceptJudgeInvite, createJudgeInvite, pendingEmailInvites, resendJudgeInvite } from "~/modules/events/judge-invites.server";
import { addJudge, listJudges } from "~/modules/events/events.server";
import { formatInZone } from "~/lib/time";
import { action as judgesAction } from "~/routes/events.$slug.judges";
import { action as inviteAction, loader as inviteLoader } from "~/routes/judge-invite.$token";
import { args, createOpenEvent, createUser, expectStatus, fieldErrors, movePhase, request, toastOf, type TestUser } from "~/test/fixtures";

async function world() {
  const organizer = await createUser({ role: "organizer" });
  const { event } = await createOpenEvent(organizer);
  const judges = (user: TestUser, form: Record<string, string>) => judgesAction(args(request("/", { user, form }), { slug: event.slug }));
  return { organizer, event, judges };
}
const invitesTo = (email: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toEmail, email), eq(outbox.kind, "judge-invited")));

describe("judges page: invite by email", () => {
  it("mails the invite and lists it; Resend mails a new link; Withdraw asks first", async () => {
    const w = await world();
    const email = `route-invitee-${Date.now().toString(36)}@example.com`;
    const sent = await expectStatus(w.judges(w.organizer, { intent: "invite-by-email", email }), 302);
    expect(sent.response!.headers.get("Location")).toBe(`/events/${w.event.slug}/judges`);
    const [mail] = await invitesTo(email);
    const link = mail.textBody.match(/(\S+)\/judge-invite\/[\w-]+/)!;
    // The route passes its origin down (http://localhost in tests).
    expect(link[1]).toBe("http://localhost");

    const [pending] = await pendingEmailInvites(w.event.id, "UTC");
    // Resend within a minute of the mail (or a double press) mails nothing, and says so.
    const soon = await expectStatus(w.judges(w.organizer, { intent: "resend-invite", inviteId: pending.id }), 302);
    expect(await toastOf(soon)).toEqual({
      kind: "success",
      message: `The invite to ${email} was mailed less than a minute ago, so it was not sent again: the link in that mail works.`,
    });
    expect(await invitesTo(email)).toHaveLength(1);
    // Mailed two minutes ago: Resend mails a new link.
    await db
      .update(judgeInvites)
      .set({ expiresAt: sql`${judgeInvites.expiresAt} - 120` })
      .where(eq(judgeInvites.id, pending.id));
    const resent = await expectStatus(w.judges(w.organizer, { intent: "resend-invite", inviteId: pending.id }), 302);
    expect((await toastOf(resent))?.message).toBe(`Invite sent again to ${email}, with a new link; the old one no longer works.`);
    expect(await invitesTo(email)).toHaveLength(2);
    const later = new Date(Date.now() + 3 * 3_600_000);
    expect(await resendJudgeInvite({ event: w.event, inviteId: pending.id, inviter: w.organizer, origin: "http://localhost", now: later })).toMatchObject({
      ok: true,
    });
    expect((await pendingEmailInvites(w.event.id, "UTC"))[0]).toMatchObject({ createdAt: pending.createdAt, resentAt: formatInZone(later, "UTC") });

    const asked = await expectStatus(w.judges(w.organizer, { intent: "withdraw-invite", inviteId: pending.id }), 409);
    expect(asked.data).toMatchObject({ confirmWithdraw: { inviteId: pending.id, email } });
    expect(await pendingEmailInvites(w.event.id, "UTC")).toHaveLength(1);
    await expectStatus(w.judges(w.organizer, { intent: "withdraw-invite", inviteId: pending.id, confirmed: "on" }), 302);
    expect(await pendingEmailInvites(w.event.id, "UTC")).toHaveLength(0);
  });

  it("answers a bad address or a repeated invite next to the field, and refuses non-organizers", async () => {
    const w = await world();
    expect(fieldErrors(await expectStatus(w.judges(w.organizer, { intent: "invite-by-email", email: "not an address" }), 400))).toEqual({
      email: ["Enter a valid email address"],
    });
    const email = `twice-${Date.now().toString(36)}@example.com`;
    // A sent invite redirects with no action data: the page takes that as success and empties the address field.
    expect((await expectStatus(w.judges(w.organizer, { intent: "invite-by-email", email }), 302)).data).toBeNull();
    const repeated = await expectStatus(w.judges(w.organizer, { intent: "invite-by-email", email }), 400);
    expect(fieldErrors(repeated).email[0]).toContain("already has an invite waiting");
    // A refusal answers with data that gives the typed address back to the field, so nothing typed is lost.
    expect(repeated.data).toMatchObject({ intent: "invite-by-email", result: { initialValue: { email } } });
    await expectStatus(w.judges(await createUser(), { intent: "invite-by-email", email: "x@example.com" }), 403);
  });
});

describe("the invite page for someone not signed in", () => {
  it("names the event and offers sign-up and sign-in that come back to the invite", async () => {
    const w = await world();
    const email = `signed-out-${Date.now().toString(36)}@example.com`;
    await w.judges(w.organizer, { intent: "invite-by-email", email });
    const path = (await invitesTo(email))[0].textBody.match(/\/judge-invite\/[\w-]+/)![0];
    const page = await expectStatus(inviteLoader(args(request(path), { token: path.split("/")[2] })), 200);
    expect(page.data).toMatchObject({
      invite: { title: w.event.title },
      signIn: { signUp: `/signup?redirectTo=${encodeURIComponent(path)}`, signIn: `/login?redirectTo=${encodeURIComponent(path)}` },
    });
    await expectStatus(inviteLoader(args(request("/judge-invite/nope"), { token: "nope" })), 404);
  });

  it("invites nobody once results are published: a link from before says judging ended, and adding by email is refused", async () => {
    const w = await world();
    const invite = await createJudgeInvite(w.event.id, w.organizer.id, 7);
    const judge = await createUser();
    await addJudge(w.event.id, judge.email);
    await movePhase(w.event.id, w.organizer, "judging");
    await movePhase(w.event.id, w.organizer, "closed");
    const late = await createUser();
    const ended = "Judging of this event has ended: its results are published, so this invite can no longer be accepted.";
    const path = `/judge-invite/${invite.token}`;
    expect((await expectStatus(inviteLoader(args(request(path, { user: late }), { token: invite.token })), 200)).data).toMatchObject({ refusal: ended });
    // Signed out, nobody is asked to sign up for it.
    expect((await expectStatus(inviteLoader(args(request(path), { token: invite.token })), 200)).data).toMatchObject({ refusal: ended, signIn: null });
    expect((await expectStatus(inviteAction(args(request(path, { user: late, form: {} }), { token: invite.token })), 409)).data).toEqual({ error: ended });
    expect(await acceptJudgeInvite(invite.token, late.id)).toEqual({ ok: false, reason: "ended" });
    expect(await addJudge(w.event.id, late.email)).toMatchObject({
      ok: false,
      message: "Results are published, so judging has ended: reopen the event for judging to add a judge.",
    });
    const email = `late-${Date.now().toString(36)}@example.com`;
    const refused = await expectStatus(w.judges(w.organizer, { intent: "invite-by-email", email }), 302);
    expect(refused.response!.headers.get("Location")).toBe(`/events/${w.event.slug}/judges`);
    expect(await invitesTo(email)).toEqual([]);
    expect(await listJudges(w.event.id)).toHaveLength(1);
  });
});
