import { getFormProps, useForm } from "~/lib/form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { env } from "~/env.server";
import { Field, FormErrors } from "~/components/forms";
import { SsoButton } from "~/components/sso-button";
import { parseForm } from "~/lib/forms.server";
import { Honeypot, isHoneypotFilled } from "~/lib/honeypot";
import { lazySchemas } from "~/lib/lazy-schemas";
import { hit, limits, tooManyMessage } from "~/lib/rate-limit.server";
import { appOrigin } from "~/lib/urls.server";
import { signUpSentMessage } from "~/modules/auth/email-verification";
import { signUp } from "~/modules/auth/email-verification.server";
import { signUpServerSchema } from "~/modules/auth/password-strength.server";
import { requireAnonymous, requirePasswordLogin } from "~/modules/auth/guards.server";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/auth/schemas"));

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Sign up");

export async function loader({ request }: LoaderFunctionArgs) {
  requirePasswordLogin();
  await requireAnonymous(request);
  // With single sign-on, the first SSO sign-in creates the account too.
  return { ssoLabel: env().oidc?.buttonLabel ?? null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  requirePasswordLogin();
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseForm(formData, { schema: signUpServerSchema });
  if (isHoneypotFilled(formData))
    return data({ result: submission.reply({ formErrors: ["That request looked automated."], hideFields: ["password"] }), sentTo: null }, { status: 400 });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }), sentTo: null }, { status: 400 });
  const perIp = await hit(`signup:${context?.clientIp ?? "unknown"}`, limits.signUpPerIp);
  if (!perIp.allowed)
    return data(
      { result: submission.reply({ formErrors: [tooManyMessage(perIp.retryAfterSeconds)], hideFields: ["password"] }), sentTo: null },
      { status: 429 },
    );
  // A new address and one that has an account get the same page (ADR 028): nobody signs in from here.
  const signedUp = await signUp(submission.value, appOrigin(request));
  if (!signedUp.ok)
    return data(
      { result: submission.reply({ fieldErrors: { [signedUp.field]: [signedUp.message] }, hideFields: ["password"] }), sentTo: null },
      { status: 400 },
    );
  return { result: submission.reply({ resetForm: true }), sentTo: submission.value.email, redirectTo: submission.value.redirectTo ?? "" };
}

export default function SignUp() {
  const actionData = useActionData<typeof action>();
  const lastResult = actionData?.result;
  const { ssoLabel } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.signUpSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (actionData?.sentTo)
    return (
      <div className="mx-auto max-w-md">
        <h1 className="h1">Check your email</h1>
        <div className="card mt-6 space-y-3" role="status">
          <p>{signUpSentMessage}</p>
          <p className="text-sm text-slate-700">
            Sent to <strong className="break-all">{actionData.sentTo}</strong>. Nothing arrived? Check your spam folder; once signed in you can send the link
            again.
          </p>
          <p className="text-sm">
            <Link to={`/login?${new URLSearchParams(actionData.redirectTo ? { redirectTo: actionData.redirectTo } : {})}`}>Go to sign in</Link>
          </p>
        </div>
      </div>
    );
  return (
    <div className="mx-auto max-w-md">
      <h1 className="h1">Create your account</h1>
      <p className="mt-2 text-slate-700">Join your company's AI hackathons: post problems, build, judge, and learn from every attempt.</p>
      {ssoLabel ? (
        <div className="card mt-6">
          <SsoButton label={ssoLabel} redirectTo={searchParams.get("redirectTo")} />
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Honeypot />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field label="Name" meta={fields.name} autoComplete="name" />
        <Field label="Work email" meta={fields.email} type="email" autoComplete="email" />
        <Field
          label="Password"
          meta={fields.password}
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters, not a common password, and not your name or email. A passphrase of four or more unrelated words works well."
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Creating account…" : "Create account"}
        </button>
        <p className="text-sm text-slate-700">
          Already have an account? <Link to={`/login?${searchParams}`}>Sign in</Link>
        </p>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
