// Migration 0009 backfills `kind` on rows written before it, and gives rows that the previous app version
// inserts during a rolling deploy (which knows no kind) theirs; rules key on kind, never on names.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrationsBefore } from "./migrations-before";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-mig-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("migration 0009: kind on criteria and awards", () => {
  it("backfills existing rows from their names and types rows the previous version inserts", async () => {
    const { db, client } = openDatabase(`file:${path.join(dir, "old.db")}`);
    await migrate(db, { migrationsFolder: migrationsBefore(dir, "0009_criteria_awards_kind") });
    const now = Math.floor(Date.now() / 1000);
    await client.execute("insert into users (id, email, name, password_hash) values ('u', 'o@example.com', 'Organizer', 'x')");
    await client.execute({
      sql: "insert into events (id, slug, title, created_by, starts_at, submission_deadline, judging_deadline) values ('ev', 'ev', 'Old event', 'u', ?, ?, ?)",
      args: [now, now, now],
    });
    const criteria = [
      ["c1", "Problem fit"],
      ["c2", "Learnings shared"],
      ["c3", "Learning curve"],
      ["c4", "Security"],
    ];
    for (const [i, [id, name]] of criteria.entries())
      await client.execute({
        sql: "insert into criteria (id, event_id, position, name, description, weight) values (?, 'ev', ?, ?, '', 10)",
        args: [id, i, name],
      });
    for (const [id, name] of [
      ["a1", "Most valuable failure"],
      ["a2", "Best AI metric"],
      ["a3", "Team spirit"],
    ])
      await client.execute({ sql: "insert into awards (id, event_id, name) values (?, 'ev', ?)", args: [id, name] });

    await migrate(db, { migrationsFolder: path.join(import.meta.dirname, "migrations") });
    const kinds = async (table: string) =>
      Object.fromEntries((await client.execute(`select id, kind from ${table} order by id`)).rows.map((r) => [r.id, r.kind]));
    // The first criterion by position that the old '%learning%' rule matched becomes the Learnings criterion.
    expect(await kinds("criteria")).toEqual({ c1: "problem-fit", c2: "learnings", c3: "custom", c4: "custom" });
    expect(await kinds("awards")).toEqual({ a1: "most-valuable-failure", a2: "best-ai-metric", a3: "custom" });

    // The previous version, still serving during the deploy, creates an event with the default rubric and awards.
    await client.execute({
      sql: "insert into events (id, slug, title, created_by, starts_at, submission_deadline, judging_deadline) values ('ev2', 'ev2', 'New event', 'u', ?, ?, ?)",
      args: [now, now, now],
    });
    await client.execute(
      "insert into criteria (id, event_id, position, name, description, weight) values ('n1', 'ev2', 0, 'Learnings', '', 10), ('n2', 'ev2', 1, 'Learnings', '', 10)",
    );
    await client.execute("insert into awards (id, event_id, name) values ('m1', 'ev2', 'Best overall')");
    expect((await kinds("criteria")).n1).toBe("learnings");
    expect((await kinds("criteria")).n2).toBe("custom");
    expect((await kinds("awards")).m1).toBe("best-overall");
    client.close();
  });
});
