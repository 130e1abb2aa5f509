import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RelatedLearnings } from "~/components/learnings";
import { ProblemHistorySection } from "~/components/problem-history";
import { invariantResponse } from "~/lib/http.server";
import { problemHistory } from "~/modules/archive/history.server";
import { problemSearchText, relatedLearnings } from "~/modules/archive/search.server";
import { canJoinTeam, canManageProblems } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { blindJudging } from "~/modules/judging/blind.server";
import { HIDDEN_TEAM } from "~/modules/judging/blind";
import { getProblem, teamsOnProblem } from "~/modules/problems/problems.server";
import { pageTitle } from "~/lib/page-title";
import { ownerLine } from "~/modules/problems/owner";

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  pageTitle(error, () => `${data?.problem.title ?? "Problem"} · ${data?.event.title ?? "Event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  const problem = await getProblem(event.id, params.problemId ?? "");
  invariantResponse(problem, "Problem not found", 404);
  const [teams, history] = await Promise.all([teamsOnProblem(problem.id), problemHistory(problem)]);
  // An attempt listed in the problem's history above is not offered again as "related".
  const related = await relatedLearnings(problemSearchText(problem), problem.id, { cached: true, excludeEntries: history?.attempts.map((a) => a.id) });
  return {
    event: { slug: event.slug, title: event.title, closed: event.phase === "closed" },
    problem,
    teams: blindJudging(user, access, event).rows(teams.map((t) => ({ teamId: t.id, teamName: t.name }))),
    related,
    history,
    canPick: canJoinTeam(user, access, new Date()).ok && !problem.retiredAt,
    canEdit: canManageProblems(user, access).ok,
  };
}

export default function ProblemPage() {
  const { event, problem, teams, related, history, canPick, canEdit } = useLoaderData<typeof loader>();
  const rows: [string, string][] = [
    ["Who has the problem", problem.whoHasIt],
    ["What it costs today", problem.costToday],
    ["Data available", problem.dataAvailable],
    ["Constraints", problem.constraints || "None stated"],
    ["Problem owner (ask them questions)", ownerLine(problem)],
    [
      "Suggested AI metric",
      [problem.metricName, problem.metricUnit && `(${problem.metricUnit})`, problem.metricBaseline && `baseline ${problem.metricBaseline}`]
        .filter(Boolean)
        .join(" "),
    ],
  ];
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="h1">{problem.title}</h1>
        {canEdit ? (
          <Link to={`/events/${event.slug}/problems/${problem.id}/edit`} className="btn-secondary">
            Edit problem
          </Link>
        ) : null}
      </div>
      {problem.retiredAt ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Retired: no longer offered to new teams. Teams that picked it keep working on it.
        </p>
      ) : null}
      <p className="text-slate-800">{problem.summary}</p>
      <dl className="card grid gap-4 sm:grid-cols-2">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt className="text-sm font-semibold text-slate-700">{k}</dt>
            <dd className="mt-1 whitespace-pre-line">{v}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="teams-h">
        <h2 id="teams-h" className="h2">
          Teams on this problem
        </h2>
        {teams.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No team has picked it yet.</p>
        ) : (
          <p className="mt-2">{teams.map((t) => t.teamName ?? HIDDEN_TEAM).join(", ")}</p>
        )}
        {canPick ? (
          <Link to={`/events/${event.slug}/teams/new?problem=${problem.id}`} className="btn-primary mt-4">
            Start a team on this problem
          </Link>
        ) : null}
      </section>
      {history ? <ProblemHistorySection history={history} /> : null}
      {/* A past event's own entries, and the attempts "Tried before" lists, are never its "related" learnings: say "other". */}
      <RelatedLearnings
        learnings={related}
        empty={
          event.closed
            ? "No entry of another problem in the archive looks related."
            : history?.attempts.length
              ? "Besides the attempts above, no past entry in the archive looks related."
              : undefined
        }
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
