import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { followUpStatuses, type FollowUpStatus } from "#db/enums";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import type { FollowUpAnswer } from "~/modules/follow-ups/follow-ups.server";
import { followUpSchema } from "~/modules/follow-ups/schemas";
import { followUpHints, followUpLabels, followUpPath } from "~/modules/follow-ups/words";

const statusStyle: Record<FollowUpStatus, string> = {
  adopted: "bg-emerald-100 text-emerald-900",
  piloted: "bg-sky-100 text-sky-900",
  parked: "bg-amber-100 text-amber-900",
  dropped: "bg-slate-200 text-slate-800",
};

/** What became of an entry, as a badge ("What happened next: Adopted in production" to a screen reader). */
export function FollowUpBadge({ status }: { status: FollowUpStatus }) {
  return (
    <span className={`inline-block whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${statusStyle[status]}`}>
      <span className="sr-only">What happened next: </span>
      {followUpLabels[status]}
    </span>
  );
}

type Metric = { metricName: string; metricUnit: string; metricBaseline: string; metricResult: string };

/** One answer: what happened, when and by whom, why, and the metric today. */
export function FollowUpAnswerView({ answer, metric }: { answer: FollowUpAnswer; metric: Pick<Metric, "metricName" | "metricUnit"> }) {
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <FollowUpBadge status={answer.status} />
        <span className="text-sm text-slate-700">
          Recorded {answer.recordedOn}
          {answer.recordedBy ? ` by ${answer.recordedBy}` : ""}
        </span>
      </p>
      <p className="whitespace-pre-line">{answer.why}</p>
      {answer.metricValue ? (
        <p className="text-sm text-slate-700">
          <strong>AI metric today:</strong> {metric.metricName ? `${metric.metricName}: ` : ""}
          {answer.metricValue}
          {metric.metricUnit ? ` ${metric.metricUnit}` : ""}
        </p>
      ) : null}
    </div>
  );
}

/** The entry page's "What happened next": the latest answer with its date, and a link to record one for those who may. */
export function FollowUpSection({
  eventSlug,
  entryId,
  latest,
  canRecord,
  metric,
}: {
  eventSlug: string;
  entryId: string;
  latest: FollowUpAnswer | null;
  canRecord: boolean;
  metric: Metric;
}) {
  return (
    <section aria-labelledby="follow-up-h" className="card space-y-3">
      <h2 id="follow-up-h" className="h2">
        What happened next
      </h2>
      {latest ? (
        <FollowUpAnswerView answer={latest} metric={metric} />
      ) : (
        <p className="text-sm text-slate-700">Nobody has recorded yet what became of this entry after the event.</p>
      )}
      {canRecord ? (
        <Link to={followUpPath(eventSlug, entryId)} className="btn-secondary">
          {latest ? "Update what happened" : "Record what happened"}
        </Link>
      ) : null}
    </section>
  );
}

/** The follow-up form: works as a plain post; with JavaScript it checks fields as people leave them. */
export function FollowUpForm({ latest, metric, lastResult }: { latest: FollowUpAnswer | null; metric: Metric; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: "follow-up",
    lastResult,
    defaultValue: latest ? { status: latest.status, why: latest.why, metricValue: latest.metricValue } : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: followUpSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const statusInvalid = Boolean(fields.status.errors?.length);
  const atEvent = [metric.metricBaseline && `baseline ${metric.metricBaseline}`, metric.metricResult && `result ${metric.metricResult}`]
    .filter(Boolean)
    .join(", ");
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-4">
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset aria-describedby={statusInvalid ? fields.status.errorId : undefined}>
        <legend className="label">What happened to it?</legend>
        <div className="mt-1 space-y-2">
          {followUpStatuses.map((status) => (
            <div key={status} className="flex items-start gap-2">
              <input
                type="radio"
                id={`${fields.status.id}-${status}`}
                name={fields.status.name}
                value={status}
                defaultChecked={fields.status.initialValue === status}
                aria-describedby={`${fields.status.id}-${status}-hint`}
                className="mt-1"
              />
              <div>
                <label htmlFor={`${fields.status.id}-${status}`} className="font-medium">
                  {followUpLabels[status]}
                </label>
                <p id={`${fields.status.id}-${status}-hint`} className="text-sm text-slate-700">
                  {followUpHints[status]}
                </p>
              </div>
            </div>
          ))}
        </div>
        <ErrorList id={fields.status.errorId} errors={fields.status.errors} />
      </fieldset>
      <TextareaField label="Why?" meta={fields.why} hint="What decided it: who uses it now, what stopped it, what it would need." />
      <Field
        label={`AI metric today${metric.metricName ? `: ${metric.metricName}` : ""}${metric.metricUnit ? ` (${metric.metricUnit})` : ""}`}
        meta={fields.metricValue}
        hint={`${atEvent ? `At the event: ${atEvent}. ` : ""}Leave it empty if nobody measures it now.`}
      />
      <button type="submit" className="btn-primary">
        Save what happened
      </button>
    </Form>
  );
}
