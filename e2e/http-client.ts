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

  async get(path: string) {
    const res = await fetch(this.base + path, { headers: { Cookie: this.cookieHeader() }, redirect: "manual" });
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

export async function signUpOver(http: HttpClient, name: string, email: string) {
  return http.post("/signup", { name, email, password: PASSWORD, redirectTo: "/" });
}

export async function signInOver(http: HttpClient, email: string, password = "problem-first-demo") {
  const res = await http.post("/login", { email, password, redirectTo: "/" });
  if (res.status !== 302) throw new Error(`sign-in as ${email} answered ${res.status}`);
}
