// Two processes on one file, as two app processes are: a batch that reads before it writes must wait for the other
// process's writes (busy_timeout), never fail with SQLITE_BUSY.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import type { Client } from "@libsql/client";
import { afterAll, expect, test } from "vitest";
import { writeBatchesBeginImmediate } from "./client";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-client-"));
const url = `file:${path.join(dir, "two.db")}`;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Another process writes in a loop until told to stop (stdin closes); it says "started" once it has written. */
function otherProcessKeepsWriting() {
  const script = `const { createClient } = require("@libsql/client");
    (async () => {
      const c = createClient({ url: ${JSON.stringify(url)}, timeout: 5000 });
      let stop = false;
      process.stdin.on("end", () => { stop = true; }).resume();
      for (let i = 0; !stop; i++) {
        await c.batch(["insert into t values (2)", "select count(*) from t"], "write");
        if (i === 0) process.stdout.write("started\\n");
        // A pause of a millisecond between writes: the lock is taken again and again, yet others get their turn.
        await new Promise((r) => setTimeout(r, 1));
      }
      c.close();
    })();`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("started") && resolve());
    void exited.then((code) => reject(new Error(`the other process ended (${code}) before writing`)));
  });
  return { started, stop: () => (child.stdin.end(), exited) };
}

test("batches that read and then write, while another process keeps writing, all succeed", async () => {
  const setup = createClient({ url });
  await setup.execute("PRAGMA journal_mode=WAL");
  await setup.execute("create table t (n integer)");
  setup.close();

  const app = writeBatchesBeginImmediate(createClient({ url, timeout: 5000 }));
  const others = [otherProcessKeepsWriting()];
  await Promise.all(others.map((o) => o.started));
  const failures: string[] = [];
  for (let i = 0; i < 50; i++) {
    try {
      await app.batch(["select count(*) from t", "insert into t values (1) returning n"]);
    } catch (error) {
      failures.push(String(error));
    }
  }
  expect(await Promise.all(others.map((o) => o.stop()))).toEqual([0]);
  expect(failures.slice(0, 3)).toEqual([]);
  expect((await app.execute("select count(*) as n from t where n = 1")).rows[0].n).toBe(50);
  app.close();
});

test("a batch with any write begins immediate, a batch of selects stays deferred, and a mode given is kept", async () => {
  const modes: (string | undefined)[] = [];
  const fake = { batch: async (_stmts: unknown[], mode?: string) => (modes.push(mode), []) } as unknown as Client;
  const client = writeBatchesBeginImmediate(fake);
  await client.batch(["select 1", { sql: "insert into t values (?)", args: [1] }]);
  await client.batch(["select 1", ["  SELECT 2", []]]);
  await client.batch(["with x as (select 1) update t set n = 2"]);
  await client.batch(["insert into t values (3)"], "deferred");
  expect(modes).toEqual(["write", "deferred", "write", "deferred"]);
});
