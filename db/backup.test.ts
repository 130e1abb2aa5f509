import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { users } from "#db/schema";
import { db, dbClient } from "~/db.server";
import { createUser } from "~/test/fixtures";
import { openDatabase } from "./client";
import { backupDatabase, restoreDatabase } from "./backup";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("backup and restore", () => {
  it("takes a consistent copy while writes go on, and a restore brings the data back", async () => {
    await createUser({ email: "before-backup@example.com" });
    // Writers keep going while the backup runs.
    const writes = Promise.all(Array.from({ length: 5 }, () => createUser()));
    const backup = await backupDatabase(dbClient, path.join(dir, "copy.db"));
    await writes;

    const restored = await restoreDatabase(backup, path.join(dir, "restored", "app.db"));
    const { db: restoredDb, client } = openDatabase(`file:${restored}`);
    try {
      const integrity = (await client.execute("PRAGMA integrity_check")).rows[0][0];
      expect(integrity).toBe("ok");
      const emails = (await restoredDb.select({ email: users.email }).from(users)).map((u) => u.email);
      expect(emails).toContain("before-backup@example.com");
      const [{ count }] = await db.select({ count: sql<number>`count(*)` }).from(users);
      expect(emails.length).toBeLessThanOrEqual(count);
    } finally {
      client.close();
    }
  });

  it("refuses to overwrite an existing backup and to restore a corrupt file", async () => {
    const existing = path.join(dir, "exists.db");
    fs.writeFileSync(existing, "x");
    await expect(backupDatabase(dbClient, existing)).rejects.toThrow("Refusing to overwrite");
    const corrupt = path.join(dir, "corrupt.db");
    fs.writeFileSync(corrupt, "this is not a database at all, not even close".repeat(200));
    await expect(restoreDatabase(corrupt, path.join(dir, "target.db"))).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, "target.db"))).toBe(false);
  });
});
