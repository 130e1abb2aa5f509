import { getFormProps, useForm } from "~/lib/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { parseForm } from "~/lib/forms.server";
import { Honeypot, isHoneypotFilled } from "~/lib/honeypot";
import { lazySchemas } from "~/lib/lazy-schemas";
import { tooManyMessage } from "~/lib/rate-limit.server";
import { appOrigin } from "~/lib/urls.server";
import { getOptionalUser, requireAnonymous, requirePasswordLogin } from "~/modules/auth/guards.server";
import { resetRequestedMessage } from "~/modules/auth/password-reset";
import { forgotPasswordSchema } from "~/modules/auth/schemas";
import { requestPasswordReset } from "~/modules/auth/password-reset.server";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/auth/schemas"));

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Forgot password");

export async function loader({ request }: LoaderFunctionArgs) {
  requirePasswordLogin();
  // Signed in (someone following "Not you? Choose a new password" from the mail about a change of address): the
  // account page changes the password, and shows and cancels the change waiting.
  if (await getOptionalUser(request)) throw redirect("/account#password-h");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePasswordLogin();
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseForm(formData, { schema: forgotPasswordSchema });
  if (isHoneypotFilled(formData)) return data({ result: submission.reply({ formErrors: ["That request looked automated."] }), sent: false }, { status: 400 });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  const requested = await requestPasswordReset(submission.value.email, appOrigin(request), context?.clientIp);
  if (!requested.ok) return data({ result: submission.reply({ formErrors: [tooManyMessage(requested.retryAfterSeconds)] }), sent: false }, { status: 429 });
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => check(formData, (s) => s.forgotPasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="h1">Forgot your password?</h1>
      {actionData?.sent ? (
        <div className="card mt-6 space-y-3" role="status">
          <p>{resetRequestedMessage}</p>
          <p className="text-sm text-slate-700">Nothing arrived? Check your spam folder, or ask an admin for a reset link.</p>
          <p className="text-sm">
            <Link to="/login">Back to sign in</Link>
          </p>
        </div>
      ) : (
        <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-4">
          <p className="text-slate-700">Enter the email address of your account and we will mail you a link to choose a new password.</p>
          <FormErrors id={form.errorId} errors={form.errors} />
          <Honeypot />
          <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
          <button type="submit" className="btn-primary w-full" disabled={busy}>
            {busy ? "Sending…" : "Send reset link"}
          </button>
          <p className="text-sm text-slate-700">
            Remembered it? <Link to="/login">Sign in</Link>
          </p>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
