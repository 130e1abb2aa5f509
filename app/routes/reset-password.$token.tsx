import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { parseForm } from "~/lib/forms.server";
import { lazySchemas } from "~/lib/lazy-schemas";
import { redirectWithToast } from "~/lib/toast.server";
import { passwordWeakness } from "~/modules/auth/password-strength.server";
import { resetPasswordSchema } from "~/modules/auth/schemas";
import { findResetAccount, resetPassword } from "~/modules/auth/password-reset.server";
import { requirePasswordLogin } from "~/modules/auth/guards.server";
import { startSession } from "~/modules/auth/session.server";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/auth/schemas"));

// same-origin, not no-referrer: the token never leaves in a Referer, and a form post without JavaScript still
// carries this site as its Origin (no-referrer sends "null", which the same-origin check in server.mjs refuses).
export const meta: MetaFunction = ({ error }) => [...pageTitle(error, () => "Choose a new password"), { name: "referrer", content: "same-origin" }];

const expired = () => data({ valid: false as const, email: null }, { status: 404 });

// The link is the permission: anyone holding a usable one may set the password of its account.
export async function loader({ params }: LoaderFunctionArgs) {
  requirePasswordLogin();
  const account = await findResetAccount(params.token ?? "");
  if (!account) return expired();
  return { valid: true as const, email: account.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  requirePasswordLogin();
  const token = params.token ?? "";
  const account = await findResetAccount(token);
  if (!account) return data({ result: null, expired: true }, { status: 404 });
  // The same strength rule as sign-up, for this account's name and email.
  const schema = resetPasswordSchema.superRefine((v, ctx) => {
    const weakness = passwordWeakness(v.password, account);
    if (weakness) ctx.addIssue({ code: "custom", path: ["password"], message: weakness });
  });
  const submission = parseForm(await request.formData(), { schema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }), expired: false }, { status: 400 });
  const reset = await resetPassword(token, submission.value.password);
  if (!reset.ok) return data({ result: null, expired: true }, { status: 404 });
  return redirectWithToast("/", "Password changed. You are signed in here and signed out everywhere else.", {
    headers: { "Set-Cookie": await startSession(reset.userId) },
  });
}

export default function ResetPassword() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => check(formData, (s) => s.resetPasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (!loaderData.valid || actionData?.expired)
    return (
      <div className="mx-auto max-w-md">
        <h1 className="h1">This link no longer works</h1>
        <div className="card mt-6 space-y-3">
          <p>A reset link works once, for a limited time. This one was already used, has expired, or was never valid.</p>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </div>
      </div>
    );
  return (
    <div className="mx-auto max-w-md">
      <h1 className="h1">Choose a new password</h1>
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-4">
        <p className="text-slate-700">
          For <strong className="break-all">{loaderData.email}</strong>. Setting it signs this account out everywhere else.
        </p>
        <FormErrors id={form.errorId} errors={form.errors} />
        {/* Lets password managers save the new password under the right account. */}
        <input type="email" name="username" value={loaderData.email} autoComplete="username" readOnly hidden />
        <Field
          label="New password"
          meta={fields.password}
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters, not a common password, and not your name or email."
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Saving…" : "Set new password"}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
