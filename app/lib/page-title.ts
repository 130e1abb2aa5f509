import type { MetaDescriptor } from "@remix-run/node";

/** The heading of a page that could not be shown, by HTTP status; the title of its tab too (`pageTitle`). */
const errorHeadings: Record<number, string> = {
  400: "That request did not look right",
  // The reason below says why: a permission, or a moment not reached yet ("Results are published when the event
  // closes." to the event's own organizer), which "You do not have access to this" misread.
  403: "Not available",
  404: "Not found",
  405: "That is not something this page does",
};

/** The heading for an error a route threw: a response's status, or anything else as our own failure. */
export function errorHeading(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? (errorHeadings[status] ?? `Error ${status}`) : "Something went wrong";
}

/**
 * A route's `meta`: its page's title, or, when its loader threw (a missing event, entry or team, a page that is not
 * for this person), the heading the error boundary shows, so the tab and a screen reader call a missing event's
 * page "Not found" rather than "Event". `title` is read only when there was no error, so it may use the loader's
 * data freely.
 */
export const pageTitle = (error: unknown, title: () => string): MetaDescriptor[] => [{ title: `${error ? errorHeading(error) : title()} · Problem First` }];
