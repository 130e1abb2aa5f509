import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithToast } from "~/lib/toast.server";
import { confirmEmailChange, emailChangeDone, findEmailChange } from "~/modules/auth/email-change.server";
import { getOptionalUser } from "~/modules/auth/guards.server";
import { pageTitle } from "~/lib/page-title";

// same-origin: the token never leaves in a Referer (as on the other mailed links, ADR 028).
export const meta: MetaFunction = ({ error }) => [...pageTitle(error, () => "Change your email"), { name: "referrer", content: "same-origin" }];

// The link is the permission: it reached the new address. Opening it only shows a button, so a mail scanner that
// fetches links changes nothing; it never signs anyone in (ADR 065).
export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findEmailChange(params.token ?? "");
  if (found) return { valid: true as const, newEmail: found.newEmail, name: found.name, done: false };
  // Opened again after it worked (or its button pressed twice): say it is done, not that it failed.
  const done = await emailChangeDone(params.token ?? "");
  return data({ valid: false as const, newEmail: done?.newEmail ?? null, name: null, done: done !== null }, { status: done ? 200 : 404 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const changed = await confirmEmailChange(params.token ?? "");
  if (!changed.ok) return data({ refused: changed.reason }, { status: changed.reason === "taken" ? 409 : 404 });
  const user = await getOptionalUser(request);
  if (user?.id === changed.userId) return redirectWithToast("/account#email-h", `Your email address is now ${changed.newEmail}.`);
  return redirectWithToast("/login", `The account's email address is now ${changed.newEmail}: sign in with it.`);
}

export default function ConfirmEmailChange() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (actionData?.refused === "taken")
    return (
      <div className="mx-auto max-w-md">
        <h1 className="h1">That address has an account</h1>
        <div className="card mt-6 space-y-3">
          <p>
            <strong className="break-all">{loaderData.newEmail}</strong> belongs to another account now, so your address was not changed.
          </p>
          <p>
            Sign in to that account instead, or choose another address on <Link to="/account">your account page</Link>.
          </p>
        </div>
      </div>
    );
  if (loaderData.done)
    return (
      <div className="mx-auto max-w-md">
        <h1 className="h1">Your email address is changed</h1>
        <div className="card mt-6 space-y-3">
          <p>
            This link already did its work: the account&apos;s address is <strong className="break-all">{loaderData.newEmail}</strong>. Sign in with it from now
            on.
          </p>
          <p>
            <Link to="/account">Your account</Link>
          </p>
        </div>
      </div>
    );
  if (!loaderData.valid || actionData?.refused)
    return (
      <div className="mx-auto max-w-md">
        <h1 className="h1">This link no longer works</h1>
        <div className="card mt-6 space-y-3">
          <p>
            A link to change an email address works once, for a limited time. This one was already used, has expired, was cancelled (on the account page or by a
            password reset), or was never valid.
          </p>
          <p>
            If you opened it already, your address has changed: sign in with the new one. Otherwise ask again on <Link to="/account">your account page</Link>.
          </p>
        </div>
      </div>
    );
  return (
    <div className="mx-auto max-w-md">
      <h1 className="h1">Change your email</h1>
      <Form method="post" className="card mt-6 space-y-4">
        <p>
          Change the email address of {loaderData.name}&apos;s account to <strong className="break-all">{loaderData.newEmail}</strong>? You will sign in and get
          mail there.
        </p>
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Changing…" : "Change my email address"}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
