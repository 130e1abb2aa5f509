import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PhaseBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import { enforce } from "~/lib/http.server";
import { formatInZone } from "~/lib/time";
import { redirectWithToast } from "~/lib/toast.server";
import { canManageEvent } from "~/modules/auth/permissions";
import { requireEventAccess } from "~/modules/events/access.server";
import {
  addJudge,
  changePhase,
  listCriteria,
  listJudges,
  listOrganizers,
  listPhaseChanges,
  phaseStepsFor,
  removeJudge,
} from "~/modules/events/events.server";
import { phaseLabels } from "~/modules/events/phases";
import { addJudgeSchema, phaseChangeSchema } from "~/modules/events/schemas";
import { listProblems } from "~/modules/problems/problems.server";
import { listTeams } from "~/modules/teams/teams.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Manage ${data?.event.title ?? "event"} · Problem First` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const [steps, problems, rubric, judges, organizers, teamList, history] = await Promise.all([
    phaseStepsFor(event, new Date()),
    listProblems(event.id),
    listCriteria(event.id),
    listJudges(event.id),
    listOrganizers(event.id),
    listTeams(event.id),
    listPhaseChanges(event.id),
  ]);
  return { event, steps, problems, rubric, judges, organizers, teams: teamList, history };
}

type ActionResult = { intent: string; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, access } = await requireEventAccess(request, params.slug);
  enforce(canManageEvent(user, access));
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const back = `/events/${event.slug}/manage`;

  if (intent === "phase") {
    const submission = parseWithZod(formData, { schema: phaseChangeSchema });
    if (submission.status !== "success") return data<ActionResult>({ intent, result: submission.reply() }, { status: 400 });
    const changed = await changePhase(event, user.id, submission.value, new Date());
    if (!changed.ok) return data<ActionResult>({ intent, result: submission.reply({ fieldErrors: { [changed.field]: [changed.message] } }) }, { status: 400 });
    return redirectWithToast(back, `The event is now: ${phaseLabels[submission.value.to]}.`);
  }
  if (intent === "add-judge") {
    const submission = parseWithZod(formData, { schema: addJudgeSchema });
    if (submission.status !== "success") return data<ActionResult>({ intent, result: submission.reply() }, { status: 400 });
    const added = await addJudge(event.id, submission.value.email);
    if (!added.ok) return data<ActionResult>({ intent, result: submission.reply({ fieldErrors: { email: [added.message] } }) }, { status: 400 });
    return redirectWithToast(back, `${added.name} is now a judge of this event.`);
  }
  if (intent === "remove-judge") {
    await removeJudge(event.id, String(formData.get("userId") ?? ""));
    return redirectWithToast(back, "Judge removed. Scores they already gave are kept.");
  }
  throw data("Unknown action", { status: 400 });
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
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name={fields.confirmed.name} id={fields.confirmed.id} value="on" className="mt-1" aria-describedby={fields.confirmed.errors ? fields.confirmed.errorId : undefined} />
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

export default function ManageEvent() {
  const { event, steps, problems, rubric, judges, organizers, teams, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [judgeForm, judgeFields] = useForm({
    id: "add-judge",
    lastResult: actionData?.intent === "add-judge" ? actionData.result : undefined,
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

      <section aria-labelledby="phase-h" className="card">
        <h2 id="phase-h" className="h2">
          Phase: {phaseLabels[event.phase]}
        </h2>
        <p className="mt-1 text-sm text-slate-600">Draft → Open → Judging → Results published.</p>
        <div className="mt-4 space-y-6">
          {steps.map((step) => (
            <PhaseStepForm key={step.to} step={step} lastResult={actionData?.intent === "phase" ? actionData.result : undefined} />
          ))}
        </div>
      </section>

      <section aria-labelledby="problems-h" className="card">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="problems-h" className="h2">
            Business problems ({problems.length})
          </h2>
          {event.phase === "draft" || event.phase === "open" ? (
            <Link to={`/events/${event.slug}/problems/new`} className="btn-secondary">
              Add a problem
            </Link>
          ) : null}
        </div>
        <ul className="mt-3 space-y-1 text-sm">
          {problems.map((p) => (
            <li key={p.id}>
              <Link to={`/events/${event.slug}/problems/${p.id}`}>{p.title}</Link> · {p.teamCount} {p.teamCount === 1 ? "team" : "teams"}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="judges-h" className="card">
        <h2 id="judges-h" className="h2">
          Judges ({judges.length})
        </h2>
        <p className="mt-1 text-sm text-slate-600">Every judge scores every submitted entry, except entries of their own team.</p>
        <p className="mt-1 text-sm">
          <Link to={`/events/${event.slug}/judging-settings`}>Judging settings</Link> (blind judging, normalized ranking, judge names) ·{" "}
          <Link to={`/events/${event.slug}/awards`}>Awards</Link>
        </p>
        <ul className="mt-3 space-y-2 text-sm">
          {judges.map((j) => (
            <li key={j.id} className="flex items-center justify-between gap-2">
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
                <th scope="col" className="py-1">Team</th>
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
        <h2 id="rubric-h" className="h2">
          Rubric (scale 1–{event.scaleMax})
        </h2>
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
        <p className="mt-2 text-sm">{organizers.map((o) => o.name).join(", ")}</p>
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
