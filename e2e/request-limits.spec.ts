// server.mjs's own protections, against a real server process on a free port (ADR 009): body limits
// before Remix runs, proxy trust, HSTS, private pages and masked invite secrets in the request log.
import fs from "node:fs";
import http from "node:http";
import { expect } from "@playwright/test";
import { test } from "./helpers";
import { HttpClient, signInOver, signUpOver } from "./http-client";
import { freePort, prepareDatabase, startApp, type AppProcess } from "./servers";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

const MB = 1024 * 1024;
let app: AppProcess;
const databases: string[] = [];

function database(name: string) {
  const file = `data/e2e-limits-${name}.db`;
  prepareDatabase(file, { seed: false });
  databases.push(file);
  return file;
}

test.beforeAll(async () => {
  const port = await freePort();
  app = await startApp(port, database(String(port)), { REQUEST_LOG: "true" });
});
test.afterAll(async () => {
  await app?.stop();
  for (const file of databases) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

/** Sends `bytes` of form body to `path` (declared with Content-Length or chunked) and returns the status and time taken. */
function post(path: string, bytes: number, { chunked = false } = {}): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { "Content-Type": "application/x-www-form-urlencoded" };
    if (!chunked) headers["Content-Length"] = bytes;
    const req = http.request(`${app.url}${path}`, { method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: Date.now() - started }));
    });
    // Once the server has answered, it closes the connection instead of reading the rest.
    req.on("error", (e) => (req.writableEnded ? undefined : reject(e)));
    const chunk = Buffer.from(`padding=${"a".repeat(64 * 1024 - 8)}`);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, bytes - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

async function timeHealthz() {
  const started = Date.now();
  const res = await fetch(`${app.url}/healthz`);
  expect(res.status).toBe(200);
  return Date.now() - started;
}

test("a 10 MB anonymous sign-in post gets 413 at once, whether its length is declared or chunked", async () => {
  const declared = await post("/login", 10 * MB);
  expect(declared.status).toBe(413);
  expect(declared.ms).toBeLessThan(3000);
  const chunked = await post("/login", 10 * MB, { chunked: true });
  expect(chunked.status).toBe(413);
  expect(chunked.ms).toBeLessThan(3000);
  // A large but legitimate form (a long text in a 3-byte script, percent-encoded) still reaches the app.
  expect((await post("/login", 400 * 1024)).status).toBe(400);
});

test("/healthz stays fast while several oversized posts run", async () => {
  const attacks = Promise.all([1, 2, 3, 4].map((i) => post("/login", 10 * MB, { chunked: i % 2 === 0 })));
  const health: number[] = [];
  for (let i = 0; i < 5; i++) health.push(await timeHealthz());
  expect(Math.max(...health)).toBeLessThan(1000);
  expect((await attacks).map((a) => a.status)).toEqual([413, 413, 413, 413]);
});

test("only the screenshot upload route takes bodies of several megabytes", async () => {
  const upload = "/events/some-event/teams/some-team/entry";
  expect((await post(upload, 5.5 * MB)).status).not.toBe(413);
  expect((await post(`${upload}.data`, 5.5 * MB)).status).not.toBe(413);
  expect((await post(upload, 7 * MB)).status).toBe(413);
  expect((await post("/events/some-event/teams/some-team", 5.5 * MB)).status).toBe(413);
});

test("public files are served with a cache lifetime; other paths go to the app", async () => {
  const icon = await fetch(`${app.url}/favicon.svg`);
  expect(icon.status).toBe(200);
  expect(icon.headers.get("content-type")).toContain("image/svg+xml");
  expect(icon.headers.get("cache-control")).toBe("public, max-age=3600");
  const missing = await fetch(`${app.url}/favicon.png`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get("content-type")).toContain("text/html");
});

test("an address with a malformed escape gets the app's own page, not Express's bare Bad Request", async () => {
  for (const path of ["/unsubscribe/%E0%A4%A", "/%E0%A4%A"]) {
    const res = await fetch(`${app.url}${path}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("<title>Not found · Problem First</title>");
    expect(html).not.toContain("<pre>Bad Request</pre>");
  }
});

test("secure cookies come with HSTS", async () => {
  const page = await fetch(`${app.url}/login`);
  expect(page.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
});

test("signed-in pages and their data are private and never stored", async () => {
  const anonymous = await fetch(`${app.url}/login`);
  expect(anonymous.headers.get("cache-control") ?? "").not.toContain("no-store");
  const client = new HttpClient(app.url);
  const email = `cache-${Date.now()}@example.com`;
  expect((await signUpOver(client, "Cache Check", email)).status).toBe(200);
  await signInOver(client, email, "a-long-enough-passphrase");
  for (const path of ["/", "/account", "/archive"]) {
    const page = await client.get(path);
    expect(page.status, path).toBe(200);
    expect(page.headers.get("content-type"), path).toContain("text/html");
    expect(page.headers.get("cache-control"), path).toBe("private, no-store");
  }
  // Client-side navigations fetch the same data as /path.data.
  expect((await client.get("/account.data")).headers.get("cache-control")).toBe("private, no-store");
});

test("judge-invite tokens and team invite codes never reach the request log", async () => {
  await fetch(`${app.url}/judge-invite/SECRET-TOKEN-1`, { redirect: "manual" });
  await fetch(`${app.url}/judge-invite/SECRET-TOKEN-2.data`, { redirect: "manual" });
  await fetch(`${app.url}/join?code=SECRETCODE3`, { redirect: "manual" });
  await fetch(`${app.url}/login?redirectTo=${encodeURIComponent("/join?code=SECRETCODE4")}`, { redirect: "manual" });
  await fetch(`${app.url}/login?redirectTo=${encodeURIComponent("/judge-invite/SECRET-TOKEN-5")}`, { redirect: "manual" });
  await expect.poll(() => (app.output().match(/^GET /gm) ?? []).length).toBeGreaterThanOrEqual(5);
  const log = app.output();
  expect(log).toContain("GET /judge-invite/*** ");
  expect(log).toContain("GET /join?code=*** ");
  expect(log).not.toMatch(/SECRET/);
});

test("TRUST_PROXY accepts a hop count or proxy addresses and refuses true at boot", async () => {
  const file = database(`proxy-${app.port}`);
  await expect(startApp(await freePort(), file, { TRUST_PROXY: "true" })).rejects.toThrow(/TRUST_PROXY=true: .*Set the number of proxies/);
  await expect(startApp(await freePort(), file, { TRUST_PROXY: "not-an-address" })).rejects.toThrow(/TRUST_PROXY=not-an-address/);
  for (const setting of ["1", "loopback, 10.0.0.0/8"]) {
    const proxied = await startApp(await freePort(), file, { TRUST_PROXY: setting, COOKIE_SECURE: "false" });
    try {
      const res = await fetch(`${proxied.url}/healthz`);
      expect(res.status).toBe(200);
      // Plain-http cookies: no HSTS.
      expect(res.headers.get("strict-transport-security")).toBeNull();
    } finally {
      await proxied.stop();
    }
  }
});

test("behind a proxy that rewrites Host, a post from APP_URL's site passes the same-origin check and others do not", async () => {
  const file = database(`origin-${app.port}`);
  // The proxy forwards to localhost:<port>; people open https://hack.example.test.
  const proxied = await startApp(await freePort(), file, { APP_URL: "https://hack.example.test", COOKIE_SECURE: "false" });
  try {
    const post = (origin: string) =>
      fetch(`${proxied.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: "email=a%40example.com&password=x",
      });
    expect((await post("https://hack.example.test")).status).not.toBe(403);
    const forged = await post("https://evil.example");
    expect(forged.status).toBe(403);
    expect(await forged.text()).toBe("Cross-site request refused.");
  } finally {
    await proxied.stop();
  }
});

test("pages are compressed by default; COMPRESSION=off leaves it to a proxy; unknown settings are refused at boot", async () => {
  // As browsers ask: gzip is the cheaper of the two at the same size (ADR 048); brotli only for a client that takes nothing else.
  const accept = { "Accept-Encoding": "gzip, deflate, br" };
  const page = await fetch(`${app.url}/login`, { headers: accept });
  expect(page.headers.get("content-encoding")).toBe("gzip");
  expect(await page.text()).toContain("Sign in");
  const brOnly = await fetch(`${app.url}/login`, { headers: { "Accept-Encoding": "br" } });
  expect(brOnly.headers.get("content-encoding")).toBe("br");
  const noGzip = await fetch(`${app.url}/login`, { headers: { "Accept-Encoding": "gzip;q=0, br" } });
  expect(noGzip.headers.get("content-encoding")).toBe("br");

  const file = database(`compression-${app.port}`);
  await expect(startApp(await freePort(), file, { COMPRESSION: "max" })).rejects.toThrow(/COMPRESSION=max: use fast \(the default\), balanced or off/);
  const behindProxy = await startApp(await freePort(), file, { COMPRESSION: "off" });
  try {
    const res = await fetch(`${behindProxy.url}/login`, { headers: accept });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBeNull();
  } finally {
    await behindProxy.stop();
  }
});
