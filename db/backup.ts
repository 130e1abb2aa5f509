// Consistent copies of a file database while the app serves, and restoring one.
import fs from "node:fs";
import path from "node:path";
import { createClient, type Client } from "@libsql/client";

/** VACUUM INTO writes a consistent snapshot (a read transaction) without stopping writers. */
export async function backupDatabase(client: Client, targetFile: string) {
  const target = path.resolve(targetFile);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (fs.existsSync(target)) throw new Error(`Refusing to overwrite ${target}`);
  await client.execute({ sql: "VACUUM INTO ?", args: [target] });
  return target;
}

/** Checks a backup file and copies it over the database file. Run it with the app stopped. */
export async function restoreDatabase(backupFile: string, databaseFile: string) {
  const check = createClient({ url: `file:${path.resolve(backupFile)}` });
  try {
    const result = await check.execute("PRAGMA integrity_check");
    const verdict = String(result.rows[0]?.[0] ?? "");
    if (verdict !== "ok") throw new Error(`Backup failed its integrity check: ${verdict}`);
  } finally {
    check.close();
  }
  const target = path.resolve(databaseFile);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(target + suffix, { force: true });
  fs.copyFileSync(path.resolve(backupFile), target);
  return target;
}

export function fileOf(url: string): string | null {
  return url.startsWith("file:") ? url.slice("file:".length).split("?")[0] : null;
}
