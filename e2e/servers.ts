// Extra app processes for reliability tests: each on its own port, on a database the test chooses.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";

export type AppProcess = { port: number; url: string; child: ChildProcess; stop: (signal?: NodeJS.Signals) => Promise<void>; output: () => string };

/** A port nobody listens on right now: the OS picks it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export function prepareDatabase(file: string, { seed = true } = {}) {
  fs.mkdirSync("data", { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  for (const script of seed ? ["scripts/migrate.ts", "scripts/seed.ts"] : ["scripts/migrate.ts"]) {
    const r = spawnSync("node_modules/.bin/tsx", [script], { env, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
  }
}

/** `env` adds to or overrides the variables below; `output()` is what the server wrote to stdout and stderr. */
export async function startApp(port: number, dbFile: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const child = spawn(process.execPath, ["server.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      SESSION_SECRET: "reliability-test-secret-0123456789",
      APP_URL: `http://localhost:${port}`,
      RATE_LIMIT_SCALE: "50",
      // These tests sign in and up dozens of people at the same moment: let them wait for a password check, never refuse.
      SIGN_IN_QUEUE: "1000",
      PASSWORD_HASHES_PER_SECOND: "1000",
      REQUEST_LOG: "false",
      // One process (its pid is the server's) unless a test asks for more (ADR 050).
      WEB_CONCURRENCY: "1",
      BUILD_DIR: process.env.BUILD_DIR ?? "build",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  // Wait for the health check, however long a busy machine takes to start a server; give up after a minute.
  for (let ready = false, deadline = Date.now() + 60_000; !ready;) {
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server on ${port} did not answer /healthz within 60 s: ${output}`);
    }
    if (child.exitCode !== null) {
      await new Promise((r) => setTimeout(r, 200)); // let the last of its output arrive
      throw new Error(`server on ${port} exited with ${child.exitCode}: ${output}`);
    }
    try {
      ready = (await fetch(`${url}/healthz`)).ok;
    } catch {
      // not listening yet
    }
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  const stop = (signal: NodeJS.Signals = "SIGTERM") =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  return { port, url, child, stop, output: () => output };
}

/** The processes whose parent is `pid` (from /proc): a server's workers (ADR 050). */
export function childrenOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // "pid (command) state ppid …": the command may hold spaces, so read after its closing parenthesis.
        return Number(fs.readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1].split(" ")[1]) === pid;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/** A tiny round-robin proxy in front of several app processes. */
export function roundRobin(port: number, targets: number[]) {
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = targets[next++ % targets.length];
    const upstream = http.request(
      { host: "localhost", port: target, path: req.url, method: req.method, headers: { ...req.headers, host: `localhost:${port}` } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end("upstream error");
    });
    req.pipe(upstream);
  });
  return new Promise<{ close: () => Promise<void>; url: string }>((resolve) =>
    server.listen(port, () => resolve({ url: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) })),
  );
}
