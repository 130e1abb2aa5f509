import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { isSending } from "~/components/confirm-step";
import { Link } from "~/components/link";
import { OutcomeBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseForm } from "~/lib/forms.server";
import { enforce, invariantResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { canViewJudgeQueue, canWithdrawConflict, ROUND_ONE_CONFLICT_STAYS } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { HIDDEN_TEAM } from "~/modules/judging/blind";
import { blindJudging } from "~/modules/judging/blind.server";
import { judgeConflictList, judgeEntryFacts, judgeQueue, withdrawConflict } from "~/modules/judging/judging.server";
import { nextToScore, sheetState } from "~/modules/judging/queue";
import { asRound } from "~/modules/judging/rounds";
import { withdrawConflictSchema } from "~/modules/judging/schemas";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, error }) => pageTitle(error, () => `Judging queue · ${data?.event.title ?? "Event"}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canViewJudgeQueue(user, access));
  const [queue, declared] = await Promise.all([judgeQueue(event, user.id), judgeConflictList(event.id, user.id)]);
  // In the final round, only the conflicts on entries this judge scores there can be withdrawn.
  const conflicts = await Promise.all(
    declared.map(async (c) => ({
      ...c,
      withdrawable: canWithdrawConflict(user, access, asRound(event.judgingRound) === 2 ? await judgeEntryFacts(event, c.entryId, user.id) : undefined).ok,
    })),
  );
  return {
    event: { slug: event.slug, title: event.title, phase: event.phase, assigned: event.judgesPerEntry !== null, round: asRound(event.judgingRound) },
    // What each card shows: the team's id only served the blind-judging rule.
    queue: blindJudging(user, access, event)
      .rows(queue)
      .map(({ id, title, outcome, teamName, problemTitle, scored, criterionCount }) => ({
        id,
        title,
        outcome,
        teamName,
        problemTitle,
        scored,
        criterionCount,
      })),
    conflicts,
    canWithdraw: canWithdrawConflict(user, access).ok,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  // A judge whose page was opened before the results were published is told on the queue, not an error page.
  const withdrawing = canWithdrawConflict(user, access);
  if (!withdrawing.ok && access.isJudge) return redirectWithToast(`/events/${event.slug}/judging`, { kind: "error", message: withdrawing.reason });
  enforce(withdrawing);
  const submission = parseForm(await request.formData(), { schema: withdrawConflictSchema });
  // The form is one button per listed conflict: a missing id is a forged request, not a typing mistake.
  invariantResponse(submission.status === "success", "Pick the conflict to withdraw.", 400);
  const conflict = (await judgeConflictList(event.id, user.id)).find((c) => c.entryId === submission.value.entryId);
  const ours = conflict && canWithdrawConflict(user, access, await judgeEntryFacts(event, conflict.entryId, user.id));
  if (ours && !ours.ok) return redirectWithToast(`/events/${event.slug}/judging`, { kind: "error", message: ours.reason });
  // Withdrawn already (in another tab): said on the queue, which is read again, rather than as an error page. Still
  // there after the DELETE: the final round started between the check above and it, and the DELETE holds the rule too.
  if (!conflict || !(await withdrawConflict(event.id, conflict.entryId, user.id))) {
    const stays = conflict && (await judgeConflictList(event.id, user.id)).some((c) => c.entryId === conflict.entryId);
    return redirectWithToast(`/events/${event.slug}/judging`, {
      kind: "error",
      message: stays ? ROUND_ONE_CONFLICT_STAYS : "You have no conflict declared with this entry (any more).",
    });
  }
  // Under per-entry assignment, another judge took the entry when the conflict was declared, and keeps it.
  const { assigned } = await judgeEntryFacts(event, conflict.entryId, user.id);
  return redirectWithToast(
    `/events/${event.slug}/judging`,
    assigned
      ? `Conflict withdrawn: ${conflict.title} is back in your queue.`
      : `Conflict withdrawn: ${conflict.title} has its judges without you now, so it is not back in your queue.`,
  );
}

const statusText = { todo: "Not started", partial: "Partly scored", done: "Done" } as const;

export default function JudgingQueue() {
  const { event, queue, conflicts, canWithdraw } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const status = sheetState;
  const done = queue.filter((q) => status(q) === "done").length;
  const partial = queue.filter((q) => status(q) === "partial").length;
  const next = nextToScore(queue);
  const scoring = event.phase === "judging";
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        <Link to={`/events/${event.slug}`}>← {event.title}</Link>
      </p>
      <h1 className="h1">{event.round === 2 ? "Your final round queue" : "Your judging queue"}</h1>
      {event.round === 2 ? (
        scoring ? (
          <p className="text-sm text-slate-700">Round 1 is closed. In the final round, its judges score every finalist; round 1 scores can no longer change.</p>
        ) : null
      ) : event.assigned ? (
        <p className="text-sm text-slate-700">This event assigns entries to judges: your queue lists the entries assigned to you.</p>
      ) : null}
      {!scoring ? (
        <p className="text-slate-700">
          {event.phase === "closed"
            ? "Scores can be given only while the event is in judging."
            : "Scores can be given only while the event is in judging: these entries open for scoring when judging starts."}
        </p>
      ) : null}
      {queue.length === 0 ? (
        <p className="card text-slate-700">
          {event.round === 2
            ? "You have no finalist to score: you are not a judge of the final round."
            : event.assigned
              ? "No entry is assigned to you."
              : "There is no submitted entry for you to score."}
          {conflicts.length ? " Entries you declared a conflict with are listed below." : ""}
        </p>
      ) : (
        <div>
          <label htmlFor="progress" className="label">
            {`${done} of ${queue.length} ${queue.length === 1 ? "entry" : "entries"} scored`}
          </label>
          <progress id="progress" max={queue.length} value={done} className="mt-1 h-3 w-full" />
          {partial ? <p className="hint">{partial} partly scored</p> : null}
        </div>
      )}
      {scoring && next ? (
        <Link to={`/events/${event.slug}/entries/${next.id}/score`} className="btn-primary">
          Next unscored entry
        </Link>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {queue.map((q) => (
          <li key={q.id} className="card">
            <div className="flex items-start justify-between gap-2">
              {scoring ? (
                <Link to={`/events/${event.slug}/entries/${q.id}/score`}>{q.title}</Link>
              ) : event.phase === "closed" ? (
                <Link to={`/events/${event.slug}/entries/${q.id}`}>{q.title}</Link>
              ) : (
                // Before judging, a judge may not open an entry yet (canViewEntry): its title, not a link that refuses.
                <span className="font-semibold">{q.title}</span>
              )}
              <OutcomeBadge outcome={q.outcome} />
            </div>
            <p className="mt-1 text-sm text-slate-700">
              {q.teamName ?? HIDDEN_TEAM} · {q.problemTitle}
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
          <p className="text-sm text-slate-700">
            These entries left your queue; the organizers see your reasons.
            {canWithdraw
              ? event.assigned
                ? " Declared one by mistake? Withdraw it: the entry comes back to your queue, unscored, if it is still assigned to you."
                : " Declared one by mistake? Withdraw it and the entry comes back to your queue, unscored."
              : ""}
          </p>
          <ul className="space-y-2 text-sm">
            {conflicts.map((c) => (
              <li key={c.entryId} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 p-3">
                <span>
                  <strong>{c.title}</strong>: {c.reason}
                </span>
                {canWithdraw && c.withdrawable ? (
                  <Form method="post">
                    <input type="hidden" name="entryId" value={c.entryId} />
                    <button
                      type="submit"
                      className="btn-secondary"
                      aria-label={`Withdraw the conflict with ${c.title}`}
                      disabled={isSending(navigation, { entryId: c.entryId })}
                    >
                      Withdraw
                    </button>
                  </Form>
                ) : canWithdraw ? (
                  <span className="text-slate-600">Stays: round 1 is closed, and you do not judge this entry in the final round.</span>
                ) : null}
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
