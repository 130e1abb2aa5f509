// A real OpenID provider for tests (oidc-provider, the certified library), started in-process on a free
// port by the integration tests and by the browser test's own server. Its sign-in page takes any email:
//   - the login is both the subject and the email, verified, in no group;
//   - a local part starting with "organizer" puts the person in the ORGANIZER_GROUP;
//   - "unverified" anywhere in it sends email_verified: false; a local part starting with "noemail" sends no email;
//   - `accounts` overrides any of this per login.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";

export const TEST_CLIENT = { clientId: "problem-first", clientSecret: "test-client-secret-0123456789" };
export const ORGANIZER_GROUP = "hack-organizers";

type TestAccount = { email?: string; email_verified?: boolean; name?: string; groups?: string[] };

export type TestProvider = { issuer: string; port: number; accounts: Map<string, TestAccount>; close: () => Promise<void> };

function accountFor(login: string, accounts: Map<string, TestAccount>): TestAccount {
  const local = login.split("@")[0];
  const derived: TestAccount = {
    email: local.startsWith("noemail") ? undefined : login,
    email_verified: !login.includes("unverified"),
    name: local.replace(/[-_.]+/g, " ").replace(/\b\w/g, (c) => c.toUpperCase()),
    groups: local.startsWith("organizer") ? [ORGANIZER_GROUP] : [],
  };
  return { ...derived, ...accounts.get(login) };
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Starts the provider. `appOrigins` are the apps it may send people back to (their /auth/sso/callback and
 * /login); `issuer` lets a test declare a different issuer than the address it listens on.
 */
export async function startTestProvider(opts: { appOrigins: string[]; port?: number; host?: string; issuer?: string }): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = opts.issuer ?? `http://${opts.host ?? "localhost"}:${port}`;
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });

  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_CLIENT.clientId,
        client_secret: TEST_CLIENT.clientSecret,
        redirect_uris: opts.appOrigins.map((o) => `${o}/auth/sso/callback`),
        post_logout_redirect_uris: opts.appOrigins.map((o) => `${o}/login`),
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" } as never] },
    cookies: { keys: ["test-provider-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // A first-party client: no consent screen, the grant is made as the person signs in.
    loadExistingGrant: async (ctx) => {
      const { Grant } = ctx.oidc.provider;
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return Grant.find(grantId);
      const grant = new Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => {
        const { email, email_verified, name, groups } = accountFor(id, accounts);
        return { sub: id, ...(email ? { email, email_verified } : {}), name, groups };
      },
    }),
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = page("Provider error", `<p>${escape(String(out.error))}: ${escape(String(out.error_description ?? ""))}</p>`);
    },
  };
  const provider = new Provider(issuer, configuration);
  const providerCallback = provider.callback();

  server.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const match = url.pathname.match(/^\/interaction\/([^/]+)(\/login|\/abort)?$/);
    if (!match) return providerCallback(req, res);
    interaction(req, res, match[1], match[2]).catch((error: unknown) => {
      res.statusCode = 400;
      res.end(page("Interaction failed", `<p>${escape(String(error))}</p>`));
    });
  });

  async function interaction(req: http.IncomingMessage, res: http.ServerResponse, uid: string, step: string | undefined) {
    if (step === "/abort") {
      return provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "End-User aborted interaction" },
        { mergeWithLastSubmission: false },
      );
    }
    if (step === "/login" && req.method === "POST") {
      const body = new URLSearchParams(await readBody(req));
      const login = (body.get("login") ?? "").trim();
      return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    }
    await provider.interactionDetails(req, res);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(
      page(
        "Test provider sign-in",
        `<form method="post" action="/interaction/${uid}/login"><label for="login">Login</label> <input id="login" name="login" type="text" required autofocus>` +
          ` <button type="submit">Sign in at the provider</button></form><p><a href="/interaction/${uid}/abort">Cancel</a></p>`,
      ),
    );
  }

  return {
    issuer,
    port,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

async function logoutSource(ctx: { body?: unknown }, form: string) {
  ctx.body = page(
    "Sign out of the test provider?",
    `${form}<button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>` +
      `<button type="submit" form="op.logoutForm">No, stay signed in</button>`,
  );
}

async function postLogoutSuccessSource(ctx: { body?: unknown }) {
  ctx.body = page("Signed out of the test provider", "<p>You are signed out.</p>");
}
