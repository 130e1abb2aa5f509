import { Link } from "~/components/link";
import type { Outcome } from "#db/schema";
import { OutcomeBadge } from "~/components/badges";

/** The team's entry: its state, and the way to work on it or see its page. */
export function EntrySection({
  slug,
  teamId,
  entry,
  canEdit,
  editRefusal,
}: {
  slug: string;
  teamId: string;
  entry: { id: string; title: string; status: string; outcome: Outcome | null; closed: boolean } | null;
  canEdit: boolean;
  editRefusal: string | null;
}) {
  return (
    <section aria-labelledby="entry-h" className="card">
      <h2 id="entry-h" className="h2">
        Entry
      </h2>
      {entry ? (
        <div className="mt-2 space-y-3">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{entry.title || "Untitled entry"}</span>
            <OutcomeBadge outcome={entry.outcome} />
            <span className="text-sm text-slate-700">
              {entry.status === "submitted" ? "Submitted" : entry.closed ? "Draft, never submitted" : "Draft, not submitted yet"}
            </span>
          </p>
          <p className="flex flex-wrap gap-2">
            {canEdit ? (
              <Link to={`/events/${slug}/teams/${teamId}/entry`} className="btn-primary">
                {entry.status === "submitted" ? "Edit entry" : "Work on the entry"}
              </Link>
            ) : null}
            <Link to={`/events/${slug}/entries/${entry.id}`} className="btn-secondary">
              View entry page
            </Link>
          </p>
          {editRefusal ? <p className="text-sm text-slate-700">The entry is read-only. {editRefusal}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
