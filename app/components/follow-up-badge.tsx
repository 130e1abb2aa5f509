// The follow-up badge on its own: pages that show what became of an entry (the archive, the digest, a problem's
// history) load it without the follow-up form's section (issue 19, first-load JavaScript).
import type { FollowUpStatus } from "#db/enums";
import { followUpLabels } from "~/modules/follow-ups/words";

const statusStyle: Record<FollowUpStatus, string> = {
  adopted: "bg-emerald-100 text-emerald-900",
  piloted: "bg-sky-100 text-sky-900",
  parked: "bg-amber-100 text-amber-900",
  dropped: "bg-slate-200 text-slate-800",
};

/** What became of an entry, as a badge ("What happened next: Adopted in production" to a screen reader). */
export function FollowUpBadge({ status }: { status: FollowUpStatus }) {
  return (
    <span className={`status-pill ${statusStyle[status]}`}>
      <span className="sr-only">What happened next: </span>
      {followUpLabels[status]}
    </span>
  );
}
