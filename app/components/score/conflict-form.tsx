import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { TextareaField } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";

const check = lazySchemas(() => import("~/modules/judging/schemas"));

/** A judge steps away from an entry they cannot judge fairly; it sits after the score sheet, the usual job. */
export function ConflictForm({ entryId, lastResult }: { entryId: string; lastResult?: SubmissionResult<string[]> }) {
  const [form, fields] = useForm({
    id: `conflict-${entryId}`,
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.conflictSchema),
    // Tabbing past the conflict form after the sheet must not flag an empty reason.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-3">
      <h2 className="h2">Conflict of interest?</h2>
      <p className="text-sm text-slate-700">
        If you cannot judge this entry fairly, declare it: the entry leaves your queue, any scores you gave it are removed, and the organizers see your reason.
        You can withdraw it from your queue page until results are published.
      </p>
      <input type="hidden" name="intent" value="conflict" />
      <TextareaField label="Reason for the conflict" meta={fields.reason} rows={2} />
      <button type="submit" className="btn-secondary">
        Declare a conflict
      </button>
    </Form>
  );
}
