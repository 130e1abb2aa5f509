// Mail in browser tests. The e2e server mails through SMTP to E2E_SMTP_PORT (playwright.config.ts); a spec that
// reads mail listens there itself. Specs run in parallel workers, so the port is taken in turn: a spec waits
// until the one before it closes its receiver. Links can also be read straight from the outbox the server writes.
import { desc, eq } from "drizzle-orm";
import { outbox } from "#db/schema";
import { db } from "~/db.server";
import { startInbox, type Inbox } from "~/test/smtp";

/** The SMTP receiver on E2E_SMTP_PORT, once no other spec holds it (up to `waitMs`: another mail spec can hold it for minutes on a slow machine). */
export async function takeE2eInbox(waitMs = 540_000): Promise<Inbox> {
  const port = Number(process.env.E2E_SMTP_PORT);
  for (const until = Date.now() + waitMs; ;) {
    try {
      return await startInbox(port);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
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
