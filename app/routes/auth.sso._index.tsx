// Starts single sign-on: a plain link (GET), so it works without JavaScript and no form posts to the provider.
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoFailure } from "~/components/sso-failure";
import { env } from "~/env.server";
import { invariantResponse } from "~/lib/http.server";
import { hit, limits, tooManyMessage } from "~/lib/rate-limit.server";
import { absoluteUrl } from "~/lib/urls.server";
import { requireAnonymous } from "~/modules/auth/guards.server";
import { failureMessages } from "~/modules/auth/sso";
import { beginSignIn, CALLBACK_PATH } from "~/modules/auth/sso.server";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Single sign-on");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const settings = env().oidc;
  invariantResponse(settings, "Single sign-on is not set up here.", 404);
  await requireAnonymous(request);
  const perIp = await hit(`sso:${context?.clientIp ?? "unknown"}`, limits.ssoStartPerIp);
  if (!perIp.allowed) return data({ title: "Too many sign-in attempts", message: tooManyMessage(perIp.retryAfterSeconds) }, { status: 429 });
  const started = await beginSignIn(settings, absoluteUrl(request, CALLBACK_PATH), new URL(request.url).searchParams.get("redirectTo"));
  if (!started.ok) {
    const { title, message, status } = failureMessages[started.failure];
    return data({ title, message }, { status });
  }
  return redirect(started.url, { headers: { "Set-Cookie": started.setCookie } });
}

export default function SsoStart() {
  return <SsoFailure {...useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
