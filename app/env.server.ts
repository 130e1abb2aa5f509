import cluster from "node:cluster";
import { z } from "zod";
import { machineCores } from "../server-workers.mjs";
import { isAcceptableIssuer } from "~/modules/auth/sso";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .default("file:data/app.db")
    .refine((url) => /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/.test(url), {
      message: "DATABASE_URL must start with file:, libsql://, http(s):// or ws(s)://",
    }),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  // Signs the flash-message cookie. Sessions themselves live in the database.
  SESSION_SECRET: z.string().min(16, "SESSION_SECRET must be at least 16 characters").optional(),
  ALLOWED_EMAIL_DOMAINS: z.string().optional(),
  // Secure cookies default to on in production; turn off only for plain-http test setups.
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  // Where people open the app: absolute links (invites, digest) use it, never the request's Host header.
  APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s) address, like https://hack.example.com" }).optional(),
  // Mail goes out through this SMTP server; without it, messages wait in the outbox (ADR 015).
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// address, like smtp://user:password@mail.example.com:587" })
    .optional(),
  MAIL_FROM: z.string().trim().min(3, "MAIL_FROM must be an address, like Problem First <hack@example.com>").optional(),
  // The sender deletes sent outbox rows older than this; failed ones stay until an admin acts.
  OUTBOX_KEEP_SENT_DAYS: z.coerce
    .number({ error: "OUTBOX_KEEP_SENT_DAYS must be a whole number of days" })
    .int("OUTBOX_KEEP_SENT_DAYS must be a whole number of days")
    .min(1, "OUTBOX_KEEP_SENT_DAYS must be at least 1")
    .default(30),
  // How often the mail sender looks for outbox rows to deliver (ADR 015).
  MAIL_POLL_MS: z.coerce
    .number({ error: "MAIL_POLL_MS must be a number of milliseconds" })
    .int("MAIL_POLL_MS must be a whole number of milliseconds")
    .min(200, "MAIL_POLL_MS must be at least 200")
    .default(3_000),
  // How often scheduled work (reminders, scheduled announcements) looks for what is due (ADR 024).
  SCHEDULER_INTERVAL_MS: z.coerce
    .number({ error: "SCHEDULER_INTERVAL_MS must be a number of milliseconds" })
    .int("SCHEDULER_INTERVAL_MS must be a whole number of milliseconds")
    .min(200, "SCHEDULER_INTERVAL_MS must be at least 200")
    .default(30_000),
  // Where entry screenshots are stored (storage.server.ts).
  UPLOADS_DIR: z.string().min(1).default("data/uploads"),
  // Multiplies the sign-in and sign-up rate limits (the end-to-end suite signs in far more often than a person).
  RATE_LIMIT_SCALE: z.coerce.number({ error: "RATE_LIMIT_SCALE must be a number of at least 1" }).min(1, "RATE_LIMIT_SCALE must be at least 1").default(1),
  // Password hashes per server: how many at once (unset: half the cores), how many start per second, and how many
  // sign-ins may wait for one before more are refused (ADR 039). A server of several processes (WEB_CONCURRENCY,
  // ADR 050) shares each out among them.
  PASSWORD_HASH_CONCURRENCY: z.coerce
    .number({ error: "PASSWORD_HASH_CONCURRENCY must be a whole number of at least 1" })
    .int("PASSWORD_HASH_CONCURRENCY must be a whole number of at least 1")
    .min(1, "PASSWORD_HASH_CONCURRENCY must be a whole number of at least 1")
    .optional(),
  PASSWORD_HASHES_PER_SECOND: z.coerce
    .number({ error: "PASSWORD_HASHES_PER_SECOND must be a number above 0" })
    .positive("PASSWORD_HASHES_PER_SECOND must be a number above 0")
    .default(10),
  SIGN_IN_QUEUE: z.coerce
    .number({ error: "SIGN_IN_QUEUE must be a whole number" })
    .int("SIGN_IN_QUEUE must be a whole number")
    .min(0, "SIGN_IN_QUEUE must be 0 or more")
    .default(16),
  // Single sign-on with OpenID Connect; without OIDC_ISSUER nothing changes (ADR 016).
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "OIDC_ISSUER must be the provider's address, like https://login.example.com/realms/acme" }).optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1, "OIDC_CLIENT_ID must not be empty").optional(),
  OIDC_CLIENT_SECRET: z.string().min(1, "OIDC_CLIENT_SECRET must not be empty").optional(),
  OIDC_BUTTON_LABEL: z.string().trim().min(1).max(60, "OIDC_BUTTON_LABEL: use at most 60 characters").optional(),
  OIDC_ORGANIZER_GROUP: z.string().trim().min(1).optional(),
  OIDC_ADMIN_GROUP: z.string().trim().min(1).optional(),
  PASSWORD_LOGIN: z.enum(["true", "false"], { error: "PASSWORD_LOGIN must be true or false" }).default("true"),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  sessionSecret: string;
  allowedEmailDomains: string[];
  cookieSecure: boolean;
  /** Origin of APP_URL; unset only outside production (links then follow the request). */
  appUrl: string | undefined;
  /** Unset: mail stays in the outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Sent outbox rows older than this many days are deleted by the sender. */
  outboxKeepSentDays: number;
  /** How often the mail sender looks for mail to deliver. */
  mailPollMs: number;
  /** How often the scheduler runs the due work. */
  schedulerIntervalMs: number;
  uploadsDir: string;
  rateLimitScale: number;
  /** At most this many password hashes run at once in this process; the others wait (ADR 039). */
  passwordHashConcurrency: number;
  /** At most this many password hashes start per second in this process, on average. */
  passwordHashesPerSecond: number;
  /** Sign-ins beyond this many waiting for a hash in this process are refused at once ("try again in a few seconds"). */
  signInQueue: number;
  /** Unset: no single sign-on, the sign-in page is as before. */
  oidc: OidcSettings | undefined;
  /** False only beside single sign-on: the password form is gone, one-time links remain (ADR 016). */
  passwordLogin: boolean;
};

export type OidcSettings = {
  issuer: string;
  clientId: string;
  /** Unset: a public client, protected by PKCE alone. */
  clientSecret: string | undefined;
  buttonLabel: string;
  organizerGroup: string | undefined;
  adminGroup: string | undefined;
};

const names = Object.keys(schema.shape);
let cached: { raw: string; env: Env } | undefined;

/** The checked settings. Parsed again only when one of the variables changed (tests point UPLOADS_DIR elsewhere after start-up). */
export function env(): Env {
  const raw = JSON.stringify(names.map((name) => process.env[name]));
  if (cached?.raw !== raw) cached = { raw, env: readEnv(process.env) };
  return cached.env;
}

/**
 * `processes`: how many app processes share this server's settings, in a worker that server.mjs forked (WEB_CONCURRENCY,
 * ADR 050, which the first process sets to the count it forked); 1 otherwise.
 */
export function readEnv(source: Record<string, string | undefined>, processes = cluster.isWorker ? Math.max(1, Number(source.WEB_CONCURRENCY) || 1) : 1): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production" && !e.SESSION_SECRET) {
    throw new Error("Invalid environment:\n  SESSION_SECRET: required in production (npm start creates one in data/)");
  }
  if (e.NODE_ENV === "production" && !e.APP_URL) {
    throw new Error("Invalid environment:\n  APP_URL: required in production, the address people open (npm start uses http://localhost:PORT)");
  }
  return {
    nodeEnv: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    sessionSecret: e.SESSION_SECRET ?? "development-only-secret",
    allowedEmailDomains: parseDomains(e.ALLOWED_EMAIL_DOMAINS),
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === "true" : e.NODE_ENV === "production",
    appUrl: e.APP_URL ? new URL(e.APP_URL).origin : undefined,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? `Problem First <no-reply@${e.APP_URL ? new URL(e.APP_URL).hostname : "localhost"}>`,
    outboxKeepSentDays: e.OUTBOX_KEEP_SENT_DAYS,
    mailPollMs: e.MAIL_POLL_MS,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    uploadsDir: e.UPLOADS_DIR,
    rateLimitScale: e.RATE_LIMIT_SCALE,
    // Each process gets its share, at least one hash at a time: a sign-in flood then costs the machine what it would
    // cost one process, give or take that rounding.
    passwordHashConcurrency: Math.max(1, Math.floor((e.PASSWORD_HASH_CONCURRENCY ?? Math.max(1, Math.floor(machineCores() / 2))) / processes)),
    passwordHashesPerSecond: e.PASSWORD_HASHES_PER_SECOND / processes,
    signInQueue: Math.ceil(e.SIGN_IN_QUEUE / processes),
    ...readSingleSignOn(e),
  };
}

function readSingleSignOn(e: z.infer<typeof schema>): Pick<Env, "oidc" | "passwordLogin"> {
  const passwordLogin = e.PASSWORD_LOGIN === "true";
  if (!e.OIDC_ISSUER) {
    if (!passwordLogin) throw new Error("Invalid environment:\n  PASSWORD_LOGIN: false needs OIDC_ISSUER, or nobody could sign in");
    return { oidc: undefined, passwordLogin };
  }
  if (!isAcceptableIssuer(new URL(e.OIDC_ISSUER))) {
    throw new Error("Invalid environment:\n  OIDC_ISSUER: must be an https:// address (http:// only for localhost)");
  }
  if (!e.OIDC_CLIENT_ID) throw new Error("Invalid environment:\n  OIDC_CLIENT_ID: required with OIDC_ISSUER");
  return {
    passwordLogin,
    oidc: {
      // Kept as written: the ID token's `iss` must equal the issuer exactly, trailing slash included.
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      buttonLabel: e.OIDC_BUTTON_LABEL ?? "Sign in with your company account",
      organizerGroup: e.OIDC_ORGANIZER_GROUP,
      adminGroup: e.OIDC_ADMIN_GROUP,
    },
  };
}

function parseDomains(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
}
