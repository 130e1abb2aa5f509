// Migration 0026 widens entries.pm_* to entries.post_mortem_* (ADR 042): the new columns are backfilled, and
// triggers keep both names equal while the previous release (writing pm_* only) and this one (post_mortem_*
// only) run against one database. Raw SQL plays both releases, so the test sees exactly what each writes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrationsBefore } from "./migrations-before";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-mig26-"));
let client: Client;
afterAll(() => {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const suffixes = ["worked", "did_not_work", "root_cause", "root_cause_other", "differently", "next_steps"] as const;

/** The entry's post-mortem under both names, as { old: {...}, new: {...} }. */
async function bothNames(id: string) {
  const row = (await client.execute({ sql: "select * from entries where id = ?", args: [id] })).rows[0];
  return {
    old: Object.fromEntries(suffixes.map((s) => [s, row[`pm_${s}`]])),
    new: Object.fromEntries(suffixes.map((s) => [s, row[`post_mortem_${s}`]])),
  };
}

/** Entry ids the archive index finds for an FTS5 query, and how many rows it holds for each. */
async function indexed(match: string) {
  const rows = (await client.execute({ sql: "select entry_id from learnings_fts where learnings_fts match ? order by entry_id", args: [match] })).rows;
  return rows.map((r) => r.entry_id);
}

const teamIds = ["t1", "t2", "t3", "t4", "t5"];

beforeAll(async () => {
  const opened = openDatabase(`file:${path.join(dir, "old.db")}`);
  client = opened.client;
  await migrate(opened.db, { migrationsFolder: migrationsBefore(dir, "0026_post_mortem_columns") });
  const now = Math.floor(Date.now() / 1000);
  await client.execute("insert into users (id, email, name, password_hash) values ('u', 'o@example.com', 'Organizer', 'x')");
  await client.execute({
    sql: `insert into events (id, slug, title, created_by, starts_at, submission_deadline, judging_deadline, phase)
          values ('closed', 'closed', 'Closed event', 'u', ?1, ?1, ?1, 'closed'), ('open', 'open', 'Open event', 'u', ?1, ?1, ?1, 'open')`,
    args: [now],
  });
  await client.execute(`insert into problems (id, event_id, title, summary, who_has_it, cost_today, data_available, metric_name)
    values ('p', 'closed', 'Invoices', 'Late invoices', 'Finance', 'Hours', 'Ledger', 'Days late')`);
  for (const t of teamIds)
    await client.execute({
      sql: "insert into teams (id, event_id, problem_id, name, invite_code, created_by) values (?1, 'closed', 'p', ?1, ?1, 'u')",
      args: [t],
    });
  // Written before the migration: a submitted entry of the closed event, already in the archive index.
  await client.execute(`insert into entries (id, event_id, team_id, status, title, pm_worked, pm_did_not_work, pm_root_cause, pm_root_cause_other, pm_differently, pm_next_steps)
    values ('before', 'closed', 't1', 'submitted', 'Ledger bot', 'Parsing worked', 'Matching payments failed', 'other', 'Vendor strike', 'Ask sooner', 'Pilot')`);
  // Up to the release that widened, not through the narrow step that dropped the old names (ADR 042).
  await migrate(opened.db, { migrationsFolder: migrationsBefore(dir, "0029_narrow_renames") });
});

describe("migration 0026: pm_* widened to post_mortem_*", () => {
  it("backfills every post-mortem column and leaves the archive index as it was", async () => {
    const before = await bothNames("before");
    expect(before.new).toEqual({
      worked: "Parsing worked",
      did_not_work: "Matching payments failed",
      root_cause: "other",
      root_cause_other: "Vendor strike",
      differently: "Ask sooner",
      next_steps: "Pilot",
    });
    expect(before.new).toEqual(before.old);
    expect(await indexed("matching")).toEqual(["before"]);
  });

  it("runs with recursive triggers off, as the paired sync triggers assume", async () => {
    expect((await client.execute("pragma recursive_triggers")).rows[0][0]).toBe(0);
  });

  it("shows under the new names what the previous release writes under the old ones, and indexes it", async () => {
    await client.execute(
      "update entries set pm_did_not_work = 'Reconciling refunds failed', pm_root_cause = 'integration', version = version + 1 where id = 'before'",
    );
    const after = await bothNames("before");
    expect(after.new).toMatchObject({ did_not_work: "Reconciling refunds failed", root_cause: "integration", worked: "Parsing worked" });
    expect(after.new).toEqual(after.old);
    expect(await indexed("reconciling")).toEqual(["before"]);
    expect(await indexed("matching")).toEqual([]);
    expect(await indexed("facets:zcauseintegration")).toEqual(["before"]);
  });

  it("shows under the old names what this release writes under the new ones, and indexes it", async () => {
    await client.execute("update entries set post_mortem_next_steps = 'Roll out to accounts payable', post_mortem_root_cause = null where id = 'before'");
    const after = await bothNames("before");
    expect(after.old).toMatchObject({ next_steps: "Roll out to accounts payable", root_cause: null });
    expect(after.old).toEqual(after.new);
    expect(await indexed("payable")).toEqual(["before"]);
    expect(await indexed("facets:zcausenone")).toEqual(["before"]);
  });

  it("fills the other names on an insert by either release, and indexes each entry once", async () => {
    await client.execute(`insert into entries (id, event_id, team_id, status, title, pm_worked, pm_did_not_work, pm_root_cause)
      values ('old-insert', 'closed', 't2', 'submitted', 'Old writer', 'Receipts scanned', 'Handwriting unreadable', 'model-capability')`);
    await client.execute(`insert into entries (id, event_id, team_id, status, title, post_mortem_worked, post_mortem_did_not_work, post_mortem_root_cause)
      values ('new-insert', 'closed', 't3', 'submitted', 'New writer', 'Dunning drafted', 'Tone misjudged', 'evaluation')`);
    const old = await bothNames("old-insert");
    expect(old.new).toMatchObject({ worked: "Receipts scanned", did_not_work: "Handwriting unreadable", root_cause: "model-capability", next_steps: "" });
    expect(old.new).toEqual(old.old);
    const created = await bothNames("new-insert");
    expect(created.old).toMatchObject({ worked: "Dunning drafted", did_not_work: "Tone misjudged", root_cause: "evaluation", next_steps: "" });
    expect(created.old).toEqual(created.new);
    expect(await indexed("handwriting")).toEqual(["old-insert"]);
    expect(await indexed("misjudged")).toEqual(["new-insert"]);
    expect(await indexed("facets:zcausemodelcapability")).toEqual(["old-insert"]);
  });

  it("an entry inserted empty, as the app creates it, stays equal under both names as the team fills it in", async () => {
    await client.execute("insert into entries (id, event_id, team_id) values ('draft', 'open', 't4')");
    await client.execute("update entries set post_mortem_worked = 'First try' where id = 'draft'");
    await client.execute("update entries set pm_worked = 'Second try', pm_differently = 'Quarterly' where id = 'draft'");
    const draft = await bothNames("draft");
    expect(draft.new).toMatchObject({ worked: "Second try", differently: "Quarterly" });
    expect(draft.new).toEqual(draft.old);
    // Not submitted, not in a closed event: never indexed.
    expect(await indexed("quarterly")).toEqual([]);
  });

  it("closing an event indexes the post-mortem its entries have under the new names", async () => {
    await client.execute(`insert into entries (id, event_id, team_id, status, title, pm_next_steps)
      values ('at-close', 'open', 't5', 'submitted', 'Closing soon', 'Hand over to treasury')`);
    await client.execute("update events set phase = 'closed' where id = 'open'");
    expect(await indexed("treasury")).toEqual(["at-close"]);
  });
});
