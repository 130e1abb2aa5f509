// HTTP helpers shared by the benchmark scripts (bench-app.ts, bench-archive.ts): start the production
// server on a database of its own, sign in, and drive a page with keep-alive connections.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
export const CONNECTIONS = 10;

export type Bench = {
  port: number;
  base: string;
  /** `env`: settings added to the server's environment. */
  startServer(env?: Record<string, string>): Promise<ChildProcess>;
  signIn(email: string): Promise<string>;
  get(path: string, cookie: string): Promise<number>;
  load(
    path: string | ((n: number) => string),
    cookie: string,
    seconds?: number,
  ): Promise<{ rps: number; p50: number; p95: number; errors: number; latencies: number[] }>;
};

/** `cwd`: where server.mjs and its build are, when not here (a checkout of an earlier commit, to measure beside this one). */
export function bench(port: number, db: string, cwd?: string): Bench {
  const base = `http://localhost:${port}`;

  async function startServer(extraEnv: Record<string, string> = {}) {
    const child = spawn(process.execPath, ["server.mjs"], {
      cwd,
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(port),
        DATABASE_URL: `file:${db}`,
        SESSION_SECRET: "bench-secret-0123456789abcdef",
        APP_URL: base,
        REQUEST_LOG: "false",
        RATE_LIMIT_SCALE: "1000",
        // One process unless a benchmark asks for more (ADR 050).
        WEB_CONCURRENCY: "1",
        ...extraEnv,
      },
      stdio: "ignore",
    });
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) return child;
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("server did not start");
  }

  async function signIn(email: string) {
    const res = await fetch(`${base}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
      body: new URLSearchParams({ email, password: "problem-first-demo", redirectTo: "/" }),
      redirect: "manual",
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("pf_session="));
    if (!cookie) throw new Error(`sign-in failed for ${email}`);
    return cookie.split(";")[0];
  }

  // Plain keep-alive HTTP; answers are not decompressed: the load generator should cost less than the server.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  function get(path: string, cookie: string) {
    return new Promise<number>((resolve, reject) => {
      // Browsers ask for compressed answers, so the server pays for compression here as it does for them.
      const req = http.get({ host: "localhost", port, path, agent, headers: { Cookie: cookie, "Accept-Encoding": "gzip, deflate, br" } }, (res) => {
        res.on("data", () => {});
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
    });
  }

  /**
   * CONNECTIONS loops requesting `path` for SECONDS: requests per second and latency percentiles.
   * `path` may be a function of the request's number, to make every request a different one.
   */
  async function load(path: string | ((n: number) => string), cookie: string, seconds = SECONDS) {
    let n = 0;
    const latencies: number[] = [];
    let errors = 0;
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          if ((await get(typeof path === "string" ? path : path(n++), cookie)) !== 200) errors++;
          latencies.push(performance.now() - t);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return { rps: latencies.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors, latencies };
  }

  return { port, base, startServer, signIn, get, load };
}

/** The p-th percentile of an ascending list (nearest rank, as bench-app.ts has always computed it). */
export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One table row: label, req/s, p50, p95 and the share of the bare route's req/s. */
export function pageRow(label: string, r: { rps: number; p50: number; p95: number; errors: number }, bare: number, width = 26) {
  return (
    label.padEnd(width) +
    r.rps.toFixed(0).padStart(9) +
    r.p50.toFixed(1).padStart(9) +
    r.p95.toFixed(1).padStart(9) +
    `  ${((r.rps / bare) * 100).toFixed(0)}%` +
    (r.errors ? `  (${r.errors} non-200)` : "")
  );
}
