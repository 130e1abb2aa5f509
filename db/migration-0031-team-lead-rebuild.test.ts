// Migration 0031 rebuilds `teams` (ADR 045, step 2): lead_id becomes NOT NULL with the foreign key, created_by
// nullable without one, and the sync triggers of 0030 go. The database is written as the previous release left
// it, then migrated through 0031; raw SQL plays the previous release (both names on insert) beside this one.
// The last test is step 3's: this release's schema no longer names created_by, so step 4 may drop it. Later
// migrations keep created_by until 0034, step 4, drops it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "@libsql/client";
import { eq } from "drizzle-orm";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrationsBefore } from "./migrations-before";
import { teams } from "./schema";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-mig31-"));
let client: Client;
let db: ReturnType<typeof openDatabase>["db"];
afterAll(() => {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = async (sql: string) => (await client.execute(sql)).rows.map((r) => ({ ...r }));
const indexed = async (match: string) =>
  (await client.execute({ sql: "select entry_id from learnings_fts where learnings_fts match ? order by entry_id", args: [match] })).rows.map(
    (r) => r.entry_id,
  );
// Everything that points at a team, and the schema objects other than the sync triggers this step removes.
const rowCounts = () =>
  all(`select (select count(*) from teams) as teams, (select count(*) from team_members) as members, (select count(*) from entries) as entries,
    (select count(*) from join_requests) as requests, (select count(*) from team_openings) as openings, (select count(*) from team_removals) as removals`);
const schemaObjects = () =>
  all("select type, name, tbl_name, sql from sqlite_master where type in ('index', 'trigger') and name not like 'teams_lead_%' order by name");

let countsBefore: Record<string, unknown>[];
let schemaBefore: Record<string, unknown>[];

beforeAll(async () => {
  const opened = openDatabase(`file:${path.join(dir, "app.db")}`);
  client = opened.client;
  db = opened.db;
  await migrate(opened.db, { migrationsFolder: migrationsBefore(dir, "0031_team_lead_rebuild") });
  const now = Math.floor(Date.now() / 1000);
  await client.execute(
    "insert into users (id, email, name, password_hash) values ('u', 'o@example.com', 'Organizer', 'x'), ('a', 'a@example.com', 'Ada', 'x'), ('b', 'b@example.com', 'Bo', 'x')",
  );
  await client.execute({
    sql: `insert into events (id, slug, title, created_by, starts_at, submission_deadline, judging_deadline, phase)
          values ('closed', 'closed', 'Closed event', 'u', ?1, ?1, ?1, 'closed'), ('open', 'open', 'Open event', 'u', ?1, ?1, ?1, 'open')`,
    args: [now],
  });
  await client.execute(`insert into problems (id, event_id, title, summary, who_has_it, cost_today, data_available, metric_name)
    values ('p', 'closed', 'Invoices', 'Late invoices', 'Finance', 'Hours', 'Ledger', 'Days late'),
           ('q', 'open', 'Tickets', 'Slow triage', 'Support', 'Hours', 'Tickets', 'Minutes to triage')`);
  // The previous release inserts both names and hands the lead over through lead_id.
  await client.execute(`insert into teams (id, event_id, problem_id, name, invite_code, created_by, lead_id)
    values ('ledger', 'closed', 'p', 'Ledger', 'L1', 'a', 'a'), ('triage', 'open', 'q', 'Triage', 'T1', 'a', 'a')`);
  await client.execute("update teams set lead_id = 'b' where id = 'triage'");
  await client.execute(
    `insert into team_members (team_id, event_id, user_id) values ('ledger', 'closed', 'a'), ('triage', 'open', 'a'), ('triage', 'open', 'b')`,
  );
  await client.execute(`insert into entries (id, event_id, team_id, status, title, post_mortem_did_not_work)
    values ('kept', 'closed', 'ledger', 'submitted', 'Ledger bot', 'Matching payments failed'), ('draft', 'open', 'triage', 'draft', 'Triage bot', '')`);
  await client.execute({
    sql: "insert into join_requests (id, event_id, team_id, user_id, status, created_at, updated_at) values ('r', 'open', 'triage', 'u', 'pending', ?1, ?1)",
    args: [now],
  });
  await client.execute({
    sql: "insert into team_openings (team_id, event_id, needs, updated_at) values ('triage', 'open', 'A data engineer', ?1)",
    args: [now],
  });
  await client.execute("insert into team_removals (team_id, user_id) values ('ledger', 'b')");
  countsBefore = await rowCounts();
  schemaBefore = await schemaObjects();
  // Up to 0031 only: what later migrations add (0032's indexes) is not this step's to check.
  await migrate(opened.db, { migrationsFolder: migrationsBefore(dir, "0032_gallery_and_problem_indexes") });
  await client.execute("pragma foreign_keys = on");
});

describe("migration 0031: teams rebuilt with lead_id NOT NULL", () => {
  it("keeps every team with its lead, and every row that points at a team", async () => {
    expect(await rowCounts()).toEqual(countsBefore);
    expect(await all("select id, lead_id from teams order by id")).toEqual([
      { id: "ledger", lead_id: "a" },
      { id: "triage", lead_id: "b" },
    ]);
    expect(await all("pragma foreign_key_check")).toEqual([]);
    expect(await all("pragma integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });

  it("recreates every other index and trigger unchanged and drops the sync triggers", async () => {
    expect(await schemaObjects()).toEqual(schemaBefore);
    expect(await all("select name from sqlite_master where name like 'teams_lead_%'")).toEqual([]);
    const columns = await all("pragma table_info(teams)");
    expect(columns.find((c) => c.name === "lead_id")).toMatchObject({ notnull: 1 });
    expect(columns.find((c) => c.name === "created_by")).toMatchObject({ notnull: 0 });
    expect((await all("pragma foreign_key_list(teams)")).map((f) => [f.from, f.table, f.on_delete])).toEqual(
      expect.arrayContaining([
        ["lead_id", "users", "NO ACTION"],
        ["event_id", "events", "CASCADE"],
      ]),
    );
    expect((await all("pragma foreign_key_list(teams)")).map((f) => f.from)).not.toContain("created_by");
  });

  it("accepts the previous release's insert with both names and this release's with lead_id alone", async () => {
    await client.execute(
      "insert into teams (id, event_id, problem_id, name, invite_code, created_by, lead_id) values ('old', 'open', 'q', 'Old', 'O1', 'a', 'a')",
    );
    await client.execute("insert into teams (id, event_id, problem_id, name, invite_code, lead_id) values ('new', 'open', 'q', 'New', 'N1', 'b')");
    expect(await all("select id, created_by, lead_id from teams where id in ('old', 'new') order by id")).toEqual([
      { id: "new", created_by: null, lead_id: "b" },
      { id: "old", created_by: "a", lead_id: "a" },
    ]);
  });

  it("refuses a team without a lead or with a lead who is not a user", async () => {
    await expect(client.execute("insert into teams (id, event_id, problem_id, name, invite_code) values ('x', 'open', 'q', 'X', 'X1')")).rejects.toThrow(
      /NOT NULL/,
    );
    await expect(client.execute("update teams set lead_id = 'nobody' where id = 'ledger'")).rejects.toThrow(/FOREIGN KEY/);
    expect(await all("select lead_id from teams where id = 'ledger'")).toEqual([{ lead_id: "a" }]);
  });

  it("keeps the archive index following a team's problem, and deleting an event still removes its teams", async () => {
    expect(await indexed("matching")).toEqual(["kept"]);
    await client.execute("update problems set title = 'Receivables' where id = 'p'");
    expect(await indexed("problem:receivables")).toEqual(["kept"]);
    await client.execute("delete from events where id = 'open'");
    expect(await all("select id from teams order by id")).toEqual([{ id: "ledger" }]);
    expect(await all("select count(*) as n from team_members where event_id = 'open'")).toEqual([{ n: 0 }]);
  });

  // Step 4 (migration 0034) drops created_by, one release after step 3 stopped naming it; every migration before it
  // keeps the column, which a release before step 3 still wrote.
  it("keeps created_by through every migration before 0034, which drops it", async () => {
    const columnsAfter = async (migrationsFolder: string, file: string) => {
      const opened = openDatabase(`file:${path.join(dir, file)}`);
      try {
        await migrate(opened.db, { migrationsFolder });
        return {
          columns: (await opened.client.execute("pragma table_info(teams)")).rows.map((c) => c.name),
          integrity: (await opened.client.execute("pragma integrity_check")).rows.map((r) => r.integrity_check),
        };
      } finally {
        opened.client.close();
      }
    };
    expect((await columnsAfter(migrationsBefore(dir, "0034_drop_team_created_by"), "before-drop.db")).columns).toContain("created_by");
    const whole = await columnsAfter(path.join(import.meta.dirname, "migrations"), "whole.db");
    expect(whole.columns).not.toContain("created_by");
    expect(whole.columns).toContain("lead_id");
    expect(whole.integrity).toEqual(["ok"]);
  });

  // ADR 045, step 3: this release names created_by nowhere (drizzle's inserts list every column the schema
  // declares), so the next release can drop it while this one still runs beside it. Runs last: it drops it.
  it("lets this release's code run once the next release drops created_by", async () => {
    await client.execute("alter table teams drop column created_by");
    await db.insert(teams).values({ id: "later", eventId: "closed", problemId: "p", name: "Later", inviteCode: "LT1", leadId: "b" });
    await db.update(teams).set({ leadId: "a" }).where(eq(teams.id, "later"));
    expect(await db.select().from(teams).where(eq(teams.id, "later"))).toEqual([expect.objectContaining({ id: "later", leadId: "a" })]);
    expect(await all("pragma integrity_check")).toEqual([{ integrity_check: "ok" }]);
  });
});
