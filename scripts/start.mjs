// `npm start`: prepare the database, seed it when empty, build, and serve.
import { spawnSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";

const env = { ...process.env, NODE_ENV: "production" };
fs.mkdirSync("data", { recursive: true });

// One secret per installation, kept in data/ so restarts keep it. Several instances must share SESSION_SECRET.
if (!env.SESSION_SECRET) {
  const file = "data/.session-secret";
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  env.SESSION_SECRET = fs.readFileSync(file, "utf8").trim();
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run("node_modules/.bin/tsx", ["scripts/migrate.ts"]);
if (env.SEED_ON_START !== "false") run("node_modules/.bin/tsx", ["scripts/seed.ts", "--if-empty"]);
if (env.SKIP_BUILD !== "true") run("node_modules/.bin/remix", ["vite:build"]);

const port = env.PORT ?? "3000";
console.log(`\nProblem First is starting on http://localhost:${port}\n`);
const server = spawn("node_modules/.bin/remix-serve", ["build/server/index.js"], { stdio: "inherit", env: { ...env, PORT: port } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
