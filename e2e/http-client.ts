import { createClient } from "@libsql/client";

// A minimal cookie-keeping HTTP client that posts forms the way a browser does (with Origin).
export class HttpClient {
  private cookies = new Map<string, string>();
  constructor(private base: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  /** `timeoutMs`: give up (throw) after this long rather than fetch's own five minutes. */
  async get(path: string, timeoutMs?: number) {
    const signal = timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined;
    const res = await fetch(this.base + path, { headers: { Cookie: this.cookieHeader() }, redirect: "manual", signal });
    this.keep(res);
    return res;
  }

  async post(path: string, form: Record<string, string>) {
    const res = await fetch(this.base + path, {
      method: "POST",
      headers: { Cookie: this.cookieHeader(), Origin: this.base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
      redirect: "manual",
    });
    this.keep(res);
    return res;
  }
}

const PASSWORD = "a-long-enough-passphrase";

/** Posts the sign-up form; the app answers 200 ("check your email") and signs nobody in (ADR 028). */
export async function signUpOver(http: HttpClient, name: string, email: string) {
  return http.post("/signup", { name, email, password: PASSWORD, redirectTo: "/" });
}

/**
 * A whole sign-up: the form, the confirmation link the app mailed (read from the outbox of `databaseFile`,
 * the database that app serves), its button, and a password sign-in.
 */
export async function signUpConfirmedOver(http: HttpClient, name: string, email: string, databaseFile: string) {
  const signedUp = await signUpOver(http, name, email);
  if (signedUp.status !== 200) throw new Error(`sign-up as ${email} answered ${signedUp.status}`);
  const db = createClient({ url: `file:${databaseFile}` });
  try {
    const [row] = (await db.execute({ sql: "select text_body from outbox where to_email = ? and kind = 'email-verification'", args: [email] })).rows;
    const path = String(row?.text_body ?? "").match(/\/verify-email\/[\w-]+/)?.[0];
    if (!path) throw new Error(`no confirmation link mailed to ${email}`);
    const confirmed = await http.post(path, {});
    if (confirmed.status !== 302) throw new Error(`confirming ${email} answered ${confirmed.status}`);
  } finally {
    db.close();
  }
  await signInOver(http, email, PASSWORD);
}

export async function signInOver(http: HttpClient, email: string, password = "problem-first-demo") {
  const res = await http.post("/login", { email, password, redirectTo: "/" });
  if (res.status !== 302) throw new Error(`sign-in as ${email} answered ${res.status}`);
}
