// Password reset end to end on the real database and a real SMTP server: the request never reveals
// whether an account exists, the mailed link works once and expires, and using it ends every other
// session of the account. Admins can make the same link to hand over.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, passwordResets } from "#db/schema";
import { db } from "~/db.server";
import { checkCredentials } from "~/modules/auth/accounts.server";
import { createResetLink, findResetAccount } from "~/modules/auth/password-reset.server";
import { readSession } from "~/modules/auth/session.server";
import { createMailSender, smtpTransport } from "~/modules/mail/sender.server";
import { args, cookieHeader, createUser, expectStatus, fieldErrors, PASSWORD, request, setCookies, settle } from "~/test/fixtures";
import { startInbox, type Inbox } from "~/test/smtp";
import { action as adminUsersAction } from "../admin.users";
import { action as forgotAction } from "../forgot-password";
import { action as resetAction, loader as resetLoader } from "../reset-password.$token";

const NEW_PASSWORD = "amber lantern quietly folds";
let smtp: Inbox;
beforeAll(async () => {
  smtp = await startInbox();
});
afterAll(() => smtp.close());

const forgot = (email: string, clientIp = "203.0.113.1") =>
  settle(forgotAction({ ...args(request("/forgot-password", { form: { email } })), context: { clientIp } }));
const tokenOf = (url: string) => url.split("/reset-password/")[1];
const resetLinkIn = (text: string) => text.match(/https?:\/\/\S+\/reset-password\/[\w-]+/)![0];
const reset = (token: string, password: string) => settle(resetAction(args(request(`/reset-password/${token}`, { form: { password } }), { token })));

describe("asking for a reset", () => {
  it("gives the same answer for an account and for an unknown address; only the account gets mail", async () => {
    const user = await createUser();
    const known = await forgot(user.email);
    const unknown = await forgot("nobody-here@example.com");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(JSON.stringify(unknown.data)).toBe(JSON.stringify(known.data));

    const queued = await db.select().from(outbox).where(eq(outbox.toEmail, user.email));
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ kind: "password-reset", subject: "Reset your Problem First password", unsubscribeUrl: null, status: "pending" });
    expect(await db.select().from(outbox).where(eq(outbox.toEmail, "nobody-here@example.com"))).toHaveLength(0);
    // Only the hash is stored: the token in the mail is not in the table.
    const [row] = await db.select().from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(queued[0].textBody).not.toContain(row.tokenHash);
    expect(await findResetAccount(tokenOf(resetLinkIn(queued[0].textBody)))).toMatchObject({ userId: user.id });
  });

  it("sends at most 3 mails an hour to one address, still with the same answer", async () => {
    const user = await createUser();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await forgot(user.email, `198.51.100.${i}`));
    expect(new Set(answers.map((a) => `${a.status} ${JSON.stringify(a.data)}`)).size).toBe(1);
    expect(await db.select().from(outbox).where(eq(outbox.toEmail, user.email))).toHaveLength(3);
  });

  it("refuses a flood from one client address with 429, whatever the addresses", async () => {
    let last = await forgot("flood-0@example.com", "192.0.2.99");
    for (let i = 1; i <= 20; i++) last = await forgot(`flood-${i}@example.com`, "192.0.2.99");
    expect(last.status).toBe(429);
    expect(JSON.stringify(last.data)).toContain("Too many attempts");
  });
});

describe("using the mailed link", () => {
  it("arrives by SMTP, sets the new password once, and signs the account out everywhere else", async () => {
    const user = await createUser();
    const otherBrowser = user.cookie;
    expect((await readSession(request("/", { cookie: otherBrowser }))).user?.id).toBe(user.id);

    await forgot(user.email);
    const before = smtp.received.length;
    await createMailSender({ transport: smtpTransport(smtp.url), from: "hack@example.com" }).runOnce();
    const mails = await smtp.waitFor(before + 1);
    const mail = mails.find((m) => m.subject === "Reset your Problem First password" && JSON.stringify(m.to).includes(user.email))!;
    const link = resetLinkIn(mail.text!);
    expect(mail.html).toContain(`href="${link}"`);
    const token = tokenOf(link);

    const page = await settle(resetLoader(args(request(`/reset-password/${token}`), { token })));
    expect(page).toMatchObject({ status: 200, data: { valid: true, email: user.email } });

    const done = await reset(token, NEW_PASSWORD);
    expect(done.status).toBe(302);
    expect(done.response!.headers.get("Location")).toBe("/");
    const freshCookie = cookieHeader(setCookies(done.response!).find((c) => c.startsWith("pf_session="))!);
    expect((await readSession(request("/", { cookie: freshCookie }))).user?.id).toBe(user.id);
    expect((await readSession(request("/", { cookie: otherBrowser }))).user).toBeNull();
    expect(await checkCredentials(user.email, PASSWORD)).toBeNull();
    expect(await checkCredentials(user.email, NEW_PASSWORD)).toBe(user.id);

    // Single use: the same link again changes nothing.
    expect((await reset(token, "another fine passphrase here")).status).toBe(404);
    expect((await settle(resetLoader(args(request(`/reset-password/${token}`), { token })))).status).toBe(404);
    expect(await checkCredentials(user.email, NEW_PASSWORD)).toBe(user.id);
  });

  it("of two open links, using one spends the other", async () => {
    const user = await createUser();
    const first = await createResetLink(user.id, "https://hack.example.com");
    const second = await createResetLink(user.id, "https://hack.example.com");
    expect((await reset(tokenOf(first!.url), NEW_PASSWORD)).status).toBe(302);
    expect((await reset(tokenOf(second!.url), "another fine passphrase here")).status).toBe(404);
  });

  it("expires after an hour", async () => {
    const user = await createUser();
    const link = await createResetLink(user.id, "https://hack.example.com", new Date(Date.now() - 61 * 60_000));
    const token = tokenOf(link!.url);
    expect((await settle(resetLoader(args(request(`/reset-password/${token}`), { token })))).status).toBe(404);
    expect((await reset(token, NEW_PASSWORD)).status).toBe(404);
    expect(await checkCredentials(user.email, PASSWORD)).toBe(user.id);
  });

  it("holds the sign-up strength rule, keeps the link usable after a refusal, and ends no session", async () => {
    const user = await createUser({ name: "Grace Hopper" });
    const link = await createResetLink(user.id, "https://hack.example.com");
    const token = tokenOf(link!.url);
    const weak = await reset(token, "grace hopper rules ok");
    expect(weak.status).toBe(400);
    expect(fieldErrors(weak).password).toEqual(["Do not use your name in your password."]);
    expect((await reset(token, "password1234")).status).toBe(400);
    expect((await readSession(request("/", { cookie: user.cookie }))).user?.id).toBe(user.id);
    expect(await findResetAccount(token)).not.toBeNull();
  });
});

describe("reset links made by an admin", () => {
  it("are for admins only, shown once, and work like the mailed ones without any mail", async () => {
    const admin = await createUser({ role: "admin" });
    const organizer = await createUser({ role: "organizer" });
    const user = await createUser();
    await expectStatus(adminUsersAction(args(request("/admin/users", { user: organizer, form: { intent: "reset-link", userId: user.id } }))), 403);

    const made = await expectStatus(adminUsersAction(args(request("/admin/users", { user: admin, form: { intent: "reset-link", userId: user.id } }))), 200);
    const { url, name } = (made.data as { resetLink: { url: string; name: string } }).resetLink;
    expect(name).toBe(user.name);
    expect(await db.select().from(outbox).where(eq(outbox.toEmail, user.email))).toHaveLength(0);
    expect((await reset(tokenOf(url), NEW_PASSWORD)).status).toBe(302);
    expect(await checkCredentials(user.email, NEW_PASSWORD)).toBe(user.id);

    await expectStatus(adminUsersAction(args(request("/admin/users", { user: admin, form: { intent: "reset-link", userId: "no-such-user" } }))), 400);
  });
});
