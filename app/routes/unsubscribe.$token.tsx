import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getOptionalUser } from "~/modules/auth/guards.server";
import { optOut } from "~/modules/mail/outbox.server";
import { readUnsubscribeToken } from "~/modules/mail/unsubscribe.server";
import { pageTitle } from "~/lib/page-title";

// same-origin, not no-referrer: the token never leaves in a Referer, and the button's post without JavaScript still
// carries this site as its Origin (no-referrer sends "null", which the same-origin check in server.mjs refuses).
export const meta: MetaFunction = ({ error }) => [...pageTitle(error, () => "Stop emails"), { name: "referrer", content: "same-origin" }];

// The signed link is the permission: it names one address and only this app can sign it.
function addressOf(token: string | undefined) {
  const email = readUnsubscribeToken(token ?? "");
  if (!email) throw data("This unsubscribe link is not valid. Use the link from the most recent email.", { status: 404 });
  return email;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const email = addressOf(params.token);
  // The owner of the address, signed in, can choose per kind instead of stopping everything; someone else signed in
  // (a forwarded mail) is not sent to their own preferences.
  return { email, isOwner: (await getOptionalUser(request))?.email === email };
}

/** The page's button and mail clients' one-click POST (RFC 8058: body "List-Unsubscribe=One-Click") both land here. */
export async function action({ params }: ActionFunctionArgs) {
  const email = addressOf(params.token);
  await optOut(email);
  return { stopped: email };
}

export default function Unsubscribe() {
  const { email, isOwner } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="h1">Stop emails</h1>
      <div className="card mt-6 space-y-3">
        {done ? (
          <p role="status">
            Done: <strong className="break-all">{done.stopped}</strong> gets no more notification emails. Security emails, such as password reset links you ask
            for, still arrive.
          </p>
        ) : (
          <Form method="post" className="space-y-3">
            <p>
              Stop notification emails to <strong className="break-all">{email}</strong>? Security emails, such as password reset links you ask for, still
              arrive.
            </p>
            <button type="submit" className="btn-primary">
              Stop emails
            </button>
          </Form>
        )}
        {isOwner ? (
          <p className="text-sm">
            To stop only some kinds of email, or to get them again, choose on{" "}
            <Link to="/account#email-notifications">your account page under “Email notifications”</Link>.
          </p>
        ) : null}
        <p className="text-sm">
          <Link to="/">Go to Problem First</Link>
        </p>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
