import { Link } from "@remix-run/react";
import { ManageSection } from "./on-this-page";

type Team = { id: string; name: string; problemTitle: string | null; memberCount: number; entryStatus: string | null };

/** Every team of the event with its problem, size and whether its entry is in. */
export function TeamsSection({ slug, teams }: { slug: string; teams: Team[] }) {
  return (
    <ManageSection id="teams" title={`Teams (${teams.length})`}>
      {teams.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No teams yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="mt-3 w-full text-left text-sm">
            <thead>
              <tr className="border-b">
                <th scope="col" className="py-1">
                  Team
                </th>
                <th scope="col">Problem</th>
                <th scope="col">Members</th>
                <th scope="col">Entry</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.id} className="border-b border-slate-100">
                  <td className="py-1">
                    <Link to={`/events/${slug}/teams/${t.id}`}>{t.name}</Link>
                  </td>
                  <td>{t.problemTitle}</td>
                  <td>{t.memberCount}</td>
                  <td>{t.entryStatus === "submitted" ? "Submitted" : "Draft"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </ManageSection>
  );
}
