// Where the provider sends the browser back. Anyone may arrive here; only an answer that matches the flow
// this browser started (state, PKCE, nonce) and passes the account rules signs in.
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SsoFailure } from "~/components/sso-failure";
import { env } from "~/env.server";
import { invariantResponse } from "~/lib/http.server";
import { absoluteUrl } from "~/lib/urls.server";
import { startSession } from "~/modules/auth/session.server";
import { failureMessages, type SsoFailure as Failure } from "~/modules/auth/sso";
import { resolveSsoAccount } from "~/modules/auth/sso-accounts.server";
import { CALLBACK_PATH, clearFlowCookie, completeSignIn, signedInCookies } from "~/modules/auth/sso.server";
import { pageTitle } from "~/lib/page-title";

export const meta: MetaFunction = ({ error }) => pageTitle(error, () => "Single sign-on");

export async function loader({ request }: LoaderFunctionArgs) {
  const settings = env().oidc;
  invariantResponse(settings, "Single sign-on is not set up here.", 404);
  const completed = await completeSignIn(settings, request, absoluteUrl(request, CALLBACK_PATH));
  if (!completed.ok) return refuse(completed.failure);
  const account = await resolveSsoAccount(completed.claims, settings);
  if (!account.ok) return refuse(account.failure);
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(account.userId));
  for (const cookie of await signedInCookies(completed.idToken)) headers.append("Set-Cookie", cookie);
  return redirect(completed.redirectTo, { headers });
}

async function refuse(failure: Failure) {
  const { title, message, status } = failureMessages[failure];
  return data({ title, message }, { status, headers: { "Set-Cookie": await clearFlowCookie() } });
}

export default function SsoCallback() {
  return <SsoFailure {...useLoaderData<typeof loader>()} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
