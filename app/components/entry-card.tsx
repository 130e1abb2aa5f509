import { Link } from "~/components/link";
import type { Outcome } from "#db/schema";
import { HIDDEN_TEAM } from "~/modules/judging/blind";
import { AwardBadges, OutcomeBadge, YourVoteBadge } from "./badges";

export type EntryCardData = {
  id: string;
  title: string;
  summary: string;
  outcome: Outcome | null;
  teamName: string | null;
  problemTitle: string;
  tags?: string;
  /** Awards the entry won, when the viewer may see results. */
  awards?: string[];
  /** The viewer's people's choice vote is for this entry (ADR 031). */
  yourVote?: boolean;
};

/** An entry as a card in a grid: used by the event page and the entry gallery. */
export function EntryCards({ eventSlug, entries }: { eventSlug: string; entries: EntryCardData[] }) {
  return (
    <ul className="mt-3 grid gap-3 sm:grid-cols-2">
      {entries.map((e) => (
        <li key={e.id} className="card">
          <div className="flex items-start justify-between gap-2">
            <Link to={`/events/${eventSlug}/entries/${e.id}`} className="font-semibold">
              {e.title}
            </Link>
            <OutcomeBadge outcome={e.outcome} />
          </div>
          <AwardBadges awards={e.awards} className="mt-2" />
          {e.yourVote ? (
            <p className="mt-2">
              <YourVoteBadge />
            </p>
          ) : null}
          <p className="mt-1 text-sm text-slate-700">{e.summary}</p>
          <p className="mt-2 text-xs text-slate-600">
            {e.teamName ?? HIDDEN_TEAM} · {e.problemTitle}
            {e.tags ? ` · ${e.tags}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
