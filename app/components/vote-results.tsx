// The people's choice tally on the results page (ADR 031); the entry page's vote box is in peoples-choice.tsx.
import { Link } from "~/components/link";
import type { Tally } from "~/modules/peoples-choice/rules";

/** The results page's section: the tally and the award once published, or that the counts are hidden. */
export function VoteResults({
  slug,
  section,
}: {
  slug: string;
  section:
    | { hidden: string; sentence: string | null }
    | {
        hidden: null;
        tally: Tally;
        tied: string[];
        award: { name: string; entryId: string | null; entryTitle: string | null } | null;
      };
}) {
  return (
    <section aria-labelledby="peoples-choice-h" className="card space-y-3">
      <h2 id="peoples-choice-h" className="h2">
        People's choice
      </h2>
      {section.hidden !== null ? (
        <>
          <p className="text-sm">{section.hidden}</p>
          {section.sentence ? <p className="text-sm text-slate-700">{section.sentence}</p> : null}
        </>
      ) : (
        <>
          <p className="text-sm">
            {section.tally.total === 0
              ? "Nobody voted."
              : section.tied.length
                ? `A tie between ${section.tied.map((t) => `“${t}”`).join(" and ")}: the vote did not decide the award. ${
                    section.award?.entryId ? `The organizers gave it to “${section.award.entryTitle}”.` : "The organizers decide it."
                  }`
                : section.award?.entryId && section.award.entryId !== section.tally.winnerId
                  ? // Given by hand after a reopen: publishing again gives it to the vote's winner.
                    `The organizers gave ${section.award.name} to “${section.award.entryTitle}”; “${section.tally.rows[0]?.title ?? ""}” has the most votes.`
                  : section.award?.entryId
                    ? `${section.award.name}: “${section.award.entryTitle}”, the entry most people voted for.`
                    : "The entry most people voted for is first below."}{" "}
            {section.tally.total === 1 ? "1 vote" : `${section.tally.total} votes`} in all.
          </p>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">People's choice votes per entry</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1 pr-3">
                  Rank
                </th>
                <th scope="col" className="py-1 pr-3">
                  Entry
                </th>
                <th scope="col" className="py-1 text-right">
                  Votes
                </th>
              </tr>
            </thead>
            <tbody>
              {section.tally.rows.map((r) => (
                <tr key={r.entryId} className="border-b border-slate-100">
                  <td className="py-1 pr-3">{r.rank}</td>
                  <td className="py-1 pr-3 [overflow-wrap:anywhere]">
                    <Link to={`/events/${slug}/entries/${r.entryId}`}>{r.title}</Link>
                  </td>
                  <td className="py-1 text-right tabular-nums">{r.votes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
