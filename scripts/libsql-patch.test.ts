// patches/@libsql+client+*.patch (ADR 051) keeps each connection's prepared statements for reuse in the client the app
// and the tests load, which `npm install` applies through patch-package. These tests check that it is applied, that a
// statement is prepared once and bounded in number, and that reuse answers as a fresh statement would.
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const clientDir = path.dirname(path.dirname(require.resolve("@libsql/client")));

let dir: string;
let a: Client;
let b: Client;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-stmt-"));
  a = createClient({ url: `file:${dir}/t.db` });
  b = createClient({ url: `file:${dir}/t.db` });
  await a.execute("pragma journal_mode = wal");
  await a.execute("create table t (id integer primary key, v text unique)");
});
afterEach(() => {
  a.close();
  b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The connection's prepared statements whose text starts with `prefix`, with how often each ran (SQLite's sqlite_stmt). */
async function prepared(client: Client, prefix: string) {
  const rows = (await client.execute("select sql, run from sqlite_stmt")).rows;
  return rows.filter((r) => String(r.sql).startsWith(prefix)).map((r) => ({ sql: String(r.sql), run: Number(r.run) }));
}

describe("the prepared-statement patch", () => {
  it("is applied to both builds of the client", () => {
    for (const build of ["lib-esm", "lib-cjs"]) {
      expect(fs.readFileSync(path.join(clientDir, build, "sqlite3.js"), "utf8")).toContain("const preparedStatements = new WeakMap();");
    }
  });

  it("prepares a statement run again with other values once", async () => {
    for (const v of ["x", "y", "z"]) await a.execute({ sql: "insert into t (v) values (?)", args: [v] });
    for (const id of [1, 2, 3]) expect((await a.execute({ sql: "select v from t where id = ?", args: [id] })).rows[0].v).toBe(["x", "y", "z"][id - 1]);
    expect(await prepared(a, "insert into t")).toEqual([{ sql: "insert into t (v) values (?)", run: 3 }]);
    expect(await prepared(a, "select v from t")).toEqual([{ sql: "select v from t where id = ?", run: 3 }]);
  });

  it("keeps at most 250 statements a connection, dropping the least recently used", async () => {
    await a.execute("select 'kept'");
    for (let i = 0; i < 300; i++) {
      await a.execute(`select ${i} as n`);
      if (i % 50 === 0) await a.execute("select 'kept'");
    }
    await a.execute("select 0 as n"); // dropped long ago: prepared again
    await a.execute("select 299 as n"); // still kept
    // A dropped statement is finalized when the collector frees it, so it may still be listed meanwhile.
    const statements = await prepared(a, "select ");
    const runs = (sql: string) => statements.filter((s) => s.sql === sql).map((s) => s.run);
    expect(runs("select 'kept'")).toEqual([7]);
    expect(runs("select 299 as n")).toEqual([2]);
    expect(runs("select 0 as n")).toContain(1);
    expect(runs("select 0 as n")).not.toContain(2);
  });

  it("gives a value left out nothing, not an earlier call's value", async () => {
    const run = (args: number[]) => a.execute({ sql: "select ? as p, ? as q", args });
    expect((await run([1, 2])).rows[0]).toMatchObject({ p: 1, q: 2 });
    expect((await run([3])).rows[0]).toMatchObject({ p: 3, q: null });
    const named = (args: Record<string, number>) => a.execute({ sql: "select :p as p, :q as q", args });
    expect((await named({ p: 1, q: 2 })).rows[0]).toMatchObject({ p: 1, q: 2 });
    expect((await named({ p: 3 })).rows[0]).toMatchObject({ p: 3, q: null });
  });

  it("names the columns a table has now, after another connection changed it", async () => {
    await a.execute({ sql: "insert into t (v) values (?)", args: ["x"] });
    const read = async () => (await a.execute({ sql: "select * from t where id = ?", args: [1] })).rows[0];
    expect(await read()).toMatchObject({ id: 1, v: "x" });
    await b.execute("alter table t add column w text default 'added'");
    expect({ ...(await read()) }).toEqual({ id: 1, v: "x", w: "added" });
  });

  it("reads what another connection wrote since, and leaves the log free to checkpoint", async () => {
    const read = () => a.execute({ sql: "select v from t where id >= ? order by id", args: [1] });
    await a.execute({ sql: "insert into t (v) values (?)", args: ["x"] });
    expect((await read()).rows.map((r) => r.v)).toEqual(["x"]);
    await b.execute({ sql: "insert into t (v) values (?)", args: ["y"] });
    expect((await read()).rows.map((r) => r.v)).toEqual(["x", "y"]);
    expect((await b.execute("pragma wal_checkpoint(truncate)")).rows[0].busy).toBe(0);
  });

  it("runs a statement again after it failed, and after a rolled-back transaction", async () => {
    const insert = (v: string) => a.execute({ sql: "insert into t (v) values (?)", args: [v] });
    await insert("x");
    await expect(insert("x")).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT" });
    await insert("y");
    const tx = await a.transaction("write");
    await tx.execute({ sql: "insert into t (v) values (?)", args: ["in a transaction"] });
    await tx.rollback();
    await insert("z");
    expect((await b.execute("select v from t order by id")).rows.map((r) => r.v)).toEqual(["x", "y", "z"]);
  });
});
