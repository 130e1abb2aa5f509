// The one database client. Used by the app (through app/db.server.ts) and by scripts.
import fs from "node:fs";
import path from "node:path";
import { createClient, type Client, type InArgs, type InStatement, type TransactionMode } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as schema from "./schema";

export function openDatabase(url: string, authToken?: string) {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).split("?")[0];
    if (file && file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  // timeout sets SQLite's busy_timeout on every pooled connection, so concurrent
  // writers (several app processes on one file) wait instead of failing.
  const client = writeBatchesBeginImmediate(createClient({ url, authToken, timeout: 5000 }));
  const db = drizzle(client, { schema });
  return { client, db };
}

const readOnly = /^\s*select\b/i;

/**
 * Drizzle runs `db.batch` as libSQL's default "deferred" transaction. When such a batch reads before it writes and
 * another process writes meanwhile, SQLite cannot upgrade the batch's read snapshot and answers SQLITE_BUSY at once,
 * without waiting out busy_timeout. So every batch that writes begins with BEGIN IMMEDIATE, which waits for the write
 * lock first; batches of selects stay deferred.
 */
export function writeBatchesBeginImmediate(client: Client): Client {
  const batch = client.batch.bind(client);
  const sqlOf = (s: InStatement | [string, InArgs?]) => (typeof s === "string" ? s : Array.isArray(s) ? s[0] : s.sql);
  client.batch = (stmts, mode?: TransactionMode) => batch(stmts, mode ?? (stmts.every((s) => readOnly.test(sqlOf(s))) ? "deferred" : "write"));
  return client;
}

export type Database = ReturnType<typeof openDatabase>["db"];
