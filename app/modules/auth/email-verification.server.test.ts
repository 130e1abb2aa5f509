// Email confirmation after a password sign-up (ADR 028), against the real test database and a real SMTP server:
// the mailed link confirms once, expires, and is stored only as a hash; sign-up with a taken address changes
// nothing and mails its owner; "send again" is limited; a password reset or a provider's verified email confirms too.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { emailVerifications, outbox, users } from "#db/schema";
import { db } from "~/db.server";
import { addJudge } from "~/modules/events/events.server";
import { addOrganizer } from "~/modules/events/settings.server";
import { createMailSender, smtpTransport } from "~/modules/mail/sender.server";
import { createOpenEvent, createUser, PASSWORD } from "~/test/fixtures";
import { startInbox, type Inbox } from "~/test/smtp";
import { createAccount } from "./accounts.server";
import { findVerification, resendVerification, signUp, verifyEmail } from "./email-verification.server";
import { createResetLink, resetPassword } from "./password-reset.server";

const ORIGIN = "https://hack.example.com";
const inboxes: Inbox[] = [];
afterEach(async () => {
  await Promise.all(inboxes.splice(0).map((i) => i.close()));
  await db.delete(outbox);
});

async function deliver() {
  const smtp = await startInbox();
  inboxes.push(smtp);
  await createMailSender({ transport: smtpTransport(smtp.url), from: "Problem First <hack@example.com>" }).runOnce();
  return smtp;
}

const account = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];
const linkIn = (text: string) => text.match(/https:\/\/hack\.example\.com\/verify-email\/[\w-]+/)![0];

describe("sign-up and email confirmation", () => {
  it("a new address: an unconfirmed account and one security mail with a link that confirms once", async () => {
    const email = "fresh@example.com";
    expect(await signUp({ name: "Fresh Person", email, password: PASSWORD }, ORIGIN)).toEqual({ ok: true });
    expect(await account(email)).toMatchObject({ name: "Fresh Person", emailVerifiedAt: null });

    const smtp = await deliver();
    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toBe("Confirm your email for Problem First");
    expect(JSON.stringify(mail.to)).toContain(email);
    // Security mail: no unsubscribe link.
    expect(mail.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(false);
    const link = linkIn(mail.text!);
    const token = link.split("/").pop()!;
    // Only the hash is stored.
    const [stored] = await db.select().from(emailVerifications);
    expect(stored.tokenHash).not.toContain(token);

    expect(await findVerification(token)).toMatchObject({ email });
    expect(await verifyEmail(token)).toMatchObject({ ok: true });
    expect((await account(email)).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyEmail(token)).toEqual({ ok: false });
    expect(await findVerification(token)).toBeNull();
  });

  it("a link past its 48 hours confirms nothing", async () => {
    const email = "late@example.com";
    const then = new Date(Date.now() - 49 * 3_600_000);
    await signUp({ name: "Late Person", email, password: PASSWORD }, ORIGIN, then);
    const [row] = await db.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.toEmail, email));
    const token = linkIn(row.text).split("/").pop()!;
    expect(await findVerification(token)).toBeNull();
    expect(await verifyEmail(token)).toEqual({ ok: false });
    expect((await account(email)).emailVerifiedAt).toBeNull();
  });

  it("an address that has an account: same answer, nothing changes, its owner gets one mail (at most 3 an hour)", async () => {
    const owner = await createUser({ name: "Olive Owner" });
    const before = await account(owner.email);
    for (let i = 0; i < 5; i++)
      expect(await signUp({ name: "Intruder", email: owner.email, password: "another long passphrase" }, ORIGIN)).toEqual({ ok: true });
    expect(await account(owner.email)).toEqual(before);
    expect(await db.select().from(emailVerifications).where(eq(emailVerifications.userId, owner.id))).toHaveLength(0);

    const smtp = await deliver();
    await smtp.waitFor(3);
    expect(smtp.received).toHaveLength(3);
    const [mail] = smtp.received;
    expect(mail.subject).toBe("Someone tried to sign up with your email");
    expect(mail.text).toContain("Hello Olive Owner,");
    expect(mail.text).toContain(`${ORIGIN}/login`);
    expect(mail.text).toContain(`${ORIGIN}/forgot-password`);
    expect(mail.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(false);
  });

  it("send the link again: at most 3 an hour, nothing for a confirmed address; any one link spends the others", async () => {
    const email = "again@example.com";
    await signUp({ name: "Again Person", email, password: PASSWORD }, ORIGIN);
    const user = await account(email);
    for (let i = 0; i < 3; i++) expect(await resendVerification(user.id, ORIGIN)).toEqual({ ok: true });
    expect(await resendVerification(user.id, ORIGIN)).toMatchObject({ ok: false, reason: "too-many" });
    const rows = await db.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.toEmail, email));
    expect(rows).toHaveLength(4);
    const [first, second] = rows.map((r) => linkIn(r.text).split("/").pop()!);
    expect(await verifyEmail(second)).toMatchObject({ ok: true });
    expect(await verifyEmail(first)).toEqual({ ok: false });

    const confirmed = await createUser();
    expect(await resendVerification(confirmed.id, ORIGIN)).toEqual({ ok: false, reason: "verified" });
  });

  it("setting a password through a reset link confirms the address too", async () => {
    const email = "reset-confirms@example.com";
    await signUp({ name: "Reset Person", email, password: PASSWORD }, ORIGIN);
    const user = await account(email);
    const link = await createResetLink(user.id, ORIGIN);
    expect(await resetPassword(link!.url.split("/").pop()!, "a brand new long passphrase")).toMatchObject({ ok: true });
    expect((await account(email)).emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("accounts made on the server (demo data, scripts, fixtures) count as confirmed unless told otherwise", async () => {
    await createAccount({ name: "Seeded", email: "seeded@example.com", password: PASSWORD });
    await createAccount({ name: "Unconfirmed", email: "unconfirmed@example.com", password: PASSWORD, emailVerified: false });
    expect((await account("seeded@example.com")).emailVerifiedAt).toBeInstanceOf(Date);
    expect((await account("unconfirmed@example.com")).emailVerifiedAt).toBeNull();
  });
});

describe("rosters need a confirmed address", () => {
  it("an organizer cannot add an unconfirmed person as judge or co-organizer; once confirmed they can", async () => {
    const organizer = await createUser({ role: "organizer" });
    const { event } = await createOpenEvent(organizer);
    const email = "judge-to-be@example.com";
    await signUp({ name: "Jude Pending", email, password: PASSWORD }, ORIGIN);
    const refusal = "Jude Pending has not confirmed their email address yet, so they cannot be added. Ask them to open the link in their sign-up email.";
    expect(await addJudge(event.id, email, ORIGIN)).toEqual({ ok: false, message: refusal });
    expect(await addOrganizer(event.id, email, ORIGIN)).toEqual({ ok: false, message: refusal });
    // Nothing was mailed for the refused adds: only the confirmation link is in the outbox.
    expect((await db.select({ kind: outbox.kind }).from(outbox).where(eq(outbox.toEmail, email))).map((r) => r.kind)).toEqual(["email-verification"]);

    const [row] = await db.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.toEmail, email));
    await verifyEmail(linkIn(row.text).split("/").pop()!);
    expect(await addJudge(event.id, email, ORIGIN)).toMatchObject({ ok: true, name: "Jude Pending" });
  });
});
