// The sender: runs inside an app process (one per server of several, ADR 050), claims due outbox rows with one UPDATE … RETURNING (so two
// processes never claim the same row), delivers them over SMTP and records the outcome (ADR 015).
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { Database } from "#db/client";
import { outbox } from "#db/schema";
import { db as appDb } from "~/db.server";
import { env } from "~/env.server";
import { newId } from "~/lib/ids";
import { afterFailure, MAX_ATTEMPTS, retryDelayMs } from "./backoff";

/** The one thing the sender needs from nodemailer: send one message. */
type Transport = { sendMail(message: SendMailOptions): Promise<unknown> };

export type SenderOptions = {
  transport: Transport;
  from: string;
  db?: Database;
  batchSize?: number;
  /** How long a claim holds: a sender that dies mid-send leaves rows that other senders take back after this. */
  leaseMs?: number;
  maxAttempts?: number;
  firstRetryMs?: number;
  /** Sent rows older than this many days are deleted (failed ones stay until an admin acts). */
  keepSentDays?: number;
  /** The clock, for tests of the hourly pruning. */
  now?: () => Date;
};

// Longer than the SMTP timeouts below, so a live sender is never overtaken by another on a slow server.
const LEASE_MS = 2 * 60_000;
const POLL_MS = 3_000;
// Pruning is cheap but needless on every poll: at most once an hour per sender.
const PRUNE_EVERY_MS = 60 * 60_000;
const PRUNE_BATCH = 500;
const DAY_MS = 86_400_000;

export type RunResult = { sent: number; retrying: number; failed: number };

export function createMailSender(options: SenderOptions) {
  const db = options.db ?? appDb;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const clock = options.now ?? (() => new Date());
  let lastPrunedAt: number | null = null;

  /** Due rows: pending ones whose time has come, and claims whose lease ran out (their sender died). */
  const due = (now: Date) =>
    or(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now)), and(eq(outbox.status, "sending"), lte(outbox.claimedUntil, now)));

  async function claim(now: Date) {
    const token = newId();
    const ids = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(due(now))
      .orderBy(asc(outbox.nextAttemptAt))
      .limit(options.batchSize ?? 20);
    // One statement: SQLite runs it under the write lock, so a row goes to exactly one claimer.
    const rows = await db
      .update(outbox)
      .set({ status: "sending", claimToken: token, claimedUntil: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
      .where(and(inArray(outbox.id, ids), due(now)))
      .returning();
    return { token, rows };
  }

  /** Deletes sent rows older than the retention, at most once an hour per sender. */
  async function pruneIfDue(now: Date) {
    if (lastPrunedAt !== null && now.getTime() - lastPrunedAt < PRUNE_EVERY_MS) return;
    lastPrunedAt = now.getTime();
    await pruneSentMail(db, new Date(now.getTime() - (options.keepSentDays ?? env().outboxKeepSentDays) * DAY_MS));
  }

  async function runOnce(): Promise<RunResult> {
    const result: RunResult = { sent: 0, retrying: 0, failed: 0 };
    const now = clock();
    await pruneIfDue(now);
    const { token, rows } = await claim(now);
    for (const row of rows) {
      const mine = and(eq(outbox.id, row.id), eq(outbox.claimToken, token));
      try {
        await options.transport.sendMail({
          from: options.from,
          to: row.toEmail,
          subject: row.subject,
          text: row.textBody,
          html: row.htmlBody,
          messageId: row.messageId,
          headers: row.unsubscribeUrl ? { "List-Unsubscribe": `<${row.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {},
        });
        await db.update(outbox).set({ status: "sent", sentAt: new Date(), claimToken: null, claimedUntil: null, lastError: null }).where(mine);
        result.sent++;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
        const giveUp = afterFailure(row.attempts, maxAttempts) === "give-up";
        await db
          .update(outbox)
          .set({
            status: giveUp ? "failed" : "pending",
            lastError: message,
            claimToken: null,
            claimedUntil: null,
            nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts, options.firstRetryMs)),
          })
          .where(mine);
        result[giveUp ? "failed" : "retrying"]++;
      }
    }
    return result;
  }

  /** Polls every `intervalMs` until the returned function is called; one run at a time. */
  function start(intervalMs = POLL_MS) {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    const tick = async () => {
      try {
        await runOnce();
      } catch (error) {
        // The database was busy or away: the rows stay due and the next tick tries again.
        console.warn(`[mail] sender run failed: ${error instanceof Error ? error.message : error}`);
      }
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    };
    timer = setTimeout(tick, 0).unref();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  return { runOnce, start };
}

/** Deletes sent rows sent before `cutoff`, in small batches so no one statement holds the write lock long. */
async function pruneSentMail(db: Database, cutoff: Date) {
  for (;;) {
    const old = db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, "sent"), lt(outbox.sentAt, cutoff)))
      .limit(PRUNE_BATCH);
    const deleted = await db.delete(outbox).where(inArray(outbox.id, old)).returning({ id: outbox.id });
    if (deleted.length < PRUNE_BATCH) return;
  }
}

/** The SMTP transport for a URL, with timeouts well inside the claim lease. */
export function smtpTransport(url: string): Transport {
  return nodemailer.createTransport({ url, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
}

/** Started by server.mjs: delivers the outbox while SMTP_URL is set; without it, mail waits there. */
export function startMailSender(): () => void {
  const { smtpUrl, mailFrom, mailPollMs } = env();
  if (!smtpUrl) {
    console.log("[mail] SMTP_URL is not set: mail stays in the outbox (admins read it at /admin/outbox).");
    return () => {};
  }
  return createMailSender({ transport: smtpTransport(smtpUrl), from: mailFrom }).start(mailPollMs);
}
