// Every word the UI says about a follow-up's answer, in one place (ADR 030).
import type { FollowUpStatus } from "#db/enums";

export const followUpLabels: Record<FollowUpStatus, string> = {
  adopted: "Adopted in production",
  piloted: "Piloted",
  parked: "Parked",
  dropped: "Dropped",
};

/** What each answer means, shown beside its choice on the form. */
export const followUpHints: Record<FollowUpStatus, string> = {
  adopted: "People who had the problem use it in their daily work.",
  piloted: "Tried with real users or real data, not rolled out.",
  parked: "Nobody works on it now; it may come back.",
  dropped: "Stopped for good.",
};

/** The filter and the archive home's word for an entry whose latest follow-up says adopted. */
export const WENT_TO_PRODUCTION = "Went to production";

/** The filter's word for an entry with a follow-up whose latest answer says anything but adopted. */
export const NOT_IN_PRODUCTION = "Followed up, not in production";

/** Where a team member records (or updates) the follow-up of an entry. */
export function followUpPath(eventSlug: string, entryId: string): string {
  return `/events/${eventSlug}/entries/${entryId}/follow-up`;
}
