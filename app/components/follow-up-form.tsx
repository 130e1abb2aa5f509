// The follow-up form lives apart from the badges and views in follow-ups.tsx, so pages that only show
// follow-ups do not load the form library and zod (ADR 043).
import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form, useNavigation } from "@remix-run/react";
import { followUpStatuses } from "#db/enums";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import type { FollowUpAnswer } from "~/modules/follow-ups/follow-ups.server";
import { isMetricValue } from "~/modules/follow-ups/metric-value";
import { followUpHints, followUpLabels } from "~/modules/follow-ups/words";
import type { Metric } from "./follow-ups";

const check = lazySchemas(() => import("~/modules/follow-ups/schemas"));

/** The follow-up form: works as a plain post; with JavaScript it checks fields as people leave them. */
export function FollowUpForm({
  latest,
  edited,
  metric,
  lastResult,
}: {
  latest: FollowUpAnswer | null;
  /** What the person changed, by field: kept over `latest` when the form starts afresh for a newer one. */
  edited: Record<string, string>;
  metric: Metric;
  lastResult?: SubmissionResult<string[]>;
}) {
  // One answer per press: a second press while the first is on its way would record it twice.
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "follow-up",
    lastResult,
    // An answer saved before values had to be numbers starts the field empty rather than refused as it stands.
    defaultValue: {
      ...(latest && { status: latest.status, why: latest.why, metricValue: isMetricValue(latest.metricValue) ? latest.metricValue : "" }),
      ...edited,
    },
    onValidate: ({ formData }) => check(formData, (s) => s.followUpSchema),
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
      {/* The newest answer this page shows: one recorded or deleted meanwhile has the save refused, and shown. */}
      <input type="hidden" name={fields.newest.name} value={latest?.id ?? 0} />
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
        hint={`${atEvent ? `At the event: ${atEvent}. ` : ""}A number${metric.metricUnit ? ` in ${metric.metricUnit}` : ""}; leave it empty if nobody measures it now.`}
      />
      <button type="submit" className="btn-primary" disabled={busy}>
        Save what happened
      </button>
    </Form>
  );
}
