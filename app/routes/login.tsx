import { getFormProps, useForm } from "~/lib/form";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormErrors } from "~/components/forms";
import { SsoButton } from "~/components/sso-button";
import { env } from "~/env.server";
import { parseForm } from "~/lib/forms.server";
import { Honeypot, isHoneypotFilled } from "~/lib/honeypot";
import { lazySchemas } from "~/lib/lazy-schemas";
import { attemptSignIn } from "~/modules/auth/attempts.server";
import { requireAnonymous } from "~/modules/auth/guards.server";
import { safeRedirect, signInSchema } from "~/modules/auth/schemas";
import { startSession } from "~/modules/auth/session.server";
import { pageTitle } from "~/lib/page-title";

const check = lazySchemas(() => import("~/modules/auth/schemas"));

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Sign in");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const { oidc, passwordLogin } = env();
  return { ssoLabel: oidc?.buttonLabel ?? null, passwordLogin };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await request.formData();
  const submission = parseForm(formData, { schema: signInSchema });
  if (isHoneypotFilled(formData))
    return data({ result: submission.reply({ formErrors: ["That request looked automated."], hideFields: ["password"] }) }, { status: 400 });
  if (!env().passwordLogin)
    return data(
      { result: submission.reply({ formErrors: ["Password sign-in is turned off here. Sign in with your company account."], hideFields: ["password"] }) },
      { status: 403 },
    );
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const signedIn = await attemptSignIn(submission.value.email, submission.value.password, context?.clientIp);
  if (!signedIn.ok)
    return data(
      { result: submission.reply({ formErrors: [signedIn.message], hideFields: ["password"] }) },
      { status: signedIn.status, headers: signedIn.status === 503 ? { "Retry-After": "5" } : undefined },
    );
  return redirect(safeRedirect(submission.value.redirectTo), { headers: { "Set-Cookie": await startSession(signedIn.userId) } });
}

// A page sent here because nobody is signed in: a link opened signed out, or a session that ended (signed out elsewhere).
// Not after confirming an address signed out (`confirmed`), which the toast explains.
const TO_SEE_THAT_PAGE = "Sign in to see that page: you are not signed in, or your session has ended.";
const sentFromAPage = (params: URLSearchParams) => params.has("redirectTo") && !params.has("confirmed");

export default function SignIn() {
  const lastResult = useActionData<typeof action>()?.result;
  const { ssoLabel, passwordLogin } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => check(formData, (s) => s.signInSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const ssoCard = ssoLabel ? (
    <div className="card mt-6">
      <SsoButton label={ssoLabel} redirectTo={searchParams.get("redirectTo")} />
    </div>
  ) : null;
  if (!passwordLogin)
    return (
      <div className="mx-auto max-w-md">
        <h1 className="h1">Sign in</h1>
        {sentFromAPage(searchParams) ? <p className="mt-2 text-slate-700">{TO_SEE_THAT_PAGE}</p> : null}
        {ssoCard}
      </div>
    );
  return (
    <div className="mx-auto max-w-md">
      <h1 className="h1">Sign in</h1>
      {sentFromAPage(searchParams) ? <p className="mt-2 text-slate-700">{TO_SEE_THAT_PAGE}</p> : null}
      {ssoCard}
      <Form method="post" {...getFormProps(form)} className="card mt-6 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Honeypot />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <Field label="Email" meta={fields.email} type="email" autoComplete="email" />
        <Field label="Password" meta={fields.password} type="password" autoComplete="current-password" />
        <p className="-mt-2 text-right text-sm">
          <Link to="/forgot-password">Forgot password?</Link>
        </p>
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <p className="text-sm text-slate-700">
          New here? <Link to={`/signup?${searchParams}`}>Create an account</Link>
        </p>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
