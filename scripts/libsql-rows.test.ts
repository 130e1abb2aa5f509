// patches/@libsql+client+*.patch and patches/drizzle-orm+*.patch (ADR 063): the client makes each row with a
// constructor kept per list of column names, and drizzle reads a row's values from the array the row keeps. These
// tests check that both patches are applied and that a row answers every way of reading it as the client's own rows
// did (the reference below is the client's unpatched code).
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createClient, type Client, type Row } from "@libsql/client";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const clientDir = path.dirname(path.dirname(require.resolve("@libsql/client")));
const drizzleDir = path.dirname(require.resolve("drizzle-orm/libsql"));

/** The client's own rowFromSql, before the patch: a property defined at a time (intMode "number"). */
function referenceRow(values: unknown[], columns: string[]) {
  const row = {};
  Object.defineProperty(row, "length", { value: values.length });
  for (let i = 0; i < values.length; ++i) {
    const value = values[i];
    Object.defineProperty(row, i, { value });
    const column = columns[i];
    if (!Object.hasOwn(row, column)) Object.defineProperty(row, column, { value, enumerable: true, configurable: true, writable: true });
  }
  return row as Row;
}

/** Every way the app or a library reads a row, as plain data. */
function readings(row: Row) {
  const byName = Object.fromEntries(Object.keys(row).map((k) => [k, row[k]]));
  return {
    keys: Object.keys(row),
    json: JSON.stringify(row),
    spread: { ...row },
    byName,
    length: row.length,
    byIndex: Array.from({ length: row.length }, (_, i) => row[i]),
    sliced: Array.prototype.slice.call(row),
    forIn: (() => {
      const keys: string[] = [];
      for (const k in row) keys.push(k);
      return keys;
    })(),
  };
}

let dir: string;
let client: Client;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-rows-"));
  client = createClient({ url: `file:${dir}/t.db` });
});
afterEach(() => {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("rows made per list of column names", () => {
  it("is applied to both builds of the client and of drizzle's libSQL session", () => {
    for (const build of ["lib-esm", "lib-cjs"])
      expect(fs.readFileSync(path.join(clientDir, build, "sqlite3.js"), "utf8")).toContain("const rowShapes = new Map();");
    for (const file of ["session.js", "session.cjs"]) {
      const source = fs.readFileSync(path.join(drizzleDir, file), "utf8");
      expect(source.match(/row\[Symbol\.for\("libsql\.rowValues"\)\] \?\? Array\.prototype\.slice\.call\(row\)/g)).toHaveLength(2);
    }
  });

  it("reads as the client's own rows did: names, repeated names, indexes, length, numbers and blobs", async () => {
    // Each statement beside the values it gives, written out: the reference row is made from these, not from the row.
    const cases: [string, unknown[]][] = [
      ["select 1 as a, 'x' as b", [1, "x"]],
      // A repeated name is the first column's; the second is read by index only.
      ["select 1 as title, 'first' as title, 'second' as title", [1, "first", "second"]],
      // A name that is one of the row's indexes is that index's value; "length" is the count.
      [`select 'a' as x, 'b' as "0", 'c' as "1", 'd' as "length", 'e' as "7"`, ["a", "b", "c", "d", "e"]],
      // An index's name before that index's own column: an enumerable property with the index's value.
      [`select 'a' as "1", 'b' as x, 'c' as "2"`, ["a", "b", "c"]],
      // "__proto__" is a column, not the row's prototype.
      [`select 1 as "__proto__", 2 as y`, [1, 2]],
      ["select null as n, 2.5 as f, -3 as i, '' as s, 'é' as u", [null, 2.5, -3, "", "é"]],
      ["select 1 as one", [1]],
      ["select 1", [1]],
    ];
    for (const [sql, values] of cases) {
      const { rows, columns } = await client.execute(sql);
      expect(readings(rows[0]), sql).toEqual(readings(referenceRow(values, columns)));
      expect(rows[0], sql).toEqual(referenceRow(values, columns));
      expect(Object.getPrototypeOf(rows[0]), sql).not.toBe(null);
    }
    const [blobRow] = (await client.execute("select x'00ff' as b, 42 as n")).rows;
    expect(new Uint8Array(blobRow.b as ArrayBuffer)).toEqual(new Uint8Array([0, 255]));
    expect(blobRow[1]).toBe(42);
    expect(typeof blobRow.n).toBe("number");
    // Integers past what a number holds still refuse, as before.
    await expect(client.execute("select 9007199254740993 as big")).rejects.toThrow(RangeError);
  });

  it("keeps each row's own values, for many rows and for statements whose columns differ", async () => {
    await client.execute("create table t (id integer primary key, v text)");
    await client.execute("insert into t (v) values ('a'), ('b'), ('c')");
    const { rows } = await client.execute("select id, v, v as w from t order by id");
    expect(rows.map((r) => [r.id, r.v, r.w, r[0], r[1], r[2], r.length])).toEqual([
      [1, "a", "a", 1, "a", "a", 3],
      [2, "b", "b", 2, "b", "b", 3],
      [3, "c", "c", 3, "c", "c", 3],
    ]);
    const other = (await client.execute("select v as id from t order by id")).rows;
    expect(other.map((r) => [r.id, r[0], r[1], r.length])).toEqual([
      ["a", "a", undefined, 1],
      ["b", "b", undefined, 1],
      ["c", "c", undefined, 1],
    ]);
  });

  it("gives drizzle both columns of a join whose names repeat", async () => {
    const teams = sqliteTable("teams", { id: text("id").primaryKey(), title: text("title").notNull() });
    const entries = sqliteTable("entries", {
      id: text("id").primaryKey(),
      teamId: text("team_id").notNull(),
      title: text("title").notNull(),
      score: integer("score"),
    });
    await client.execute("create table teams (id text primary key, title text not null)");
    await client.execute("create table entries (id text primary key, team_id text not null, title text not null, score integer)");
    await client.execute("insert into teams values ('t1', 'Team one')");
    await client.execute("insert into entries values ('e1', 't1', 'Entry one', 7), ('e2', 't1', 'Entry two', null)");
    const db = drizzle(client);
    const rows = await db
      .select({ entry: entries.title, team: teams.title, score: entries.score })
      .from(entries)
      .innerJoin(teams, eq(teams.id, entries.teamId))
      .orderBy(entries.id);
    expect(rows).toEqual([
      { entry: "Entry one", team: "Team one", score: 7 },
      { entry: "Entry two", team: "Team one", score: null },
    ]);
    expect(await db.select().from(teams).get()).toEqual({ id: "t1", title: "Team one" });
  });
});
