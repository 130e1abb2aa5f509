// Mail in browser tests. The e2e server mails through SMTP to E2E_SMTP_PORT (playwright.config.ts), where one
// real SMTP receiver for the whole run (e2e/global-setup.ts) stores each message as a file; any spec in any
// worker reads them, so specs that read mail run in parallel like the rest. Links can also be read straight
// from the outbox the server writes.
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { desc, eq } from "drizzle-orm";
import { simpleParser, type ParsedMail } from "mailparser";
import { outbox } from "#db/schema";
import { db } from "~/db.server";

const parsed = new Map<string, ParsedMail>();

/** Every message received so far that was sent to `email` with this subject, oldest first. */
export async function mailsTo(email: string, subject: string | RegExp): Promise<ParsedMail[]> {
  const dir = process.env.E2E_MAIL_DIR!;
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")) : [];
  files.sort();
  const found: ParsedMail[] = [];
  for (const file of files) {
    let mail = parsed.get(file);
    if (!mail) {
      mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
      parsed.set(file, mail);
    }
    const to = JSON.stringify(mail.to).toLowerCase();
    const matches = typeof subject === "string" ? mail.subject === subject : subject.test(mail.subject ?? "");
    if (matches && to.includes(email.toLowerCase())) found.push(mail);
  }
  return found;
}

/** Waits until at least `count` such messages have arrived (the app's sender delivers within seconds), and returns them all. */
export async function mailTo(email: string, subject: string | RegExp, count = 1): Promise<ParsedMail[]> {
  await expect.poll(async () => (await mailsTo(email, subject)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(count);
  return mailsTo(email, subject);
}

/** The newest link to `path` (e.g. "/verify-email/") in the outbox for `email`. */
export async function linkMailedTo(email: string, path: string): Promise<string> {
  const rows = await db.select({ text: outbox.textBody }).from(outbox).where(eq(outbox.toEmail, email.toLowerCase())).orderBy(desc(outbox.createdAt));
  for (const row of rows) {
    const link = row.text.match(new RegExp(`https?://\\S+${path}[\\w-]+`))?.[0];
    if (link) return link;
  }
  throw new Error(`no ${path} link mailed to ${email}`);
}
