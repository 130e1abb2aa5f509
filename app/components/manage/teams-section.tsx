import { Link } from "~/components/link";
import { ManageSection } from "./on-this-page";

type Team = { id: string; name: string; problemTitle: string | null; memberCount: number; entryStatus: string | null };

/** Every team of the event with its problem, size and whether its entry is in. */
export function TeamsSection({ slug, teams }: { slug: string; teams: Team[] }) {
  return (
    <ManageSection id="teams" title={`Teams (${teams.length})`}>
      {teams.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No teams yet.</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-1">
                Team
              </th>
              <th scope="col" className="px-2">
                Problem
              </th>
              <th scope="col">Entry</th>
            </tr>
          </thead>
          <tbody>
            {/* The team's size under its name, not in a column of its own: four columns did not fit a phone. */}
            {teams.map((t) => (
              <tr key={t.id} className="border-b border-slate-100 align-top">
                <td className="py-1 [overflow-wrap:anywhere]">
                  <Link to={`/events/${slug}/teams/${t.id}`}>{t.name}</Link>
                  <span className="block text-xs text-slate-600">{t.memberCount === 1 ? "1 member" : `${t.memberCount} members`}</span>
                </td>
                <td className="px-2 py-1 [overflow-wrap:anywhere]">{t.problemTitle}</td>
                <td className="py-1 [overflow-wrap:normal]">{t.entryStatus === "submitted" ? "Submitted" : "Draft"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ManageSection>
  );
}
