import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { OutcomeBadge } from "~/components/badges";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors } from "~/components/forms";
import { enforce, invariantResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { canScoreEntry } from "~/modules/auth/permissions";
import { getEntry } from "~/modules/entries/entries.server";
import { rootCauseLabels } from "~/modules/entries/schemas";
import { requireEventAccess } from "~/modules/events/access.server";
import { listCriteria } from "~/modules/events/events.server";
import { judgeScores, saveScores } from "~/modules/judging/judging.server";
import { scoreSheetSchema } from "~/modules/judging/schemas";

export const meta: MetaFunction = () => [{ title: "Score entry · Problem First" }];

async function requireScorer(request: Request, params: LoaderFunctionArgs["params"]) {
  const ctx = await requireEventAccess(request, params.slug);
  const found = await getEntry(ctx.event.id, params.entryId ?? "");
  invariantResponse(found, "Entry not found", 404);
  enforce(canScoreEntry(ctx.user, ctx.access, found.entry));
  return { ...ctx, found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, event, found } = await requireScorer(request, params);
  const [rubric, mine] = await Promise.all([listCriteria(event.id), judgeScores(found.entry.id, user.id)]);
  return { event: { slug: event.slug, title: event.title, scaleMax: event.scaleMax }, entry: found.entry, teamName: found.teamName, problemTitle: found.problemTitle, rubric, mine };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, event, found } = await requireScorer(request, params);
  const rubric = await listCriteria(event.id);
  const schema = scoreSheetSchema(rubric.map((c) => c.id), event.scaleMax);
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await saveScores(found.entry.id, user.id, submission.value.scores, new Date());
  return redirectWithToast(`/events/${event.slug}/judging`, `Scores saved for ${found.entry.title}.`);
}

export default function ScoreEntry() {
  const { event, entry, teamName, problemTitle, rubric, mine } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>()?.result;
  const schema = scoreSheetSchema(rubric.map((c) => c.id), event.scaleMax);
  const byCriterion = new Map(mine.map((s) => [s.criterionId, s]));
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      scores: rubric.map((c) => ({ criterionId: c.id, value: byCriterion.get(c.id)?.value?.toString() ?? "", comment: byCriterion.get(c.id)?.comment ?? "" })),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const levels = Array.from({ length: event.scaleMax }, (_, i) => i + 1);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <article className="space-y-4">
        <p className="text-sm text-slate-600">
          <Link to={`/events/${event.slug}/judging`}>← Judging queue</Link>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="h1">{entry.title}</h1>
          <OutcomeBadge outcome={entry.outcome} />
        </div>
        <p>{entry.summary}</p>
        <p className="text-sm text-slate-700">
          {teamName} · {problemTitle}
        </p>
        <div className="card space-y-2 text-sm">
          <h2 className="h2">Approach</h2>
          <p className="whitespace-pre-line">{entry.approach}</p>
          <h2 className="h2 pt-2">AI metric</h2>
          <p>
            {entry.metricName}: baseline {entry.metricBaseline || "—"} → target {entry.metricTarget || "—"} → result {entry.metricResult || "—"} {entry.metricUnit}
          </p>
          <h2 className="h2 pt-2">Post-mortem</h2>
          <p>
            <strong>Worked:</strong> {entry.pmWorked}
          </p>
          <p>
            <strong>Did not work:</strong> {entry.pmDidNotWork}
          </p>
          <p>
            <strong>Root cause:</strong> {entry.pmRootCause ? rootCauseLabels[entry.pmRootCause] : "—"} {entry.pmRootCauseOther}
          </p>
          <p>
            <strong>Differently:</strong> {entry.pmDifferently}
          </p>
          <p>
            <strong>Next steps:</strong> {entry.pmNextSteps}
          </p>
        </div>
      </article>
      <Form method="post" {...getFormProps(form)} className="card space-y-5">
        <h2 className="h2">Your scores (1 = poor, {event.scaleMax} = excellent)</h2>
        <FormErrors id={form.errorId} errors={form.errors} />
        <ErrorList id={fields.scores.errorId} errors={fields.scores.errors} />
        {fields.scores.getFieldList().map((item, i) => {
          const f = item.getFieldset();
          const criterion = rubric[i];
          return (
            <fieldset key={item.key} className="space-y-2 border-t border-slate-100 pt-3" aria-describedby={f.value.errors ? f.value.errorId : undefined}>
              <legend className="font-semibold">
                {criterion.name} <span className="text-xs font-normal text-slate-600">(weight {criterion.weight})</span>
              </legend>
              <p className="text-sm text-slate-700">{criterion.description}</p>
              <input type="hidden" name={f.criterionId.name} value={criterion.id} />
              <div className="flex flex-wrap gap-2">
                {levels.map((level) => (
                  <label key={level} className="flex items-center gap-1 rounded border border-slate-300 px-3 py-1 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
                    <input type="radio" name={f.value.name} value={level} defaultChecked={f.value.initialValue === String(level)} />
                    {level}
                  </label>
                ))}
              </div>
              <ErrorList id={f.value.errorId} errors={f.value.errors} />
              <label htmlFor={f.comment.id} className="label">
                Comment on {criterion.name} (optional)
              </label>
              <textarea {...getTextareaProps(f.comment)} rows={2} className="input" />
              <ErrorList id={f.comment.errorId} errors={f.comment.errors} />
            </fieldset>
          );
        })}
        <button type="submit" className="btn-primary">
          Save scores
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
