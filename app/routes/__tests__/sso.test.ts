// Single sign-on against a real OpenID provider (oidc-provider, in-process): the start and callback routes,
// the flow's checks (state, PKCE, nonce, issuer, one-time codes) and the account rules (ADR 016).
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailChanges, passwordResets, sessions, userIdentities, users } from "#db/schema";
import { db } from "~/db.server";
import { ORGANIZER_GROUP, startTestProvider, TEST_CLIENT, type TestProvider } from "~/test/oidc-provider";
import { readEnv } from "~/env.server";
import { checkCredentials, createAccount } from "~/modules/auth/accounts.server";
import { confirmEmailChange } from "~/modules/auth/email-change.server";
import { linkAndConfirm } from "~/modules/auth/sso-accounts.server";
import { hashToken, newToken } from "~/lib/tokens.server";
import { NO_PASSWORD_HASH } from "~/modules/auth/password.server";
import { createSignInLink } from "~/modules/auth/sign-in-links.server";
import { cookieHeader, createUser, PASSWORD, request, sessionCookie, settle, setCookies } from "~/test/fixtures";
import { action as useLink } from "../auth.link.$token";
import { loader as start } from "../auth.sso._index";
import { loader as callback } from "../auth.sso.callback";
import { action as signInWithPassword, loader as signInPage } from "../login";
import { action as logout } from "../logout";
import { loader as signUpPage } from "../signup";

let provider: TestProvider;
const saved = { ...process.env };

function configure(overrides: Record<string, string | undefined> = {}) {
  for (const name of ["OIDC_ISSUER", "OIDC_ORGANIZER_GROUP", "OIDC_ADMIN_GROUP", "ALLOWED_EMAIL_DOMAINS", "PASSWORD_LOGIN"]) delete process.env[name];
  Object.assign(process.env, {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: TEST_CLIENT.clientId,
    OIDC_CLIENT_SECRET: TEST_CLIENT.clientSecret,
    ...overrides,
  });
  for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete process.env[name];
}

beforeAll(async () => {
  provider = await startTestProvider({ appOrigins: ["http://localhost"] });
});
afterAll(async () => {
  process.env = saved;
  await provider.close();
});
beforeEach(() => configure());

let ip = 0;
/** Starts sign-in through the route: the provider's authorization URL and the flow cookie. */
async function begin(redirectTo = "") {
  const outcome = await settle(
    start({
      request: request(`/auth/sso${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`),
      params: {},
      context: { clientIp: `10.9.0.${ip++}` },
    }),
  );
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  return { authUrl: outcome.response!.headers.get("Location")!, flowCookie: cookieHeader(setCookies(outcome.response!)[0]) };
}

/** Plays the person at the provider's pages (a cookie jar and its sign-in form) until it sends them back. */
async function atProvider(authUrl: string, login: string, choice: "sign-in" | "cancel" = "sign-in"): Promise<string> {
  const jar = new Map<string, string>();
  let url = authUrl;
  let body: string | undefined;
  for (let step = 0; step < 12; step++) {
    const res = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0];
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (next.pathname === "/auth/sso/callback") return next.href;
      url = next.href;
      body = undefined;
      continue;
    }
    const html = await res.text();
    const target = choice === "cancel" ? html.match(/href="([^"]*\/abort)"/)?.[1] : html.match(/action="([^"]*\/login)"/)?.[1];
    if (!target) throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
    url = new URL(target, url).href;
    body = choice === "cancel" ? undefined : new URLSearchParams({ login }).toString();
  }
  throw new Error("the provider never sent the browser back");
}

function finish(callbackUrl: string, flowCookie: string) {
  const url = new URL(callbackUrl);
  return settle(callback({ request: request(url.pathname + url.search, { cookie: flowCookie }), params: {}, context: {} }));
}

async function signIn(login: string, redirectTo = "") {
  const { authUrl, flowCookie } = await begin(redirectTo);
  return finish(await atProvider(authUrl, login), flowCookie);
}

const userByEmail = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];
const identitiesOf = (userId: string) => db.select().from(userIdentities).where(eq(userIdentities.userId, userId));
const titleOf = (outcome: { data: unknown }) => (outcome.data as { title: string }).title;
const unique = (local: string) => `${local}-${crypto.randomUUID().slice(0, 8)}@example.com`;

describe("single sign-on: signing in", () => {
  it("sends the browser to the provider with PKCE, state and nonce", async () => {
    const { authUrl, flowCookie } = await begin();
    const url = new URL(authUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    for (const p of ["code_challenge", "state", "nonce"]) expect(url.searchParams.get(p)).toBeTruthy();
    expect(url.searchParams.get("redirect_uri")).toBe("http://localhost/auth/sso/callback");
    expect(flowCookie).toMatch(/^pf_sso_flow=/);
  });

  it("creates the account at the first sign-in from verified claims, and signs the same person in again later", async () => {
    const email = unique("ada");
    const first = await signIn(email, "/archive");
    expect(first.status).toBe(302);
    expect(first.response!.headers.get("Location")).toBe("/archive");
    expect(setCookies(first.response!).some((c) => c.startsWith("pf_session="))).toBe(true);
    const user = await userByEmail(email);
    expect(user).toMatchObject({ role: "member", name: expect.stringMatching(/^Ada /), emailVerifiedAt: expect.any(Date) });
    expect(await identitiesOf(user.id)).toEqual([expect.objectContaining({ issuer: provider.issuer, subject: email })]);

    const again = await signIn(email);
    expect(again.status).toBe(302);
    expect((await db.select().from(users).where(eq(users.email, email))).length).toBe(1);
  });

  it("links an existing password account when the provider verified the email", async () => {
    const existing = await createUser({ email: unique("linked") });
    const outcome = await signIn(existing.email);
    expect(outcome.status).toBe(302);
    expect(await identitiesOf(existing.id)).toHaveLength(1);
  });

  it("linking an account whose address was never confirmed confirms it and drops the password and sessions whoever signed up set (ADR 028)", async () => {
    const email = unique("squatted");
    const created = await createAccount({ name: "Squatter", email, password: PASSWORD, emailVerified: false });
    if (!created.ok) throw new Error(created.message);
    await sessionCookie(created.userId);
    expect(await signIn(email)).toMatchObject({ status: 302 });
    const user = await userByEmail(email);
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user.passwordHash).toBe(NO_PASSWORD_HASH);
    // Only the session the SSO sign-in just started is left.
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });

  it("linking a squatted account spends the change of address its squatter asked for, which would take it over", async () => {
    const email = unique("boss");
    const created = await createAccount({ name: "Squatter", email, password: PASSWORD, emailVerified: false });
    if (!created.ok) throw new Error(created.message);
    // The squatter asked to move the account to an address they read; its link reached them.
    const token = newToken();
    const alias = unique("alias");
    const expiresAt = new Date(Date.now() + 3_600_000);
    await db.insert(emailChanges).values({ tokenHash: hashToken(token), userId: created.userId, newEmail: alias, expiresAt });
    await db.insert(passwordResets).values({ tokenHash: hashToken(newToken()), userId: created.userId, expiresAt });
    // The address's real owner signs in with the provider for the first time.
    expect(await signIn(email)).toMatchObject({ status: 302 });
    expect(await db.select().from(emailChanges).where(eq(emailChanges.userId, created.userId))).toEqual([]);
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "unusable" });
    expect((await userByEmail(email)).id).toBe(created.userId);
    expect(
      await db
        .select()
        .from(passwordResets)
        .where(and(eq(passwordResets.userId, created.userId), isNull(passwordResets.usedAt))),
    ).toEqual([]);
  });

  it("links nothing, and confirms nothing, when the account's address moved between the look-up and the link", async () => {
    const email = unique("moved");
    const created = await createAccount({ name: "Squatter", email, password: PASSWORD, emailVerified: false });
    if (!created.ok) throw new Error(created.message);
    // The squatter's change of address was confirmed a moment before the provider's sign-in is linked.
    await db
      .update(users)
      .set({ email: unique("alias") })
      .where(eq(users.id, created.userId));
    const claims = { issuer: provider.issuer, subject: unique("subject"), email, emailVerified: true, name: "Real Owner", groups: [] };
    expect(await linkAndConfirm(claims, created.userId)).toBe(false);
    expect(await identitiesOf(created.userId)).toHaveLength(0);
    const [row] = await db.select().from(users).where(eq(users.id, created.userId));
    expect(row.emailVerifiedAt).toBeNull();
    expect(row.passwordHash).not.toBe(NO_PASSWORD_HASH);
  });

  it("a change of address never moves an account only single sign-on opens", async () => {
    const sso = await createUser({ email: unique("sso-only") });
    await db.update(users).set({ passwordHash: NO_PASSWORD_HASH }).where(eq(users.id, sso.id));
    const token = newToken();
    await db
      .insert(emailChanges)
      .values({ tokenHash: hashToken(token), userId: sso.id, newEmail: unique("elsewhere"), expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "unusable" });
    expect((await userByEmail(sso.email)).id).toBe(sso.id);
  });

  it("an account only single sign-on opens refuses every password, even the one behind the timing's stand-in hash", async () => {
    const sso = await createUser({ email: unique("sso-password") });
    await db.update(users).set({ passwordHash: NO_PASSWORD_HASH }).where(eq(users.id, sso.id));
    for (const password of [PASSWORD, NO_PASSWORD_HASH, "not-a-real-password-at-all"]) expect(await checkCredentials(sso.email, password)).toBeNull();
  });

  it("never takes over an existing account on an unverified email", async () => {
    const existing = await createUser({ email: unique("unverified") });
    const outcome = await signIn(existing.email);
    expect(outcome.status).toBe(403);
    expect(titleOf(outcome)).toBe("We could not link your account");
    expect(await identitiesOf(existing.id)).toHaveLength(0);
  });

  it("refuses an email outside ALLOWED_EMAIL_DOMAINS, and a provider that sends no email", async () => {
    configure({ ALLOWED_EMAIL_DOMAINS: "acme.test" });
    const outside = await signIn(unique("outsider"));
    expect(outside.status).toBe(403);
    expect(titleOf(outside)).toBe("This email domain is not allowed");
    configure();
    const noEmail = await signIn(unique("noemail"));
    expect(noEmail.status).toBe(403);
    expect(titleOf(noEmail)).toBe("Your company account has no email address");
  });

  it("maps the organizer group to the organizer role at each sign-in", async () => {
    configure({ OIDC_ORGANIZER_GROUP: ORGANIZER_GROUP });
    const email = unique("organizer");
    expect((await signIn(email)).status).toBe(302);
    expect((await userByEmail(email)).role).toBe("organizer");
    provider.accounts.set(email, { groups: [] });
    expect((await signIn(email)).status).toBe(302);
    expect((await userByEmail(email)).role).toBe("member");
  });
});

describe("single sign-on: the flow's checks", () => {
  it("refuses a callback whose state was tampered with", async () => {
    const { authUrl, flowCookie } = await begin();
    const back = new URL(await atProvider(authUrl, unique("state")));
    back.searchParams.set("state", "forged-state");
    const outcome = await finish(back.href, flowCookie);
    expect(outcome.status).toBe(400);
    expect(titleOf(outcome)).toBe("That sign-in did not start here");
  });

  it("refuses a callback without this browser's flow cookie, or with a forged one", async () => {
    const { authUrl, flowCookie } = await begin();
    const back = await atProvider(authUrl, unique("cookie"));
    expect(titleOf(await finish(back, ""))).toBe("That sign-in expired");
    const [name, value] = flowCookie.split("=");
    expect(titleOf(await finish(back, `${name}=${value.slice(0, -4)}AAAA`))).toBe("That sign-in expired");
  });

  it("refuses a replayed authorization code", async () => {
    const { authUrl, flowCookie } = await begin();
    const back = await atProvider(authUrl, unique("replay"));
    expect((await finish(back, flowCookie)).status).toBe(302);
    const replayed = await finish(back, flowCookie);
    expect(replayed.status).toBe(400);
    expect(titleOf(replayed)).toBe("That sign-in link was already used or expired");
  });

  it("refuses an ID token whose nonce is not this flow's", async () => {
    const { authUrl, flowCookie } = await begin();
    const swapped = new URL(authUrl);
    swapped.searchParams.set("nonce", "a-nonce-from-another-flow");
    const outcome = await finish(await atProvider(swapped.href, unique("nonce")), flowCookie);
    expect(outcome.status).toBe(400);
    expect(titleOf(outcome)).toBe("The sign-in could not be verified");
  });

  it("refuses a provider whose discovery names another issuer", async () => {
    configure({ OIDC_ISSUER: provider.issuer.replace("localhost", "127.0.0.1") });
    const outcome = await settle(start({ request: request("/auth/sso"), params: {}, context: { clientIp: "10.9.1.1" } }));
    expect(outcome.status).toBe(400);
    expect(titleOf(outcome)).toBe("The sign-in could not be verified");
  });

  it("says the provider is down when it does not answer", async () => {
    configure({ OIDC_ISSUER: "http://localhost:9" });
    const outcome = await settle(start({ request: request("/auth/sso"), params: {}, context: { clientIp: "10.9.1.2" } }));
    expect(outcome.status).toBe(502);
    expect(titleOf(outcome)).toBe("The sign-in provider is not answering");
  });

  it("says the person cancelled when they did", async () => {
    const { authUrl, flowCookie } = await begin();
    const outcome = await finish(await atProvider(authUrl, "", "cancel"), flowCookie);
    expect(outcome.status).toBe(400);
    expect(titleOf(outcome)).toBe("Sign-in cancelled");
  });

  it("rate-limits starting sign-in per address", async () => {
    const starts = [];
    for (let i = 0; i < 31; i++) starts.push(await settle(start({ request: request("/auth/sso"), params: {}, context: { clientIp: "10.9.2.1" } })));
    expect(starts.slice(0, 30).every((s) => s.status === 302)).toBe(true);
    expect(starts[30].status).toBe(429);
  });

  it("answers 404 on both routes when no issuer is configured", async () => {
    configure({ OIDC_ISSUER: undefined });
    expect((await settle(start({ request: request("/auth/sso"), params: {}, context: {} }))).status).toBe(404);
    expect((await settle(callback({ request: request("/auth/sso/callback?code=x&state=y"), params: {}, context: {} }))).status).toBe(404);
  });
});

describe("single sign-on: signing out", () => {
  it("ends the local session and sends an SSO browser to the provider's sign-out", async () => {
    const signedIn = await signIn(unique("logout"));
    const cookies = setCookies(signedIn.response!).map(cookieHeader).join("; ");
    const outcome = await settle(logout({ request: request("/logout", { cookie: cookies, method: "POST" }), params: {}, context: {} }));
    const location = new URL(outcome.response!.headers.get("Location")!);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get("id_token_hint")).toBeTruthy();
    expect(location.searchParams.get("post_logout_redirect_uri")).toBe("http://localhost/login");
    expect(setCookies(outcome.response!).some((c) => /^pf_session=;/.test(c))).toBe(true);
  });
});

describe("the SSO button", () => {
  it("shows on the sign-in and sign-up pages beside the password forms, and on neither without an issuer", async () => {
    const pages = async () => [
      (await settle(signInPage({ request: request("/login"), params: {}, context: {} }))).data,
      (await settle(signUpPage({ request: request("/signup"), params: {}, context: {} }))).data,
    ];
    expect(await pages()).toEqual([{ ssoLabel: "Sign in with your company account", passwordLogin: true }, { ssoLabel: "Sign in with your company account" }]);
    configure({ OIDC_ISSUER: undefined });
    expect(await pages()).toEqual([{ ssoLabel: null, passwordLogin: true }, { ssoLabel: null }]);
  });
});

describe("password sign-in turned off (PASSWORD_LOGIN=false)", () => {
  it("shows only the SSO button, refuses passwords and sign-up, and keeps one-time links working", async () => {
    configure({ PASSWORD_LOGIN: "false", OIDC_BUTTON_LABEL: "Sign in with Acme" });
    const user = await createUser();
    expect((await settle(signInPage({ request: request("/login"), params: {}, context: {} }))).data).toEqual({
      ssoLabel: "Sign in with Acme",
      passwordLogin: false,
    });
    const refused = await settle(
      signInWithPassword({ request: request("/login", { form: { email: user.email, password: PASSWORD } }), params: {}, context: { clientIp: "10.9.3.1" } }),
    );
    expect(refused.status).toBe(403);
    expect((await settle(signUpPage({ request: request("/signup"), params: {}, context: {} }))).response?.headers.get("Location")).toBe("/login");

    const link = await createSignInLink(user.email);
    const used = await settle(useLink({ request: request(`/auth/link/${link!.token}`, { method: "POST" }), params: { token: link!.token }, context: {} }));
    expect(used.status).toBe(302);
    expect(setCookies(used.response!).some((c) => c.startsWith("pf_session="))).toBe(true);
    const again = await settle(useLink({ request: request(`/auth/link/${link!.token}`, { method: "POST" }), params: { token: link!.token }, context: {} }));
    expect(again.status).toBe(404);
  });

  it("is refused at start without an issuer, as are an http issuer elsewhere than this machine and a missing client id", () => {
    expect(() => readEnv({ PASSWORD_LOGIN: "false" })).toThrow(/PASSWORD_LOGIN: false needs OIDC_ISSUER/);
    expect(() => readEnv({ OIDC_ISSUER: "http://id.acme.test", OIDC_CLIENT_ID: "x" })).toThrow(/OIDC_ISSUER: must be an https/);
    expect(() => readEnv({ OIDC_ISSUER: "https://id.acme.test" })).toThrow(/OIDC_CLIENT_ID: required/);
    expect(readEnv({}).oidc).toBeUndefined();
  });
});
