// The one database client. Used by the app (through app/db.server.ts) and by scripts.
import fs from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "./schema";

export function openDatabase(url: string, authToken?: string) {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).split("?")[0];
    if (file && file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  // timeout sets SQLite's busy_timeout on every pooled connection, so concurrent
  // writers (several app processes on one file) wait instead of failing.
  const client: Client = createClient({ url, authToken, timeout: 5000 });
  const db = drizzle(client, { schema });
  return { client, db };
}

export type Database = ReturnType<typeof openDatabase>["db"];
