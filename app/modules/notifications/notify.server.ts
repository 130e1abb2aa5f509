// Telling people what happened: one call gives the statements that put a notice in each recipient's in-app
// list and, unless they turned email off for that kind (or unsubscribed), queue its mail in the outbox. The
// caller runs them in the same db.batch as the change they report, so the change, the notices and the mail
// are committed together or not at all (ADR 015, ADR 024).
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { events, notificationPreferences, notifications } from "#db/schema";
import { db, preparedQuery } from "~/db.server";
import { newId } from "~/lib/ids";
import { mailStatements, mailStatementsIfChanged, type Mail } from "~/modules/mail/outbox.server";
import type { MailContent } from "~/modules/mail/template";
import { isSecurityKind, optionalKinds, type NotificationKind } from "./kinds";

type Recipient = { id: string; email: string };

/** One thing that happened, as one person sees it: in the list (title, body, a link inside the app) and by mail. */
export type Notice = {
  to: Recipient;
  eventId?: string | null;
  title: string;
  body: string;
  /** A path inside the app, e.g. `/events/winter/teams/abc`. */
  path: string;
  /** The mail, whose kind is the notice's kind; its links are absolute (built on APP_URL). */
  mail: MailContent;
};

type Statement = BatchItem<"sqlite">;

/** The statements for these notices, to run inside the caller's db.batch. */
async function notifyStatements(notices: Notice[], origin: string): Promise<Statement[]> {
  const rows = notices.map(noticeRow);
  const mails = await mailsWanted(notices);
  return [...rows.map((row) => db.insert(notifications).values(row)), ...(await mailStatements(mails, origin))];
}

/**
 * The same statements for a change that may turn out to change nothing (a guarded INSERT or UPDATE): put them
 * right after that statement, and they write only when it changed exactly one row. Each hangs on the statement
 * before it (SQLite's changes() on the batch's one connection), so each must itself write one row.
 */
export async function notifyStatementsIfChanged(notices: Notice[], origin: string): Promise<Statement[]> {
  const rows = notices.map(noticeRow).map((r) =>
    db.run(sql`insert into notifications (id, user_id, kind, event_id, title, body, path, created_at)
      select ${r.id}, ${r.userId}, ${r.kind}, ${r.eventId}, ${r.title}, ${r.body}, ${r.path}, ${r.createdAt.getTime()}
      where changes() = 1`),
  );
  return [...rows, ...(await mailStatementsIfChanged(await mailsWanted(notices), origin))];
}

/** Notices with nothing else to commit alongside (a reminder, a "remind" button). */
export async function notify(notices: Notice[], origin: string): Promise<void> {
  const statements = await notifyStatements(notices, origin);
  if (statements.length > 0) await db.batch(statements as [Statement, ...Statement[]]);
}

function noticeRow(notice: Notice) {
  return {
    id: newId(),
    userId: notice.to.id,
    kind: notice.mail.kind,
    eventId: notice.eventId ?? null,
    title: notice.title,
    body: notice.body,
    path: notice.path,
    createdAt: new Date(),
  };
}

/** The mails of these notices that their recipients want: security mail always, the rest unless turned off. */
async function mailsWanted(notices: Notice[]): Promise<Mail[]> {
  const optional = notices.filter((n) => !isSecurityKind(n.mail.kind));
  const off = new Set<string>();
  if (optional.length > 0) {
    const rows = await db
      .select({ userId: notificationPreferences.userId, kind: notificationPreferences.kind })
      .from(notificationPreferences)
      .where(and(inArray(notificationPreferences.userId, [...new Set(optional.map((n) => n.to.id))]), eq(notificationPreferences.email, false)));
    for (const row of rows) off.add(`${row.userId} ${row.kind}`);
  }
  return notices.filter((n) => !off.has(`${n.to.id} ${n.mail.kind}`)).map((n) => ({ to: n.to.email, content: n.mail }));
}

// ——— Reading and changing one person's list and preferences ———

const PAGE_SIZE = 30;

/**
 * One page of a person's notices, newest first; a page past the end shows the last one. `seen`: the newest of their
 * notices when the page was read (its rowid: SQLite gives each row a larger one than any before it, in the order they
 * are written, whatever time a notice carries), up to which "Mark all as read" marks.
 */
export async function listNotifications(userId: string, requestedPage = 1) {
  const [{ total, seen }] = await db
    .select({ total: count(), seen: sql<number>`coalesce(max(${notifications}.rowid), 0)` })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, requestedPage), pages);
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      path: notifications.path,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      timezone: events.timezone,
    })
    .from(notifications)
    .leftJoin(events, eq(events.id, notifications.eventId))
    .where(eq(notifications.userId, userId))
    // Newest first; notices made in the same millisecond (one phase move tells many) in the order they were written.
    .orderBy(desc(notifications.createdAt), sql`${notifications}.rowid desc`)
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return { rows, total, page, pages, seen };
}

const unreadOf = preparedQuery(() =>
  db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare(),
);

/** How many of the person's notices are unread: the root layout shows it on every page, so the query is built once. */
export async function unreadCount(userId: string): Promise<number> {
  const [{ unread }] = await unreadOf().all({ userId });
  return unread;
}

/** Marks one of the person's own notices read (someone else's id changes nothing) and returns its path, or null. */
export async function markRead(userId: string, id: string): Promise<string | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${Date.now()})` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ path: notifications.path });
  return row?.path ?? null;
}

/**
 * "Mark all as read" from a page read when the person's newest notice was `seen` (`listNotifications`): their notices
 * up to it. One written since, which the page did not show, stays unread; how many were is returned, for the answer to
 * say so.
 */
export async function markAllRead(userId: string, seen: number): Promise<{ newer: number }> {
  const unread = and(eq(notifications.userId, userId), isNull(notifications.readAt));
  const [, [{ newer }]] = await db.batch([
    db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(and(unread, sql`${notifications}.rowid <= ${seen}`)),
    db
      .select({ newer: count() })
      .from(notifications)
      .where(and(unread, sql`${notifications}.rowid > ${seen}`)),
  ]);
  return { newer };
}

/** Whether each optional kind is mailed to this person (on unless they turned it off). */
export async function emailPreferences(userId: string): Promise<Record<NotificationKind, boolean>> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.email]));
  return Object.fromEntries(optionalKinds.map((kind) => [kind, chosen.get(kind) ?? true])) as Record<NotificationKind, boolean>;
}

/**
 * Saves the person's choice for the optional kinds: each kind in `kinds` (by default every one) is mailed when it is in
 * `mailed`, and turned off when it is not. The account page passes only the kinds the person changed
 * (preferencesToWrite).
 */
export async function setEmailPreferences(
  userId: string,
  mailed: ReadonlySet<NotificationKind>,
  kinds: readonly NotificationKind[] = optionalKinds,
): Promise<void> {
  if (kinds.length === 0) return;
  const statements = kinds.map((kind) =>
    db
      .insert(notificationPreferences)
      .values({ userId, kind, email: mailed.has(kind) })
      .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { email: mailed.has(kind) } }),
  );
  await db.batch(statements as unknown as [Statement, ...Statement[]]);
}
