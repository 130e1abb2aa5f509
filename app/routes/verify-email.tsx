import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseForm } from "~/lib/forms.server";
import { tooManyMessage } from "~/lib/rate-limit.server";
import { redirectWithToast } from "~/lib/toast.server";
import { appOrigin } from "~/lib/urls.server";
import { VERIFY_VALID_HOURS } from "~/modules/auth/email-verification";
import { resendVerification } from "~/modules/auth/email-verification.server";
import { requireUser } from "~/modules/auth/guards.server";
import { resendSchema, safeRedirect } from "~/modules/auth/schemas";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Confirm your email");

// Only the signed-in person's own account, and only while its address is unconfirmed.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.emailVerified) throw redirect("/");
  return { email: user.email };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseForm(await request.formData(), { schema: resendSchema });
  if (submission.status !== "success") return data({ error: "That request was not understood." }, { status: 400 });
  const back = safeRedirect(submission.value.redirectTo, "/verify-email");
  // The page it was pressed on (an invite, say) is where the new link leads after confirming, as sign-up's does.
  const sent = await resendVerification(user.id, appOrigin(request), new Date(), submission.value.redirectTo);
  if (sent.ok) return redirectWithToast(back, `We sent a new link to ${user.email}. It works once, for ${VERIFY_VALID_HOURS} hours.`);
  if (sent.reason === "verified") return redirectWithToast(safeRedirect(submission.value.redirectTo), "Your email address is already confirmed.");
  return redirectWithToast(back, { kind: "error", message: tooManyMessage(sent.retryAfterSeconds) });
}

export default function VerifyEmail() {
  const { email } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-md">
      <h1 className="h1">Confirm your email</h1>
      <div className="card mt-6 space-y-3">
        <p>
          We sent a link to <strong className="break-all">{email}</strong>. Open it to confirm the address is yours. Until then you can browse, but not join or
          create a team, or be added as a judge or organizer.
        </p>
        <Form method="post">
          <button type="submit" className="btn-secondary">
            Send the link again
          </button>
        </Form>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
