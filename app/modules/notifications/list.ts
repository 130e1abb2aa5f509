// How the /notifications page shows a person's notices: pure, so the wording and the redirect guard are unit-tested.
import { formatInZone, relativeTime } from "~/lib/time";

/**
 * Where opening a notice may go: a path inside this app only. Paths are written by the app itself; the guard makes
 * sure a row that ever held something else ("//evil.example", "https://…", "/\evil") sends nobody off-site.
 */
export function safeNoticePath(path: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(path) ? path : "/notifications";
}

/** `timezone`: the time zone of the notice's event, if it has one. */
export type NoticeRow = { id: string; title: string; body: string; createdAt: Date; readAt: Date | null; timezone?: string | null };

/**
 * One row as the page shows it: "3 hours ago" beside the exact time in the time zone of the notice's event, as the
 * event's own pages show its times (an announcement read there and here says the same clock time); in UTC for a
 * notice about no event (people have no time zone of their own here).
 */
export function noticeLine(row: NoticeRow, now: Date) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    unread: row.readAt === null,
    at: row.createdAt.toISOString(),
    ago: relativeTime(row.createdAt, now),
    exact: formatInZone(row.createdAt, row.timezone ?? "UTC"),
  };
}

/** "3 unread", "1 unread", or the empty string: the words the header link and the page use for the count. */
export function unreadWords(count: number): string {
  return count > 0 ? `${count} unread` : "";
}
