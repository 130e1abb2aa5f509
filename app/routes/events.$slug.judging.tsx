import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OutcomeBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { enforce } from "~/lib/http.server";
import { canViewJudgeQueue } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { judgeConflictList, judgeQueue } from "~/modules/judging/judging.server";

export const meta: MetaFunction = () => [{ title: "Judging queue · Problem First" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canViewJudgeQueue(user, access));
  const [queue, conflicts] = await Promise.all([judgeQueue(event, user.id), judgeConflictList(event.id, user.id)]);
  // Blind judging: nothing that names the team's people reaches the judge.
  const blind = event.blindJudging && !access.isOrganizer;
  return {
    event: { slug: event.slug, title: event.title, phase: event.phase, assigned: event.judgesPerEntry !== null },
    queue: queue.map((q) => ({ ...q, teamName: blind ? null : q.teamName })),
    conflicts,
  };
}

const statusText = { todo: "Not started", partial: "Partly scored", done: "Done" } as const;

export default function JudgingQueue() {
  const { event, queue, conflicts } = useLoaderData<typeof loader>();
  const status = (q: (typeof queue)[number]) => (q.scored === 0 ? "todo" : q.scored < q.criterionCount ? "partial" : "done");
  const done = queue.filter((q) => status(q) === "done").length;
  const partial = queue.filter((q) => status(q) === "partial").length;
  const next = queue.find((q) => status(q) !== "done");
  const scoring = event.phase === "judging";
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">Your judging queue</h1>
      {event.assigned ? <p className="text-sm text-slate-700">This event assigns entries to judges: your queue lists the entries assigned to you.</p> : null}
      {!scoring ? <p className="text-slate-700">Scores can be given only while the event is in judging.</p> : null}
      <div>
        <label htmlFor="progress" className="label">
          {done} of {queue.length} entries scored
        </label>
        <progress id="progress" max={Math.max(queue.length, 1)} value={done} className="mt-1 h-3 w-full" />
        {partial ? <p className="hint">{partial} partly scored</p> : null}
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
              {q.teamName ?? "Team hidden (blind judging)"} · {q.problemTitle}
            </p>
            <p className="mt-1 text-sm font-semibold" data-testid="queue-status">
              {statusText[status(q)]}
              {status(q) === "partial" ? ` (${q.scored} of ${q.criterionCount} criteria)` : ""}
            </p>
          </li>
        ))}
      </ul>
      {conflicts.length ? (
        <section aria-labelledby="conflicts-h" className="space-y-2">
          <h2 id="conflicts-h" className="h2">
            Conflicts you declared
          </h2>
          <p className="text-sm text-slate-700">These entries left your queue; the organizers see your reasons.</p>
          <ul className="list-disc pl-5 text-sm">
            {conflicts.map((c) => (
              <li key={c.entryId}>
                {c.title}: {c.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
