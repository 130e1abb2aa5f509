// The OpenID Connect flow (ADR 016): authorization code with PKCE, state and nonce, through openid-client,
// which checks the ID token's signature, issuer, audience, expiry and nonce. This file only establishes
// who the person is; the session that follows is the same lucia session a password sign-in starts.
import { createCookie } from "@remix-run/node";
import * as oidc from "openid-client";
import { z } from "zod";
import { env, type OidcSettings } from "~/env.server";
import { safeRedirect } from "./schemas";
import { readGroups, type SsoClaims, type SsoFailure } from "./sso";

export const CALLBACK_PATH = "/auth/sso/callback";
const SCOPE = "openid email profile";
// A person has this long between leaving for the provider and coming back.
const FLOW_SECONDS = 10 * 60;
// Seconds to wait for the provider before showing "not answering".
const PROVIDER_TIMEOUT_SECONDS = 10;

const flowSchema = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), redirectTo: z.string() });
type Flow = z.infer<typeof flowSchema>;

// Signed, so a browser cannot swap in a state or nonce of its choosing; scoped to the SSO routes.
const flowCookie = () =>
  createCookie("pf_sso_flow", {
    path: "/auth/sso",
    httpOnly: true,
    sameSite: "lax",
    secure: env().cookieSecure,
    secrets: [env().sessionSecret],
    maxAge: FLOW_SECONDS,
  });

// The ID token, kept for the provider's sign-out (id_token_hint). Its presence also says "this browser signed in with SSO".
const idTokenCookie = () =>
  createCookie("pf_sso_id", { path: "/", httpOnly: true, sameSite: "lax", secure: env().cookieSecure, secrets: [env().sessionSecret], maxAge: 30 * 86_400 });

const configurations = new Map<string, Promise<oidc.Configuration>>();

/** The provider's discovered configuration, fetched once per process; a failed discovery is retried on the next sign-in. */
function configuration(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = JSON.stringify([settings.issuer, settings.clientId, settings.clientSecret]);
  let found = configurations.get(key);
  if (!found) {
    const insecure = new URL(settings.issuer).protocol === "http:"; // only ever localhost: env.server.ts refuses others
    found = oidc.discovery(
      new URL(settings.issuer),
      settings.clientId,
      settings.clientSecret ? { client_secret: settings.clientSecret } : undefined,
      settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None(),
      { timeout: PROVIDER_TIMEOUT_SECONDS, execute: insecure ? [oidc.allowInsecureRequests] : [] },
    );
    configurations.set(key, found);
    found.catch(() => configurations.delete(key));
  }
  return found;
}

export type Started = { ok: true; url: string; setCookie: string } | { ok: false; failure: SsoFailure };

/** Where to send the browser to sign in, and the signed cookie that remembers state, nonce and PKCE verifier. */
export async function beginSignIn(settings: OidcSettings, redirectUri: string, redirectTo: string | null): Promise<Started> {
  let config: oidc.Configuration;
  try {
    config = await configuration(settings);
  } catch (error) {
    return { ok: false, failure: classify(error) };
  }
  const flow: Flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), redirectTo: safeRedirect(redirectTo) };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
  });
  return { ok: true, url: url.href, setCookie: await flowCookie().serialize(flow) };
}

export type Completed = { ok: true; claims: SsoClaims; idToken: string; redirectTo: string } | { ok: false; failure: SsoFailure };

/**
 * Checks the provider's answer against the flow this browser started (state, then the code exchange with
 * PKCE and nonce) and returns the verified claims. Every failure is named; nothing throws.
 */
export async function completeSignIn(settings: OidcSettings, request: Request, redirectUri: string): Promise<Completed> {
  const parsed = flowSchema.safeParse(await flowCookie().parse(request.headers.get("Cookie")));
  if (!parsed.success) return { ok: false, failure: "flow-expired" };
  const flow = parsed.data;
  const params = new URL(request.url).searchParams;
  if (params.get("state") !== flow.state) return { ok: false, failure: "state-mismatch" };
  if (params.get("error")) return { ok: false, failure: params.get("error") === "access_denied" ? "cancelled" : "provider-error" };
  // The answer is checked against the address registered with the provider, not the Host this request came in on.
  const callback = new URL(redirectUri);
  callback.search = params.toString();
  try {
    const config = await configuration(settings);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) return { ok: false, failure: "invalid-response" };
    // Many providers put email and groups only in userinfo; the ID token's own claims win where both have one.
    const userinfo = config.serverMetadata().userinfo_endpoint ? await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub) : {};
    return { ok: true, claims: readClaims(settings.issuer, { ...userinfo, ...idClaims }), idToken: tokens.id_token, redirectTo: flow.redirectTo };
  } catch (error) {
    return { ok: false, failure: classify(error) };
  }
}

function readClaims(issuer: string, claims: Record<string, unknown>): SsoClaims {
  const email = typeof claims.email === "string" && claims.email.includes("@") ? claims.email.trim().toLowerCase() : undefined;
  return {
    issuer,
    subject: String(claims.sub),
    email,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === "string" ? claims.name : undefined,
    groups: readGroups(claims.groups),
  };
}

/** Names what went wrong from what openid-client threw. */
function classify(error: unknown): SsoFailure {
  if (error instanceof oidc.AuthorizationResponseError) return error.error === "access_denied" ? "cancelled" : "provider-error";
  // invalid_grant: the code was already used, has expired, or was issued for another verifier.
  if (error instanceof oidc.ResponseBodyError) return error.error === "invalid_grant" ? "code-rejected" : "provider-error";
  if (error instanceof oidc.ClientError) {
    // Network failures and timeouts come wrapped; a provider that answers with garbage is as good as down.
    if (error.code === "OAUTH_RESPONSE_IS_NOT_JSON" || error.code === "OAUTH_RESPONSE_IS_NOT_CONFORM") return "provider-down";
    if (isNetworkError(error.cause)) return "provider-down";
    console.warn(`[sso] the provider's answer was refused: ${error.code ?? ""} ${error.message}`);
    return "invalid-response";
  }
  if (isNetworkError(error)) return "provider-down";
  console.warn(`[sso] unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
  return "invalid-response";
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === "TimeoutError" || error.name === "AbortError" || (error instanceof TypeError && /fetch failed/i.test(error.message));
}

/** Set-Cookie headers after a successful sign-in: forget the flow, remember the ID token for sign-out. */
export async function signedInCookies(idToken: string): Promise<string[]> {
  return [await flowCookie().serialize("", { maxAge: 0 }), await idTokenCookie().serialize(idToken)];
}

/** Set-Cookie header that forgets an unfinished flow. */
export function clearFlowCookie(): Promise<string> {
  return flowCookie().serialize("", { maxAge: 0 });
}

/**
 * Where to send a browser that signs out here: the provider's end-session endpoint (RP-initiated logout)
 * when this browser signed in with SSO and the provider has one; otherwise null. Also the header that
 * forgets the ID token.
 */
export async function providerSignOut(
  settings: OidcSettings | undefined,
  request: Request,
  postLogoutRedirectUri: string,
): Promise<{ url: string | null; setCookie: string }> {
  const setCookie = await idTokenCookie().serialize("", { maxAge: 0 });
  const idToken = await idTokenCookie().parse(request.headers.get("Cookie"));
  if (!settings || typeof idToken !== "string" || !idToken) return { url: null, setCookie };
  try {
    const config = await configuration(settings);
    if (!config.serverMetadata().end_session_endpoint) return { url: null, setCookie };
    const url = oidc.buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri });
    return { url: url.href, setCookie };
  } catch {
    // The provider is down: the local session is over all the same.
    return { url: null, setCookie };
  }
}
