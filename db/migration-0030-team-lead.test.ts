// Migration 0030 widens teams.created_by (the lead) to teams.lead_id (ADR 037): the new column is backfilled,
// and triggers keep both equal while the previous release (created_by only) and this one (lead_id, and both on
// insert) run against one database. Raw SQL plays both releases.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrationsBefore } from "./migrations-before";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-mig30-"));
let client: Client;
afterAll(() => {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const leads = async (id: string) =>
  (await client.execute({ sql: "select created_by, lead_id from teams where id = ?", args: [id] })).rows.map((r) => [r.created_by, r.lead_id])[0];

const insertOld = (id: string, lead: string) =>
  client.execute({ sql: "insert into teams (id, event_id, problem_id, name, invite_code, created_by) values (?1, 'ev', 'p', ?1, ?1, ?2)", args: [id, lead] });

beforeAll(async () => {
  const opened = openDatabase(`file:${path.join(dir, "app.db")}`);
  client = opened.client;
  await migrate(opened.db, { migrationsFolder: migrationsBefore(dir, "0030_team_lead_column") });
  const now = Math.floor(Date.now() / 1000);
  await client.execute(
    "insert into users (id, email, name, password_hash) values ('u', 'o@example.com', 'Organizer', 'x'), ('a', 'a@example.com', 'Ada', 'x'), ('b', 'b@example.com', 'Bo', 'x')",
  );
  await client.execute({
    sql: "insert into events (id, slug, title, created_by, starts_at, submission_deadline, judging_deadline) values ('ev', 'ev', 'Event', 'u', ?1, ?1, ?1)",
    args: [now],
  });
  await client.execute(`insert into problems (id, event_id, title, summary, who_has_it, cost_today, data_available, metric_name)
    values ('p', 'ev', 'Invoices', 'Late invoices', 'Finance', 'Hours', 'Ledger', 'Days late')`);
  // Written before the migration.
  await insertOld("before", "a");
  // Up to this release only: 0031 is the next release's rebuild, tested in its own file.
  await migrate(opened.db, { migrationsFolder: migrationsBefore(dir, "0031_team_lead_rebuild") });
});

describe("migration 0030: teams.created_by widened to lead_id", () => {
  it("backfills the lead of every team", async () => {
    expect(await leads("before")).toEqual(["a", "a"]);
  });

  it("fills lead_id for a team the previous release inserts, and follows its hand-over", async () => {
    await insertOld("old-insert", "a");
    expect(await leads("old-insert")).toEqual(["a", "a"]);
    await client.execute("update teams set created_by = 'b' where id = 'old-insert'");
    expect(await leads("old-insert")).toEqual(["b", "b"]);
  });

  it("shows the previous release a hand-over this release makes through lead_id", async () => {
    await client.execute(
      "insert into teams (id, event_id, problem_id, name, invite_code, created_by, lead_id) values ('new', 'ev', 'p', 'new', 'new', 'a', 'a')",
    );
    await client.execute("update teams set lead_id = 'b' where id = 'new'");
    expect(await leads("new")).toEqual(["b", "b"]);
    await client.execute("update teams set lead_id = 'a', name = 'Renamed' where id = 'new'");
    expect(await leads("new")).toEqual(["a", "a"]);
  });

  it("refuses a lead who is not a user under either name", async () => {
    await client.execute("pragma foreign_keys = on");
    await expect(client.execute("update teams set lead_id = 'nobody' where id = 'before'")).rejects.toThrow(/FOREIGN KEY/);
    await expect(client.execute("update teams set created_by = 'nobody' where id = 'before'")).rejects.toThrow(/FOREIGN KEY/);
    expect(await leads("before")).toEqual(["a", "a"]);
  });
});
