import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { ConfirmStep } from "~/components/confirm-step";
import { FormErrors, TextareaField } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";
import type { ConflictLoss } from "~/modules/judging/judging.server";

const check = lazySchemas(() => import("~/modules/judging/schemas"));

/**
 * A judge steps away from an entry they cannot judge fairly; it sits after the score sheet, the usual job. When that
 * deletes scores or comments already saved, the server answers first with a confirm step that counts them (ADR 012).
 */
export function ConflictForm({
  entryId,
  entryTitle,
  lastResult,
  confirm,
}: {
  entryId: string;
  entryTitle: string;
  lastResult?: SubmissionResult<string[]>;
  confirm?: ConflictLoss & { reason: string };
}) {
  const [form, fields] = useForm({
    id: `conflict-${entryId}`,
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.conflictSchema),
    // Tabbing past the conflict form after the sheet must not flag an empty reason.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  if (confirm)
    return (
      <section aria-labelledby={`conflict-${entryId}-h`} className="card space-y-3">
        <h2 id={`conflict-${entryId}-h`} className="h2">
          Conflict of interest?
        </h2>
        <ConfirmStep
          question={`Declare a conflict with ${entryTitle ? `“${entryTitle}”` : "this entry"}? ${lossSentence(confirm)} Withdrawing the conflict later brings the entry back to your queue, not what you saved.`}
          fields={{ intent: "conflict", reason: confirm.reason }}
          confirmLabel="Declare the conflict and delete what I saved"
          keepLabel="Keep what I saved"
        />
      </section>
    );
  return (
    <Form method="post" {...getFormProps(form)} className="card space-y-3">
      <h2 className="h2">Conflict of interest?</h2>
      <p className="text-sm text-slate-700">
        If you cannot judge this entry fairly, declare it: the entry leaves your queue, any scores you gave it are removed, and the organizers see your reason.
        You can withdraw it from your queue page until results are published.
      </p>
      <input type="hidden" name="intent" value="conflict" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField label="Reason for the conflict" meta={fields.reason} rows={2} />
      <button type="submit" className="btn-secondary">
        Declare a conflict
      </button>
    </Form>
  );
}

/** "Your 6 saved scores and your overall comment on it will be deleted, for good." (", from both rounds," after a final round) */
function lossSentence({ scores, comments, rounds }: ConflictLoss) {
  const parts = [
    scores ? `your ${scores === 1 ? "saved score" : `${scores} saved scores`}` : "",
    comments ? `your ${comments === 1 ? "overall comment" : `${comments} overall comments`}` : "",
  ].filter(Boolean);
  const list = parts.join(" and ");
  return `${list[0].toUpperCase()}${list.slice(1)} on it${rounds > 1 ? ", from both rounds," : ""} will be deleted, for good.`;
}
