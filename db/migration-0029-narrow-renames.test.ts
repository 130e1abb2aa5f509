// Migration 0029 is the narrow step of the renames widened in 0026 and 0027 (ADR 042): the pm_* columns, the
// reviews table and their sync triggers go. The database is written as the previous release left it (both
// names kept equal by triggers, this code writing the new names), then migrated to the end.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Client } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrationsBefore } from "./migrations-before";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-mig29-"));
let client: Client;
afterAll(() => {
  client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const all = async (sql: string) => (await client.execute(sql)).rows.map((r) => ({ ...r }));
const indexed = async (match: string) =>
  (await client.execute({ sql: "select entry_id from learnings_fts where learnings_fts match ? order by entry_id", args: [match] })).rows.map(
    (r) => r.entry_id,
  );

beforeAll(async () => {
  const opened = openDatabase(`file:${path.join(dir, "app.db")}`);
  client = opened.client;
  await migrate(opened.db, { migrationsFolder: migrationsBefore(dir, "0029_narrow_renames") });
  const now = Math.floor(Date.now() / 1000);
  await client.execute(
    "insert into users (id, email, name, password_hash) values ('u', 'o@example.com', 'Organizer', 'x'), ('j', 'j@example.com', 'Judge', 'x')",
  );
  await client.execute({
    sql: `insert into events (id, slug, title, created_by, starts_at, submission_deadline, judging_deadline, phase)
          values ('closed', 'closed', 'Closed event', 'u', ?1, ?1, ?1, 'closed'), ('open', 'open', 'Open event', 'u', ?1, ?1, ?1, 'open')`,
    args: [now],
  });
  await client.execute(`insert into problems (id, event_id, title, summary, who_has_it, cost_today, data_available, metric_name)
    values ('p', 'closed', 'Invoices', 'Late invoices', 'Finance', 'Hours', 'Ledger', 'Days late')`);
  for (const t of ["t1", "t2", "t3"])
    await client.execute({
      sql: "insert into teams (id, event_id, problem_id, name, invite_code, created_by) values (?1, 'closed', 'p', ?1, ?1, 'u')",
      args: [t],
    });
  // The previous release writes only the new names; the widen step's triggers copied them to the old ones.
  await client.execute(`insert into entries (id, event_id, team_id, status, title, post_mortem_worked, post_mortem_did_not_work, post_mortem_root_cause, post_mortem_next_steps)
    values ('kept', 'closed', 't1', 'submitted', 'Ledger bot', 'Parsing worked', 'Matching payments failed', 'integration', 'Pilot with treasury')`);
  await client.execute(
    "insert into overall_comments (entry_id, judge_id, comment, round, updated_at) values ('kept', 'j', 'Strong problem fit', 1, 100), ('kept', 'j', 'Held up in the final', 2, 200)",
  );
  await migrate(opened.db, { migrationsFolder: path.join(import.meta.dirname, "migrations") });
});

describe("migration 0029: the old names narrowed away", () => {
  it("drops the pm_* columns, their indexes, the reviews table and every sync trigger", async () => {
    const columns = (await all("pragma table_info(entries)")).map((c) => c.name as string);
    expect(columns.filter((c) => c.startsWith("pm_"))).toEqual([]);
    expect(columns.filter((c) => c.startsWith("post_mortem_"))).toHaveLength(6);
    // Nothing left in the schema names an old column or the old table.
    expect(await all("select type, name from sqlite_master where instr(sql, 'pm_') > 0 or instr(sql, '`reviews`') > 0 or name = 'reviews'")).toEqual([]);
    expect(
      (await all("select name from sqlite_master where type = 'index' and tbl_name = 'entries' and name like 'entries_%_idx'")).map((r) => r.name),
    ).toEqual(expect.arrayContaining(["entries_archive_v2_idx", "entries_fts_lookup_v2_idx"]));
  });

  it("keeps every post-mortem and overall comment, and the archive index, as they were", async () => {
    expect(await all("select post_mortem_worked, post_mortem_root_cause, post_mortem_next_steps from entries where id = 'kept'")).toEqual([
      { post_mortem_worked: "Parsing worked", post_mortem_root_cause: "integration", post_mortem_next_steps: "Pilot with treasury" },
    ]);
    expect(await all("select round, comment from overall_comments where entry_id = 'kept' order by round")).toEqual([
      { round: 1, comment: "Strong problem fit" },
      { round: 2, comment: "Held up in the final" },
    ]);
    expect(await indexed("matching")).toEqual(["kept"]);
    expect(await indexed("facets:zcauseintegration")).toEqual(["kept"]);
  });

  it("indexes an entry inserted submitted into a closed event once, and its edits", async () => {
    await client.execute(`insert into entries (id, event_id, team_id, status, title, post_mortem_did_not_work, post_mortem_root_cause)
      values ('inserted', 'closed', 't2', 'submitted', 'Dunning drafts', 'Tone misjudged', 'evaluation')`);
    expect(await indexed("misjudged")).toEqual(["inserted"]);
    await client.execute("update entries set post_mortem_differently = 'Ask collections first' where id = 'inserted'");
    expect(await indexed("collections")).toEqual(["inserted"]);
    expect(await indexed("misjudged")).toEqual(["inserted"]);
    expect(await all("select count(*) as n from learnings_fts where entry_id = 'inserted'")).toEqual([{ n: 1 }]);
  });

  it("leaves a draft out of the index, and closing its event brings it in", async () => {
    await client.execute(
      "insert into entries (id, event_id, team_id, status, title, post_mortem_next_steps) values ('draft', 'open', 't3', 'submitted', 'Soon', 'Hand over to payroll')",
    );
    expect(await indexed("payroll")).toEqual([]);
    await client.execute("update events set phase = 'closed' where id = 'open'");
    expect(await indexed("payroll")).toEqual(["draft"]);
  });
});
