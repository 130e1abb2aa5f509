// A one-time sign-in link printed by `npm run user:sign-in-link` (break-glass, ADR 016). The link is the
// permission; the page asks before using it, so a link preview or prefetch never spends it.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { invariantResponse } from "~/lib/http.server";
import { startSession } from "~/modules/auth/session.server";
import { findSignInLink, redeemSignInLink } from "~/modules/auth/sign-in-links.server";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "One-time sign-in");

const invalid = "This sign-in link is not valid: it was already used or has expired. Ask for a new one.";

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await findSignInLink(params.token ?? "");
  invariantResponse(link, invalid, 404);
  return { name: link.name };
}

export async function action({ params }: ActionFunctionArgs) {
  const userId = await redeemSignInLink(params.token ?? "");
  invariantResponse(userId, invalid, 404);
  return redirect("/", { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function OneTimeSignIn() {
  const { name } = useLoaderData<typeof loader>();
  // The link works once: a second press while the first signs in would be told it was already used.
  const busy = useNavigation().state !== "idle";
  return (
    <div className="mx-auto max-w-md">
      <h1 className="h1">One-time sign-in</h1>
      <Form method="post" className="card mt-6 space-y-4">
        <p>This link signs you in as {name}, once. It stops working after you use it.</p>
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          Sign in as {name}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
