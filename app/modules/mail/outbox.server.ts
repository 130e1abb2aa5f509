// Writing to and reading the outbox. A message is queued as one more statement of the batch that makes
// the change it reports, so the change and its mail are committed together or not at all (ADR 015).
import { count, desc, eq, sql } from "drizzle-orm";
import { mailOptOuts, outbox } from "#db/schema";
import { db } from "~/db.server";
import { newId } from "~/lib/ids";
import { isSecurityMail, renderMail, type MailContent } from "./template";
import { unsubscribeUrl } from "./unsubscribe.server";

export type Mail = { to: string; content: MailContent };

/**
 * The inserts that queue these mails, to run inside the caller's db.batch with the change they report.
 * An address that unsubscribed gets only security mail. `origin` is APP_URL's (appOrigin), for every link.
 * (An array, not a bare insert: an async function returning a query builder would run it at once.)
 */
export async function mailStatements(mails: Mail[], origin: string) {
  return (await outboxRows(mails, origin)).map((row) => db.insert(outbox).values(row));
}

/**
 * The same inserts for a change that may turn out to change nothing (ON CONFLICT DO NOTHING, a guard inside
 * the statement): put them right after that statement in the batch, and each mail is queued only when the
 * statement before it changed a row (SQLite's changes() on the batch's one connection). The first mail hangs
 * on the change, each further one on the mail before it.
 */
export async function mailStatementsIfChanged(mails: Mail[], origin: string) {
  return (await outboxRows(mails, origin)).map((r) =>
    db.run(sql`insert into outbox (id, kind, to_email, subject, text_body, html_body, message_id, unsubscribe_url, next_attempt_at, created_at)
        select ${r.id}, ${r.kind}, ${r.toEmail}, ${r.subject}, ${r.textBody}, ${r.htmlBody}, ${r.messageId}, ${r.unsubscribeUrl},
          ${r.nextAttemptAt.getTime()}, ${r.createdAt.getTime()}
        where changes() = 1`),
  );
}

/** The rows to queue: rendered once, with a stable Message-ID; an address that unsubscribed gets only security mail. */
async function outboxRows(mails: Mail[], origin: string) {
  const rows = [];
  for (const mail of mails) {
    const email = mail.to.toLowerCase();
    const security = isSecurityMail(mail.content.kind);
    if (!security && (await hasOptedOut(email))) continue;
    const unsubscribe = security ? null : unsubscribeUrl(origin, email);
    const rendered = renderMail(mail.content, unsubscribe);
    const id = newId();
    const now = new Date();
    rows.push({
      id,
      kind: mail.content.kind,
      toEmail: email,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      messageId: `<${id}@${new URL(origin).hostname}>`,
      unsubscribeUrl: unsubscribe,
      nextAttemptAt: now,
      createdAt: now,
    });
  }
  return rows;
}

/** Whether this address stopped notification mail with the one-click unsubscribe link. */
export async function hasOptedOut(email: string) {
  const [row] = await db.select({ email: mailOptOuts.email }).from(mailOptOuts).where(eq(mailOptOuts.email, email));
  return Boolean(row);
}

/** Stops every non-security mail to this address from now on. */
export async function optOut(email: string) {
  await db.insert(mailOptOuts).values({ email: email.toLowerCase() }).onConflictDoNothing();
}

/** Undoes optOut: the address gets notification mail again, as its owner's per-kind preferences say. */
export async function optIn(email: string) {
  await db.delete(mailOptOuts).where(eq(mailOptOuts.email, email.toLowerCase()));
}

const OUTBOX_PAGE_SIZE = 25;

/** One page of the outbox, newest first, for the admin Outbox page; a page past the end shows the last one. */
export async function listOutbox(requestedPage: number) {
  const [{ total }] = await db.select({ total: count() }).from(outbox);
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const offset = (page - 1) * OUTBOX_PAGE_SIZE;
  const rows = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      to: outbox.toEmail,
      subject: outbox.subject,
      text: outbox.textBody,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      nextAttemptAt: outbox.nextAttemptAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE)
    .offset(offset);
  return { rows, total, page, pages, first: offset + 1 };
}
