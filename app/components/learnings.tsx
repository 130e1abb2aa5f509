// "Have we tried this before?" on problem pages, the entry form and the new-team page.
import { Link } from "~/components/link";
import type { Outcome, RootCause } from "#db/schema";
import { rootCauseLabels } from "~/modules/entries/labels";
import { OutcomeBadge } from "./badges";
import { Highlighted } from "./highlighted";
import { historySummary } from "./problem-history";

export type RelatedLearningItem = {
  id: string;
  title: string;
  outcome: Outcome | null;
  rootCause: RootCause | null;
  eventSlug: string;
  eventTitle: string;
  problemTitle: string;
  /** The title with the shared words marked. */
  titleMarked: string;
  /** Why it is shown: the words it shares with the problem (and what the team typed). */
  sharedWords: string[];
};

/** "Have we tried this before?": past learnings most related to a problem. */
export function RelatedLearnings({
  learnings,
  problemTitle,
  busy = false,
  history = null,
  empty = "No past entry in the archive looks related yet. You may be the first to try.",
  className = "",
}: {
  learnings: readonly RelatedLearningItem[];
  problemTitle?: string;
  /** A newer answer is on its way (the team is typing). */
  busy?: boolean;
  /** The same problem was tried in past events: a link to its history. */
  history?: { href: string; attempts: number; events: number } | null;
  /** Said when nothing is related. */
  empty?: string;
  className?: string;
}) {
  return (
    <section aria-labelledby="related-learnings" aria-busy={busy} className={`card space-y-3 ${className}`}>
      <h2 id="related-learnings" className="h2">
        Have we tried this before?
      </h2>
      {problemTitle ? <p className="text-sm font-medium text-slate-800">For the problem “{problemTitle}”</p> : null}
      {history ? (
        <p className="rounded-md bg-sky-50 p-3 text-sm text-sky-900">
          This problem was tried before: {historySummary(history)}. <Link to={history.href}>See its history and the best AI metric so far</Link>
        </p>
      ) : null}
      {learnings.length === 0 ? (
        <p className="text-sm text-slate-700">{empty}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">Past attempts from the archive that share what this is about. Read their post-mortems before you start.</p>
          <ul className="space-y-2">
            {learnings.map((l) => (
              <li key={l.id} className="flex flex-wrap items-baseline justify-between gap-2 border-t border-slate-100 pt-2 first:border-0 first:pt-0">
                <span>
                  <Link to={`/events/${l.eventSlug}/entries/${l.id}`} className="font-medium" aria-label={l.title || "Untitled entry"}>
                    <Highlighted text={l.titleMarked || "Untitled entry"} />
                  </Link>
                  <span className="block text-xs text-slate-600">
                    From the problem “{l.problemTitle}” · {l.eventTitle}
                    {l.rootCause ? ` · Root cause: ${rootCauseLabels[l.rootCause]}` : ""}
                  </span>
                  {l.sharedWords.length > 0 ? (
                    <span className="block text-xs text-slate-700">
                      Shared words:{" "}
                      {l.sharedWords.map((w, i) => (
                        <span key={w}>
                          {i > 0 ? ", " : ""}
                          <mark className="hit">{w}</mark>
                        </span>
                      ))}
                    </span>
                  ) : null}
                </span>
                <OutcomeBadge outcome={l.outcome} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
