// Migration 0039 keeps each entry's newest follow-up status on the entry, and "went to production" as a facet of the
// search index (ADR 067): existing answers are backfilled, and triggers follow every answer recorded or deleted
// afterwards, by this release or by the previous one (raw SQL here, as the previous release writes follow_ups
// without knowing the column).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrationsBefore } from "./migrations-before";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-mig39-"));
let client: Client;
let rowA: unknown;
afterAll(() => {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const statuses = async () =>
  Object.fromEntries((await client.execute("select id, latest_follow_up_status as s from entries order by id")).rows.map((r) => [r.id, r.s]));
const answer = (entry: string, status: string) =>
  client.execute({ sql: "insert into follow_ups (entry_id, recorded_by, status, why, created_at) values (?, 'a', ?, 'Because.', 0)", args: [entry, status] });
/** The entries the search index has as gone to production, and each one's index rowid. */
const inProduction = async () =>
  Object.fromEntries(
    (await client.execute(`select entry_id, rowid from learnings_fts where learnings_fts match 'facets : "zproduction"' order by entry_id`)).rows.map((r) => [
      r.entry_id,
      r.rowid,
    ]),
  );
const indexRow = async (entry: string) => (await client.execute({ sql: "select rowid from learnings_fts where entry_id = ?", args: [entry] })).rows[0].rowid;
const newestId = async (entry: string) =>
  (await client.execute({ sql: "select max(id) as id from follow_ups where entry_id = ?", args: [entry] })).rows[0].id as number;

beforeAll(async () => {
  const opened = openDatabase(`file:${path.join(dir, "app.db")}`);
  client = opened.client;
  await migrate(opened.db, { migrationsFolder: migrationsBefore(dir, "0039_follow_up_status") });
  const now = Math.floor(Date.now() / 1000);
  await client.execute(
    "insert into users (id, email, name, password_hash) values ('u', 'o@example.com', 'Organizer', 'x'), ('a', 'a@example.com', 'Ada', 'x')",
  );
  await client.execute({
    sql: "insert into events (id, slug, title, created_by, starts_at, submission_deadline, judging_deadline, phase) values ('ev', 'ev', 'Event', 'u', ?1, ?1, ?1, 'closed')",
    args: [now],
  });
  await client.execute(`insert into problems (id, event_id, title, summary, who_has_it, cost_today, data_available, metric_name)
    values ('p', 'ev', 'Invoices', 'Late invoices', 'Finance', 'Hours', 'Ledger', 'Days late')`);
  for (const t of ["a", "b", "c"]) {
    await client.execute({ sql: "insert into teams (id, event_id, problem_id, name, invite_code, lead_id) values (?1, 'ev', 'p', ?1, ?1, 'a')", args: [t] });
    await client.execute({ sql: "insert into entries (id, event_id, team_id, status, title) values (?1, 'ev', ?1, 'submitted', ?1)", args: [t] });
  }
  // Answered before the migration: a pilot that was adopted later, a drop, and no answer for c.
  await answer("a", "piloted");
  await answer("a", "adopted");
  await answer("b", "dropped");
  rowA = await indexRow("a");
  await migrate(opened.db, { migrationsFolder: path.resolve("db/migrations") });
});

describe("migration 0039: the newest follow-up's status on the entry and in the search index", () => {
  it("backfills the newest answer's status, and none where nobody answered", async () => {
    expect(await statuses()).toEqual({ a: "adopted", b: "dropped", c: null });
  });

  it("marks in the search index the entries that went to production, in place", async () => {
    expect(await inProduction()).toEqual({ a: rowA });
  });

  it("follows an answer recorded afterwards", async () => {
    await answer("c", "parked");
    await answer("b", "piloted");
    await answer("a", "parked");
    expect(await statuses()).toEqual({ a: "parked", b: "piloted", c: "parked" });
    expect(await inProduction()).toEqual({});
    expect(await indexRow("a")).toBe(rowA);
  });

  it("hands the status back to the newest answer left when one is deleted, and to none when the last goes", async () => {
    await client.execute({ sql: "delete from follow_ups where id = ?", args: [await newestId("a")] });
    await client.execute({ sql: "delete from follow_ups where id = ?", args: [await newestId("c")] });
    expect(await statuses()).toEqual({ a: "adopted", b: "piloted", c: null });
    expect(await inProduction()).toEqual({ a: rowA });
  });

  it("leaves the entry's status alone when an older answer is deleted", async () => {
    await answer("a", "dropped");
    const older = (await client.execute("select min(id) as id from follow_ups where entry_id = 'a'")).rows[0].id as number;
    await client.execute({ sql: "delete from follow_ups where id = ?", args: [older] });
    expect((await statuses()).a).toBe("dropped");
    expect(await inProduction()).toEqual({});
  });

  it("finds the entries that went to production by the index", async () => {
    const plan = (await client.execute("explain query plan select id from entries e where e.latest_follow_up_status = 'adopted'")).rows.map((r) => r.detail);
    expect(plan.join(" ")).toContain("entries_follow_up_status_idx");
  });
});
