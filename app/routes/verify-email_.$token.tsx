import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithToast } from "~/lib/toast.server";
import { findVerification, verifyEmail } from "~/modules/auth/email-verification.server";
import { getOptionalUser } from "~/modules/auth/guards.server";
import { safeRedirect } from "~/modules/auth/schemas";
import { pageTitle } from "~/lib/page-title";

// same-origin, not no-referrer: the token never leaves in a Referer, and a form post without JavaScript still
// carries this site as its Origin (no-referrer sends "null", which the same-origin check refuses).
export const meta: MetaFunction = ({ error }) => [...pageTitle(error, () => "Confirm your email"), { name: "referrer", content: "same-origin" }];

// The link is the permission: whoever holds a usable one confirms the address it was mailed to. Opening it
// only shows a button, so a mail scanner that fetches links confirms nothing; it never signs anyone in (ADR 028).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findVerification(params.token ?? "");
  // Where the person was going when they signed up (an invite link): the form sends it on, and sign-in leads there.
  const next = safeRedirect(new URL(request.url).searchParams.get("next"), "");
  if (found) return { valid: true as const, email: found.email, confirmedAlready: false, next };
  // A used link opened again by someone signed in whose address is confirmed (often by that very link): nothing to do.
  const user = await getOptionalUser(request);
  return data({ valid: false as const, email: null, confirmedAlready: Boolean(user?.emailVerified) }, { status: 404 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const verified = await verifyEmail(params.token ?? "");
  if (!verified.ok) return data({ confirmed: false }, { status: 404 });
  const user = await getOptionalUser(request);
  const next = safeRedirect(String((await request.formData()).get("next") ?? ""), "");
  if (user?.id === verified.userId) return redirectWithToast(next || "/", "Email address confirmed. You can join teams now.");
  // Someone signed in who opened another person's link (a shared computer): the address is theirs, not this account's.
  if (user)
    return redirectWithToast(
      "/",
      "That email address is confirmed, for another account than the one signed in here. Its owner can sign in and join teams now.",
    );
  // `confirmed`: the sign-in page then does not also say the person's session has ended; the toast says why they are there.
  return redirectWithToast(
    next ? `/login?${new URLSearchParams({ redirectTo: next, confirmed: "1" })}` : "/login",
    "Email address confirmed. Sign in to join a team.",
  );
}

export default function ConfirmEmail() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (!loaderData.valid || actionData?.confirmed === false)
    return (
      <div className="mx-auto max-w-md">
        <h1 className="h1">This link no longer works</h1>
        <div className="card mt-6 space-y-3">
          <p>A confirmation link works once, for a limited time. This one was already used, has expired, or was never valid.</p>
          {loaderData.confirmedAlready ? (
            <p>
              Your email address is already confirmed: there is nothing left to do. <Link to="/">Go to the events</Link>
            </p>
          ) : (
            <p>
              If you confirmed your address with it already, there is nothing left to do: just sign in. Otherwise sign in and use{" "}
              <strong>Send the link again</strong> for a new one. <Link to="/login">Sign in</Link>
            </p>
          )}
        </div>
      </div>
    );
  return (
    <div className="mx-auto max-w-md">
      <h1 className="h1">Confirm your email</h1>
      <Form method="post" className="card mt-6 space-y-4">
        <p>
          Confirm that <strong className="break-all">{loaderData.email}</strong> is your address.
        </p>
        {loaderData.next ? <input type="hidden" name="next" value={loaderData.next} /> : null}
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Confirming…" : "Confirm my email"}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
