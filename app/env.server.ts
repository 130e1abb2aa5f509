import { z } from "zod";

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
};

let cached: Env | undefined;

export function env(): Env {
  cached ??= readEnv(process.env);
  return cached;
}

export function readEnv(source: Record<string, string | undefined>): Env {
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
  };
}

function parseDomains(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
}
