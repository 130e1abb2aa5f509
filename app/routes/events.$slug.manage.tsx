import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PhaseBadge } from "~/components/badges";
import { ConfirmStep } from "~/components/confirm-step";
import { ConfirmationDetails, ScoreSheets } from "~/components/score-sheets";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import { readConfirmation } from "~/lib/confirm";
import { parseForm } from "~/lib/forms.server";
import { enforce, readIntent, unknownIntent } from "~/lib/http.server";
import { formatInZone, relativeTime } from "~/lib/time";
import { redirectWithToast } from "~/lib/toast.server";
import { canManageEvent, canManageProblems } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import { entryOutcomes, judgingProgress, judgingSheets } from "~/modules/events/dashboard.server";
import { addOrganizer, removeOrganizer } from "~/modules/events/settings.server";
import {
  addJudge,
  changePhase,
  listCriteria,
  listJudges,
  listOrganizers,
  judgeRemovalFacts,
  listPhaseChanges,
  phaseStepsFor,
  removeJudge,
} from "~/modules/events/events.server";
import { phaseLabels, phaseOrder, phaseWords } from "~/modules/events/phases";
import { addJudgeSchema, addOrganizerSchema, phaseChangeSchema } from "~/modules/events/schemas";
import { listProblems, moveProblem, restoreProblem, retireProblem } from "~/modules/problems/problems.server";
import { moveProblemSchema } from "~/modules/problems/schemas";
import { listTeams } from "~/modules/teams/teams.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Manage ${data?.event.title ?? "event"} · Problem First` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const now = new Date();
  const [steps, problems, rubric, judges, organizers, teamList, history, outcomes, progress, sheets] = await Promise.all([
    phaseStepsFor(event, now),
    listProblems(event.id),
    listCriteria(event.id),
    listJudges(event.id),
    listOrganizers(event.id),
    listTeams(event.id),
    listPhaseChanges(event.id),
    entryOutcomes(event.id),
    judgingProgress(event),
    event.phase === "judging" || event.phase === "closed" ? judgingSheets(event) : Promise.resolve(null),
  ]);
  return {
    event,
    steps,
    problems,
    rubric,
    judges,
    organizers,
    teams: teamList,
    history,
    dashboard: {
      outcomes,
      progress,
      sheets,
      deadlines: (
        [
          ["Start", event.startsAt],
          ["Submission deadline", event.submissionDeadline],
          ["Judging deadline", event.judgingDeadline],
        ] as const
      ).map(([label, at]) => ({ label, at: formatInZone(at, event.timezone), relative: relativeTime(at, now), past: at <= now })),
    },
    canEditProblems: canManageProblems(user, access).ok,
  };
}

type ActionResult = { intent: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const formData = await request.formData();
  const intent = readIntent(formData);
  const back = `/events/${event.slug}/manage`;
  const invalid = (result: SubmissionResult<string[]>) => data<ActionResult>({ intent, result }, { status: 400 });

  switch (intent) {
    case "phase": {
      const submission = parseForm(formData, { schema: phaseChangeSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const changed = await changePhase(event, user.id, submission.value, new Date());
      if (!changed.ok) return invalid(submission.reply({ fieldErrors: { [changed.field]: [changed.message] } }));
      const gaps = changed.plan && !changed.plan.ok ? ` ${changed.plan.message}` : "";
      return redirectWithToast(back, { kind: gaps ? "error" : "success", message: `The event is now: ${phaseLabels[submission.value.to]}.${gaps}` });
    }
    case "add-judge": {
      const submission = parseForm(formData, { schema: addJudgeSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const added = await addJudge(event.id, submission.value.email);
      if (!added.ok) return invalid(submission.reply({ fieldErrors: { email: [added.message] } }));
      return redirectWithToast(back, `${added.name} is now a judge of this event.`);
    }
    case "remove-judge": {
      const userId = String(formData.get("userId") ?? "");
      if (!readConfirmation(formData).confirmed) {
        // A confirm step that says what the removal changes; nothing happens until it is confirmed.
        const facts = await judgeRemovalFacts(event.id, userId);
        if (!facts) return redirectWithToast(back, { kind: "error", message: "That person is not a judge of this event." });
        return data({ intent, confirmRemoveJudge: facts }, { status: 409 });
      }
      await removeJudge(event.id, userId);
      return redirectWithToast(back, "Judge removed. Scores they already gave are kept.");
    }
    case "add-organizer": {
      const submission = parseForm(formData, { schema: addOrganizerSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const added = await addOrganizer(event.id, submission.value.email);
      if (!added.ok) return invalid(submission.reply({ fieldErrors: { email: [added.message] } }));
      return redirectWithToast(back, `${added.name} is now an organizer of this event.`);
    }
    case "remove-organizer": {
      const removed = await removeOrganizer(event.id, String(formData.get("userId") ?? ""));
      return redirectWithToast(back, removed.ok ? "Organizer removed." : { kind: "error", message: removed.message });
    }
    case "move-problem": {
      enforce(canManageProblems(user, access));
      const submission = parseForm(formData, { schema: moveProblemSchema });
      if (submission.status !== "success") return invalid(submission.reply());
      const moved = await moveProblem(event.id, submission.value.problemId, submission.value.direction);
      if (!moved) throw data("Problem not found", { status: 404 });
      return redirectWithToast(back, "Problem order saved.");
    }
    case "restore-problem": {
      enforce(canManageProblems(user, access));
      if (!(await restoreProblem(event.id, String(formData.get("problemId") ?? "")))) throw data("Problem not found", { status: 404 });
      return redirectWithToast(back, "Problem offered to new teams again.");
    }
    case "retire-problem": {
      enforce(canManageProblems(user, access));
      const retired = await retireProblem(event.id, String(formData.get("problemId") ?? ""), readConfirmation(formData));
      if (!retired.ok && "confirm" in retired) return data({ intent, confirmRetire: retired.confirm }, { status: 409 });
      if (!retired.ok) throw data("Problem not found", { status: 404 });
      return redirectWithToast(back, "Problem retired: new teams no longer see it; teams that picked it keep it.");
    }
    default:
      return unknownIntent(intent);
  }
}

function PhaseStepForm({ step, lastResult }: { step: Awaited<ReturnType<typeof loader>>["steps"][number]; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: `phase-${step.to}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: phaseChangeSchema }),
  });
  const blocked = step.blockers.length > 0;
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-3">
      <input type="hidden" name="intent" value="phase" />
      <input type="hidden" name="to" value={step.to} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {blocked ? (
        <div>
          <p className="text-sm font-semibold text-slate-800">Before you can {step.label.toLowerCase()}:</p>
          <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
            {step.blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {step.confirmation ? (
        <div>
          <ConfirmationDetails id={`${fields.confirmed.id}-details`} details={step.details} />
          <label className="mt-2 flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={fields.confirmed.name}
              id={fields.confirmed.id}
              value="on"
              className="mt-1"
              aria-describedby={
                [step.details.length ? `${fields.confirmed.id}-details` : "", fields.confirmed.errors ? fields.confirmed.errorId : ""]
                  .filter(Boolean)
                  .join(" ") || undefined
              }
            />
            <span>{step.confirmation}</span>
          </label>
          <ErrorList id={fields.confirmed.errorId} errors={fields.confirmed.errors} />
        </div>
      ) : null}
      {step.needsReason ? <TextareaField label="Why reopen?" meta={fields.reason} rows={2} /> : null}
      <ErrorList id={fields.to.errorId} errors={fields.to.errors} />
      <button type="submit" className="btn-primary" disabled={blocked}>
        {step.label}
      </button>
    </Form>
  );
}

type LoaderData = Awaited<ReturnType<typeof loader>>;

function ConfirmRemoveJudge({ facts }: { facts: { userId: string; name: string; startedSheets: number; assignedEntries: number } }) {
  const sheets = facts.startedSheets === 1 ? "1 score sheet" : `${facts.startedSheets} score sheets`;
  const entries = facts.assignedEntries === 1 ? "1 assigned entry goes" : `${facts.assignedEntries} assigned entries go`;
  return (
    <ConfirmStep
      className="basis-full"
      question={
        <>
          Remove {facts.name} as judge? They lose this event's judging queue.{" "}
          {facts.startedSheets
            ? `The ${sheets} they started ${facts.startedSheets === 1 ? "stays and still counts" : "stay and still count"}.`
            : "They have not scored anything yet."}
          {facts.assignedEntries ? ` Their ${entries} to the other judges where possible.` : ""}
        </>
      }
      fields={{ intent: "remove-judge", userId: facts.userId }}
      confirmLabel={`Remove ${facts.name} for good`}
      keepLabel={`Keep ${facts.name}`}
    />
  );
}

function ConfirmRetireProblem({ facts }: { facts: { problemId: string; title: string; teamCount: number } }) {
  const teams = facts.teamCount === 1 ? "The 1 team that picked it keeps it" : `The ${facts.teamCount} teams that picked it keep it`;
  return (
    <ConfirmStep
      className="basis-full"
      question={`Retire “${facts.title}”? New teams can no longer pick it. ${facts.teamCount ? `${teams}.` : "No team has picked it yet."} You can offer it again later.`}
      fields={{ intent: "retire-problem", problemId: facts.problemId }}
      confirmLabel={`Retire ${facts.title} for good`}
      keepLabel={`Keep offering ${facts.title}`}
    />
  );
}

function Dashboard({ dashboard, teamCount, steps }: { dashboard: LoaderData["dashboard"]; teamCount: number; steps: LoaderData["steps"] }) {
  const { outcomes, progress, deadlines, sheets } = dashboard;
  const percent = progress.due > 0 ? Math.round((progress.done / progress.due) * 100) : 0;
  const submitted = outcomes.working + outcomes.partial + outcomes.failed + outcomes.none;
  return (
    <section aria-labelledby="dashboard-h" className="card">
      <h2 id="dashboard-h" className="h2">
        Dashboard
      </h2>
      <dl className="mt-3 grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-semibold">Teams</dt>
          <dd className="text-2xl font-bold">{teamCount}</dd>
        </div>
        <div>
          <dt className="font-semibold">Submitted entries</dt>
          <dd>
            <span className="text-2xl font-bold">{submitted}</span>
            <span className="block text-slate-700" data-testid="entries-by-outcome">
              {outcomes.working} working · {outcomes.partial} partial · {outcomes.failed} failed
              {outcomes.drafts ? ` · ${outcomes.drafts} still in draft` : ""}
            </span>
          </dd>
        </div>
        <div>
          <dt className="font-semibold" id="progress-label">
            Judging progress
          </dt>
          <dd>
            <div
              role="progressbar"
              aria-labelledby="progress-label"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${progress.done} of ${progress.due} scores`}
              className="mt-1 h-3 w-full overflow-hidden rounded-full bg-slate-200"
            >
              <div className="h-full bg-emerald-600" style={{ width: `${percent}%` }} />
            </div>
            <span className="text-slate-700">
              {progress.done} of {progress.due} scores ({percent}%)
            </span>
          </dd>
        </div>
      </dl>
      {sheets ? <ScoreSheets sheets={sheets} /> : null}
      <h3 className="mt-4 text-sm font-semibold">Deadlines</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {deadlines.map((d) => (
          <li key={d.label}>
            {d.label}: {d.at} <span className={d.past ? "text-slate-600" : "font-semibold"}>({d.relative})</span>
          </li>
        ))}
      </ul>
      <h3 className="mt-4 text-sm font-semibold">What blocks the next phase</h3>
      <ul className="mt-1 list-disc pl-5 text-sm" data-testid="next-phase-blockers">
        {steps.flatMap((step) =>
          step.blockers.length
            ? step.blockers.map((b) => <li key={b}>{b}</li>)
            : [
                <li key={step.to}>
                  {step.confirmation ? `“${step.label}” needs your confirmation: ${step.confirmation}` : `Nothing blocks “${step.label}”.`}
                  {step.needsReason ? " It needs a reason." : ""}
                </li>,
              ],
        )}
      </ul>
    </section>
  );
}

export default function ManageEvent() {
  const { event, steps, problems, rubric, judges, organizers, teams, history, dashboard, canEditProblems } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const confirmRemoveJudge = actionData && "confirmRemoveJudge" in actionData ? actionData.confirmRemoveJudge : null;
  const confirmRetire = actionData && "confirmRetire" in actionData ? actionData.confirmRetire : null;
  const [organizerForm, organizerFields] = useForm({
    id: "add-organizer",
    lastResult: actionData?.intent === "add-organizer" && "result" in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addOrganizerSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [judgeForm, judgeFields] = useForm({
    id: "add-judge",
    lastResult: actionData?.intent === "add-judge" && "result" in actionData ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addJudgeSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">
            <Link to={`/events/${event.slug}`}>← {event.title}</Link>
          </p>
          <h1 className="h1 mt-1">Manage event</h1>
        </div>
        <PhaseBadge phase={event.phase} />
      </header>
      <nav aria-label="Event settings" className="flex flex-wrap gap-2">
        <Link to={`/events/${event.slug}/edit`} className="btn-secondary">
          Edit event
        </Link>
        <Link to={`/events/${event.slug}/rubric`} className="btn-secondary">
          Rubric
        </Link>
        <Link to={`/events/${event.slug}/judges`} className="btn-secondary">
          Judges and assignments
        </Link>
      </nav>

      <Dashboard dashboard={dashboard} teamCount={teams.length} steps={steps} />

      <section aria-labelledby="phase-h" className="card">
        <h2 id="phase-h" className="h2">
          Phase: {phaseLabels[event.phase]}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{phaseOrder.map((p) => phaseWords[p].badge).join(" → ")}.</p>
        <div className="mt-4 space-y-6">
          {steps.map((step) => (
            <PhaseStepForm key={step.to} step={step} lastResult={actionData?.intent === "phase" && "result" in actionData ? actionData.result : undefined} />
          ))}
        </div>
      </section>

      <section aria-labelledby="problems-h" className="card">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="problems-h" className="h2">
            Business problems ({problems.length})
          </h2>
          {canEditProblems ? (
            <span className="flex flex-wrap gap-2">
              <Link to={`/events/${event.slug}/problems/new`} className="btn-secondary">
                Add a problem
              </Link>
              <Link to={`/events/${event.slug}/problems/copy`} className="btn-secondary">
                Copy problems from another event
              </Link>
            </span>
          ) : null}
        </div>
        {canEditProblems ? null : <p className="mt-1 text-sm text-slate-600">Problems can be changed only while the event is a draft or open.</p>}
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {problems.map((p, i) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                <Link to={`/events/${event.slug}/problems/${p.id}`}>{p.title}</Link> · {p.teamCount} {p.teamCount === 1 ? "team" : "teams"}
                {p.retired ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">Retired</span> : null}
              </span>
              {canEditProblems ? (
                <span className="flex flex-wrap gap-1">
                  {(["up", "down"] as const).map((direction) => (
                    <Form method="post" key={direction}>
                      <input type="hidden" name="intent" value="move-problem" />
                      <input type="hidden" name="problemId" value={p.id} />
                      <input type="hidden" name="direction" value={direction} />
                      <button
                        type="submit"
                        className="btn-secondary px-2 py-1 text-xs"
                        disabled={direction === "up" ? i === 0 : i === problems.length - 1}
                        aria-label={`Move ${p.title} ${direction}`}
                      >
                        {direction === "up" ? "↑ Up" : "↓ Down"}
                      </button>
                    </Form>
                  ))}
                  <Link to={`/events/${event.slug}/problems/${p.id}/edit`} className="btn-secondary px-2 py-1 text-xs" aria-label={`Edit ${p.title}`}>
                    Edit
                  </Link>
                  <Form method="post">
                    <input type="hidden" name="intent" value={p.retired ? "restore-problem" : "retire-problem"} />
                    <input type="hidden" name="problemId" value={p.id} />
                    <button
                      type="submit"
                      className={`${p.retired ? "btn-secondary" : "btn-danger"} px-2 py-1 text-xs`}
                      aria-label={`${p.retired ? "Offer again" : "Retire"} ${p.title}`}
                    >
                      {p.retired ? "Offer again" : "Retire"}
                    </button>
                  </Form>
                </span>
              ) : null}
              {canEditProblems && confirmRetire?.problemId === p.id && !p.retired ? <ConfirmRetireProblem facts={confirmRetire} /> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="judges-h" className="card">
        <h2 id="judges-h" className="h2">
          Judges ({judges.length})
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {event.judgesPerEntry === null
            ? "Every judge scores every submitted entry, except entries of their own team."
            : `Each submitted entry gets ${event.judgesPerEntry} ${event.judgesPerEntry === 1 ? "judge" : "judges"}, assigned automatically.`}{" "}
          <Link to={`/events/${event.slug}/judges`}>Invite links and assignments</Link>
        </p>
        <p className="mt-1 text-sm">
          <Link to={`/events/${event.slug}/judging-settings`}>Judging settings</Link> (blind judging, normalized ranking, judge names) ·{" "}
          <Link to={`/events/${event.slug}/awards`}>Awards</Link>
        </p>
        <ul className="mt-3 space-y-2 text-sm">
          {judges.map((j) => (
            <li key={j.id} className="flex flex-wrap items-center justify-between gap-2">
              <span>
                {j.name} ({j.email})
              </span>
              <Form method="post">
                <input type="hidden" name="intent" value="remove-judge" />
                <input type="hidden" name="userId" value={j.id} />
                <button type="submit" className="btn-danger px-2 py-1 text-xs" aria-label={`Remove ${j.name} as judge`}>
                  Remove
                </button>
              </Form>
              {confirmRemoveJudge?.userId === j.id ? <ConfirmRemoveJudge facts={confirmRemoveJudge} /> : null}
            </li>
          ))}
        </ul>
        <Form method="post" {...getFormProps(judgeForm)} className="mt-4 flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="add-judge" />
          <Field label="Add a judge by email" meta={judgeFields.email} type="email" className="min-w-64 flex-1" />
          <button type="submit" className="btn-secondary">
            Add judge
          </button>
        </Form>
      </section>

      <section aria-labelledby="teams-h" className="card">
        <h2 id="teams-h" className="h2">
          Teams ({teams.length})
        </h2>
        {teams.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No teams yet.</p>
        ) : (
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
                    <Link to={`/events/${event.slug}/teams/${t.id}`}>{t.name}</Link>
                  </td>
                  <td>{t.problemTitle}</td>
                  <td>{t.memberCount}</td>
                  <td>{t.entryStatus === "submitted" ? "Submitted" : "Draft"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="rubric-h" className="card">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="rubric-h" className="h2">
            Rubric (scale 1–{event.scaleMax})
          </h2>
          <Link to={`/events/${event.slug}/rubric`} className="btn-secondary">
            Edit rubric
          </Link>
        </div>
        <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm">
          {rubric.map((c) => (
            <li key={c.id}>
              <span className="font-semibold">{c.name}</span> (weight {c.weight}): {c.description}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="people-h" className="card">
        <h2 id="people-h" className="h2">
          Organizers and history
        </h2>
        <ul className="mt-2 space-y-2 text-sm">
          {organizers.map((o) => (
            <li key={o.id} className="flex items-center justify-between gap-2">
              <span>
                {o.name} ({o.email})
              </span>
              {organizers.length > 1 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove-organizer" />
                  <input type="hidden" name="userId" value={o.id} />
                  <button type="submit" className="btn-danger px-2 py-1 text-xs" aria-label={`Remove ${o.name} as organizer`}>
                    Remove
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        <Form method="post" {...getFormProps(organizerForm)} className="mt-4 flex flex-wrap items-end gap-3">
          <input type="hidden" name="intent" value="add-organizer" />
          <Field label="Add a co-organizer by email" meta={organizerFields.email} type="email" className="min-w-64 flex-1" />
          <button type="submit" className="btn-secondary">
            Add organizer
          </button>
        </Form>
        {history.length > 0 ? (
          <ul className="mt-3 space-y-1 text-sm text-slate-700">
            {history.map((h, i) => (
              <li key={i}>
                {formatInZone(h.at, event.timezone)}: {h.by} moved {phaseLabels[h.from]} → {phaseLabels[h.to]}
                {h.reason ? ` (${h.reason})` : ""}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
