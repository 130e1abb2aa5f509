// Shared by start.mjs and e2e-server.mjs.
import { spawn, spawnSync } from "node:child_process";

/**
 * Runs a command to completion; exits this process if it fails.
 * @param {string} cmd @param {string[]} args @param {Record<string, string | undefined>} env
 */
export function runOrExit(cmd, args, env) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: /** @type {NodeJS.ProcessEnv} */ (env) });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * Serves a Remix build; stopping this process stops the server.
 * @param {string} buildDir @param {Record<string, string | undefined>} env
 */
export function serve(buildDir, env) {
  const server = spawn(process.execPath, ["server.mjs"], {
    stdio: "inherit",
    env: /** @type {NodeJS.ProcessEnv} */ ({ NODE_ENV: "production", ...env, BUILD_DIR: buildDir }),
  });
  for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}
