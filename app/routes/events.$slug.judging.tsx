import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OutcomeBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { enforce } from "~/lib/http.server";
import { canViewJudgeQueue } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { judgeQueue } from "~/modules/judging/judging.server";

export const meta: MetaFunction = () => [{ title: "Judging queue · Problem First" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canViewJudgeQueue(user, access));
  return { event: { slug: event.slug, title: event.title, phase: event.phase }, queue: await judgeQueue(event.id, user.id) };
}

export default function JudgingQueue() {
  const { event, queue } = useLoaderData<typeof loader>();
  const status = (q: (typeof queue)[number]) => (q.scored === 0 ? "Not started" : q.scored < q.criterionCount ? "Partly scored" : "Done");
  const done = queue.filter((q) => q.scored >= q.criterionCount).length;
  const next = queue.find((q) => q.scored < q.criterionCount);
  const scoring = event.phase === "judging";
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">Your judging queue</h1>
      {!scoring ? <p className="text-slate-700">Scores can be given only while the event is in judging.</p> : null}
      <div>
        <label htmlFor="progress" className="label">
          {done} of {queue.length} entries scored
        </label>
        <progress id="progress" max={Math.max(queue.length, 1)} value={done} className="mt-1 h-3 w-full" />
      </div>
      {scoring && next ? (
        <Link to={`/events/${event.slug}/entries/${next.id}/score`} className="btn-primary">
          Next unscored entry
        </Link>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {queue.map((q) => (
          <li key={q.id} className="card">
            <div className="flex items-start justify-between gap-2">
              {scoring ? <Link to={`/events/${event.slug}/entries/${q.id}/score`}>{q.title}</Link> : <Link to={`/events/${event.slug}/entries/${q.id}`}>{q.title}</Link>}
              <OutcomeBadge outcome={q.outcome} />
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {q.teamName} · {q.problemTitle}
            </p>
            <p className="mt-1 text-sm font-semibold">{status(q)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
