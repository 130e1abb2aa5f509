// The account page's "Email address" section (ADR 065): the address, a change waiting for its link, and the form
// that asks for one. Loaded after the page's own code (ADR 043): few people change their address.
import { getFormProps, useForm, type SubmissionResult } from "~/lib/form";
import { Form } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { lazySchemas } from "~/lib/lazy-schemas";

const check = lazySchemas(() => import("~/modules/auth/schemas"));

export function ChangeEmail({
  email,
  pending,
  noPassword,
  lastResult,
  resetKey,
}: {
  email: string;
  pending: { newEmail: string; expires: string } | null;
  /** Why there is no form: the account has no password to confirm the change with. */
  noPassword: string | null;
  lastResult?: SubmissionResult<string[]>;
  /** Changes after each request sent, so the form starts empty again. */
  resetKey: number;
}) {
  const [form, fields] = useForm({
    id: `change-email-${resetKey}`,
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.changeEmailSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <section aria-labelledby="email-h" className="card space-y-4">
      <h2 id="email-h" className="h2">
        Email address
      </h2>
      <p className="text-slate-700">
        You sign in and get mail as <strong className="[overflow-wrap:anywhere]">{email}</strong>.
      </p>
      {pending ? (
        <Form method="post" className="space-y-2 rounded-md bg-sky-50 p-3 text-sm text-sky-900">
          <p role="status">
            Waiting for you to open the link we sent to <strong className="[overflow-wrap:anywhere]">{pending.newEmail}</strong>: it expires {pending.expires}.
            Until then your address stays as it is.
          </p>
          <button type="submit" name="intent" value="cancel-email-change" className="btn-secondary px-2 py-1 text-xs">
            Cancel the change
          </button>
        </Form>
      ) : null}
      {noPassword ? (
        <p className="text-sm text-slate-700">{noPassword}</p>
      ) : (
        <Form key={resetKey} method="post" {...getFormProps(form)} className="space-y-4">
          <input type="hidden" name="intent" value="change-email" />
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            label="New email address"
            meta={fields.newEmail}
            type="email"
            autoComplete="email"
            hint="We send a link there; your address changes when you open it."
          />
          <Field
            label="Your password"
            meta={fields.currentPassword}
            type="password"
            autoComplete="current-password"
            hint="The one you sign in with: it confirms the change is yours."
          />
          <button type="submit" className="btn-secondary">
            Send the link to the new address
          </button>
        </Form>
      )}
    </section>
  );
}
