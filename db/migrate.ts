import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Client } from "@libsql/client";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Database } from "./client";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export async function migrateDatabase(db: Database, client: Client, url: string) {
  if (url.startsWith("file:")) {
    // WAL lets readers continue while one writer writes; it is stored in the file.
    await client.execute("PRAGMA journal_mode=WAL");
  }
  await migrate(db, { migrationsFolder });
}
