// The mail path end to end against a real SMTP server (smtp-server, parsed with mailparser) and the real
// test database: queued rows arrive once, wait while SMTP is down, fail visibly after N refusals, and two
// senders on one database never deliver a message twice; old sent rows are pruned. (A sender killed
// mid-batch: sender-crash.server.test.ts.)
import { eq, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client";
import { outbox } from "#db/schema";
import { db } from "~/db.server";
import { startInbox, type Inbox } from "~/test/smtp";
import { judgeAddedMail, organizerAddedMail, passwordResetMail } from "./messages";
import { mailStatements, optOut } from "./outbox.server";
import { createMailSender, smtpTransport, type SenderOptions } from "./sender.server";
import { readUnsubscribeToken } from "./unsubscribe.server";

const ORIGIN = "https://hack.example.com";
const inboxes: Inbox[] = [];
afterEach(async () => {
  await Promise.all(inboxes.splice(0).map((i) => i.close()));
  await db.delete(outbox);
});

async function inbox(port?: number) {
  const started = await startInbox(port);
  inboxes.push(started);
  return started;
}

async function queue(to: string, content = organizerAddedMail({ name: "Ada", eventTitle: "Winter AI", manageUrl: `${ORIGIN}/events/winter/manage` })) {
  const statements = await mailStatements([{ to, content }], ORIGIN);
  for (const statement of statements) await statement;
  const [row] = await db.select().from(outbox).where(eq(outbox.toEmail, to.toLowerCase()));
  return row;
}

const sender = (url: string, options: Partial<SenderOptions> = {}) =>
  createMailSender({ transport: smtpTransport(url), from: "Problem First <hack@example.com>", firstRetryMs: 1, ...options });

const rowOf = async (id: string) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0];

describe("mail sender", () => {
  it("delivers a queued message once, with its recipient, link, Message-ID and one-click unsubscribe", async () => {
    const smtp = await inbox();
    const row = await queue("Ada@Example.com");
    expect(row.status).toBe("pending");

    const s = sender(smtp.url);
    expect(await s.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await s.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(smtp.received).toHaveLength(1);

    expect(mail.to && "text" in mail.to ? mail.to.text : "").toBe("ada@example.com");
    expect(mail.subject).toBe("You are now an organizer of Winter AI");
    expect(mail.messageId).toBe(row.messageId);
    expect(row.messageId).toMatch(/^<[\w-]+@hack\.example\.com>$/);
    expect(mail.text).toContain(`${ORIGIN}/events/winter/manage`);
    expect(mail.html).toContain(`href="${ORIGIN}/events/winter/manage"`);

    // The raw header line, as a mail client reads it (mailparser folds List-* headers into one object).
    const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, "");
    const unsubscribeUrl = header("list-unsubscribe")?.replace(/^<|>$/g, "");
    expect(unsubscribeUrl).toBe(row.unsubscribeUrl);
    expect(unsubscribeUrl).toMatch(new RegExp(`^${ORIGIN}/unsubscribe/`));
    expect(readUnsubscribeToken(unsubscribeUrl!.split("/").pop()!)).toBe("ada@example.com");
    expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toContain(unsubscribeUrl);

    const after = await rowOf(row.id);
    expect(after).toMatchObject({ status: "sent", attempts: 1, lastError: null, claimToken: null });
    expect(after.sentAt).toBeInstanceOf(Date);
  });

  it("security mail carries no unsubscribe link and still reaches an address that opted out; other mail does not", async () => {
    const smtp = await inbox();
    await optOut("gone@example.com");
    expect(
      await queue("gone@example.com", judgeAddedMail({ name: "G", eventTitle: "Winter AI", phase: "open", url: `${ORIGIN}/events/winter` })),
    ).toBeUndefined();
    const reset = await queue("gone@example.com", passwordResetMail({ name: "G", resetUrl: `${ORIGIN}/reset-password/abc`, validMinutes: 60 }));
    expect(reset.unsubscribeUrl).toBeNull();

    await sender(smtp.url).runOnce();
    const [mail] = await smtp.waitFor(1);
    expect(mail.subject).toBe("Reset your Problem First password");
    expect(mail.headerLines.some((h) => h.key === "list-unsubscribe")).toBe(false);
    expect(mail.text).not.toContain("/unsubscribe/");
  });

  it("while SMTP is down messages wait with the error shown, and go out once it is back", async () => {
    const probe = await inbox();
    const port = probe.port;
    await probe.close();
    inboxes.length = 0;
    const row = await queue("wait@example.com");

    const s = sender(`smtp://127.0.0.1:${port}`);
    expect(await s.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = await rowOf(row.id);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);

    const smtp = await inbox(port);
    await new Promise((r) => setTimeout(r, 5));
    expect(await s.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await smtp.waitFor(1);
    expect(await rowOf(row.id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("backs off between tries: a row that failed is not due again before its wait is over", async () => {
    const probe = await inbox();
    const port = probe.port;
    await probe.close();
    inboxes.length = 0;
    const row = await queue("later@example.com");
    const s = sender(`smtp://127.0.0.1:${port}`, { firstRetryMs: 60_000 });
    await s.runOnce();
    await inbox(port);
    expect(await s.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const waiting = await rowOf(row.id);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it("a server that always refuses: after N tries the row is failed with the server's answer, and no longer tried", async () => {
    const smtp = await inbox();
    smtp.refuse("No such mailbox here");
    const row = await queue("nobody@example.com");
    const s = sender(smtp.url, { maxAttempts: 3 });
    for (let i = 0; i < 2; i++) {
      expect(await s.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await s.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = await rowOf(row.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 3 });
    expect(failed.lastError).toContain("No such mailbox here");
    smtp.refuse(null);
    expect(await s.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it("a claim whose sender died comes back after its lease; a live claim is left alone", async () => {
    const smtp = await inbox();
    const dead = await queue("dead@example.com");
    const live = await queue("live@example.com");
    await db
      .update(outbox)
      .set({ status: "sending", claimToken: "crashed", claimedUntil: new Date(Date.now() - 1000), attempts: 1 })
      .where(eq(outbox.id, dead.id));
    await db
      .update(outbox)
      .set({ status: "sending", claimToken: "busy", claimedUntil: new Date(Date.now() + 60_000), attempts: 1 })
      .where(eq(outbox.id, live.id));

    expect(await sender(smtp.url).runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const [mail] = await smtp.waitFor(1);
    expect(mail.messageId).toBe(dead.messageId);
    expect(await rowOf(live.id)).toMatchObject({ status: "sending", claimToken: "busy" });
  });

  it("two senders with their own database connections deliver each message exactly once", async () => {
    const smtp = await inbox();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await queue(`many-${i}@example.com`)).id);
    const other = openDatabase(process.env.DATABASE_URL!);
    try {
      const a = sender(smtp.url, { batchSize: 4 });
      const b = sender(smtp.url, { batchSize: 4, db: other.db });
      let sent = 0;
      for (let round = 0; round < 20 && sent < 30; round++) {
        const results = await Promise.all([a.runOnce(), b.runOnce()]);
        sent += results.reduce((n, r) => n + r.sent, 0);
      }
      expect(sent).toBe(30);
      await smtp.waitFor(30);
      const messageIds = smtp.received.map((m) => m.messageId);
      expect(new Set(messageIds).size).toBe(30);
      expect(messageIds).toHaveLength(30);
      const rows = await db.select({ status: outbox.status, attempts: outbox.attempts }).from(outbox).where(inArray(outbox.id, ids));
      expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    } finally {
      other.client.close();
    }
  });

  it("prunes sent rows older than the retention at most once an hour; failed and waiting rows stay", async () => {
    const smtp = await inbox();
    const day = 86_400_000;
    const at = (days: number) => new Date(Date.now() - days * day);
    const oldSent = await queue("old-sent@example.com");
    const recentSent = await queue("recent-sent@example.com");
    const oldFailed = await queue("old-failed@example.com");
    const oldPending = await queue("old-pending@example.com");
    await db
      .update(outbox)
      .set({ status: "sent", sentAt: at(31), createdAt: at(31) })
      .where(eq(outbox.id, oldSent.id));
    await db
      .update(outbox)
      .set({ status: "sent", sentAt: at(29), createdAt: at(29) })
      .where(eq(outbox.id, recentSent.id));
    await db
      .update(outbox)
      .set({ status: "failed", attempts: 8, createdAt: at(90) })
      .where(eq(outbox.id, oldFailed.id));
    await db
      .update(outbox)
      .set({ createdAt: at(90), nextAttemptAt: new Date(Date.now() + day) })
      .where(eq(outbox.id, oldPending.id));

    let now = new Date();
    const s = sender(smtp.url, { keepSentDays: 30, now: () => now });
    await s.runOnce();
    expect(await rowOf(oldSent.id)).toBeUndefined();
    expect(await rowOf(recentSent.id)).toMatchObject({ status: "sent" });
    expect(await rowOf(oldFailed.id)).toMatchObject({ status: "failed" });
    expect(await rowOf(oldPending.id)).toMatchObject({ status: "pending" });

    // Within the hour nothing more is pruned, even a row that just became old enough.
    await db
      .update(outbox)
      .set({ sentAt: at(40) })
      .where(eq(outbox.id, recentSent.id));
    now = new Date(now.getTime() + 59 * 60_000);
    await s.runOnce();
    expect(await rowOf(recentSent.id)).toMatchObject({ status: "sent" });
    now = new Date(now.getTime() + 2 * 60_000);
    await s.runOnce();
    expect(await rowOf(recentSent.id)).toBeUndefined();
    expect(await rowOf(oldFailed.id)).toMatchObject({ status: "failed" });
  });

  it("keeps sent rows for OUTBOX_KEEP_SENT_DAYS days, 30 unless set", async () => {
    const smtp = await inbox();
    const row = await queue("keep@example.com");
    await db
      .update(outbox)
      .set({ status: "sent", sentAt: new Date(Date.now() - 10 * 86_400_000) })
      .where(eq(outbox.id, row.id));
    await sender(smtp.url).runOnce();
    expect(await rowOf(row.id)).toMatchObject({ status: "sent" });
    process.env.OUTBOX_KEEP_SENT_DAYS = "7";
    try {
      await sender(smtp.url).runOnce();
    } finally {
      delete process.env.OUTBOX_KEEP_SENT_DAYS;
    }
    expect(await rowOf(row.id)).toBeUndefined();
  });
});
