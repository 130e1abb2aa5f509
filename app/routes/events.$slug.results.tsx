import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OutcomeBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { enforce } from "~/lib/http.server";
import { canViewResults } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { eventResults } from "~/modules/judging/judging.server";

export const meta: MetaFunction = () => [{ title: "Results · Problem First" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canViewResults(user, access));
  const { rubric, rows } = await eventResults(event);
  return {
    event: { slug: event.slug, title: event.title, phase: event.phase },
    rubric: rubric.map((c) => ({ id: c.id, name: c.name, weight: c.weight })),
    rows: rows.map((r) => ({
      rank: r.rank,
      score: r.score,
      judges: r.judgeTotals.length,
      entry: r.entry,
      criterionMeans: r.criterionMeans,
    })),
  };
}

export default function Results() {
  const { event, rubric, rows } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">Results</h1>
      {event.phase !== "closed" ? (
        <p role="note" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          Preview for organizers: results are not published yet.
        </p>
      ) : null}
      <p className="text-sm text-slate-700">
        Score: each judge's weighted total on 0–100 (lowest level 0, highest 100), averaged over judges. Equal scores share a rank.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-left text-sm">
          <caption className="sr-only">Ranking</caption>
          <thead>
            <tr className="border-b">
              <th scope="col" className="py-2">Rank</th>
              <th scope="col">Entry</th>
              <th scope="col">Outcome</th>
              <th scope="col">Score</th>
              <th scope="col">Judges</th>
              {rubric.map((c) => (
                <th key={c.id} scope="col" className="text-xs font-medium">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.entry.id} className="border-b border-slate-100">
                <td className="py-2 font-semibold">{r.rank ?? "—"}</td>
                <td>
                  <Link to={`/events/${event.slug}/entries/${r.entry.id}`}>{r.entry.title}</Link>
                  <div className="text-xs text-slate-600">{r.entry.teamName}</div>
                </td>
                <td>
                  <OutcomeBadge outcome={r.entry.outcome} />
                </td>
                <td>{r.score === null ? "Not scored" : r.score.toFixed(1)}</td>
                <td>{r.judges}</td>
                {r.criterionMeans.map((m) => (
                  <td key={m.criterionId}>{m.mean === null ? "—" : m.mean.toFixed(1)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
