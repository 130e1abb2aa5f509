import { Link } from "~/components/link";
import type { JudgingRound } from "~/modules/judging/rounds";

type Person = { id: string; name: string };

const names = (people: Person[]) => (people.length ? people.map((p) => p.name).join(", ") : "none yet");

/**
 * The Judges page's heading and roster: the event's judges, or once the final round started its judges, whom the page
 * then adds and invites, with round 1's kept as they were (ADR 038).
 */
export function JudgesHeader({
  event,
  judges,
  roundOneJudges,
  ended,
}: {
  event: { slug: string; title: string; round: JudgingRound };
  judges: Person[];
  roundOneJudges: Person[] | null;
  /** Results are published: why nobody is invited or reassigned (said instead of "Invite more below"). */
  ended: string | null;
}) {
  return (
    <div>
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}/manage#judges`}>← Manage {event.title}</Link>
      </p>
      {event.round === 2 ? (
        <>
          <h1 className="h1 mt-1">Final round judges</h1>
          <p className="mt-2 text-sm text-slate-700">
            Final round judges ({judges.length}): {names(judges)}. Every final round judge scores every finalist, and judges you add or invite now join the
            final round. <Link to={`/events/${event.slug}/final-round`}>See the final round</Link>.
          </p>
          <p className="mt-2 text-sm text-slate-700">
            Round 1 is closed: its judges ({roundOneJudges?.length ?? 0}: {names(roundOneJudges ?? [])}) and assignments stay as they were.
          </p>
        </>
      ) : (
        <>
          <h1 className="h1 mt-1">Judges and assignments</h1>
          <p className="mt-2 text-sm text-slate-700">
            Judges ({judges.length}): {names(judges)}.{" "}
            {ended ? (
              ended
            ) : (
              <>
                Invite more below; remove one on the <Link to={`/events/${event.slug}/manage#judges`}>manage page</Link>.
              </>
            )}
          </p>
        </>
      )}
    </div>
  );
}
