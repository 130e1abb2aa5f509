// The at-least-once bound, tested as it happens (ADR 015): a sender in its own process is killed with SIGKILL
// while a slow SMTP server holds a message it already received; once the dead sender's lease runs out, a second
// sender delivers the rest. No message is lost, and the only copies are the ones in flight at the kill, each
// recognisable by its Message-ID.
import { spawn } from "node:child_process";
import { inArray } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { outbox } from "#db/schema";
import { db } from "~/db.server";
import { startInbox, type Inbox } from "~/test/smtp";
import { organizerAddedMail } from "./messages";
import { mailStatements } from "./outbox.server";
import { createMailSender, smtpTransport } from "./sender.server";

const ORIGIN = "https://hack.example.com";
const LEASE_MS = 3_000;
let smtp: Inbox | undefined;
afterEach(async () => {
  await smtp?.close();
  await db.delete(outbox);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("a sender killed mid-batch: after its lease another sender delivers the rest; only the message in flight comes twice", { timeout: 90_000 }, async () => {
  // Each message is kept at once and answered 400 ms later: a kill in that window leaves one delivered but unrecorded.
  smtp = await startInbox(0, { replyDelayMs: 400 });
  for (let i = 0; i < 12; i++) {
    const content = organizerAddedMail({ name: `P${i}`, eventTitle: "Winter AI", manageUrl: `${ORIGIN}/events/winter/manage` });
    for (const statement of await mailStatements([{ to: `crash-${i}@example.com`, content }], ORIGIN)) await statement;
  }
  const all = await db.select({ id: outbox.id, messageId: outbox.messageId }).from(outbox);
  expect(all).toHaveLength(12);

  // node itself with tsx's loader (tsx's own CLI would put a second process between us and the sender).
  const child = spawn(process.execPath, ["--import", "tsx", "app/test/sender-process.ts", smtp.url, String(LEASE_MS)], {
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  try {
    await smtp.waitFor(3, 60_000);
  } finally {
    child.kill("SIGKILL");
  }
  expect(await exited).toBe("SIGKILL");
  await sleep(200);

  const receivedBeforeKill = new Set(smtp.received.map((m) => m.messageId));
  const rowsAtKill = await db.select().from(outbox);
  const claimedAtKill = new Set(rowsAtKill.filter((r) => r.status === "sending").map((r) => r.messageId));
  // In flight: the SMTP server has it, the database does not know.
  const inFlight = [...receivedBeforeKill].filter((id) => claimedAtKill.has(id!));
  expect(inFlight.length).toBeGreaterThanOrEqual(1);
  expect(inFlight.length).toBeLessThanOrEqual(5); // the child's batch size
  expect(rowsAtKill.some((r) => r.status === "pending")).toBe(true);

  // A second sender: the dead claims are left alone until their lease runs out, then delivered.
  const second = createMailSender({ transport: smtpTransport(smtp.url), from: "Problem First <hack@example.com>", batchSize: 5, firstRetryMs: 1 });
  const until = Date.now() + 60_000;
  for (;;) {
    await second.runOnce();
    const left = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(inArray(outbox.status, ["pending", "sending"]));
    if (left.length === 0) break;
    if (Date.now() > until) throw new Error(`${left.length} messages never delivered`);
    await sleep(100);
  }

  const rows = await db.select().from(outbox);
  expect(rows.every((r) => r.status === "sent")).toBe(true);
  const counts = new Map<string, number>();
  for (const mail of smtp.received) counts.set(mail.messageId!, (counts.get(mail.messageId!) ?? 0) + 1);
  // Nothing lost: every row arrived.
  expect(new Set(counts.keys())).toEqual(new Set(all.map((r) => r.messageId)));
  // Copies: exactly the ones in flight at the kill, each twice, under the same Message-ID.
  const copies = [...counts].filter(([, n]) => n > 1);
  expect(copies.map(([id]) => id).sort()).toEqual([...inFlight].sort());
  expect(copies.every(([, n]) => n === 2)).toBe(true);
  expect(smtp.received).toHaveLength(12 + inFlight.length);
});
