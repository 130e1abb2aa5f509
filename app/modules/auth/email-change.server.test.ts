// Changing an account's email address (ADR 065), against the real test database and a real SMTP server: the current
// password first, a link to the new address and a notice to the old, the change only when the link is opened, and
// never onto an address another account holds.
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { emailChanges, emailVerifications, outbox, passwordResets, rateLimits, users } from "#db/schema";
import { hashToken } from "~/lib/tokens.server";
import { db } from "~/db.server";
import { createMailSender, smtpTransport } from "~/modules/mail/sender.server";
import { createUser, PASSWORD, type TestUser } from "~/test/fixtures";
import { startInbox, type Inbox } from "~/test/smtp";
import { cancelEmailChanges, confirmEmailChange, findEmailChange, pendingEmailChange, REPEAT_SECONDS, requestEmailChange } from "./email-change.server";
import { findVerification } from "./email-verification.server";
import { createResetLink, findResetAccount, resetPassword } from "./password-reset.server";

const ORIGIN = "https://hack.example.com";
const inboxes: Inbox[] = [];
afterEach(async () => {
  await Promise.all(inboxes.splice(0).map((i) => i.close()));
  await db.delete(outbox);
});

async function deliver(count: number) {
  const smtp = await startInbox();
  inboxes.push(smtp);
  await createMailSender({ transport: smtpTransport(smtp.url), from: "Problem First <hack@example.com>" }).runOnce();
  return smtp.waitFor(count);
}

const tokenIn = (text: string) => text.match(/https:\/\/hack\.example\.com\/email-change\/([\w-]+)/)![1];
const emailOf = async (u: TestUser) => (await db.select({ email: users.email }).from(users).where(eq(users.id, u.id)))[0].email;

/** A change asked for with the right password; the token from the mail to the new address. */
async function asked(user: TestUser, newEmail: string) {
  expect(await requestEmailChange(user, { newEmail, currentPassword: PASSWORD }, ORIGIN)).toEqual({ ok: true, newEmail });
  const mails = await deliver(2);
  const toNew = mails.find((m) => JSON.stringify(m.to).includes(newEmail))!;
  return { token: tokenIn(toNew.text!), mails };
}

describe("requestEmailChange", () => {
  it("refuses a wrong current password and the same address beside their fields, and sends nothing", async () => {
    const user = await createUser();
    expect(await requestEmailChange(user, { newEmail: "new-wrong@example.com", currentPassword: "not it" }, ORIGIN)).toEqual({
      ok: false,
      status: 400,
      field: "currentPassword",
      message: "That is not your current password.",
    });
    expect(await requestEmailChange(user, { newEmail: user.email, currentPassword: PASSWORD }, ORIGIN)).toMatchObject({
      ok: false,
      field: "newEmail",
      message: "That is your address already.",
    });
    expect(await db.select().from(emailChanges).where(eq(emailChanges.userId, user.id))).toEqual([]);
    expect(await db.select().from(outbox)).toEqual([]);
  });

  it("mails a link to the new address and a security notice to the old one; nothing changes until the link is opened", async () => {
    const user = await createUser({ name: "Mo Mover" });
    const newEmail = `moved-${user.id.toLowerCase()}@example.com`;
    const { token, mails } = await asked(user, newEmail);
    const toOld = mails.find((m) => JSON.stringify(m.to).includes(user.email))!;
    expect(toOld.subject).toBe("Your Problem First email address is being changed");
    expect(toOld.text).toContain(newEmail);
    // Security mail both: no unsubscribe link.
    for (const m of mails) expect(m.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(false);
    // Only the hash is stored, and the account keeps its address meanwhile.
    const [stored] = await db.select().from(emailChanges).where(eq(emailChanges.userId, user.id));
    expect(stored.tokenHash).not.toContain(token);
    expect(await emailOf(user)).toBe(user.email);
    expect(await pendingEmailChange(user.id)).toMatchObject({ newEmail });
    expect(await findEmailChange(token)).toEqual({ userId: user.id, newEmail, name: "Mo Mover" });
  });

  it("sends one link and one notice for a double press, and a new link when asked again a minute later", async () => {
    const user = await createUser();
    const newEmail = `twice-${user.id.toLowerCase()}@example.com`;
    const ask = (now: Date) => requestEmailChange(user, { newEmail, currentPassword: PASSWORD }, ORIGIN, now);
    const first = new Date();
    // Two presses sent together (on one local database their steps run one after the other: the INSERT's own guard,
    // for steps that overlap, is the next test's), then a third a moment later: all answered as sent.
    expect(await Promise.all([ask(first), ask(first)])).toEqual([
      { ok: true, newEmail },
      { ok: true, newEmail },
    ]);
    expect(await ask(new Date(first.getTime() + 5_000))).toEqual({ ok: true, newEmail });
    const rows = async () => db.select().from(emailChanges).where(eq(emailChanges.userId, user.id));
    expect(await rows()).toHaveLength(1);
    expect(await db.select().from(outbox)).toHaveLength(2);
    // A minute on, asking again sends a new link (the mail may not have arrived), without using up the limit before.
    expect(await ask(new Date(first.getTime() + (REPEAT_SECONDS + 1) * 1000))).toEqual({ ok: true, newEmail });
    expect(await rows()).toHaveLength(2);
    expect(await db.select().from(outbox)).toHaveLength(4);
    // Another address within the minute is a new change, and the first address asked again after it is one more: the
    // page then waits for that newest link. (The hour's limit of three is started afresh for these two.)
    await db.delete(rateLimits).where(eq(rateLimits.key, `email-change:${user.id}`));
    const later = new Date(first.getTime() + (REPEAT_SECONDS + 2) * 1000);
    const other = `other-${user.id.toLowerCase()}@example.com`;
    expect(await requestEmailChange(user, { newEmail: other, currentPassword: PASSWORD }, ORIGIN, later)).toEqual({ ok: true, newEmail: other });
    expect(await ask(new Date(later.getTime() + 1_000))).toEqual({ ok: true, newEmail });
    expect(await rows()).toHaveLength(4);
    expect(await pendingEmailChange(user.id, later)).toMatchObject({ newEmail });
  });

  it("sends nothing more when another press stored its link between this one's check and its own", async () => {
    const user = await createUser();
    const newEmail = `overlap-${user.id.toLowerCase()}@example.com`;
    // The press's rate-limit hit comes between its check and its INSERT: a trigger on it plays the other press (another
    // process, or a libSQL server's round trips) storing its change just then.
    await db.run(
      sql.raw(`create temp trigger other_press after insert on rate_limits when new.key = 'email-change:${user.id}' begin
        insert into email_changes (token_hash, user_id, new_email, expires_at, created_at) values ('other-press', '${user.id}', '${newEmail}', unixepoch() + 3600, unixepoch());
      end`),
    );
    try {
      expect(await requestEmailChange(user, { newEmail, currentPassword: PASSWORD }, ORIGIN)).toEqual({ ok: true, newEmail });
    } finally {
      await db.run(sql`drop trigger other_press`);
    }
    expect((await db.select().from(emailChanges).where(eq(emailChanges.userId, user.id))).map((r) => r.tokenHash)).toEqual(["other-press"]);
    expect(await db.select().from(outbox)).toEqual([]);
  });

  it("sends at most three links an hour per account", async () => {
    const user = await createUser();
    for (let i = 0; i < 3; i++)
      expect(await requestEmailChange(user, { newEmail: `n${i}-${user.id.toLowerCase()}@example.com`, currentPassword: PASSWORD }, ORIGIN)).toMatchObject({
        ok: true,
      });
    expect(await requestEmailChange(user, { newEmail: `n4-${user.id.toLowerCase()}@example.com`, currentPassword: PASSWORD }, ORIGIN)).toMatchObject({
      ok: false,
      status: 429,
      field: null,
    });
  });
});

describe("confirmEmailChange", () => {
  it("moves the account to the new address, confirmed, once; spends its other changes and its reset links", async () => {
    const user = await createUser();
    const newEmail = `once-${user.id.toLowerCase()}@example.com`;
    const { token } = await asked(user, newEmail);
    const other = await asked(user, `other-${user.id.toLowerCase()}@example.com`);
    await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, user.id));
    const reset = await createResetLink(user.id, ORIGIN);
    const resetToken = reset!.url.split("/").pop()!;
    // A confirmation link mailed to the old address before the change.
    await db.insert(emailVerifications).values({ tokenHash: hashToken("old-address-link"), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await findVerification("old-address-link")).not.toBeNull();

    expect(await confirmEmailChange(token)).toEqual({ ok: true, userId: user.id, newEmail });
    expect(await findVerification("old-address-link")).toBeNull();
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row.email).toBe(newEmail);
    expect(row.emailVerifiedAt).not.toBeNull();
    // Pressed twice: the second press finds it done, and changes nothing more.
    expect(await confirmEmailChange(token)).toEqual({ ok: true, userId: user.id, newEmail });
    expect(await findEmailChange(token)).toBeNull();
    expect(await findEmailChange(other.token)).toBeNull();
    expect(await findResetAccount(resetToken)).toBeNull();
    expect(await pendingEmailChange(user.id)).toBeNull();
  });

  it("refuses an address another account uses when asked, after the password, beside the field", async () => {
    const user = await createUser();
    const other = await createUser();
    expect(await requestEmailChange(user, { newEmail: other.email, currentPassword: "wrong" }, ORIGIN)).toMatchObject({ field: "currentPassword" });
    expect(await requestEmailChange(user, { newEmail: other.email, currentPassword: PASSWORD }, ORIGIN)).toEqual({
      ok: false,
      status: 400,
      field: "newEmail",
      message: "Another account uses that address. Sign in to it instead, or choose another.",
    });
    expect(await db.select().from(outbox)).toEqual([]);
  });

  it("can be cancelled before its link is opened", async () => {
    const user = await createUser();
    const { token } = await asked(user, `cancelled-${user.id.toLowerCase()}@example.com`);
    expect(await cancelEmailChanges(user.id)).toBe(1);
    expect(await pendingEmailChange(user.id)).toBeNull();
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "unusable" });
    expect(await emailOf(user)).toBe(user.email);
  });

  it("refuses an address another account took meanwhile, and keeps the link for later", async () => {
    const user = await createUser();
    const { token } = await asked(user, `taken-${user.id.toLowerCase()}@example.com`);
    const taker = await createUser({ email: `taken-${user.id.toLowerCase()}@example.com` });
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "taken" });
    expect(await emailOf(user)).toBe(user.email);
    expect(await emailOf(taker)).toBe(`taken-${user.id.toLowerCase()}@example.com`);
    expect(await findEmailChange(token)).not.toBeNull();
  });

  it("is cancelled by a password reset, which is what the notice to the old address offers", async () => {
    const user = await createUser();
    const { token } = await asked(user, `cancel-${user.id.toLowerCase()}@example.com`);
    const reset = await createResetLink(user.id, ORIGIN);
    expect(await resetPassword(reset!.url.split("/").pop()!, "an entirely new passphrase")).toMatchObject({ ok: true });
    expect(await findEmailChange(token)).toBeNull();
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "unusable" });
    expect(await emailOf(user)).toBe(user.email);
    expect(await db.select().from(passwordResets).where(eq(passwordResets.userId, user.id))).toHaveLength(1);
  });
});
