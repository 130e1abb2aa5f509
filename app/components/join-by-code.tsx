// The event page's "Have an invite code?" form. The event page loads it lazily: only people who may join and
// have no team see it, and it brings the form library (about 10 kB gzipped; its zod check comes later still, ADR 043).
// Rendered on the server in place (imported statically there); in the browser it hydrates once its chunk arrives,
// and works as a plain GET form before that.
import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { Field } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";

const check = lazySchemas(() => import("~/modules/teams/schemas"));

export default function JoinByCodeForm({ eventSlug, lastResult }: { eventSlug: string; lastResult?: SubmissionResult<string[]> }) {
  const [joinForm, joinFields] = useForm({
    id: "join",
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.joinSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <Form method="get" action={`/events/${eventSlug}`} {...getFormProps(joinForm)} className="space-y-2">
      <Field label="Have an invite code?" meta={joinFields.code} autoComplete="off" />
      <button type="submit" className="btn-secondary">
        Find team
      </button>
    </Form>
  );
}
