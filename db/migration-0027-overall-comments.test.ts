// Migration 0027 widens the table reviews to overall_comments (ADR 042): rows are copied, and triggers mirror
// inserts, upserts, updates and deletes both ways while the previous release (writing reviews) and this one
// (writing overall_comments) run against one database. Raw SQL plays both releases.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrationsBefore } from "./migrations-before";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-mig27-"));
let client: Client;
afterAll(() => {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Both tables' rows, ordered, as [entry, judge, round, comment, updatedAt] lists. */
async function both() {
  const rows = async (table: string) =>
    (await client.execute(`select entry_id, judge_id, round, comment, updated_at from ${table} order by entry_id, judge_id, round`)).rows.map((r) => [
      r.entry_id,
      r.judge_id,
      r.round,
      r.comment,
      r.updated_at,
    ]);
  return { old: await rows("reviews"), new: await rows("overall_comments") };
}

// What the previous release and this one run to save a judge's overall comment (judging.server.ts saveScores).
const upsert = (table: string, entry: string, comment: string, at: number, round = 1) =>
  client.execute({
    sql: `insert into ${table} (entry_id, judge_id, comment, round, updated_at) values (?, 'j', ?, ?, ?)
          on conflict (entry_id, judge_id, round) do update set comment = excluded.comment, updated_at = excluded.updated_at`,
    args: [entry, comment, round, at],
  });

beforeAll(async () => {
  const opened = openDatabase(`file:${path.join(dir, "old.db")}`);
  client = opened.client;
  await migrate(opened.db, { migrationsFolder: migrationsBefore(dir, "0027_overall_comments") });
  const now = Math.floor(Date.now() / 1000);
  await client.execute(
    "insert into users (id, email, name, password_hash) values ('u', 'o@example.com', 'Organizer', 'x'), ('j', 'j@example.com', 'Judge', 'x')",
  );
  await client.execute({
    sql: "insert into events (id, slug, title, created_by, starts_at, submission_deadline, judging_deadline) values ('ev', 'ev', 'Event', 'u', ?1, ?1, ?1)",
    args: [now],
  });
  await client.execute(`insert into problems (id, event_id, title, summary, who_has_it, cost_today, data_available, metric_name)
    values ('p', 'ev', 'Invoices', 'Late invoices', 'Finance', 'Hours', 'Ledger', 'Days late')`);
  for (const e of ["e1", "e2", "e3", "e4"]) {
    await client.execute({ sql: "insert into teams (id, event_id, problem_id, name, invite_code, created_by) values (?1, 'ev', 'p', ?1, ?1, 'u')", args: [e] });
    await client.execute({ sql: "insert into entries (id, event_id, team_id) values (?1, 'ev', ?1)", args: [e] });
  }
  // Written before the migration: two rounds of comments on e1.
  await upsert("reviews", "e1", "Strong problem fit", 100, 1);
  await upsert("reviews", "e1", "Still strong in the final", 200, 2);
  // Up to the release that widened, not through the narrow step that dropped the old names (ADR 042).
  await migrate(opened.db, { migrationsFolder: migrationsBefore(dir, "0029_narrow_renames") });
});

describe("migration 0027: reviews widened to overall_comments", () => {
  it("copies every existing comment", async () => {
    const rows = await both();
    expect(rows.new).toEqual([
      ["e1", "j", 1, "Strong problem fit", 100],
      ["e1", "j", 2, "Still strong in the final", 200],
    ]);
    expect(rows.new).toEqual(rows.old);
  });

  it("shows a comment the previous release inserts or edits in reviews under overall_comments", async () => {
    await upsert("reviews", "e2", "Old writer", 300);
    expect((await both()).new).toContainEqual(["e2", "j", 1, "Old writer", 300]);
    await upsert("reviews", "e2", "Old writer, edited", 301);
    await client.execute("update reviews set comment = 'Old writer, plain update' where entry_id = 'e1' and round = 2");
    const rows = await both();
    expect(rows.new).toContainEqual(["e2", "j", 1, "Old writer, edited", 301]);
    expect(rows.new).toContainEqual(["e1", "j", 2, "Old writer, plain update", 200]);
    expect(rows.new).toEqual(rows.old);
  });

  it("shows a comment this release inserts or edits in overall_comments under reviews", async () => {
    await upsert("overall_comments", "e3", "New writer", 400);
    expect((await both()).old).toContainEqual(["e3", "j", 1, "New writer", 400]);
    await upsert("overall_comments", "e3", "New writer, edited", 401);
    const rows = await both();
    expect(rows.old).toContainEqual(["e3", "j", 1, "New writer, edited", 401]);
    expect(rows.old).toEqual(rows.new);
  });

  it("mirrors deletes both ways, including those cascading from a deleted entry", async () => {
    await client.execute("delete from reviews where entry_id = 'e2'");
    await client.execute("delete from overall_comments where entry_id = 'e3'");
    await upsert("overall_comments", "e4", "About to go", 500);
    await client.execute("delete from entries where id = 'e4'");
    const rows = await both();
    expect(rows.new.map((r) => r[0])).toEqual(["e1", "e1"]);
    expect(rows.new).toEqual(rows.old);
  });
});
