// `npm start`: prepare the database, seed it when empty, build, and serve.
import crypto from "node:crypto";
import fs from "node:fs";
import { runOrExit, serve } from "./lib.mjs";

/** @type {Record<string, string | undefined>} */
const env = { ...process.env, NODE_ENV: "production" };
fs.mkdirSync("data", { recursive: true });

// One secret per installation, kept in data/ so restarts keep it. Several instances must share SESSION_SECRET.
if (!env.SESSION_SECRET) {
  const file = "data/.session-secret";
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  env.SESSION_SECRET = fs.readFileSync(file, "utf8").trim();
}

const port = env.PORT ?? "3000";
// Absolute links (invites, the digest) are built on APP_URL; set it to the address people open.
env.APP_URL ??= `http://localhost:${port}`;

runOrExit("node_modules/.bin/tsx", ["scripts/migrate.ts"], env);
if (env.SEED_ON_START !== "false") runOrExit("node_modules/.bin/tsx", ["scripts/seed.ts", "--if-empty"], env);
if (env.SKIP_BUILD !== "true") runOrExit("node_modules/.bin/remix", ["vite:build"], env);

console.log(`\nProblem First is starting on http://localhost:${port} (links use ${env.APP_URL})\n`);
serve("build", { ...env, PORT: port });
