import { Link } from "~/components/link";

export type DeclaredConflict = { entryId: string; judgeName: string; title: string; reason: string };

/**
 * The event's declared conflicts of interest, for its organizers: on the results and on the judges page, where the
 * judges' work is followed. A judge declares one on a score sheet and only they can withdraw it (ADR 012).
 */
export function DeclaredConflicts({ slug, conflicts, note }: { slug: string; conflicts: DeclaredConflict[]; note?: string }) {
  if (!conflicts.length) return null;
  return (
    <section aria-labelledby="conflicts-h" className="card text-sm">
      <h2 id="conflicts-h" className="h2">
        Declared conflicts
      </h2>
      {note ? <p className="hint mt-1">{note}</p> : null}
      <ul className="mt-2 space-y-1">
        {conflicts.map((c) => (
          <li key={`${c.entryId}-${c.judgeName}`}>
            {`${c.judgeName} on `}
            <Link to={`/events/${slug}/entries/${c.entryId}`}>{c.title}</Link>
            {`: ${c.reason}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
