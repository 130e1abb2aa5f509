// Runs once before all test files: migrates one template database, which each test file copies
// (app/test/setup-db.ts) instead of running every migration again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "#db/client";
import { migrateDatabase } from "#db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pf-template-"));
  const file = path.join(dir, "template.db");
  const url = `file:${file}`;
  const { db, client } = openDatabase(url);
  await migrateDatabase(db, client, url);
  // Fold the write-ahead log into the file so one file is the whole database.
  await client.execute("PRAGMA wal_checkpoint(TRUNCATE)");
  client.close();
  project.provide("templateDatabase", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
