// Migration 0013 counts every account that existed before it as having confirmed its address (ADR 028), so
// people and demo accounts already here keep joining teams; accounts made after it start unconfirmed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "./client";
import { migrationsBefore } from "./migrations-before";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-mig13-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("migration 0013: existing accounts are confirmed as of their creation; new rows start unconfirmed", async () => {
  const { db, client } = openDatabase(`file:${path.join(dir, "old.db")}`);
  try {
    await migrate(db, { migrationsFolder: migrationsBefore(dir, "0013_email_verification") });
    await client.execute("insert into users (id, email, name, password_hash, created_at) values ('old', 'old@example.com', 'Old', 'x', 1700000000)");
    await migrate(db, { migrationsFolder: path.join(import.meta.dirname, "migrations") });
    await client.execute("insert into users (id, email, name, password_hash) values ('new', 'new@example.com', 'New', 'x')");
    const rows = (await client.execute("select id, email_verified_at from users order by id")).rows.map((r) => [r.id, r.email_verified_at]);
    expect(rows).toEqual([
      ["new", null],
      ["old", 1700000000],
    ]);
  } finally {
    client.close();
  }
});
