import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { invariantResponse } from "~/lib/http.server";
import { canJoinTeam } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { getProblem, teamsOnProblem } from "~/modules/problems/problems.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.problem.title ?? "Problem"} · Problem First` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  const problem = await getProblem(event.id, params.problemId ?? "");
  invariantResponse(problem, "Problem not found", 404);
  return {
    event: { slug: event.slug, title: event.title },
    problem,
    teams: await teamsOnProblem(problem.id),
    canPick: canJoinTeam(user, access, new Date()).ok,
  };
}

export default function ProblemPage() {
  const { event, problem, teams, canPick } = useLoaderData<typeof loader>();
  const rows: [string, string][] = [
    ["Who has the problem", problem.whoHasIt],
    ["What it costs today", problem.costToday],
    ["Data available", problem.dataAvailable],
    ["Constraints", problem.constraints || "None stated"],
    ["Suggested AI metric", [problem.metricName, problem.metricUnit && `(${problem.metricUnit})`, problem.metricBaseline && `baseline ${problem.metricBaseline}`].filter(Boolean).join(" ")],
  ];
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">{problem.title}</h1>
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
        {teams.length === 0 ? <p className="mt-2 text-sm text-slate-600">No team has picked it yet.</p> : <p className="mt-2">{teams.map((t) => t.name).join(", ")}</p>}
        {canPick ? (
          <Link to={`/events/${event.slug}/teams/new?problem=${problem.id}`} className="btn-primary mt-4">
            Start a team on this problem
          </Link>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
